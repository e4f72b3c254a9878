/**
 * The search index's hook into the jobs writer. lib/jobs calls `onJobsChanged` after every successful
 * write of a source (scrapers/run.ts does it once the transaction has committed).
 *
 * For Postgres search there is nothing to do: `jobs.search` is written in the same statement as the
 * row (lib/jobs/search-vector.ts). With Meilisearch configured, the changed jobs are pushed (open
 * listings upserted; jobs that closed or became duplicates removed) and the closed ones deleted,
 * each write waiting for its Meilisearch task. It never throws for a search outage: the jobs are
 * already stored, and the next write (or `npx elsewhere reindex`) catches the engine up; the
 * failure is logged instead.
 */
import type { Database } from '../db/client';
import { createSearchEngine, meiliConnectionFromEnv, type SearchEngine } from './engine';

/** What one write changed. */
export interface JobsChange {
  sourceId: number;
  /** Jobs inserted, rewritten, reopened or relinked as duplicates. */
  changedJobIds: readonly number[];
  /** Jobs closed by this write. */
  closedJobIds: readonly number[];
}

export interface SyncOptions {
  /** The engine to update. @default the engine env() configures (nothing to do for Postgres) */
  engine?: SearchEngine;
  /** Where a failed sync is reported. @default console.error */
  log?: (line: string) => void;
}

/** One Meilisearch engine per database handle, so its "settings applied" state is kept between writes. */
const engines = new WeakMap<Database, SearchEngine>();

function configuredEngine(database: Database): SearchEngine | null {
  const meili = meiliConnectionFromEnv();
  if (!meili) return null;
  let engine = engines.get(database);
  if (!engine) engines.set(database, (engine = createSearchEngine(database, meili)));
  return engine;
}

/**
 * Bring the search index up to date after a write. A no-op for the Postgres engine. Never throws:
 * a failure is logged, and the next write or a reindex repairs the index.
 */
export async function onJobsChanged(
  database: Database,
  change: JobsChange,
  options: SyncOptions = {},
): Promise<void> {
  const engine = options.engine ?? configuredEngine(database);
  if (!engine || engine.name === 'postgres') return;
  const closed = new Set(change.closedJobIds);
  const changed = change.changedJobIds.filter((id) => !closed.has(id));
  try {
    await engine.removeJobs(change.closedJobIds);
    await engine.indexJobs(changed);
  } catch (error) {
    const log = options.log ?? ((line: string) => console.error(line));
    const message = error instanceof Error ? error.message : String(error);
    log(
      `search index (${engine.name}): syncing source ${change.sourceId} failed ` +
        `(${changed.length} changed, ${change.closedJobIds.length} closed): ${message}`,
    );
  }
}
