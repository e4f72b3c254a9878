/**
 * When a saved search's next email is due. Daily digests go out at 08:00 and weekly ones on Monday
 * at 08:00, in the subscriber's own time zone; instant alerts every 10 minutes.
 *
 * Time zone math uses only Intl (no date library is a dependency): the UTC offset of a zone at an
 * instant is read from `Intl.DateTimeFormat`, and a local wall-clock time is turned into an instant
 * by applying the offset and re-checking it once, which settles DST transitions.
 */
import { z } from 'zod';

export const ALERT_FREQUENCIES = ['instant', 'daily', 'weekly'] as const;
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number];

/** Period of instant alerts. With the due-alerts sweep every 2 minutes, a job waits under 15. */
export const INSTANT_INTERVAL_MS = 10 * 60_000;
/** Local hour at which daily and weekly digests are sent. */
export const DIGEST_HOUR = 8;
/** ISO weekday (1 = Monday) of weekly digests. */
export const WEEKLY_DIGEST_WEEKDAY = 1;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallClockAt(instant: number, timeZone: string): WallClock & { second: number } {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (Lisbon in summer: +3,600,000). */
export function timeZoneOffsetMs(instant: number, timeZone: string): number {
  const wall = wallClockAt(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  // Offsets are whole minutes (seconds-level LMT offsets predate 1900); drop the instant's own seconds.
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / MINUTE_MS) * MINUTE_MS;
}

/**
 * The instant a wall-clock time happens in `timeZone`. A time skipped by a DST jump (02:30 on a
 * spring-forward night) resolves to the same distance past the jump (03:30); a repeated time (the
 * autumn hour) resolves to its first occurrence.
 */
export function zonedTimeToInstant(wall: WallClock, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const first = asUtc - timeZoneOffsetMs(asUtc, timeZone);
  const second = asUtc - timeZoneOffsetMs(first, timeZone);
  if (first === second) return new Date(first);
  // The two guesses straddle a transition. Either both name the wall time (a repeated hour: take the
  // earlier) or neither does (a skipped hour: take the later, i.e. past the jump).
  const firstMatches = sameWallClock(wallClockAt(first, timeZone), wall);
  const secondMatches = sameWallClock(wallClockAt(second, timeZone), wall);
  if (firstMatches && secondMatches) return new Date(Math.min(first, second));
  if (firstMatches) return new Date(first);
  if (secondMatches) return new Date(second);
  return new Date(Math.max(first, second));
}

function sameWallClock(a: WallClock, b: WallClock): boolean {
  return (
    a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute
  );
}

/**
 * The first delivery time strictly after `after`: `after` + 10 minutes for instant alerts, the next
 * 08:00 in `timeZone` for daily ones, the next Monday 08:00 in `timeZone` for weekly ones.
 */
export function nextDeliveryAt(frequency: AlertFrequency, timeZone: string, after: Date): Date {
  const from = after.getTime();
  if (frequency === 'instant') return new Date(from + INSTANT_INTERVAL_MS);
  const today = wallClockAt(from, timeZone);
  // Walk local calendar days from today; 8 days always reach the next Monday after today's 08:00.
  for (let offset = 0; offset <= 8; offset++) {
    // Date.UTC normalizes day overflow (Jan 32 -> Feb 1) and gives the weekday of the local date.
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    if (frequency === 'weekly' && isoWeekday(day) !== WEEKLY_DIGEST_WEEKDAY) continue;
    const candidate = zonedTimeToInstant(
      {
        year: day.getUTCFullYear(),
        month: day.getUTCMonth() + 1,
        day: day.getUTCDate(),
        hour: DIGEST_HOUR,
        minute: 0,
      },
      timeZone,
    );
    if (candidate.getTime() > from) return candidate;
  }
  // Unreachable for real zones (offsets stay within ±14 h); a safe answer anyway.
  return new Date(from + (frequency === 'weekly' ? 7 : 1) * DAY_MS);
}

function isoWeekday(utcDate: Date): number {
  return utcDate.getUTCDay() === 0 ? 7 : utcDate.getUTCDay();
}

/**
 * The canonical IANA name of a time zone Intl knows ("europe/lisbon" -> "Europe/Lisbon",
 * "Etc/UTC" stays), or null for anything else.
 */
export function canonicalTimeZone(value: string): string | null {
  if (value.length === 0 || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Time zones to offer in a select: UTC first, then every IANA zone this runtime knows. */
export function selectableTimeZones(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
}

/** A time zone field: trimmed, an IANA name Intl knows, returned canonical. */
export const timeZoneSchema = z.string().transform((value, ctx) => {
  const zone = canonicalTimeZone(value.trim());
  if (zone === null) {
    ctx.addIssue({ code: 'custom', message: 'should be an IANA time zone, like Europe/Lisbon or UTC' });
    return z.NEVER;
  }
  return zone;
});
