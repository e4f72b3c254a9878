/**
 * The background worker: pg-boss on Elsewhere's own PostgreSQL, so any number of workers on any
 * number of machines share one schedule with nothing else to run. This module knows no queue of its
 * own: areas describe theirs (scrapers/worker.ts the scrapes, lib/alerts the digests) and the process
 * that starts the worker passes them in or registers them (registerQueue).
 */
import PgBoss from 'pg-boss';
import type { Http } from '../../scrapers/http-types';
import type { Database } from '../db/client';
import { pgBossDb } from './pg-boss-db';
import { registeredQueues, type AnyQueueDefinition, type WorkerContext } from './queues';

export {
  registerQueue,
  registeredQueues,
  type AnyQueueDefinition,
  type QueueDefinition,
  type WorkerContext,
} from './queues';

export interface WorkerOptions {
  database: Database;
  /** The shared HTTP client (createHttpFromEnv()); the caller closes it after `stop()`. */
  http: Http;
  /** @default no output */
  log?: (line: string) => void;
  /** Queues to run besides the registered ones (registerQueue). */
  queues?: AnyQueueDefinition[];
  /** How often idle handlers look for jobs, in seconds. @default 2 */
  pollingIntervalSeconds?: number;
  /** Install the cron schedules (the every-minute scrape tick...). @default true */
  schedule?: boolean;
}

export interface Worker {
  /** The underlying pg-boss, to send jobs to the registered queues. */
  boss: PgBoss;
  /**
   * Stop taking jobs, wait for the running ones (up to `timeoutMs`), then stop pg-boss. Jobs still
   * running after the timeout are failed and retried by another worker. Does not close the database.
   */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

/** Start the worker: create the queues, install the schedules, run the handlers. */
export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const { database, http } = options;
  const log = options.log ?? (() => {});
  const boss = new PgBoss({ db: pgBossDb(database.sql), schedule: options.schedule ?? true });
  boss.on('error', (error) => log(`worker: ${error.message}`));
  await boss.start();

  const inFlight = new Set<Promise<unknown>>();
  const context: WorkerContext = { database, http, boss, log };
  const queues = [...(options.queues ?? []), ...registeredQueues()];

  for (const queue of queues) {
    await boss.createQueue(queue.name, { name: queue.name, ...queue.options });
    if (queue.schedule && options.schedule !== false) {
      await boss.schedule(queue.name, queue.schedule.cron, queue.schedule.data ?? {}, {
        tz: queue.schedule.tz ?? 'UTC',
      });
    }
  }
  for (const queue of queues) {
    const handle = queue.handle;
    if (!handle) continue;
    // pg-boss 10 runs one batch per work() loop at a time: N loops of one job each = N at once.
    for (let lane = 0; lane < (queue.concurrency ?? 1); lane++) {
      await boss.work<object>(
        queue.name,
        {
          batchSize: 1,
          pollingIntervalSeconds: queue.pollingIntervalSeconds ?? options.pollingIntervalSeconds ?? 2,
        },
        async ([job]) => {
          if (!job) return;
          const work = handle(job.data, context, job);
          inFlight.add(work);
          try {
            return await work;
          } finally {
            inFlight.delete(work);
          }
        },
      );
    }
  }
  log(`Worker started: ${queues.map((queue) => queue.name).join(', ')}.`);

  let stopping: Promise<void> | null = null;
  return {
    boss,
    stop({ timeoutMs = 30_000 } = {}) {
      stopping ??= (async () => {
        for (const queue of queues) if (queue.handle) await boss.offWork(queue.name);
        const drained = Promise.allSettled([...inFlight]);
        const timedOut = new Promise<'timeout'>((resolve) =>
          setTimeout(resolve, timeoutMs, 'timeout').unref(),
        );
        if ((await Promise.race([drained, timedOut])) === 'timeout') {
          log(
            `worker: ${inFlight.size} job(s) still running after ${timeoutMs} ms; pg-boss will retry them.`,
          );
        }
        await boss.stop({ graceful: true, wait: true, close: false, timeout: 1_000 });
      })();
      return stopping;
    },
  };
}
