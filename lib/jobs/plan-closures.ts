/**
 * The closure rule: when may a successful fetch close the open jobs it no longer lists?
 *
 * A job that disappears from its board has usually been filled, but a board that suddenly returns
 * nothing, or a fraction of what it had, is far more often a broken page, a half-migrated ATS or an
 * API hiccup. Wrongly closing 200 listings (and mailing nobody about them again) is worse than
 * keeping them a few hours longer, so such a shrink closes nothing and the run is marked
 * `suspicious`. A company that really did close everything must eventually be believed: the same
 * verdict repeated over enough runs and enough time is accepted.
 */

/** A fetch listing fewer than this share of the open jobs is a suspicious shrink. */
export const SUSPICIOUS_SHRINK_RATIO = 0.2;

/** Consecutive suspicious runs (this one included) after which the shrink is believed. */
export const CONFIRMING_RUNS = 3;

/** ... provided the first of them is at least this old. */
export const CONFIRMING_SPAN_MS = 24 * 60 * 60 * 1000;

/** The suspicious runs right before this one (failed and not-modified runs neither count nor break the streak). */
export interface SuspiciousHistory {
  /** How many of the source's latest completed fetches were suspicious, in a row. */
  streak: number;
  /** When the first run of that streak started; null when the streak is 0. */
  since: Date | null;
}

export interface ClosurePlan {
  /** Close the open jobs this fetch did not list. */
  closeMissing: boolean;
  /** Mark the run suspicious (closures held back). */
  suspicious: boolean;
  /** Why, for scrape_runs.error and `elsewhere status`; null for an ordinary run. */
  reason: string | null;
}

const NO_HISTORY: SuspiciousHistory = { streak: 0, since: null };

/**
 * Decide whether a successful fetch may close missing jobs.
 *
 * | open before | listed now        | verdict                                   |
 * | ----------- | ----------------- | ----------------------------------------- |
 * | 0           | any               | ok (nothing to close)                     |
 * | n >= 1      | 0                 | suspicious: the board emptied             |
 * | n >= 1      | < 20% of n        | suspicious: the board shrank implausibly  |
 * | n >= 1      | >= 20% of n       | ok: the missing ones close                |
 *
 * So 3 -> 0 is suspicious, 3 -> 1 closes two, 10 -> 1 is suspicious, 5 -> 1 closes four. A suspicious
 * verdict becomes ok when this is the {@link CONFIRMING_RUNS}th suspicious run in a row and the first
 * of them started at least {@link CONFIRMING_SPAN_MS} ago.
 *
 * @param openCount - Open jobs of the source before this run.
 * @param fetchedCount - Valid postings this fetch listed.
 */
export function planClosures(
  openCount: number,
  fetchedCount: number,
  history: SuspiciousHistory = NO_HISTORY,
  now: Date = new Date(),
): ClosurePlan {
  let reason: string | null = null;
  if (openCount > 0 && fetchedCount === 0) {
    reason = `the board listed no jobs while ${openCount} were open`;
  } else if (openCount > 0 && fetchedCount < openCount * SUSPICIOUS_SHRINK_RATIO) {
    reason = `the board shrank from ${openCount} open jobs to ${fetchedCount} (below ${SUSPICIOUS_SHRINK_RATIO * 100}%)`;
  }
  if (reason === null) return { closeMissing: true, suspicious: false, reason: null };

  const confirmed =
    history.streak + 1 >= CONFIRMING_RUNS &&
    history.since !== null &&
    now.getTime() - history.since.getTime() >= CONFIRMING_SPAN_MS;
  if (confirmed) {
    return {
      closeMissing: true,
      suspicious: false,
      reason: `${reason}; accepted after ${history.streak + 1} runs in a row since ${history.since!.toISOString()}`,
    };
  }
  return { closeMissing: false, suspicious: true, reason: `${reason}: closed nothing` };
}
