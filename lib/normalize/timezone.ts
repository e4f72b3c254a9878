/**
 * Timezone windows stated in postings: "UTC-3 to UTC+3", "EST +/- 3 hours", "overlap with CET",
 * "US time zones", "Americas & European time zones", "within 4 hours of PST".
 *
 * Rules (also in lib/normalize/README.md):
 * - An explicit range is taken as written; "X ± N hours" is X-N..X+N; "within N hours of X" too.
 * - One named zone stated as a working-hours requirement ("overlap with CET", "CET overlap", "EST
 *   hours", "Pacific time zone", "Remote (CET)") means that zone ± 3 hours: from 3 hours away an
 *   8-hour day still shares 5 hours. "N hours of overlap with X" is X ± (8 - N).
 * - Named zones use their standard offset (CET +1, EST -5, PST -8): postings say "EST" all year.
 * - "<area> time zones" spans the offsets clocks show in the area, from countries-and-timezones:
 *   lowest standard offset to highest daylight-saving offset over the area's countries. For a
 *   multi-country area only independent countries count, and countries spanning more than 8 hours
 *   (Russia) are left out, otherwise "European time zones" would reach Kamchatka. This gives
 *   US -10..-4, European and EU -1..+3, Americas & European -10..+3.
 */
import ct from 'countries-and-timezones';
import iso from 'i18n-iso-countries';
import worldCountries from 'world-countries';
import type { TimezoneWindow } from './types';
import { findRegion, foldPhrase } from './regions';

/** A window and the words that stated it. */
export interface TimezoneMatch {
  window: TimezoneWindow;
  /** The phrase as written in the source, e.g. "EST +/- 3 hours". */
  evidence: string;
}

/** Hours either side of a single named zone given as a working-hours requirement. */
export const NAMED_ZONE_SPREAD_HOURS = 3;
/** The working day assumed when a posting asks for "N hours of overlap". */
const WORKDAY_HOURS = 8;

/**
 * Abbreviations postings use, at standard time. Matched only in capitals ("ET", "CET", "PT" are
 * ordinary words in French and Portuguese). Ambiguous ones take the reading job posts use: CST is
 * US Central (not China), IST is India (not Ireland or Israel), AST is Atlantic (not Arabia).
 */
const ABBREVIATIONS: ReadonlyMap<string, number> = new Map(
  (
    'UTC 0|GMT 0|WET 0|WEST 1|BST 1|CET 1|CEST 2|EET 2|EEST 3|MSK 3|EAT 3|CAT 2|WAT 1|SAST 2|GST 4|' +
    'PKT 5|IST 5.5|SGT 8|HKT 8|AWST 8|JST 9|KST 9|ACST 9.5|AEST 10|AEDT 11|NZST 12|NZDT 13|HST -10|' +
    'AKST -9|PST -8|PDT -7|PT -8|MST -7|MDT -6|MT -7|CST -6|CDT -5|CT -6|EST -5|EDT -4|ET -5|AST -4|' +
    'NST -3.5|BRT -3|ART -3'
  )
    .split('|')
    .map((pair) => {
      const [name = '', hours = '0'] = pair.split(' ');
      return [name, Number(hours)] as const;
    }),
);

/** Spelled-out zone names (matched in any case), folded, at standard time. */
const LONG_NAMES: ReadonlyArray<[RegExp, number]> = [
  [/central european (?:standard |summer )?time/, 1],
  [/eastern european (?:standard |summer )?time/, 2],
  [/western european (?:standard |summer )?time/, 0],
  [/greenwich mean time/, 0],
  [/british summer time/, 1],
  [/india(?:n)? standard time/, 5.5],
  [/australian eastern (?:standard |daylight )?time/, 10],
  [/japan(?:ese)? standard time/, 9],
  [/singapore (?:standard )?time/, 8],
  [/brasilia (?:standard )?time/, -3],
  [/pacific (?:standard |daylight )?time/, -8],
  [/mountain (?:standard |daylight )?time/, -7],
  [/central (?:standard |daylight )?time/, -6],
  [/eastern (?:standard |daylight )?time/, -5],
  [/atlantic (?:standard |daylight )?time/, -4],
];

const LONG_NAME_SOURCE =
  '(?:central|eastern|western) european (?:standard |summer )?time|greenwich mean time|british summer time|' +
  'indian? standard time|australian eastern (?:standard |daylight )?time|japan(?:ese)? standard time|' +
  'singapore (?:standard )?time|brasilia (?:standard )?time|' +
  '(?:pacific|mountain|central|eastern|atlantic) (?:standard |daylight )?time';

const ABBREVIATION_SOURCE = [...ABBREVIATIONS.keys()].sort((a, b) => b.length - a.length).join('|');
const SIGN = '[+\\-\\u2212\\u2013\\u2014]';
const OFFSET_SOURCE = `(?:utc|gmt)(?:\\s?${SIGN}\\s?\\d{1,2}(?:[:.]?[0-5]\\d)?)?`;
/** A zone: "UTC+3", "GMT-05:00", "CET", "Pacific Time". Case is checked after matching. */
const CENTER = `(?:${OFFSET_SOURCE}|${LONG_NAME_SOURCE}|(?:${ABBREVIATION_SOURCE}))`;
const HOURS = '(?:h|hrs?|hours?)\\b';
const NUMBER = '(\\d{1,2}(?:\\.5)?)';

/** The patterns, most explicit first; all are linear (no nested quantifiers). */
const RANGE = new RegExp(
  `\\b(?:between\\s+|from\\s+)?(${CENTER})\\s*(?:to|and|until|till|through|thru|-|\\u2013|\\u2014|~|\\u2026|\\.{2,3})\\s*` +
    `((?:(?:utc|gmt)\\s?)?${SIGN}\\s?\\d{1,2}(?:[:.]?[0-5]\\d)?|${CENTER})\\b`,
  'gi',
);
const PLUS_MINUS = new RegExp(
  `\\b(${CENTER})\\s*(?:\\u00b1|\\+\\s?/\\s?-|\\+\\s?/\\s?\\u2212|\\+-|plus\\s+or\\s+minus|plus/minus)\\s*${NUMBER}\\s*(?:${HOURS})?`,
  'gi',
);
const WITHIN = new RegExp(
  `\\bwithin\\s+(?:\\u00b1\\s*|\\+/-\\s*)?${NUMBER}\\s*-?\\s*${HOURS}\\s+(?:of|from)\\s+(?:the\\s+)?(${CENTER})\\b`,
  'gi',
);
const HOURS_OF_OVERLAP = new RegExp(
  `\\b${NUMBER}\\+?\\s*-?\\s*${HOURS}\\s+(?:of\\s+)?(?:(?:daily|working|work|time\\s*zone)\\s+)?overlap(?:ping)?\\s+(?:with|in)\\s+(?:the\\s+)?(${CENTER})\\b`,
  'gi',
);
const NAMED_REQUIREMENT = new RegExp(
  `\\boverlap(?:ping)?\\s+(?:with|in)\\s+(?:the\\s+)?(?:(?:working|work|business|office)\\s+hours\\s+(?:of|in)\\s+)?(${CENTER})\\b` +
    `|\\b(${CENTER})\\s+(?:(?:time\\s*zone|timezone)\\s+)?(?:overlap|(?:business|working|work|office|core)\\s+hours|time\\s*zones?\\b|timezones?\\b|hours\\b)`,
  'gi',
);
/** A zone standing alone as a location qualifier: "Remote (CET)", "Remote - UTC+2". */
const STANDALONE = new RegExp(
  `(?:\\(\\s*|\\bremote\\s*[-\\u2013\\u2014,:]\\s*)(${CENTER})\\s*(?=\\)|$|[,;/|])`,
  'gi',
);
const LONG_NAME_ANYWHERE = new RegExp(`\\b(${LONG_NAME_SOURCE})\\b`, 'gi');
const TIME_ZONES_WORD = /\b(?:time[\s-]?zones?|timezones?)\b/gi;

/** Words that make a stretch of a long description worth scanning for timezone phrases. */
export const TIMEZONE_KEYWORDS = ['utc', 'gmt', 'time zone', 'timezone', 'overlap', 'hours of'] as const;

/**
 * Bound the work on huge inputs: the first and last `edge` characters, plus up to `maxWindows`
 * stretches of `radius` characters around each keyword (lower-case) found in the middle. Linear in
 * the input; the result is at most about 2*edge + maxWindows*2*radius characters.
 */
export function boundedExcerpt(
  text: string,
  keywords: readonly string[],
  { edge = 20_000, radius = 300, maxWindows = 40 } = {},
): string {
  if (text.length <= 2 * edge) return text;
  const middle = text.slice(edge, text.length - edge);
  const lower = middle.toLowerCase();
  const spans: Array<[number, number]> = [];
  for (const keyword of keywords) {
    let from = 0;
    while (spans.length < maxWindows) {
      const at = lower.indexOf(keyword, from);
      if (at < 0) break;
      spans.push([Math.max(0, at - radius), Math.min(middle.length, at + keyword.length + radius)]);
      from = at + keyword.length + radius;
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const pieces: string[] = [];
  let end = -1;
  for (const [start, stop] of spans) {
    if (start <= end) {
      pieces[pieces.length - 1] += middle.slice(end, Math.max(end, stop));
    } else {
      pieces.push(middle.slice(start, stop));
    }
    end = Math.max(end, stop);
  }
  return [text.slice(0, edge), ...pieces, text.slice(text.length - edge)].join('\n');
}

/** The UTC offset in hours a zone mention stands for, or null when it is not one (wrong case). */
function centerOffset(raw: string): number | null {
  const offset = /^(?:utc|gmt)\s?([+\-\u2212\u2013\u2014])?\s?(\d{1,2})?(?:[:.]?(\d{2}))?$/i.exec(raw);
  if (offset) {
    if (offset[2] === undefined) return 0;
    const hours = Number(offset[2]) + Number(offset[3] ?? 0) / 60;
    if (hours > 14) return null;
    return offset[1] === '+' ? hours : -hours;
  }
  const abbreviation = ABBREVIATIONS.get(raw);
  if (abbreviation !== undefined) return abbreviation;
  const folded = foldPhrase(raw);
  for (const [pattern, hours] of LONG_NAMES) if (pattern.test(folded)) return hours;
  return null;
}

/** A bare signed number ("+3", "-5:30") or a zone, for the far end of a range. */
function rangeEndOffset(raw: string): number | null {
  const bare = /^([+\-\u2212\u2013\u2014])\s?(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(raw);
  if (bare) {
    const hours = Number(bare[2]) + Number(bare[3] ?? 0) / 60;
    return bare[1] === '+' ? hours : -hours;
  }
  return centerOffset(raw.replace(/^(utc|gmt)\s+/i, '$1'));
}

function window(min: number, max: number): TimezoneWindow {
  const clamp = (x: number) => Math.min(14, Math.max(-12, x));
  const lo = clamp(Math.min(min, max));
  const hi = clamp(Math.max(min, max));
  return { minUtcOffset: lo, maxUtcOffset: hi };
}

function around(center: number, spread: number): TimezoneWindow {
  return window(center - spread, center + spread);
}

function tidy(evidence: string): string {
  return evidence.replace(/\s+/g, ' ').trim();
}

const windowCache = new Map<string, TimezoneWindow | null>();
const independent = new Set(worldCountries.filter((c) => c.independent).map((c) => c.cca2));

/** Standard and daylight offsets, in hours, that clocks in one country can show. */
function countrySpan(code: string): [number, number] | null {
  const country = ct.getCountry(code as Parameters<typeof ct.getCountry>[0]);
  if (!country) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const name of country.timezones) {
    const zone = ct.getTimezone(name);
    if (!zone) continue;
    min = Math.min(min, zone.utcOffset / 60, zone.dstOffset / 60);
    max = Math.max(max, zone.utcOffset / 60, zone.dstOffset / 60);
  }
  return Number.isFinite(min) ? [min, max] : null;
}

/**
 * The window of UTC offsets a set of countries covers (see the module rules), or null when none of
 * them has a known zone. Cached per set.
 */
export function windowForCountries(codes: readonly string[]): TimezoneWindow | null {
  const key = [...codes].sort().join(',');
  const cached = windowCache.get(key);
  if (cached !== undefined) return cached;
  const multi = codes.length > 1;
  let min = Infinity;
  let max = -Infinity;
  for (const code of codes) {
    if (multi && !independent.has(code)) continue;
    const span = countrySpan(code);
    if (!span) continue;
    if (multi && span[1] - span[0] > WORKDAY_HOURS) continue;
    min = Math.min(min, span[0]);
    max = Math.max(max, span[1]);
  }
  const result = Number.isFinite(min) ? window(min, max) : null;
  windowCache.set(key, result);
  return result;
}

/** Country adjectives ("Canadian", "Brazilian") from world-countries' English demonyms. */
const demonyms = new Map<string, string>();
for (const country of worldCountries) {
  const eng = country.demonyms?.eng;
  if (!eng || !country.independent) continue;
  for (const word of [eng.m, eng.f]) if (word) demonyms.set(foldPhrase(word), country.cca2);
}

/**
 * English country names (every alias, lower case) -> alpha-2: `iso.getAlpha2Code(name, 'en')` as one
 * map lookup instead of a scan of every name, as it runs for each word before "time zones". The first
 * country listing a name wins, as in getAlpha2Code.
 */
const ALPHA2_BY_ENGLISH_NAME: ReadonlyMap<string, string> = (() => {
  const byName = new Map<string, string>();
  for (const [code, names] of Object.entries(iso.getNames('en', { select: 'all' }))) {
    for (const name of names) if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), code);
  }
  return byName;
})();

/** The countries a few words before "time zones" name: a region, a country or an adjective. */
function areaCountries(phrase: string): readonly string[] | null {
  const folded = foldPhrase(phrase);
  if (folded === '') return null;
  const region = findRegion(folded);
  if (region) return region.countries;
  const demonym = demonyms.get(folded);
  if (demonym) return [demonym];
  const code = ALPHA2_BY_ENGLISH_NAME.get(folded.toLowerCase());
  return code ? [code] : null;
}

const AREA_SEPARATOR = /\s*(?:&|,|\/|\+|\band\b|\bor\b|\bplus\b)\s*/i;

/**
 * Read "<area> (and <area>)* time zones" backwards from the keyword: each part joined by &, and,
 * or, commas or slashes must name an area; the first part may carry leading words ("within US").
 */
function areaWindowBefore(before: string): { window: TimezoneWindow; start: number } | null {
  const parts = before.split(AREA_SEPARATOR);
  const codes: string[] = [];
  let consumed = 0;
  for (let i = parts.length - 1; i >= 0; i--) {
    const words = (parts[i] ?? '').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
    let matched = 0;
    for (let n = Math.min(4, words.length); n >= 1 && matched === 0; n--) {
      const area = areaCountries(words.slice(words.length - n).join(' '));
      if (area) {
        codes.push(...area);
        matched = n;
      }
    }
    if (matched === 0) break;
    consumed = before.length - before.lastIndexOf(words.slice(words.length - matched).join(' '));
    if (matched < words.length) break;
  }
  if (codes.length === 0) return null;
  const found = windowForCountries([...new Set(codes)]);
  return found ? { window: found, start: before.length - consumed } : null;
}

type Finder = (text: string) => TimezoneMatch | null;

/**
 * Whether a text mentions a zone at all, as the finders' CENTER would match it (offsets and long names
 * in any case, abbreviations in capitals, which is all `centerOffset` accepts). Most descriptions
 * mention none, and one scan for that is far cheaper than running every finder's pattern over them.
 */
const ANY_OFFSET_OR_LONG_NAME = new RegExp(`\\b(?:utc|gmt|${LONG_NAME_SOURCE})`, 'i');
const ANY_ABBREVIATION = new RegExp(`\\b(?:${ABBREVIATION_SOURCE})`);
const mentionsZone = (text: string) => ANY_OFFSET_OR_LONG_NAME.test(text) || ANY_ABBREVIATION.test(text);

function firstMatch(
  pattern: RegExp,
  text: string,
  read: (m: RegExpExecArray) => TimezoneWindow | null,
  evidenceGroup = 0,
): TimezoneMatch | null {
  pattern.lastIndex = 0;
  for (const m of text.matchAll(pattern)) {
    const found = read(m);
    if (found) return { window: found, evidence: tidy(m[evidenceGroup] ?? m[0]) };
  }
  return null;
}

/** "<area> time zones": needs the words "time zone(s)", not a zone. */
const AREA_FINDER: Finder = (text) => {
  TIME_ZONES_WORD.lastIndex = 0;
  for (const m of text.matchAll(TIME_ZONES_WORD)) {
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    // Stop at the start of the sentence or clause so "... in Europe. US time zones" reads "US".
    const clauseStart = Math.max(before.lastIndexOf('.'), before.lastIndexOf('('), before.lastIndexOf('\n'));
    const clause = before.slice(clauseStart + 1);
    const area = areaWindowBefore(clause);
    if (area) {
      const evidenceStart = m.index - clause.length + area.start;
      return { window: area.window, evidence: tidy(text.slice(evidenceStart, m.index + m[0].length)) };
    }
  }
  return null;
};

/** Most explicit first. All but `AREA_FINDER` need a zone mention (`mentionsZone`). */
const FINDERS: readonly Finder[] = [
  (text) =>
    firstMatch(RANGE, text, (m) => {
      const a = centerOffset(m[1] ?? '');
      const b = rangeEndOffset(m[2] ?? '');
      // "UTC to CET" style ranges need two different ends; "UTC-3 to UTC+3" qualifies.
      return a === null || b === null || a === b ? null : window(a, b);
    }),
  (text) =>
    firstMatch(PLUS_MINUS, text, (m) => {
      const center = centerOffset(m[1] ?? '');
      const spread = Number(m[2]);
      return center === null || spread > 12 ? null : around(center, spread);
    }),
  (text) =>
    firstMatch(WITHIN, text, (m) => {
      const center = centerOffset(m[2] ?? '');
      const spread = Number(m[1]);
      return center === null || spread > 12 ? null : around(center, spread);
    }),
  (text) =>
    firstMatch(HOURS_OF_OVERLAP, text, (m) => {
      const center = centerOffset(m[2] ?? '');
      const hours = Number(m[1]);
      return center === null || hours > WORKDAY_HOURS ? null : around(center, WORKDAY_HOURS - hours);
    }),
  (text) =>
    firstMatch(NAMED_REQUIREMENT, text, (m) => {
      const center = centerOffset(m[1] ?? m[2] ?? '');
      return center === null ? null : around(center, NAMED_ZONE_SPREAD_HOURS);
    }),
  AREA_FINDER,
  (text) =>
    firstMatch(
      STANDALONE,
      text,
      (m) => {
        const center = centerOffset(m[1] ?? '');
        return center === null ? null : around(center, NAMED_ZONE_SPREAD_HOURS);
      },
      1,
    ),
  (text) =>
    firstMatch(LONG_NAME_ANYWHERE, text, (m) => {
      const center = centerOffset(m[1] ?? '');
      return center === null ? null : around(center, NAMED_ZONE_SPREAD_HOURS);
    }),
];

/**
 * The timezone window a text states, with the phrase that stated it, or null. The most explicit
 * kind of statement wins (a range over "± N", over "overlap with", over "<area> time zones"), then
 * the first occurrence. Never throws; bounded work on any input size.
 */
export function parseTimezoneWindow(text: string): TimezoneMatch | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  const scan = boundedExcerpt(text, TIMEZONE_KEYWORDS).replace(/\u2212/g, '-');
  const zone = mentionsZone(scan);
  for (const find of FINDERS) {
    if (!zone && find !== AREA_FINDER) continue;
    const found = find(scan);
    if (found) return { window: found.window, evidence: found.evidence.slice(0, 120) };
  }
  return null;
}
