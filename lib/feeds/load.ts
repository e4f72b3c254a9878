/** The jobs a feed lists: the search's newest open matches, with when each last changed. */
import { getDatabase } from '../db/client';
import { getSearchEngine } from '../search/engine';
import type { JobQuery } from '../search/query';
import type { FeedJob } from './build';

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
 * Run the feed's search, and read when each job's content last changed. `lastSeenAt` moves on every
 * scrape even when nothing changed, so it would make every item "updated" (and every ETag new)
 * several times a day; jobs.updated_at only moves when the listing itself does.
 */
export async function loadFeedJobs(query: JobQuery): Promise<FeedJob[]> {
  const engine = await getSearchEngine();
  // No facets and no total: a feed lists its page only, which the engine can find without
  // visiting every match.
  const result = await engine.search(feedQuery(query), { pageOnly: true });
  if (result.internalIds.length === 0) return [];
  const { sql } = await getDatabase();
  // postgres.js may return timestamps as Date or as text: new Date() takes both.
  const rows = await sql<{ public_id: string; updated_at: Date | string }[]>`
    select public_id, updated_at from jobs where id = any(${sql.array(result.internalIds)}::bigint[])`;
  const updatedAt = new Map(rows.map((row) => [row.public_id, new Date(row.updated_at)]));
  return result.jobs.map((job) => ({ job, updatedAt: updatedAt.get(job.id) ?? new Date(job.firstSeenAt) }));
}
