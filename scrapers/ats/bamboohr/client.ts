/**
 * BambooHR careers client: the list (one conditional request), then, only when the list changed, one
 * detail request per job for its description, date and pay. The shared HTTP client spaces the detail
 * requests out per host.
 */
import { HttpError } from '../../http/errors';
import type { Http } from '../../http-types';
import type { BoardFetch, FetchValidators, RawPosting, SourceRef } from '../../types';
import {
  conditionalUnchanged,
  parseJsonPayload,
  requestSource,
  requireToken,
  validatorsFrom,
} from '../shared';
import { bambooDetailSchema, bambooListSchema, type BambooJobOpening } from './api-types';
import { mapBambooBoard } from './mapper';

/** The company's subdomain, lower-cased (`acme` for acme.bamboohr.com). */
export function bambooSubdomain(source: SourceRef): string {
  return requireToken(source).toLowerCase();
}

/** The real careers list URL. */
export function bambooListUrl(source: SourceRef): string {
  return `https://${encodeURIComponent(bambooSubdomain(source))}.bamboohr.com/careers/list`;
}

/** The real detail URL of one job. */
export function bambooDetailUrl(source: SourceRef, jobId: string): string {
  return `https://${encodeURIComponent(bambooSubdomain(source))}.bamboohr.com/careers/${encodeURIComponent(jobId)}/detail`;
}

/** Validate and map a saved `/careers/list` body (without details: no descriptions or dates). */
export function parseBambooList(text: string, source: SourceRef): RawPosting[] {
  const list = parseJsonPayload(text, bambooListSchema, 'BambooHR careers list');
  return mapBambooBoard(list, new Map(), bambooSubdomain(source));
}

/** Whether an HTTP error says the job is gone (it closed between the list and its detail). */
function isGone(error: unknown): boolean {
  return error instanceof HttpError && (error.status === 404 || error.status === 410);
}

/**
 * Fetch a BambooHR board.
 * @param overrides - Origin overrides (kind -> origin). @default env().originOverrides
 */
export async function fetchBoard(
  http: Http,
  source: SourceRef,
  previous: FetchValidators | null,
  overrides?: Record<string, string>,
): Promise<BoardFetch> {
  const listResponse = await requestSource(
    http,
    'bamboohr',
    bambooListUrl(source),
    { etag: previous?.etag ?? null, lastModified: previous?.lastModified ?? null },
    overrides,
  );
  if (conditionalUnchanged(listResponse, previous)) {
    const contentHash = listResponse.notModified ? (previous?.contentHash ?? null) : listResponse.hash;
    return {
      status: 'not_modified',
      httpStatus: listResponse.status,
      validators: { ...validatorsFrom(listResponse, contentHash ?? ''), contentHash },
      requests: 1,
    };
  }
  const list = parseJsonPayload(listResponse.text, bambooListSchema, 'BambooHR careers list');
  const details = new Map<string, BambooJobOpening>();
  await Promise.all(
    list.result.map(async (job) => {
      const jobId = String(job.id);
      try {
        const response = await requestSource(http, 'bamboohr', bambooDetailUrl(source, jobId), {}, overrides);
        const detail = parseJsonPayload(response.text, bambooDetailSchema, `BambooHR job ${jobId} detail`);
        details.set(jobId, detail.result.jobOpening);
      } catch (error) {
        // Any other failure fails the board: a partial board must not close jobs.
        if (!isGone(error)) throw error;
      }
    }),
  );
  return {
    status: 'ok',
    httpStatus: listResponse.status,
    postings: mapBambooBoard(list, details, bambooSubdomain(source)),
    validators: validatorsFrom(listResponse, listResponse.hash),
    requests: 1 + list.result.length,
  };
}
