/**
 * Where someone may work from, in plain words: "Worldwide", "US & Canada", "Europe, UTC-1 to UTC+3",
 * "Portugal", "12 countries in Europe". Pure, so result cards, job pages and feeds say the same.
 */
import { REGIONS } from '../normalize/regions';
import type { TimezoneWindow } from '../normalize/types';
import { formatUtcOffset } from '../search/query';
import { countryName } from './country-names';

/** What the label is made from: a job's eligibility as stored. */
export interface EligibilityInput {
  worldwide: boolean;
  /** ISO 3166-1 alpha-2 codes; empty when worldwide or unknown. */
  countries: readonly string[];
  timezone: TimezoneWindow | null;
}

/** Most countries listed by name before the label counts them instead. */
export const MAX_NAMED_COUNTRIES = 3;

/**
 * Country sets with a name, keyed by their sorted codes. Regions come first in definition order, so
 * a set two regions share takes the first (more general) name. "US & Canada" is not a region of
 * lib/normalize (it never needs expanding) but is how postings most often put it.
 */
const NAMED_SETS: ReadonlyMap<string, string> = (() => {
  const named = new Map<string, string>([['CA,US', 'US & Canada']]);
  for (const region of REGIONS.values()) {
    const key = region.countries.join(',');
    if (!named.has(key)) named.set(key, region.label);
  }
  return named;
})();

/** Regions from the smallest up, for "12 countries in Europe". */
const REGIONS_BY_SIZE = [...REGIONS.values()].sort((a, b) => a.countries.length - b.countries.length);

/** "UTC-1 to UTC+3", or "UTC+1" for a one-offset window. */
export function timezoneLabel(window: TimezoneWindow): string {
  const { minUtcOffset: min, maxUtcOffset: max } = window;
  return min === max ? formatUtcOffset(min) : `${formatUtcOffset(min)} to ${formatUtcOffset(max)}`;
}

/** "Portugal", "Portugal & Spain", "France, Portugal & Spain". */
function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} & ${names.at(-1)}`;
}

function countriesLabel(countries: readonly string[]): string {
  const codes = [...new Set(countries.map((code) => code.toUpperCase()))].sort();
  const named = NAMED_SETS.get(codes.join(','));
  if (named) return named;
  if (codes.length <= MAX_NAMED_COUNTRIES) {
    return joinNames(codes.map(countryName).sort((a, b) => a.localeCompare(b, 'en')));
  }
  const within = REGIONS_BY_SIZE.find((region) => codes.every((code) => region.countries.includes(code)));
  return within ? `${codes.length} countries in ${within.label}` : `${codes.length} countries`;
}

/**
 * The eligibility of a job in plain words.
 *
 * @example eligibilityLabel({ worldwide: false, countries: ['CA', 'US'], timezone: null }) // "US & Canada"
 */
export function eligibilityLabel(input: EligibilityInput): string {
  const place = input.worldwide
    ? 'Worldwide'
    : input.countries.length > 0
      ? countriesLabel(input.countries)
      : null;
  const zone = input.timezone ? timezoneLabel(input.timezone) : null;
  if (place && zone) return `${place}, ${zone}`;
  return place ?? zone ?? 'Location not stated';
}
