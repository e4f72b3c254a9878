/**
 * Plain careers pages read with CSS selectors from the source's config: the careers page, then, when
 * the config has `detail` selectors and the page changed, each job's page (up to `maxPages`). Every
 * request is an HTML page request, so robots.txt applies.
 */
import { HttpError } from '../../http/errors';
import type { Http } from '../../http-types';
import type { BoardFetch, FetchValidators, RawPosting, SourceRef } from '../../types';
import { conditionalUnchanged, validatorsFrom } from '../shared';
import { mapHtmlJobItems } from './mapper';
import { parseHtmlSourceConfig, readHtmlJobDetail, readHtmlJobItems, type HtmlJobDetail } from './page';

/** @default bound on job pages read per fetch */
export const DEFAULT_MAX_PAGES = 50;

/** The careers page URL of an html source (http(s) only). */
export function careersPageUrl(source: SourceRef): string {
  const raw = source.url?.trim();
  if (!raw) throw new Error('An html source needs the careers page URL');
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`An html source needs an http(s) careers page URL, not ${url.protocol}`);
  }
  return url.toString();
}

/** Validate and map a saved careers page with the source's selectors (job pages are not read). */
export function parseHtmlCareersPage(text: string, source: SourceRef): RawPosting[] {
  const config = parseHtmlSourceConfig(source.config);
  return mapHtmlJobItems(readHtmlJobItems(text, careersPageUrl(source), config));
}

/** Whether an HTTP error says the page is gone (a stale link on the careers page). */
function isGone(error: unknown): boolean {
  return error instanceof HttpError && (error.status === 404 || error.status === 410);
}

/** Fetch a careers page and, with `detail` selectors, its job pages. */
export async function fetchBoard(
  http: Http,
  source: SourceRef,
  previous: FetchValidators | null,
): Promise<BoardFetch> {
  const config = parseHtmlSourceConfig(source.config);
  const response = await http.request(careersPageUrl(source), {
    purpose: 'html',
    etag: previous?.etag ?? null,
    lastModified: previous?.lastModified ?? null,
  });
  if (conditionalUnchanged(response, previous)) {
    const contentHash = response.notModified ? (previous?.contentHash ?? null) : response.hash;
    return {
      status: 'not_modified',
      httpStatus: response.status,
      validators: { ...validatorsFrom(response, contentHash ?? ''), contentHash },
      requests: 1,
    };
  }
  // Relative links resolve against where the page really is, after redirects.
  const items = readHtmlJobItems(response.text, response.url, config);
  const details = new Map<string, HtmlJobDetail>();
  const detailSelectors = config.detail;
  const links = detailSelectors
    ? [...new Set(items.map((item) => item.link))].slice(0, config.maxPages ?? DEFAULT_MAX_PAGES)
    : [];
  if (detailSelectors) {
    await Promise.all(
      links.map(async (link) => {
        try {
          const page = await http.request(link, { purpose: 'html' });
          details.set(link, readHtmlJobDetail(page.text, detailSelectors));
        } catch (error) {
          // A dead link keeps what the careers page says; other failures fail the fetch, so a partial
          // board never closes jobs.
          if (!isGone(error)) throw error;
        }
      }),
    );
  }
  return {
    status: 'ok',
    httpStatus: response.status,
    postings: mapHtmlJobItems(items, details),
    validators: validatorsFrom(response, response.hash),
    requests: 1 + links.length,
  };
}
