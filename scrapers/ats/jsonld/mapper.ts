/**
 * schema.org JobPosting -> RawPosting. Pure: no I/O, no interpretation of text.
 *
 * A JobPosting's `url` is whatever the page says: it is kept only when it is an http(s) URL, and
 * resolved against the page; otherwise the page itself is where one applies.
 */
import { decodeHTML } from 'entities';
import type { RawPosting, StructuredSalary } from '../../types';
import { distinctText, isoDateTime } from '../shared';
import type { JobPosting, MonetaryAmount, Place, PostalAddress } from './api-types';

const list = <T>(value: T | T[] | null | undefined): T[] =>
  value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];

const ALPHA2 = /^[A-Z]{2}$/;

function countryText(country: PostalAddress['addressCountry']): string | null {
  return (typeof country === 'string' ? country : country?.name)?.trim() || null;
}

/** "Locality, Region, Country", or the Place's name when it has no usable address. */
function placeTexts(place: Place): string[] {
  if (typeof place === 'string') return [place];
  const addresses = list(place.address).map((address) =>
    typeof address === 'string'
      ? address
      : distinctText([
          address.addressLocality,
          address.addressRegion,
          countryText(address.addressCountry),
        ]).join(', '),
  );
  const named = distinctText(addresses);
  return named.length ? named : distinctText([place.name]);
}

function areaName(area: string | { name?: string | null | undefined }): string | null {
  return (typeof area === 'string' ? area : area.name)?.trim() || null;
}

/** Country codes the posting states as ISO alpha-2: address countries and applicant areas named "US". */
function countryCodesOf(posting: JobPosting): string[] {
  const codes: (string | null)[] = list(posting.applicantLocationRequirements).map(areaName);
  for (const place of list(posting.jobLocation)) {
    if (typeof place === 'string') continue;
    for (const address of list(place.address)) {
      if (typeof address !== 'string') codes.push(countryText(address.addressCountry));
    }
  }
  return distinctText(codes).filter((code) => ALPHA2.test(code));
}

/** A number from a number or a numeric string ("120000", "120,000.00"); null otherwise. */
function amount(value: number | string | null | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const digits = value?.replace(/[\s,]/g, '');
  if (!digits) return null;
  const number = Number(digits);
  return Number.isFinite(number) ? number : null;
}

function structuredSalary(salary: MonetaryAmount): StructuredSalary | null {
  const value = salary.value;
  let min = amount(salary.minValue);
  let max = amount(salary.maxValue);
  let interval = salary.unitText?.trim() || null;
  if (typeof value === 'number' || typeof value === 'string') {
    min ??= amount(value);
    max ??= amount(value);
  } else if (value) {
    min ??= amount(value.minValue) ?? amount(value.value);
    max ??= amount(value.maxValue) ?? amount(value.value);
    interval = value.unitText?.trim() || interval;
  }
  if (min === null && max === null) return null;
  return { min, max, currency: salary.currency?.trim() || null, interval };
}

function isHttpUrl(url: URL): boolean {
  return url.protocol === 'https:' || url.protocol === 'http:';
}

/** The posting's own URL, resolved against the page, when it is a web address. */
function postingUrl(posting: JobPosting, pageUrl: string): string | null {
  const raw = posting.url?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw, pageUrl);
    return isHttpUrl(url) ? url.toString() : null;
  } catch {
    return null;
  }
}

function identifierOf(posting: JobPosting): string | null {
  const identifier = posting.identifier;
  if (identifier === null || identifier === undefined) return null;
  const value = typeof identifier === 'object' ? identifier.value : identifier;
  return value === null || value === undefined ? null : String(value).trim() || null;
}

/** Plain text of a loosely typed property (a string, or an object with a name), for metadata. */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return distinctText(value.map(textOf)).join(', ') || null;
  if (value && typeof value === 'object' && 'name' in value) return textOf((value as { name: unknown }).name);
  return null;
}

/**
 * Map one JobPosting found on `pageUrl`. `fallbackId` identifies it when it has neither an identifier
 * nor a URL of its own (the page URL, with `#n` when the page holds several such postings).
 */
export function mapJobPosting(
  posting: JobPosting,
  pageUrl: string,
  fallbackId: string = pageUrl,
): RawPosting {
  const ownUrl = postingUrl(posting, pageUrl);
  const remote = list(posting.jobLocationType).some((type) => type.trim().toUpperCase() === 'TELECOMMUTE');
  const metadata: Record<string, string> = {};
  for (const key of [
    'hiringOrganization',
    'occupationalCategory',
    'industry',
    'validThrough',
    'experienceRequirements',
  ] as const) {
    const value = textOf(posting[key]);
    if (value) metadata[key] = value;
  }
  const baseSalary = posting.baseSalary;
  return {
    externalId: identifierOf(posting) ?? ownUrl ?? fallbackId,
    // Titles in JSON-LD are text, but templates often leave HTML entities in them ("R&amp;D").
    title: decodeHTML(posting.title).trim(),
    applyUrl: ownUrl ?? pageUrl,
    locations: distinctText([
      ...list(posting.jobLocation).flatMap(placeTexts),
      ...list(posting.applicantLocationRequirements).map(areaName),
    ]),
    descriptionHtml: posting.description?.trim() || null,
    department: null,
    team: null,
    employmentType: distinctText(list(posting.employmentType)).join(', ') || null,
    seniority: null,
    postedAt: isoDateTime(posting.datePosted),
    updatedAt: isoDateTime(posting.dateModified),
    remote: {
      // Google: TELECOMMUTE only for fully remote jobs. Its absence says nothing.
      isRemote: remote ? true : null,
      workplaceType: remote ? 'remote' : null,
      countryCodes: countryCodesOf(posting),
    },
    salary:
      typeof baseSalary === 'number'
        ? structuredSalary({ value: baseSalary })
        : typeof baseSalary === 'object' && baseSalary !== null
          ? structuredSalary(baseSalary)
          : null,
    // A bare string is free text ("Competitive", "$90k-$110k"); lib/normalize parses it.
    salaryText: typeof baseSalary === 'string' ? baseSalary.trim() || null : null,
    tags: distinctText(list(posting.skills).flatMap((skill) => skill.split(','))),
    metadata,
  };
}

/** Map the JobPostings of one page. */
export function mapJsonLdPage(postings: readonly JobPosting[], pageUrl: string): RawPosting[] {
  const anonymous = postings.filter(
    (posting) => !identifierOf(posting) && !postingUrl(posting, pageUrl),
  ).length;
  let seen = 0;
  return postings.map((posting) => {
    const needsIndex = anonymous > 1 && !identifierOf(posting) && !postingUrl(posting, pageUrl);
    return mapJobPosting(posting, pageUrl, needsIndex ? `${pageUrl}#${++seen}` : pageUrl);
  });
}
