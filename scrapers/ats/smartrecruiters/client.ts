/**
 * SmartRecruiters Posting API client: the list, paged by `totalFound`, then one detail request per
 * posting for its description — only when the list changed since the last fetch.
 */
import { z } from 'zod';
import type { Http, HttpResponse } from '../../http-types';
import type { BoardFetch, FetchValidators, RawPosting, SourceRef } from '../../types';
import {
  combinedHash,
  parseJsonPayload,
  requestSource,
  requireToken,
  unchangedValidators,
  validatePayload,
  validatorsFrom,
} from '../shared';
import {
  smartRecruitersListResponseSchema,
  smartRecruitersPostingSchema,
  type SmartRecruitersPosting,
} from './api-types';
import { mapSmartRecruiters } from './mapper';

export const SMARTRECRUITERS_API_ORIGIN = 'https://api.smartrecruiters.com';
/** Postings per list page (the API's maximum). */
export const SMARTRECRUITERS_PAGE_SIZE = 100;
/** A list longer than this many pages is treated as a misbehaving server. */
export const SMARTRECRUITERS_MAX_PAGES = 200;
/** Detail requests in flight at once for one board (the HTTP client also caps per host). */
export const SMARTRECRUITERS_DETAIL_CONCURRENCY = 4;

function companyPath(source: SourceRef): string {
  return `${SMARTRECRUITERS_API_ORIGIN}/v1/companies/${encodeURIComponent(requireToken(source))}/postings`;
}

/** The real URL of one list page: `/v1/companies/{id}/postings?limit=100&offset=N`. */
export function smartRecruitersListUrl(source: SourceRef, offset: number): string {
  return `${companyPath(source)}?limit=${SMARTRECRUITERS_PAGE_SIZE}&offset=${offset}`;
}

/** The real URL of a posting's detail: `/v1/companies/{id}/postings/{postingId}`. */
export function smartRecruitersDetailUrl(source: SourceRef, postingId: string): string {
  return `${companyPath(source)}/${encodeURIComponent(postingId)}`;
}

/**
 * Validate and map a saved response: either a list page (`content[]`, without descriptions) or a
 * single posting detail.
 */
export function parseSmartRecruitersSaved(text: string, source: SourceRef): RawPosting[] {
  const data = parseJsonPayload(text, z.unknown(), 'SmartRecruiters response');
  const isList = typeof data === 'object' && data !== null && 'content' in data;
  if (isList) {
    const list = validatePayload(data, smartRecruitersListResponseSchema, 'SmartRecruiters postings list');
    return mapSmartRecruiters(list.content, source);
  }
  return mapSmartRecruiters(
    [validatePayload(data, smartRecruitersPostingSchema, 'SmartRecruiters posting')],
    source,
  );
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 404;
}

/** Run `task` over `items` with at most `limit` at once, keeping order. */
async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Fetch a SmartRecruiters board: every list page, then each posting's detail.
 * @param overrides - Origin overrides (kind -> origin). @default env().originOverrides
 */
export async function fetchBoard(
  http: Http,
  source: SourceRef,
  previous: FetchValidators | null,
  overrides?: Record<string, string>,
): Promise<BoardFetch> {
  const pages: HttpResponse[] = [];
  const listed: SmartRecruitersPosting[] = [];
  const seen = new Set<string>();
  for (let offset = 0; ;) {
    const first = pages.length === 0;
    const conditional = first
      ? { etag: previous?.etag ?? null, lastModified: previous?.lastModified ?? null }
      : {};
    const response = await requestSource(
      http,
      'smartrecruiters',
      smartRecruitersListUrl(source, offset),
      conditional,
      overrides,
    );
    if (first && response.notModified) {
      return {
        status: 'not_modified',
        httpStatus: response.status,
        validators: unchangedValidators(response, previous),
        requests: 1,
      };
    }
    pages.push(response);
    const page = parseJsonPayload(
      response.text,
      smartRecruitersListResponseSchema,
      `SmartRecruiters postings list (offset=${offset})`,
    );
    for (const posting of page.content) {
      if (seen.has(posting.id)) continue;
      seen.add(posting.id);
      listed.push(posting);
    }
    offset += page.content.length;
    if (page.content.length === 0 || offset >= page.totalFound) break;
    if (pages.length >= SMARTRECRUITERS_MAX_PAGES) {
      throw new Error(
        `SmartRecruiters list has more than ${SMARTRECRUITERS_MAX_PAGES} pages; refusing to page further`,
      );
    }
  }

  const firstPage = pages[0]!;
  const contentHash = combinedHash(pages);
  const validators = validatorsFrom(firstPage, contentHash);
  if (previous?.contentHash === contentHash) {
    return { status: 'not_modified', httpStatus: firstPage.status, validators, requests: pages.length };
  }

  const detailed = await mapWithConcurrency(listed, SMARTRECRUITERS_DETAIL_CONCURRENCY, async (posting) => {
    try {
      const response = await requestSource(
        http,
        'smartrecruiters',
        smartRecruitersDetailUrl(source, posting.id),
        {},
        overrides,
      );
      return parseJsonPayload(
        response.text,
        smartRecruitersPostingSchema,
        `SmartRecruiters posting ${posting.id}`,
      );
    } catch (error) {
      // Unpublished between the list and the detail: keep the listed posting (without description)
      // rather than fail the board; the next list will drop it. Other failures fail the fetch.
      if (isNotFound(error)) return posting;
      throw error;
    }
  });

  return {
    status: 'ok',
    httpStatus: firstPage.status,
    postings: mapSmartRecruiters(detailed, source),
    validators,
    requests: pages.length + listed.length,
  };
}
