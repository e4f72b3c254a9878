/**
 * The worker's queues. Each area that needs background work (scrapes here, alert digests later)
 * describes its queue once; `startWorker` creates it in pg-boss, schedules it, and runs its handler.
 *
 * ```ts
 * registerQueue<{ savedSearchId: number }>({
 *   name: 'send-digest',
 *   options: { retryLimit: 5, retryDelay: 60, retryBackoff: true },
 *   concurrency: 2,
 *   handle: (data, context) => sendDigest(context.database, data.savedSearchId),
 * });
 * registerQueue({ name: 'enqueue-digests', schedule: { cron: '*\/5 * * * *' }, handle: (_, c) => enqueueDigests(c) });
 * ```
 */
import type PgBoss from 'pg-boss';
import type { Http } from '../../scrapers/http-types';
import type { Database } from '../db/client';

/** What a queue handler gets besides its job's data. */
export interface WorkerContext {
  database: Database;
  http: Http;
  /** The pg-boss instance, to send follow-up jobs. */
  boss: PgBoss;
  log: (line: string) => void;
}

export interface QueueDefinition<Data extends object = Record<string, unknown>> {
  /** pg-boss queue name: letters, digits, dashes, underscores, dots or slashes. */
  name: string;
  /**
   * pg-boss queue options: `policy` ('stately' keeps at most one queued and one active job per
   * singletonKey), `retryLimit`, `retryDelay` (seconds), `retryBackoff`, `expireInSeconds`.
   * @default pg-boss defaults: standard policy, 2 retries, 15 min expiry
   */
  options?: Omit<PgBoss.Queue, 'name'>;
  /** Jobs of this queue run at once in each process; 0 runs none here. @default 1 */
  concurrency?: number;
  /** How often an idle handler looks for work, in seconds. @default 2 */
  pollingIntervalSeconds?: number;
  /**
   * Runs one job. Throwing fails the job, and pg-boss retries it per the queue's retry options.
   * Omit it for a queue this process only sends to.
   */
  handle?: (data: Data, context: WorkerContext, job: PgBoss.Job<Data>) => Promise<unknown>;
  /**
   * A cron schedule (5 fields, UTC unless `tz`) that sends one job to this queue per tick. pg-boss
   * fires each tick once across every worker on every machine.
   */
  schedule?: { cron: string; data?: Data; tz?: string };
}

/** A definition whatever its data type, as the worker handles it. */
export type AnyQueueDefinition = QueueDefinition<object>;

const registry = new Map<string, AnyQueueDefinition>();

/**
 * Add a queue to every worker started afterwards in this process. Registering a name twice replaces
 * the earlier definition (module reloads in development).
 */
export function registerQueue<Data extends object>(definition: QueueDefinition<Data>): void {
  registry.set(definition.name, definition as unknown as AnyQueueDefinition);
}

/** The queues registered so far, in registration order. */
export function registeredQueues(): AnyQueueDefinition[] {
  return [...registry.values()];
}
