/**
 * Identity of a job across sources and re-scrapes: canonical apply URLs, the dedupe key that makes
 * the same job from two sources one listing, and URL slugs.
 */
import type { Eligibility } from './types';

/**
 * Query parameters that only say where a click came from. Matched case-insensitively, with a
 * trailing "[]" ignored (Lever sends `lever-source[]`). `gh_jid` is deliberately absent: on a
 * company's own careers page it is the Greenhouse job id, and dropping it breaks the link.
 */
const TRACKING_PARAMS = new Set([
  'gh_src',
  'lever-source',
  'lever-origin',
  'lever-via',
  'ref',
  'referrer',
  'source',
  'src',
  'trk',
  'trkinfo',
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'yclid',
  'twclid',
  'li_fat_id',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
]);

const isTrackingParam = (name: string) => {
  const key = name.toLowerCase().replace(/\[\]$/, '');
  return key.startsWith('utm_') || TRACKING_PARAMS.has(key);
};

/** Longer URLs are not apply links but payloads. */
const MAX_URL_LENGTH = 4_096;

/**
 * The canonical form of an apply URL: http(s) only, no credentials, lowercase host, no fragment,
 * tracking parameters removed, the rest sorted by name so equal links compare equal.
 *
 * @returns null for anything that is not an absolute http(s) URL.
 */
export function cleanApplyUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.length > MAX_URL_LENGTH) return null;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (parsed.hostname === '') return null;
  parsed.username = '';
  parsed.password = '';
  parsed.hash = '';
  for (const name of [...new Set(parsed.searchParams.keys())]) {
    if (isTrackingParam(name)) parsed.searchParams.delete(name);
  }
  parsed.searchParams.sort();
  // URL keeps a lone "?" after the last parameter is deleted; drop it.
  if (parsed.searchParams.size === 0) parsed.search = '';
  return parsed.href;
}

const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Lowercase ASCII words: accents stripped (é -> e), ß -> ss, everything else a separator. */
function asciiWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (ch) => TRANSLITERATIONS[ch] ?? ch)
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A URL slug: lowercase ASCII words joined by "-", accents transliterated, at most `maxLength`
 * characters, cut at a word boundary when possible. Empty when nothing ASCII remains.
 */
export function slugify(text: string | null | undefined, maxLength = 80): string {
  if (typeof text !== 'string') return '';
  const slug = asciiWords(text.slice(0, maxLength * 4)).replace(/ /g, '-');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > maxLength / 2 ? cut.slice(0, boundary) : slug.slice(0, maxLength)).replace(/-+$/, '');
}

/**
 * The slug part of a job's URL (`/jobs/<slug>-<shortid>`): the title, then the company, 80 characters
 * at most. The company part keeps up to 30 characters so a long title cannot push it out entirely.
 */
export function jobSlug(title: string | null | undefined, companySlug: string | null | undefined): string {
  const company = slugify(companySlug, 30);
  const titlePart = slugify(title, company ? 80 - company.length - 1 : 80);
  return [titlePart, company].filter(Boolean).join('-') || 'job';
}

/** Title suffixes and parentheticals that state where, not what: "(Remote - EU)", "- Remote, US", "[Hybrid]". */
const WHERE_WORDS =
  /\b(?:remote|remotely|hybrid|on-?site|onsite|in-office|office|anywhere|worldwide|global|wfh|home|based|timezone|timezones|time zones?|utc|gmt|est|cet|pst|emea|apac|latam|americas|europe|eu|eea|us|usa|uk|dach|nordics|benelux|anz)\b/i;
const PARENTHETICAL = /\s*[([{]([^)\]}]{0,120})[)\]}]/g;
const DASH_SUFFIX = /\s+(?:-|–|—|\||·|,|@)\s+(.{0,120})$/;

const TITLE_SYNONYMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:sr|snr)\b/g, 'senior'],
  [/\b(?:jr|jnr)\b/g, 'junior'],
  [/\bmgr\b/g, 'manager'],
  [/\bengr?\b/g, 'engineer'],
  [/\bdev\b/g, 'developer'],
  [/\bvp\b/g, 'vice president'],
  [/\bfront end\b/g, 'frontend'],
  [/\bback end\b/g, 'backend'],
  [/\bfull stack\b/g, 'fullstack'],
];

/** Drops location words a source appends to titles, keeping specialities: "Engineer (Backend)" stays. */
function stripWhere(title: string): string {
  let result = title
    .slice(0, 300)
    .replace(PARENTHETICAL, (whole, inner: string) => (WHERE_WORDS.test(inner) ? '' : whole));
  // Repeatedly: "Engineer - Remote - US" loses both tails.
  for (let i = 0; i < 3; i++) {
    const suffix = DASH_SUFFIX.exec(result);
    if (!suffix || !WHERE_WORDS.test(suffix[1] ?? '')) break;
    result = result.slice(0, suffix.index);
  }
  return result;
}

/**
 * A title reduced to what identifies the role: lowercase ASCII words, location suffixes removed,
 * common abbreviations expanded ("Sr." -> "senior").
 */
export function normalizeTitle(title: string | null | undefined): string {
  if (typeof title !== 'string') return '';
  let words = asciiWords(stripWhere(title));
  for (const [pattern, replacement] of TITLE_SYNONYMS) words = words.replace(pattern, replacement);
  return words.replace(/\s+/g, ' ').trim();
}

/**
 * The key under which postings are one listing: normalized company + normalized title + where one
 * may apply from ("worldwide", the sorted country codes, or "unknown"). The same job from an ATS and
 * a JSON-LD page gets the same key; the same title open to different countries does not.
 */
export function dedupeKey(input: {
  companySlug: string;
  title: string;
  eligibility: Pick<Eligibility, 'worldwide' | 'countries'>;
}): string {
  const { worldwide, countries } = input.eligibility;
  const where = worldwide
    ? 'worldwide'
    : countries.length > 0
      ? [...new Set(countries.map((c) => c.toUpperCase()))].sort().join(',')
      : 'unknown';
  return `${slugify(input.companySlug, 120)}|${normalizeTitle(input.title)}|${where}`;
}
