/**
 * An unchanged board (304, or the same body hash) still proves its jobs are open: move their
 * last_seen_at ("last verified" on the job page) in one statement, and write nothing else.
 */
import type { Database } from '../db/client';

/** Set last_seen_at = now on every open job of a source. Returns how many were touched. */
export async function markOpenJobsSeen(
  database: Database,
  sourceId: number,
  now: Date = new Date(),
): Promise<number> {
  const result = await database.sql`
    update jobs set last_seen_at = ${now.toISOString()}::timestamptz where source_id = ${sourceId} and closed_at is null`;
  return result.count;
}
