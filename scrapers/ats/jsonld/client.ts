/**
 * Careers pages with schema.org JobPosting JSON-LD: read the careers page; when it does not carry a
 * JobPosting for every job it links to, follow its same-site job links (to a bound) and read each.
 * Every request is an HTML page request, so robots.txt applies.
 */
import { z } from 'zod';
import { HttpError } from '../../http/errors';
import type { Http } from '../../http-types';
import type { BoardFetch, FetchValidators, RawPosting, SourceRef } from '../../types';
import { conditionalUnchanged, validatorsFrom } from '../shared';
import { mapJsonLdPage } from './mapper';
import { readJsonLdPage, readSavedJsonLdPage } from './page';

/** Options a jsonld source may set in its config. */
export const jsonLdConfigSchema = z.looseObject({
  /** How many job pages one fetch may read besides the careers page. @default 50 */
  maxPages: z.number().int().min(0).max(1000).optional(),
});

/** @default bound on followed job pages */
export const DEFAULT_MAX_PAGES = 50;

/** The careers page URL of a jsonld source (http(s) only). */
export function careersPageUrl(source: SourceRef): string {
  const raw = source.url?.trim();
  if (!raw) throw new Error(`A ${source.kind} source needs the careers page URL`);
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`A ${source.kind} source needs an http(s) careers page URL, not ${url.protocol}`);
  }
  return url.toString();
}

function maxPagesOf(source: SourceRef): number {
  const config = jsonLdConfigSchema.safeParse(source.config);
  if (!config.success) {
    const issue = config.error.issues[0];
    throw new Error(`Invalid jsonld source config: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return config.data.maxPages ?? DEFAULT_MAX_PAGES;
}

/** Validate and map one saved page (the careers page or a job page): its JobPostings only. */
export function parseJsonLdPage(text: string, source: SourceRef): RawPosting[] {
  const pageUrl = careersPageUrl(source);
  return mapJsonLdPage(readSavedJsonLdPage(text, pageUrl).postings, pageUrl);
}

/** Whether an HTTP error says the page is gone (a stale link on the careers page). */
function isGone(error: unknown): boolean {
  return error instanceof HttpError && (error.status === 404 || error.status === 410);
}

/**
 * Fetch a careers page and, when needed, its job pages.
 *
 * "When needed": the careers page holds fewer JobPostings than it has job links. Links whose URL is
 * already a JobPosting's `url` on the page are not fetched again. Postings are unique by external id,
 * first seen wins (the careers page before job pages).
 */
export async function fetchBoard(
  http: Http,
  source: SourceRef,
  previous: FetchValidators | null,
): Promise<BoardFetch> {
  const pageUrl = careersPageUrl(source);
  const maxPages = maxPagesOf(source);
  const response = await http.request(pageUrl, {
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
  const page = readJsonLdPage(response.text, response.url);
  const postings: RawPosting[] = mapJsonLdPage(page.postings, response.url);
  const covered = new Set(postings.map((posting) => posting.applyUrl));
  const toFollow =
    page.postings.length < page.jobLinks.length
      ? page.jobLinks.filter((link) => !covered.has(link)).slice(0, maxPages)
      : [];

  const fromJobPages = await Promise.all(
    toFollow.map(async (link) => {
      try {
        const jobPage = await http.request(link, { purpose: 'html' });
        return mapJsonLdPage(readJsonLdPage(jobPage.text, jobPage.url).postings, jobPage.url);
      } catch (error) {
        // A dead link is not a broken board; anything else (5xx, robots, bad JSON-LD) fails the fetch,
        // so a partial board never closes jobs.
        if (isGone(error)) return [];
        throw error;
      }
    }),
  );

  const unique = new Map<string, RawPosting>();
  for (const posting of [...postings, ...fromJobPages.flat()]) {
    if (!unique.has(posting.externalId)) unique.set(posting.externalId, posting);
  }
  return {
    status: 'ok',
    httpStatus: response.status,
    postings: [...unique.values()],
    validators: validatorsFrom(response, response.hash),
    requests: 1 + toFollow.length,
  };
}
