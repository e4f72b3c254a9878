/**
 * Greenhouse Job Board API client: the whole board in one request (no paging), with content.
 * EU-hosted boards (job-boards.eu.greenhouse.io) are not served by the US API host.
 */
import type { Http } from '../../http-types';
import type { BoardFetch, FetchValidators, RawPosting, SourceRef } from '../../types';
import { fetchSingleDocumentBoard, parseJsonPayload, requireToken } from '../shared';
import { greenhouseJobsResponseSchema } from './api-types';
import { mapGreenhouse } from './mapper';

/** @default US host; EU boards use `GREENHOUSE_EU_API_ORIGIN`. */
export const GREENHOUSE_API_ORIGIN = 'https://boards-api.greenhouse.io';
export const GREENHOUSE_EU_API_ORIGIN = 'https://boards-api.eu.greenhouse.io';

/** Whether a source is a board on Greenhouse's EU instance (config `region: 'eu'` or an EU board URL). */
export function isGreenhouseEu(source: SourceRef): boolean {
  if (source.config['region'] === 'eu') return true;
  if (!source.url) return false;
  try {
    return new URL(source.url).hostname.toLowerCase().endsWith('.eu.greenhouse.io');
  } catch {
    return false;
  }
}

/** The real jobs URL of a board: `/v1/boards/{token}/jobs?content=true`. */
export function greenhouseJobsUrl(source: SourceRef): string {
  const origin = isGreenhouseEu(source) ? GREENHOUSE_EU_API_ORIGIN : GREENHOUSE_API_ORIGIN;
  return `${origin}/v1/boards/${encodeURIComponent(requireToken(source))}/jobs?content=true`;
}

/** Validate and map a jobs response body. */
export function parseGreenhouseJobs(text: string, source: SourceRef): RawPosting[] {
  return mapGreenhouse(
    parseJsonPayload(text, greenhouseJobsResponseSchema, 'Greenhouse jobs response'),
    source,
  );
}

/**
 * Fetch a Greenhouse board.
 * @param overrides - Origin overrides (kind -> origin). @default env().originOverrides
 */
export function fetchBoard(
  http: Http,
  source: SourceRef,
  previous: FetchValidators | null,
  overrides?: Record<string, string>,
): Promise<BoardFetch> {
  return fetchSingleDocumentBoard(
    http,
    'greenhouse',
    greenhouseJobsUrl(source),
    previous,
    (text) => parseGreenhouseJobs(text, source),
    overrides,
  );
}
