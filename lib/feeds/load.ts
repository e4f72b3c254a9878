/** The jobs a feed lists: the search's newest open matches, with when each last changed. */
import { getSearchEngine, type JobSummary } from '../search/engine';
import type { JobQuery } from '../search/query';

/** Items per feed. */
export const FEED_SIZE = 50;

/**
 * What a feed lists for `query`: whatever page, order or status the query asked for, a feed is the
 * newest `FEED_SIZE` open jobs matching it.
 */
export function feedQuery(query: JobQuery): JobQuery {
  return { ...query, sort: 'newest', page: 1, perPage: FEED_SIZE, status: 'open' };
}

/**
 * Run the feed's search: the page's jobs only. Each carries `updatedAt`, the last change of its
 * content, which dates the feed's items (`lastSeenAt` moves on every scrape even when nothing
 * changed, so it would make every item "updated", and every ETag new, several times a day).
 */
export async function loadFeedJobs(query: JobQuery): Promise<JobSummary[]> {
  const engine = await getSearchEngine();
  // No facets and no total: a feed lists its page only, which the engine can find without
  // visiting every match.
  return (await engine.search(feedQuery(query), { pageOnly: true })).jobs;
}
