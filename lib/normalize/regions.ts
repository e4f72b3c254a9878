/**
 * Regions and blocs that postings use to say where people may live ("Remote - EMEA", "LATAM only"),
 * expanded to ISO 3166-1 alpha-2 codes.
 *
 * Geography comes from maintained datasets, never from hand-typed country lists:
 * - world-countries: UN-style `region` (Americas, Europe, Asia, Africa, Oceania) and `subregion`
 *   (Northern Europe, South-Eastern Asia, Central America...), plus official languages.
 * - countries-and-timezones: which countries keep Central European Time.
 *
 * Political memberships no dataset carries (EU, EEA) and the business shorthands that are
 * definitions rather than geography (DACH, Nordics, Benelux) are written out below, each with the
 * reason and, for treaties, the date it was checked.
 *
 * Every expansion is computed once at module load as a sorted, unique, frozen array.
 */
import ct from 'countries-and-timezones';
import worldCountries from 'world-countries';

/** Stable identifiers of the regions Elsewhere understands. */
export type RegionId = string;

/** A named group of countries. */
export interface Region {
  id: RegionId;
  /** How the region is shown to people ("Europe", "EU", "Latin America"). */
  label: string;
  /** ISO 3166-1 alpha-2 codes, sorted and unique. */
  countries: readonly string[];
}

/**
 * The 27 member states of the European Union (checked 2025-06; no bundled dataset flags EU
 * membership). Update on accession or withdrawal.
 */
const EU_MEMBERS = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
] as const;
/** EEA = EU plus the three EFTA states in the EEA agreement (checked 2025-06). */
const EEA_EXTRA = ['IS', 'LI', 'NO'] as const;

function sortedUnique(codes: Iterable<string>): readonly string[] {
  return Object.freeze([...new Set(codes)].sort());
}

function byRegion(...regions: string[]): string[] {
  return worldCountries.filter((c) => regions.includes(c.region)).map((c) => c.cca2);
}

function bySubregion(...subregions: string[]): string[] {
  return worldCountries.filter((c) => subregions.includes(c.subregion)).map((c) => c.cca2);
}

function minus(codes: Iterable<string>, removed: Iterable<string>): string[] {
  const drop = new Set(removed);
  return [...codes].filter((c) => !drop.has(c));
}

/**
 * Latin America: all of Central and South America, Mexico, and the Caribbean countries whose
 * official language is Spanish, Portuguese or French (Cuba, Dominican Republic, Haiti, Puerto
 * Rico, the French Antilles). The English- and Dutch-speaking Caribbean is not "LATAM" in hiring
 * usage, while Belize, Guyana and Suriname are usually included with their continent.
 */
function latinAmerica(): string[] {
  const latinCaribbean = worldCountries
    .filter((c) => c.subregion === 'Caribbean')
    .filter((c) => Object.keys(c.languages).some((l) => l === 'spa' || l === 'por' || l === 'fra'))
    .map((c) => c.cca2);
  return [...bySubregion('South America', 'Central America'), 'MX', ...latinCaribbean];
}

/**
 * The Middle East as hiring teams use it: UN Western Asia without the South Caucasus (Armenia,
 * Azerbaijan, Georgia, which postings group with Europe or "CIS"), plus Egypt and Iran.
 */
function middleEast(): string[] {
  return [...minus(bySubregion('Western Asia'), ['AM', 'AZ', 'GE']), 'EG', 'IR'];
}

/** Countries with a zone on Central European Time (UTC+1 in winter, +2 in summer). */
function centralEuropeanTime(): string[] {
  return Object.values(ct.getAllTimezones({ deprecated: true }))
    .filter((z) => z.utcOffset === 60 && z.dstOffset === 120 && z.name.startsWith('Europe/'))
    .flatMap((z) => z.countries);
}

const europe = byRegion('Europe');
const africa = byRegion('Africa');
const asia = byRegion('Asia');
const mideast = middleEast();

/**
 * Region definitions. APAC is Asia without Western Asia (which EMEA covers) plus Oceania, so that
 * EMEA + APAC + Americas partition the world the way sales regions do.
 */
const DEFINITIONS: ReadonlyArray<{ id: RegionId; label: string; countries: Iterable<string> }> = [
  { id: 'americas', label: 'Americas', countries: byRegion('Americas') },
  // UN "North America": US, Canada, Mexico and their northern neighbours (Bermuda, Greenland...).
  { id: 'north-america', label: 'North America', countries: bySubregion('North America') },
  { id: 'latam', label: 'Latin America', countries: latinAmerica() },
  { id: 'south-america', label: 'South America', countries: bySubregion('South America') },
  { id: 'central-america', label: 'Central America', countries: bySubregion('Central America') },
  { id: 'caribbean', label: 'Caribbean', countries: bySubregion('Caribbean') },
  { id: 'europe', label: 'Europe', countries: europe },
  { id: 'eu', label: 'EU', countries: EU_MEMBERS },
  { id: 'eea', label: 'EEA', countries: [...EU_MEMBERS, ...EEA_EXTRA] },
  { id: 'dach', label: 'DACH', countries: ['DE', 'AT', 'CH'] },
  // Nordics = the five Nordic Council states; postings saying "Scandinavia" mean the same.
  { id: 'nordics', label: 'Nordics', countries: ['DK', 'FI', 'IS', 'NO', 'SE'] },
  { id: 'benelux', label: 'Benelux', countries: ['BE', 'NL', 'LU'] },
  { id: 'uk-ireland', label: 'UK & Ireland', countries: ['GB', 'IE'] },
  { id: 'northern-europe', label: 'Northern Europe', countries: bySubregion('Northern Europe') },
  { id: 'western-europe', label: 'Western Europe', countries: bySubregion('Western Europe') },
  { id: 'southern-europe', label: 'Southern Europe', countries: bySubregion('Southern Europe') },
  { id: 'eastern-europe', label: 'Eastern Europe', countries: bySubregion('Eastern Europe') },
  { id: 'central-europe', label: 'Central Europe', countries: bySubregion('Central Europe') },
  { id: 'southeast-europe', label: 'Southeast Europe', countries: bySubregion('Southeast Europe') },
  {
    id: 'cee',
    label: 'Central & Eastern Europe',
    countries: [...bySubregion('Central Europe', 'Eastern Europe', 'Southeast Europe'), 'EE', 'LV', 'LT'],
  },
  { id: 'baltics', label: 'Baltics', countries: ['EE', 'LV', 'LT'] },
  { id: 'cet', label: 'CET', countries: centralEuropeanTime() },
  { id: 'emea', label: 'EMEA', countries: [...europe, ...africa, ...mideast] },
  { id: 'middle-east', label: 'Middle East', countries: mideast },
  { id: 'mena', label: 'MENA', countries: [...mideast, ...bySubregion('Northern Africa')] },
  { id: 'africa', label: 'Africa', countries: africa },
  { id: 'northern-africa', label: 'North Africa', countries: bySubregion('Northern Africa') },
  {
    id: 'sub-saharan-africa',
    label: 'Sub-Saharan Africa',
    countries: minus(africa, bySubregion('Northern Africa')),
  },
  { id: 'asia', label: 'Asia', countries: asia },
  {
    id: 'apac',
    label: 'APAC',
    countries: [...minus(asia, bySubregion('Western Asia')), ...byRegion('Oceania')],
  },
  { id: 'eastern-asia', label: 'East Asia', countries: bySubregion('Eastern Asia') },
  { id: 'south-eastern-asia', label: 'Southeast Asia', countries: bySubregion('South-Eastern Asia') },
  { id: 'southern-asia', label: 'South Asia', countries: bySubregion('Southern Asia') },
  { id: 'central-asia', label: 'Central Asia', countries: bySubregion('Central Asia') },
  { id: 'western-asia', label: 'Western Asia', countries: bySubregion('Western Asia') },
  { id: 'oceania', label: 'Oceania', countries: byRegion('Oceania') },
  // ANZ means Australia and New Zealand themselves, not their external territories.
  { id: 'anz', label: 'Australia & New Zealand', countries: ['AU', 'NZ'] },
];

/** Every region by id, each expansion computed once. */
export const REGIONS: ReadonlyMap<RegionId, Region> = new Map(
  DEFINITIONS.map((d) => [
    d.id,
    Object.freeze({ id: d.id, label: d.label, countries: sortedUnique(d.countries) }),
  ]),
);

/**
 * A way postings name a region. `phrase` is lower-case, diacritics removed, words separated by
 * single spaces (see `foldPhrase`). `caseSensitive` aliases only count when written in capitals
 * in the source ("EU" the bloc, not the Portuguese word "eu"; "NA" for North America).
 */
export interface RegionAlias {
  phrase: string;
  regionId: RegionId;
  caseSensitive: boolean;
}

const ALIAS_TABLE: ReadonlyArray<[RegionId, string[], string[]?]> = [
  [
    'americas',
    ['americas', 'the americas', 'amer', 'amers', 'north and south america', 'north & south america'],
  ],
  ['north-america', ['north america', 'northern america', 'noram', 'namer', 'north american'], ['NA']],
  ['latam', ['latam', 'latin america', 'latinamerica', 'latin american', 'lat am']],
  ['south-america', ['south america', 'southern america', 'south american']],
  ['central-america', ['central america', 'central american']],
  ['caribbean', ['caribbean', 'the caribbean']],
  ['europe', ['europe', 'european', 'continental europe', 'european countries', 'europe region']],
  ['eu', ['european union', 'eu countries', 'eu member states', 'eu member state'], ['EU']],
  ['eea', ['eea', 'european economic area']],
  ['dach', ['dach', 'dach region']],
  [
    'nordics',
    ['nordics', 'nordic', 'nordic countries', 'nordic region', 'scandinavia', 'scandinavian countries'],
  ],
  ['benelux', ['benelux']],
  [
    'uk-ireland',
    ['uki', 'uk&i', 'uk & ireland', 'uk and ireland', 'uk ireland', 'ireland and uk', 'ireland & uk'],
  ],
  ['northern-europe', ['northern europe', 'north europe']],
  ['western-europe', ['western europe', 'west europe']],
  ['southern-europe', ['southern europe', 'south europe']],
  ['eastern-europe', ['eastern europe', 'east europe']],
  ['central-europe', ['central europe']],
  [
    'southeast-europe',
    ['southeast europe', 'southeastern europe', 'south eastern europe', 'balkans', 'the balkans'],
  ],
  ['cee', ['cee', 'central and eastern europe', 'central & eastern europe', 'central eastern europe']],
  ['baltics', ['baltics', 'baltic states', 'baltic countries', 'the baltics']],
  [
    'cet',
    ['cet', 'cest', 'central european time', 'central european timezone', 'central european time zone'],
  ],
  [
    'emea',
    [
      'emea',
      'europe middle east and africa',
      'europe middle east & africa',
      'europe the middle east and africa',
    ],
  ],
  ['middle-east', ['middle east', 'the middle east', 'mideast']],
  ['mena', ['mena', 'middle east and north africa', 'middle east & north africa']],
  ['africa', ['africa', 'african']],
  ['northern-africa', ['north africa', 'northern africa']],
  ['sub-saharan-africa', ['sub saharan africa', 'subsaharan africa']],
  ['asia', ['asia', 'asian']],
  [
    'apac',
    [
      'apac',
      'apj',
      'asia pacific',
      'asia pac',
      'asiapac',
      'asia and pacific',
      'asia and the pacific',
      'asia & pacific',
    ],
  ],
  ['eastern-asia', ['east asia', 'eastern asia']],
  ['south-eastern-asia', ['southeast asia', 'south east asia', 'south eastern asia', 'southeastern asia']],
  ['southern-asia', ['south asia', 'southern asia']],
  ['central-asia', ['central asia']],
  ['western-asia', ['western asia', 'west asia']],
  ['oceania', ['oceania', 'australasia']],
  [
    'anz',
    [
      'anz',
      'australia and new zealand',
      'australia & new zealand',
      'australia new zealand',
      'aunz',
      'au nz',
      'au/nz',
    ],
  ],
];

/**
 * Lower-case `text`, strip diacritics ("São" -> "sao", "Zürich" -> "zurich") and reduce every run of
 * characters other than letters and digits to one space, so phrases compare by their words only.
 */
export function foldPhrase(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Every region alias, folded, for matchers to index. */
export const REGION_ALIASES: readonly RegionAlias[] = Object.freeze(
  ALIAS_TABLE.flatMap(([regionId, phrases, capitalOnly = []]) => [
    ...phrases.map((p) => ({ phrase: foldPhrase(p), regionId, caseSensitive: false })),
    ...capitalOnly.map((p) => ({ phrase: foldPhrase(p), regionId, caseSensitive: true })),
  ]),
);

const aliasIndex = new Map<string, RegionId>();
for (const alias of REGION_ALIASES) aliasIndex.set(alias.phrase, alias.regionId);

/**
 * The region a name refers to ("EMEA", "Latin America", "the Nordics", "South-East Asia"), or
 * null. Case-insensitive: callers that need "EU"/"NA" only in capitals use `REGION_ALIASES`.
 */
export function findRegion(name: string): Region | null {
  const folded = foldPhrase(name);
  const id = aliasIndex.get(folded) ?? aliasIndex.get(folded.replace(/^the /, ''));
  return id === undefined ? null : (REGIONS.get(id) ?? null);
}

/** The sorted country codes of a region id; throws on an unknown id (a programming error). */
export function regionCountries(id: RegionId): readonly string[] {
  const region = REGIONS.get(id);
  if (!region) throw new Error(`unknown region id: ${id}`);
  return region.countries;
}
