/**
 * Saved searches store their query canonical (jobQueryToRecord), without what does not change which
 * jobs match: paging, sorting and the open/closed status (alerts are always about open jobs).
 */
import {
  DEFAULT_PER_PAGE,
  jobQueryToRecord,
  jobQueryToSearchParams,
  parseJobQuery,
  type JobQuery,
  type JobQueryError,
  type JobQueryInput,
} from '../search/query';

/** The stored form of a saved search's query. */
export type SavedQueryRecord = Record<string, string | string[]>;

/** What an alert matches against: the query with paging, sorting and status neutralized. */
export function alertQuery(query: JobQuery): JobQuery {
  return {
    ...query,
    page: 1,
    perPage: DEFAULT_PER_PAGE,
    sort: query.q ? 'relevance' : 'newest',
    status: 'open',
  };
}

/** Parse raw search parameters into the canonical record to store, or the 400-style errors. */
export function toSavedQuery(
  input: JobQueryInput,
): { ok: true; query: JobQuery; record: SavedQueryRecord } | { ok: false; errors: JobQueryError[] } {
  const parsed = parseJobQuery(input);
  if (!parsed.ok) return parsed;
  const query = alertQuery(parsed.query);
  return { ok: true, query, record: jobQueryToRecord(query) };
}

/** A stored record back to a query; null when it no longer parses (a vocabulary change). */
export function fromSavedQuery(record: SavedQueryRecord): JobQuery | null {
  const parsed = parseJobQuery(record);
  return parsed.ok ? alertQuery(parsed.query) : null;
}

/** The search on the site, newest first (what "see all" opens). */
export function searchPageUrl(publicUrl: string, query: JobQuery): string {
  const params = jobQueryToSearchParams({ ...query, sort: 'newest' });
  const search = params.toString();
  return `${publicUrl}/${search ? `?${search}` : ''}`;
}

/** A stable key of a record: equal queries, equal keys (groups saved searches for matching). */
export function savedQueryKey(record: SavedQueryRecord): string {
  return JSON.stringify(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
