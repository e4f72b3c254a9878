/** Workable widget API client: every published job of an account, with descriptions, in one request. */
import type { Http } from '../../http-types';
import type { BoardFetch, FetchValidators, RawPosting, SourceRef } from '../../types';
import { fetchSingleDocumentBoard, parseJsonPayload, requireToken } from '../shared';
import { workableAccountResponseSchema } from './api-types';
import { mapWorkable } from './mapper';

export const WORKABLE_API_ORIGIN = 'https://apply.workable.com';

/** The real account URL: `/api/v1/widget/accounts/{slug}?details=true`. */
export function workableAccountUrl(source: SourceRef): string {
  return `${WORKABLE_API_ORIGIN}/api/v1/widget/accounts/${encodeURIComponent(requireToken(source))}?details=true`;
}

/** Validate and map an account response body. */
export function parseWorkableAccount(text: string, source: SourceRef): RawPosting[] {
  return mapWorkable(
    parseJsonPayload(text, workableAccountResponseSchema, 'Workable account response'),
    source,
  );
}

/**
 * Fetch a Workable account's jobs.
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
    'workable',
    workableAccountUrl(source),
    previous,
    (text) => parseWorkableAccount(text, source),
    overrides,
  );
}
