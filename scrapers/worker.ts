/**
 * The scrape schedule, run by the background worker (lib/worker: pg-boss on Elsewhere's PostgreSQL).
 *
 * - Every minute (a pg-boss cron, fired once across all workers) `enqueueDueSources` claims the due
 *   sources (enabled, company active, next_run_at past) and sends one `scrape-source` job each,
 *   keyed by source id.
 * - A source never runs twice at once: claiming moves its next_run_at a lease ahead in the same
 *   statement (so no other tick enqueues it meanwhile); the queue's 'stately' policy keeps at most
 *   one queued and one active job per source; and each process skips a source it is already running.
 *   Even if two runs did overlap (a CLI `scrape` beside the worker), the jobs writer serializes them.
 * - The run sets the real next_run_at (interval, or backoff after failures); a worker that dies
 *   mid-scrape leaves the job to expire and be retried by pg-boss, and the lease to run out.
 */
import type PgBoss from 'pg-boss';
import { claimDueSources } from '../lib/sources';
import { readyDatabase, type Database } from '../lib/system/database';
import { startWorker, type AnyQueueDefinition, type Worker, type WorkerOptions } from '../lib/worker';
import { createHttpFromEnv } from './http';
import { scrapeSource, SourceUnavailableError } from './run';

/** The queue of single-source scrapes; data `{ sourceId }`, singletonKey = source id. */
export const SCRAPE_QUEUE = 'scrape-source';
/** The queue the every-minute cron sends to; its handler enqueues the due sources. */
export const ENQUEUE_DUE_QUEUE = 'scrape-enqueue-due';

/** How long a scrape job may run before pg-boss considers its worker dead and retries it. */
const SCRAPE_EXPIRE_SECONDS = 2 * 60 * 60;
/** A claimed source is not claimed again for this long, unless its run finishes first. */
const CLAIM_LEASE_MINUTES = 3 * 60;

export interface ScrapeJobData {
  sourceId: number;
}

/**
 * Claim the sources due now and send one scrape job for each (at most one queued per source).
 * Safe to call from any number of processes at once.
 */
export async function enqueueDueSources(
  deps: { database: Database; boss: PgBoss },
  options: { now?: Date; limit?: number } = {},
): Promise<number[]> {
  const sourceIds = await claimDueSources(deps.database, {
    now: options.now,
    leaseMinutes: CLAIM_LEASE_MINUTES,
    limit: options.limit,
  });
  if (sourceIds.length === 0) return [];
  await deps.boss.insert(
    sourceIds.map((sourceId) => ({
      name: SCRAPE_QUEUE,
      data: { sourceId } satisfies ScrapeJobData,
      singletonKey: String(sourceId),
    })),
  );
  return sourceIds;
}

/**
 * The scrape queues: one job per source scrape, and the every-minute tick that enqueues due sources.
 * `concurrency` scrapes run at once in this process (0: this process only enqueues).
 */
export function scrapeQueues(concurrency = 4): AnyQueueDefinition[] {
  // Sources this process is scraping right now.
  const running = new Set<number>();
  const scrape: AnyQueueDefinition = {
    name: SCRAPE_QUEUE,
    options: {
      policy: 'stately',
      retryLimit: 3,
      retryDelay: 60,
      retryBackoff: true,
      expireInSeconds: SCRAPE_EXPIRE_SECONDS,
    },
    concurrency,
    async handle(data, context) {
      const { sourceId } = data as ScrapeJobData;
      // Another handler of this process already runs it (a job retried while its first try still
      // runs here after expiring): that run records the result.
      if (running.has(sourceId)) return { skipped: 'already running in this process' };
      running.add(sourceId);
      try {
        const run = await scrapeSource(
          { database: context.database, http: context.http, log: context.log },
          sourceId,
        );
        context.log(
          `${run.label}: ${run.status}, ${run.seen} seen, ${run.new} new, ${run.closed} closed` +
            (run.error ? ` (${run.error})` : ''),
        );
        return { status: run.status, runId: run.runId };
      } catch (error) {
        // Disabled or deleted since it was enqueued: nothing to retry.
        if (error instanceof SourceUnavailableError) return { skipped: error.message };
        throw error;
      } finally {
        running.delete(sourceId);
      }
    },
  };
  const tick: AnyQueueDefinition = {
    name: ENQUEUE_DUE_QUEUE,
    // A missed tick is replaced by the next one a minute later.
    options: { retryLimit: 0, expireInSeconds: 5 * 60 },
    schedule: { cron: '* * * * *' },
    async handle(_data, context) {
      const enqueued = await enqueueDueSources({ database: context.database, boss: context.boss });
      return { enqueued: enqueued.length };
    },
  };
  return [scrape, tick];
}

export interface ScrapeWorker extends Worker {
  /** Enqueue the sources due now (what the every-minute tick does); returns their ids. */
  enqueueDueSources(now?: Date): Promise<number[]>;
}

/** Start a worker running the scrape queues (plus `options.queues` and the registered ones). */
export async function startScrapeWorker(
  options: WorkerOptions & { /** Scrapes at once in this process. @default 4 */ concurrency?: number },
): Promise<ScrapeWorker> {
  const { concurrency, ...rest } = options;
  const worker = await startWorker({
    ...rest,
    queues: [...scrapeQueues(concurrency), ...(options.queues ?? [])],
  });
  return {
    ...worker,
    enqueueDueSources: (now?: Date) =>
      enqueueDueSources({ database: options.database, boss: worker.boss }, { now }),
  };
}

/**
 * The worker as `npm start` and `elsewhere worker` run it: the process's (migrated) database, an HTTP
 * client configured from the environment, the scrape queues and every registered queue.
 */
export async function startWorkerFromEnv(
  options: Omit<WorkerOptions, 'database' | 'http'> & { concurrency?: number } = {},
): Promise<ScrapeWorker> {
  const database = await readyDatabase({ log: options.log });
  const http = createHttpFromEnv();
  let worker: ScrapeWorker;
  try {
    worker = await startScrapeWorker({ ...options, database, http });
  } catch (error) {
    await http.close();
    throw error;
  }
  return {
    ...worker,
    async stop(stopOptions) {
      await worker.stop(stopOptions);
      await http.close();
    },
  };
}
