/**
 * `normalizePosting`: one source posting in, one trustworthy listing out. Pure: no I/O, no clock.
 * It composes the modules of this folder in the order their inputs need: the description is
 * sanitized first because eligibility, salary, type and tags all read its plain text.
 */
import { decodeHTML } from 'entities';
import type { RawPosting } from './raw-posting';
import { classifyCategory, classifyEmploymentType, classifySeniority } from './classify';
import { cleanApplyUrl } from './identity';
import { resolveEligibility } from './location';
import { findSalaryInDescription, parseSalaryText, salaryFromStructured } from './salary';
import { sanitizeDescription } from './sanitize';
import { extractTags } from './tags';
import type { NormalizedPosting } from './types';

export * from './types';
export { cleanApplyUrl, dedupeKey, jobSlug, normalizeTitle, slugify } from './identity';
export { parseSalaryText, salaryFromStructured, findSalaryInDescription, annualize } from './salary';
export { FX_RATES_APPROXIMATE, FX_RATES_DATE } from './fx-rates';
export { TAG_LABELS, TAG_VOCABULARY, extractTags } from './tags';
export { sanitizeDescription, decodeEscapedHtml } from './sanitize';
export { classifyCategory, classifyEmploymentType, classifySeniority } from './classify';
export { resolveEligibility } from './location';

/** What the pipeline knows about the board a posting came from. */
export interface NormalizeContext {
  /** Slug of the company that owns the board ("gitlab"). */
  companySlug: string;
  /** Display name of the company, used to drop " at Acme"-style title suffixes. */
  companyName: string;
  /** The source kind (`SourceKind`), stored with the posting. */
  sourceKind: string;
}

/**
 * A posting that cannot become a listing: no title, or no valid http(s) apply URL. The pipeline
 * skips it and counts it; everything else about a posting degrades to null instead of throwing.
 */
export class InvalidPostingError extends Error {
  constructor(
    /** The source's id of the posting, as given (may be empty). */
    readonly externalId: string,
    /** The field that made it unusable. */
    readonly field: 'title' | 'applyUrl',
    message: string,
  ) {
    super(message);
    this.name = 'InvalidPostingError';
  }
}

const MAX_TITLE = 300;
const MAX_LOCATIONS = 30;
const MAX_LOCATION_LENGTH = 200;
const LOCATION_SEPARATOR = ' · ';

const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Control characters, zero-width and bidi-override characters that could garble or spoof a title. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

function cleanLine(value: string, max: number): string {
  return value
    .slice(0, max * 4)
    .replace(INVISIBLE, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
}

/** The title as a person should read it: entities decoded once, whitespace collapsed, company suffix dropped. */
function cleanTitle(title: string, companyName: string): string {
  const decoded = /&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i.test(title)
    ? decodeHTML(title.slice(0, MAX_TITLE * 4))
    : title;
  const line = cleanLine(decoded, MAX_TITLE);
  const company = cleanLine(companyName, 200);
  if (company === '') return line;
  const lowerLine = line.toLowerCase();
  const lowerCompany = company.toLowerCase();
  for (const separator of [' at ', ' @ ', ' - ', ' – ', ' | ']) {
    const suffix = separator + lowerCompany;
    if (lowerLine.endsWith(suffix) && line.length > suffix.length)
      return line.slice(0, -suffix.length).trim();
  }
  return line;
}

function joinLocations(locations: unknown): string {
  if (!Array.isArray(locations)) return '';
  const seen = new Set<string>();
  for (const location of locations.slice(0, MAX_LOCATIONS * 2)) {
    const line = cleanLine(asString(location), MAX_LOCATION_LENGTH);
    if (line !== '' && seen.size < MAX_LOCATIONS) seen.add(line);
  }
  return [...seen].join(LOCATION_SEPARATOR);
}

/** ISO 8601 in UTC, or null for anything unparseable or outside 1990-2100 (placeholders, epoch zero). */
export function normalizeTimestamp(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  const time = Date.parse(value.trim());
  if (!Number.isFinite(time)) return null;
  const year = new Date(time).getUTCFullYear();
  return year >= 1990 && year <= 2100 ? new Date(time).toISOString() : null;
}

/**
 * Normalizes one posting: sanitized description, eligibility (lib/normalize/location.ts), salary
 * (structured fields, then the source's salary text, then the description), employment type,
 * seniority, category, tags, cleaned apply URL, joined location text, ISO date.
 *
 * @throws InvalidPostingError when the posting has no title or no valid http(s) apply URL. Nothing
 * else throws: unusable fields become null or empty.
 */
export function normalizePosting(raw: RawPosting, context: NormalizeContext): NormalizedPosting {
  const externalId = cleanLine(asString(raw.externalId), 200);
  const title = cleanTitle(asString(raw.title), asString(context.companyName));
  if (title === '')
    throw new InvalidPostingError(externalId, 'title', `Posting "${externalId}" has no title`);
  const applyUrl = cleanApplyUrl(asString(raw.applyUrl));
  if (applyUrl === null) {
    throw new InvalidPostingError(
      externalId,
      'applyUrl',
      `Posting "${externalId}" has no valid http(s) apply URL`,
    );
  }

  const description = sanitizeDescription(asString(raw.descriptionHtml));
  const locations = Array.isArray(raw.locations)
    ? raw.locations.filter((l): l is string => typeof l === 'string')
    : [];
  const eligibility = resolveEligibility({
    locations,
    title,
    descriptionText: description.text,
    remote: raw.remote ?? { isRemote: null, workplaceType: null, countryCodes: [] },
    metadata: raw.metadata ?? {},
  });
  const salary =
    salaryFromStructured(raw.salary, raw.salaryText) ??
    parseSalaryText(raw.salaryText) ??
    findSalaryInDescription(description.text);

  return {
    externalId,
    title,
    companySlug: context.companySlug,
    applyUrl,
    locationText: joinLocations(raw.locations),
    workplace: eligibility.workplace,
    worldwide: eligibility.worldwide,
    countries: eligibility.countries,
    timezone: eligibility.timezone,
    evidence: eligibility.evidence,
    employmentType: classifyEmploymentType(raw.employmentType, title, description.text),
    seniority: classifySeniority(title, raw.seniority),
    category: classifyCategory(title, raw.department, raw.team),
    tags: extractTags(title, description.text, Array.isArray(raw.tags) ? raw.tags : []),
    salary,
    descriptionHtml: description.html,
    descriptionText: description.text,
    postedAt: normalizeTimestamp(raw.postedAt),
    sourceKind: context.sourceKind,
  };
}
