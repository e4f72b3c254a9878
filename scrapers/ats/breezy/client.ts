/** Breezy HR board client: the whole board in one request (`/json`, a flat array). */
import type { Http } from '../../http-types';
import type { BoardFetch, FetchValidators, RawPosting, SourceRef } from '../../types';
import { fetchSingleDocumentBoard, parseJsonPayload, requireToken } from '../shared';
import { breezyFeedSchema } from './api-types';
import { mapBreezyFeed } from './mapper';

/** The company's subdomain, lower-cased (`acme` for acme.breezy.hr). */
export function breezySubdomain(source: SourceRef): string {
  return requireToken(source).toLowerCase();
}

/** The real feed URL. */
export function breezyFeedUrl(source: SourceRef): string {
  return `https://${encodeURIComponent(breezySubdomain(source))}.breezy.hr/json`;
}

/** Validate and map a feed body. */
export function parseBreezyFeed(text: string, source: SourceRef): RawPosting[] {
  return mapBreezyFeed(parseJsonPayload(text, breezyFeedSchema, 'Breezy HR board'), breezySubdomain(source));
}

/**
 * Fetch a Breezy HR board.
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
    'breezy',
    breezyFeedUrl(source),
    previous,
    (text) => parseBreezyFeed(text, source),
    overrides,
  );
}
