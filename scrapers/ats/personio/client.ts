/**
 * Personio XML feed client: the whole board in one request. The company must have enabled the feed;
 * the default language is German, so English is asked for explicitly.
 */
import type { Http } from '../../http-types';
import type { BoardFetch, FetchValidators, RawPosting, SourceRef } from '../../types';
import { fetchSingleDocumentBoard, parseXmlPayload, requireToken, validatePayload } from '../shared';
import { PERSONIO_ARRAY_PATHS, personioFeedSchema } from './api-types';
import { mapPersonioFeed } from './mapper';

/**
 * The account's public origin: `https://{account}.jobs.personio.de`, or `.com` when the source says
 * so (config `domain: 'com'`, or a board URL on jobs.personio.com). Accounts exist on one or the other.
 */
export function personioOrigin(source: SourceRef): string {
  const account = requireToken(source).toLowerCase();
  let domain = source.config['domain'] === 'com' ? 'com' : 'de';
  if (source.url) {
    try {
      if (new URL(source.url).hostname.toLowerCase().endsWith('.jobs.personio.com')) domain = 'com';
    } catch {
      // A malformed board URL does not decide the domain; the token still names the account.
    }
  }
  return `https://${encodeURIComponent(account)}.jobs.personio.${domain}`;
}

/** The real feed URL. */
export function personioFeedUrl(source: SourceRef): string {
  return `${personioOrigin(source)}/xml?language=en`;
}

/** Validate and map a feed body (XML). */
export function parsePersonioFeed(text: string, source: SourceRef): RawPosting[] {
  const what = 'Personio XML feed';
  const feed = validatePayload(parseXmlPayload(text, what, PERSONIO_ARRAY_PATHS), personioFeedSchema, what);
  return mapPersonioFeed(feed, personioOrigin(source));
}

/**
 * Fetch a Personio board.
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
    'personio',
    personioFeedUrl(source),
    previous,
    (text) => parsePersonioFeed(text, source),
    overrides,
  );
}
