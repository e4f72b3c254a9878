/**
 * Country names for people: the list of ISO 3166-1 alpha-2 codes comes from i18n-iso-countries,
 * the display names from the runtime's CLDR data (Intl.DisplayNames), which uses the short names
 * people write ("United States", "Czechia") rather than the formal ones ("United States of America").
 */
import iso from 'i18n-iso-countries';

const displayNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** "PT" -> "Portugal"; an unknown code comes back unchanged. */
export function countryName(code: string): string {
  const upper = code.toUpperCase();
  return displayNames.of(upper) ?? iso.getName(upper, 'en') ?? upper;
}

/** One option of the "I can work from" picker. */
export interface CountryOption {
  code: string;
  name: string;
}

let options: readonly CountryOption[] | null = null;

/** Every country i18n-iso-countries knows, sorted by English name. Computed once. */
export function countryOptions(): readonly CountryOption[] {
  options ??= Object.freeze(
    Object.keys(iso.getAlpha2Codes())
      .map((code) => ({ code, name: countryName(code) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en')),
  );
  return options;
}
