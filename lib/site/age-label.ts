/** How old a job is, in plain words: "new" under 48 hours, then "3 d ago", then "2 mo ago". Pure. */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Jobs younger than this are "new". */
export const NEW_JOB_HOURS = 48;

export interface AgeInput {
  /** When the source says it was posted (ISO 8601), if it says. */
  postedAt: string | null;
  /** When Elsewhere first saw it (ISO 8601). */
  firstSeenAt: string;
}

export interface AgeLabel {
  text: string;
  isNew: boolean;
  /** The instant the age counts from, ISO 8601, for `<time dateTime>`. */
  since: string;
}

/**
 * The age of a job. It counts from the earlier of the posting date and the first sighting: a job
 * posted a month ago is not new just because Elsewhere found its board today, and a source that
 * dates postings in the future (time zones, bad clocks) cannot make one look newer than it is.
 */
export function ageLabel(input: AgeInput, now: Date = new Date()): AgeLabel {
  const firstSeen = Date.parse(input.firstSeenAt);
  const posted = input.postedAt ? Date.parse(input.postedAt) : Number.NaN;
  const since = Number.isFinite(posted) && posted < firstSeen ? posted : firstSeen;
  const age = Math.max(0, now.getTime() - since);
  const iso = new Date(since).toISOString();
  if (age < NEW_JOB_HOURS * HOUR_MS) return { text: 'new', isNew: true, since: iso };
  const days = Math.floor(age / DAY_MS);
  if (days < 60) return { text: `${days} d ago`, isNew: false, since: iso };
  return { text: `${Math.floor(days / 30)} mo ago`, isNew: false, since: iso };
}
