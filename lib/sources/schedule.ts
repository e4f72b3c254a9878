/**
 * When a source runs next: its interval after a good run, exponential backoff after failures, both
 * jittered so hundreds of boards added at once do not stay in lockstep forever.
 */

/** Longest wait between two attempts, however long the failure streak. */
export const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;

/** Each delay is moved by up to this share either way. */
export const SCHEDULE_JITTER = 0.1;

export interface NextRunInput {
  now: Date;
  intervalMinutes: number;
  /** Failed runs in a row, this one included; 0 after a run that fetched. */
  failureStreak: number;
  /** A number in [0, 1), for the jitter. @default Math.random */
  random?: () => number;
}

/**
 * now + interval (±10%) after a run that fetched; now + interval * 2^streak, capped at 24 h (±10%),
 * after the streak-th failure in a row.
 */
export function nextRunAt({ now, intervalMinutes, failureStreak, random = Math.random }: NextRunInput): Date {
  const intervalMs = Math.max(1, intervalMinutes) * 60_000;
  // 2^streak overflows nothing: the exponent is bounded before the cap applies.
  const base =
    failureStreak > 0 ? Math.min(intervalMs * 2 ** Math.min(failureStreak, 30), MAX_BACKOFF_MS) : intervalMs;
  const jitter = 1 + SCHEDULE_JITTER * (2 * random() - 1);
  return new Date(now.getTime() + Math.round(base * jitter));
}
