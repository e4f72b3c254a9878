/**
 * Postings a board still lists unchanged cost one statement: their last_seen_at moves, nothing else.
 * The jobs table's fillfactor makes it a HOT update (drizzle/0005): the new row versions stay on their
 * pages and no index is written. (A board found unchanged as a whole writes no job at all: its run
 * stamps the source instead, lib/sources/scrape-state.ts.)
 */
import type postgres from 'postgres';

/** Set last_seen_at on the given jobs, in the caller's transaction. */
export function touchJobs(
  tx: postgres.TransactionSql,
  ids: readonly number[],
  now: Date,
): postgres.PendingQuery<postgres.Row[]> {
  return tx`update jobs set last_seen_at = ${now.toISOString()}::timestamptz where id = any(${ids as number[]}::bigint[])`;
}
