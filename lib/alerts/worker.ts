/**
 * The alerts' scheduled work on the worker (lib/worker, pg-boss): one sweep every 2 minutes sends
 * whatever is due. Instant searches are due every 10 minutes, daily and weekly ones at 08:00 in
 * their own time zone: the schedule lives in saved_searches.next_delivery_at, so one UTC sweep
 * serves every time zone.
 *
 * Failed sends are retried by the sweep itself with a backoff recorded per saved search
 * (send-due.ts), not by pg-boss: retrying the whole sweep would resend the digests that succeeded.
 */
import { registerQueue, type QueueDefinition } from '../worker';
import { sendDueAlerts } from './send-due';

/** Queue of the due-alerts sweep. */
export const ALERT_QUEUE = 'alerts-send-due';
/** Every 2 minutes: with the 10-minute instant period, a new job waits about 14 minutes at most. */
export const ALERT_SWEEP_CRON = '*/2 * * * *';

/** The sweep's queue definition, for `startWorker({ queues })`. */
export function alertQueue(): QueueDefinition<Record<string, never>> {
  return {
    name: ALERT_QUEUE,
    // stately: at most one sweep queued and one running; a slow sweep never piles up ticks.
    // sendDueAlerts also holds an advisory lock, so a CLI run and the worker never both send.
    options: { policy: 'stately', retryLimit: 0, expireInSeconds: 30 * 60 },
    schedule: { cron: ALERT_SWEEP_CRON, tz: 'UTC' },
    handle: async (_data, context) => {
      const result = await sendDueAlerts({
        database: context.database,
        log: (line) => context.log(`alerts: ${line}`),
      });
      if (result.emails > 0 || result.failures > 0) {
        context.log(
          `alerts: ${result.emails} emails sent (${result.jobs} jobs), ${result.failures} failed, ${result.searches} searches were due.`,
        );
      }
      return result;
    },
  };
}

/** Register the sweep with every worker this process starts (call before `startWorker`). */
export function registerAlertJobs(): void {
  registerQueue(alertQueue());
}
