/** Ashby public job posting API client: the whole board, with compensation, in one request. */
import type { Http } from '../../http-types';
import type { BoardFetch, FetchValidators, RawPosting, SourceRef } from '../../types';
import { fetchSingleDocumentBoard, parseJsonPayload, requireToken } from '../shared';
import { ashbyJobBoardResponseSchema } from './api-types';
import { mapAshby } from './mapper';

export const ASHBY_API_ORIGIN = 'https://api.ashbyhq.com';

/** The real board URL: `/posting-api/job-board/{name}?includeCompensation=true`. */
export function ashbyBoardUrl(source: SourceRef): string {
  return `${ASHBY_API_ORIGIN}/posting-api/job-board/${encodeURIComponent(requireToken(source))}?includeCompensation=true`;
}

/** Validate and map a job board response body. */
export function parseAshbyBoard(text: string, source: SourceRef): RawPosting[] {
  return mapAshby(parseJsonPayload(text, ashbyJobBoardResponseSchema, 'Ashby job board response'), source);
}

/**
 * Fetch an Ashby board.
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
    'ashby',
    ashbyBoardUrl(source),
    previous,
    (text) => parseAshbyBoard(text, source),
    overrides,
  );
}
