import type postgres from 'postgres';

/**
 * Let this transaction commit without waiting for its WAL to reach the disk (`synchronous_commit =
 * off`, for this transaction only). For scrape bookkeeping: most of a re-scrape of unchanged boards
 * was waiting for those flushes, one per transaction. Nothing is at stake: a crash can lose only the
 * last fraction of a second of such commits, never corrupt anything, and the next run redoes the work
 * (it re-fetches a board whose validators were lost, marks a lost "running" row interrupted, records
 * the unchanged board's sighting again). Postings themselves are always committed synchronously.
 *
 * The statement is returned unsent (postgres.js sends a query when it is awaited): await it, or
 * return it in the array of statements the transaction pipelines (`sql.begin((tx) => [...])`).
 */
export function withoutFlushWait(tx: postgres.TransactionSql): postgres.PendingQuery<postgres.Row[]> {
  return tx`set local synchronous_commit = off`;
}
