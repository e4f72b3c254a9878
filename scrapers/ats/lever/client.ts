/**
 * Lever Postings API client. Lever gives no total: pages of `limit` postings are requested with
 * `skip` until a page comes back short. EU accounts live on api.eu.lever.co.
 */
import type { Http, HttpResponse } from '../../http-types';
import type { BoardFetch, FetchValidators, RawPosting, SourceRef } from '../../types';
import {
  combinedHash,
  parseJsonPayload,
  requestSource,
  requireToken,
  unchangedValidators,
  validatorsFrom,
} from '../shared';
import { leverPostingsResponseSchema, type LeverPosting } from './api-types';
import { mapLever } from './mapper';

export const LEVER_API_ORIGIN = 'https://api.lever.co';
export const LEVER_EU_API_ORIGIN = 'https://api.eu.lever.co';
/** Postings per page. */
export const LEVER_PAGE_SIZE = 100;
/** A board larger than this many pages is treated as a misbehaving server, not a real board. */
export const LEVER_MAX_PAGES = 200;

/** Whether a source is a Lever EU account (config `region: 'eu'` or a jobs.eu.lever.co URL). */
export function isLeverEu(source: SourceRef): boolean {
  if (source.config['region'] === 'eu') return true;
  if (!source.url) return false;
  try {
    return new URL(source.url).hostname.toLowerCase().endsWith('.eu.lever.co');
  } catch {
    return false;
  }
}

/** The real URL of one page: `/v0/postings/{site}?mode=json&skip=N&limit=100`. */
export function leverPageUrl(source: SourceRef, skip: number): string {
  const origin = isLeverEu(source) ? LEVER_EU_API_ORIGIN : LEVER_API_ORIGIN;
  const site = encodeURIComponent(requireToken(source));
  return `${origin}/v0/postings/${site}?mode=json&skip=${skip}&limit=${LEVER_PAGE_SIZE}`;
}

/** Validate and map a saved postings response (one page or a whole board). */
export function parseLeverPostings(text: string, source: SourceRef): RawPosting[] {
  return mapLever(parseJsonPayload(text, leverPostingsResponseSchema, 'Lever postings response'), source);
}

/**
 * Fetch every page of a Lever board. Only the first page is conditional; the board is unchanged when
 * it answers 304 or when the hash over all pages equals the remembered one.
 * @param overrides - Origin overrides (kind -> origin). @default env().originOverrides
 */
export async function fetchBoard(
  http: Http,
  source: SourceRef,
  previous: FetchValidators | null,
  overrides?: Record<string, string>,
): Promise<BoardFetch> {
  const pages: HttpResponse[] = [];
  const postings: LeverPosting[] = [];
  const seen = new Set<string>();
  for (let page = 0; ; page += 1) {
    const skip = page * LEVER_PAGE_SIZE;
    const conditional =
      page === 0 ? { etag: previous?.etag ?? null, lastModified: previous?.lastModified ?? null } : {};
    const response = await requestSource(http, 'lever', leverPageUrl(source, skip), conditional, overrides);
    if (page === 0 && response.notModified) {
      return {
        status: 'not_modified',
        httpStatus: response.status,
        validators: unchangedValidators(response, previous),
        requests: 1,
      };
    }
    pages.push(response);
    const batch = parseJsonPayload(
      response.text,
      leverPostingsResponseSchema,
      `Lever postings page (skip=${skip})`,
    );
    const fresh = batch.filter((posting) => !seen.has(posting.id));
    // A server that ignores `skip` would otherwise page forever (or return a truncated board that
    // would close real postings): fail the fetch instead.
    if (batch.length > 0 && fresh.length === 0) {
      throw new Error(`Lever returned the same postings again at skip=${skip}; paging does not advance`);
    }
    for (const posting of fresh) seen.add(posting.id);
    postings.push(...fresh);
    if (batch.length < LEVER_PAGE_SIZE) break;
    if (page + 1 >= LEVER_MAX_PAGES) {
      throw new Error(`Lever board has more than ${LEVER_MAX_PAGES} pages; refusing to page further`);
    }
  }
  const first = pages[0]!;
  const contentHash = combinedHash(pages);
  if (previous?.contentHash === contentHash) {
    return {
      status: 'not_modified',
      httpStatus: first.status,
      validators: validatorsFrom(first, contentHash),
      requests: pages.length,
    };
  }
  return {
    status: 'ok',
    httpStatus: first.status,
    postings: mapLever(postings, source),
    validators: validatorsFrom(first, contentHash),
    requests: pages.length,
  };
}
