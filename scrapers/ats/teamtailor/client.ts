/**
 * Teamtailor RSS client: the whole board in one request. Career sites live on
 * `{company}.teamtailor.com` or on the company's own domain; both publish `/jobs.rss`.
 */
import type { Http } from '../../http-types';
import type { BoardFetch, FetchValidators, RawPosting, SourceRef } from '../../types';
import { fetchSingleDocumentBoard, parseXmlPayload, requireToken, validatePayload } from '../shared';
import { TEAMTAILOR_ARRAY_PATHS, teamtailorFeedSchema } from './api-types';
import { mapTeamtailorFeed } from './mapper';

/**
 * The real feed URL: `/jobs.rss` on the career site. A source URL on the company's own domain
 * (careers.acme.com) wins; otherwise the token names the `{company}.teamtailor.com` site.
 */
export function teamtailorFeedUrl(source: SourceRef): string {
  if (source.url) {
    const site = new URL(source.url);
    if (site.protocol === 'https:' || site.protocol === 'http:')
      return new URL('/jobs.rss', site.origin).toString();
  }
  return `https://${encodeURIComponent(requireToken(source).toLowerCase())}.teamtailor.com/jobs.rss`;
}

/** Validate and map a feed body (RSS). */
export function parseTeamtailorFeed(text: string, _source?: SourceRef): RawPosting[] {
  const what = 'Teamtailor RSS feed';
  return mapTeamtailorFeed(
    validatePayload(parseXmlPayload(text, what, TEAMTAILOR_ARRAY_PATHS), teamtailorFeedSchema, what),
  );
}

/**
 * Fetch a Teamtailor board.
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
    'teamtailor',
    teamtailorFeedUrl(source),
    previous,
    (text) => parseTeamtailorFeed(text, source),
    overrides,
  );
}
