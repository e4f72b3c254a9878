/**
 * An unchanged board (304, or the same body hash) still proves its jobs are open: move their
 * last_seen_at ("last verified" on the job page) in one statement, and write nothing else. The jobs
 * table's fillfactor makes it a HOT update (drizzle/0005), and it commits without waiting for the
 * disk (lib/db/async-commit.ts): a crash could only lose a "last verified" the next run sets again.
 */
import type postgres from 'postgres';
import { withoutFlushWait } from '../db/async-commit';
import type { Database } from '../db/client';

/** Set last_seen_at = now on every open job of a source. Returns how many were touched. */
export async function markOpenJobsSeen(
  database: Database,
  sourceId: number,
  now: Date = new Date(),
): Promise<number> {
  return database.sql.begin(async (tx) => {
    await withoutFlushWait(tx);
    return touchOpenJobs(tx, sourceId, now);
  });
}

/** The statement itself, inside the caller's transaction. */
export async function touchOpenJobs(
  tx: postgres.TransactionSql,
  sourceId: number,
  now: Date,
): Promise<number> {
  const result = await tx`
    update jobs set last_seen_at = ${now.toISOString()}::timestamptz where source_id = ${sourceId} and closed_at is null`;
  return result.count;
}
