/**
 * Workplace and eligibility: "can I apply from where I live?"
 *
 * Pure functions. Reads every signal a posting carries (location strings, ATS remote fields,
 * Greenhouse custom fields, title suffixes like "(Remote - EU)", description phrases like "must be
 * based in the US") and answers with an `Eligibility`: workplace, worldwide or a set of ISO 3166-1
 * alpha-2 countries, a timezone window, and the phrase that decided it.
 *
 * The rules are written down in lib/normalize/README.md ("Eligibility"); the short version:
 * - Location strings are the authority. Several places join; a remote option next to an office
 *   means remote within that office's country; "Anywhere"/"Worldwide" is worldwide unless the same
 *   phrase names places ("Anywhere in the US").
 * - A bare "Remote" is not proof of worldwide: worldwide stays false, countries empty, and the
 *   evidence says no restriction was stated, unless the description or ATS fields decide.
 * - Description phrases count only in requirement form ("must be based in", "authorized to work
 *   in", "US residents only", "anywhere in the world"), never bare mentions of a country.
 *
 * Place names come from datasets: i18n-iso-countries and world-countries (country names, aliases,
 * native names, capitals), countries-and-timezones (IANA zone cities), lib/normalize/regions.ts
 * (regions and blocs). Elsewhere's own data is limited to US states and Canadian provinces, a short
 * list of tech hubs that are neither zone names nor capitals, and words for workplace.
 *
 * Matching works on word tokens with a longest-match dictionary, so "Indiana" is never "India",
 * "woman" never "Oman", "Nigeria" never "Niger", "New Jersey" never "Jersey". Work is linear in
 * the input and bounded on huge descriptions (see `boundedExcerpt`).
 */
import ct from 'countries-and-timezones';
import iso from 'i18n-iso-countries';
import worldCountries from 'world-countries';
import type { RawPosting } from './raw-posting';
import { REGION_ALIASES, REGIONS } from './regions';
import { boundedExcerpt, parseTimezoneWindow, TIMEZONE_KEYWORDS } from './timezone';
import type { Eligibility, TimezoneWindow, Workplace } from './types';

/** Everything `resolveEligibility` reads from a posting. */
export interface EligibilityInput {
  /** `RawPosting.locations`, in the source's order. */
  locations: string[];
  /** The posting title; suffixes like "(Remote - EU)" count as locations. */
  title: string;
  /** Plain-text description, any length (scanned within a bounded excerpt). */
  descriptionText: string;
  /** Structured remote signals from the ATS. */
  remote: RawPosting['remote'];
  /** Greenhouse-style custom fields ("Workplace Type" -> "Remote"). */
  metadata?: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------
// Limits. Location fields are short in practice; anything longer is hostile or a mistake.

const MAX_LOCATIONS = 60;
const MAX_LOCATION_CHARS = 400;
const MAX_TITLE_CHARS = 300;
const MAX_METADATA_FIELDS = 40;
/** `parseLocationText` reads longer input as a description only. */
const MAX_LOCATION_TEXT_CHARS = 300;
const MAX_EVIDENCE_CHARS = 160;
/** Evidence shown when a posting says "Remote" and nothing narrows or widens it. */
export const UNRESTRICTED_REMOTE_EVIDENCE = 'Remote, no location restriction stated';

// ---------------------------------------------------------------------------------------------
// Elsewhere's own place data: small, political facts no bundled dataset carries.

/** US states, DC and territories' postal codes (USPS). */
const US_STATES =
  'AL Alabama|AK Alaska|AZ Arizona|AR Arkansas|CA California|CO Colorado|CT Connecticut|DE Delaware|' +
  'FL Florida|GA Georgia|HI Hawaii|ID Idaho|IL Illinois|IN Indiana|IA Iowa|KS Kansas|KY Kentucky|' +
  'LA Louisiana|ME Maine|MD Maryland|MA Massachusetts|MI Michigan|MN Minnesota|MS Mississippi|' +
  'MO Missouri|MT Montana|NE Nebraska|NV Nevada|NH New Hampshire|NJ New Jersey|NM New Mexico|' +
  'NY New York|NC North Carolina|ND North Dakota|OH Ohio|OK Oklahoma|OR Oregon|PA Pennsylvania|' +
  'RI Rhode Island|SC South Carolina|SD South Dakota|TN Tennessee|TX Texas|UT Utah|VT Vermont|' +
  'VA Virginia|WA Washington|WV West Virginia|WI Wisconsin|WY Wyoming|DC District of Columbia';

/**
 * Canadian provinces and territories. NL, PE and NU are left out as codes: as ISO codes they are
 * the Netherlands, Peru and Niue, which postings mean far more often.
 */
const CA_PROVINCES =
  'ON Ontario|QC Quebec|BC British Columbia|AB Alberta|MB Manitoba|SK Saskatchewan|NS Nova Scotia|' +
  'NB New Brunswick|-- Newfoundland and Labrador|-- Newfoundland|-- Prince Edward Island|YT Yukon|' +
  'NT Northwest Territories|-- Nunavut';

/**
 * Tech hubs and place nicknames that are neither IANA zone cities nor capitals. These win over the
 * datasets (San Jose is California to a job board, not Costa Rica).
 */
const HUBS: Record<string, string> = {
  US:
    'San Francisco|San Francisco Bay Area|SF Bay Area|Bay Area|Silicon Valley|Palo Alto|Mountain View|' +
    'Menlo Park|Sunnyvale|San Jose|Santa Clara|Redwood City|Oakland|Berkeley|San Mateo|Cupertino|' +
    'Seattle|Bellevue|Redmond|Portland|Austin|Dallas|Houston|San Antonio|Atlanta|Miami|Boston|NYC|' +
    'New York City|Brooklyn|Manhattan|Jersey City|Philadelphia|Pittsburgh|Washington DC|Raleigh|' +
    'Durham|Charlotte|Nashville|Minneapolis|Salt Lake City|San Diego|Irvine|Santa Monica|Las Vegas|' +
    'Columbus|Cincinnati|Cleveland|St Louis|Saint Louis|Kansas City|Baltimore|Tampa|Orlando|' +
    'Boulder|Ann Arbor|Milwaukee|Sacramento|New Orleans|Pacific Northwest|East Coast|West Coast|' +
    'Midwest|Continental US|Contiguous US|Lower 48',
  CA: 'Montreal|Calgary|Waterloo|Kitchener|Quebec City',
  GB: 'England|Scotland|Wales|Northern Ireland|Britain|Manchester|Edinburgh|Glasgow|Bristol|Leeds|Oxford|Cardiff',
  IE: 'Cork|Galway',
  DE: 'Munich|Munchen|Hamburg|Frankfurt|Cologne|Koln|Stuttgart|Dusseldorf|Leipzig|Dresden',
  FR: 'Lyon|Toulouse|Bordeaux|Marseille|Nantes|Lille',
  ES: 'Barcelona|Valencia|Seville|Malaga',
  PT: 'Porto|Braga',
  IT: 'Milan|Milano|Turin|Bologna',
  NL: 'Rotterdam|Utrecht|Eindhoven|The Hague',
  BE: 'Antwerp|Ghent',
  CH: 'Geneva|Lausanne|Basel',
  SE: 'Gothenburg|Malmo',
  DK: 'Aarhus',
  PL: 'Krakow|Wroclaw|Gdansk|Poznan',
  CZ: 'Brno',
  RO: 'Cluj|Cluj Napoca|Iasi|Timisoara',
  UA: 'Lviv|Kharkiv',
  GR: 'Thessaloniki',
  IL: 'Haifa',
  IN: 'Bangalore|Bengaluru|Mumbai|Pune|Hyderabad|Chennai|Gurgaon|Gurugram|Noida|Delhi|Ahmedabad',
  PK: 'Lahore',
  PH: 'Cebu',
  CN: 'Shenzhen|Hangzhou|Guangzhou',
  JP: 'Osaka',
  VN: 'Ho Chi Minh City',
  BR: 'Rio de Janeiro|Belo Horizonte|Florianopolis|Curitiba|Porto Alegre',
  MX: 'Guadalajara',
  CO: 'Medellin',
  ZA: 'Cape Town',
  KR: 'Korea',
};
/** Short nicknames that only count in capitals ("SF", "DC"). */
const HUB_ACRONYMS: Record<string, string> = { SF: 'US', DC: 'US', LA: 'US', UAE: 'AE' };

/**
 * Zone and capital names that are ordinary words, people's names or ambiguous between countries;
 * never read as a city.
 */
const CITY_DENYLIST = new Set(
  (
    'center|north|south|west|east|act|nsw|lhi|queensland|tasmania|victoria|yancowinna|currie|lindeman|' +
    'eucla|broken hill|knox|knox in|marengo|vevay|winamac|tell city|petersburg|monticello|beulah|' +
    'new salem|menominee|shiprock|atka|virgin|christmas|easter|wake|midway|chatham|oral|stanley|regina|' +
    'darwin|creston|resolute|dawson|hamilton|kingston|the valley|the bottom|west island|plymouth|' +
    'douglas|male|jamestown|bahia|george town|coral harbour|santa isabel|mann|island|dominique|' +
    'maurice|rsa|thai|cocos|chagos|johnston|enderbury|truk|ponape|mahe|comoro|canary|cayman|antigua'
  ).split('|'),
);

// ---------------------------------------------------------------------------------------------
// Tokens.

interface Token {
  raw: string;
  folded: string;
  start: number;
  end: number;
  /** The characters between the previous token and this one (at most 12). */
  sep: string;
}

/** "U.S.A." -> "USA", "U.K." -> "UK", "D.C." -> "DC", so dotted acronyms are single tokens. */
function undotAcronyms(text: string): string {
  return text.replace(
    /\b([A-Z])\.\s?([A-Z])\.(?:\s?([A-Z])\.)?/g,
    (_m, a: string, b: string, c?: string) => a + b + (c ?? ''),
  );
}

const ASCII = /^[\x00-\x7f]*$/;

function fold(word: string): string {
  // Nearly every word is ASCII, where decomposing changes nothing: skip the Unicode work (hot path).
  if (ASCII.test(word)) return word.toLowerCase();
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    tokens.push({
      raw: m[0],
      folded: fold(m[0]),
      start,
      end: start + m[0].length,
      sep: text.slice(Math.max(previousEnd, start - 12), start),
    });
    previousEnd = start + m[0].length;
  }
  return tokens;
}

/** The separator after token `i` (before the next token, or to the end of the text). */
function sepAfter(tokens: Token[], i: number, text: string): string {
  const next = tokens[i + 1];
  const end = tokens[i]?.end ?? 0;
  return next ? next.sep : text.slice(end, end + 12);
}

// ---------------------------------------------------------------------------------------------
// The dictionary: folded word sequences -> places and workplace cues.

type PlaceKind = 'country' | 'region' | 'state' | 'city';
type CueKind = 'remote' | 'hybrid' | 'onsite' | 'worldwide' | 'exclude';

interface Entry {
  kind: PlaceKind | CueKind;
  codes: readonly string[];
  /** When set, the source must spell the words exactly so (case-sensitive acronyms). */
  exact: string | null;
  /** A US state with the same name as a country ("Georgia"): resolved by US context. */
  alsoUsState?: boolean;
  /** Also a city of the same country ("New York", "Singapore"): a city when a state or country follows. */
  alsoCity?: boolean;
  /** A code after a word we do not know as a place ("Cambridge, MA"): that word is a city. */
  afterUnknownCity?: boolean;
}

const DICTIONARY = new Map<string, Entry>();
const FIRST_WORDS = new Set<string>();
/** Every leading word sequence of a phrase ("new", "new york", "new york city"): lookups stop early. */
const PHRASE_PREFIXES = new Set<string>();
let longestPhrase = 1;

function phraseKey(phrase: string): { key: string; raw: string; length: number } {
  const tokens = tokenize(undotAcronyms(phrase));
  return {
    key: tokens.map((t) => t.folded).join(' '),
    raw: tokens.map((t) => t.raw).join(' '),
    length: tokens.length,
  };
}

function addPhrase(
  phrase: string,
  kind: Entry['kind'],
  codes: readonly string[],
  caseSensitive = false,
): void {
  const { key, raw, length } = phraseKey(phrase);
  if (length === 0) return;
  const existing = DICTIONARY.get(key);
  if (existing) {
    // "Georgia" the country and "Georgia" the state share a name; everything else: first wins.
    if (existing.kind === 'country' && kind === 'state' && codes[0] === 'US') existing.alsoUsState = true;
    if (
      kind === 'city' &&
      existing.kind !== 'city' &&
      existing.codes.length === 1 &&
      existing.codes[0] === codes[0]
    ) {
      existing.alsoCity = true;
    }
    return;
  }
  DICTIONARY.set(key, { kind, codes, exact: caseSensitive ? raw : null });
  const words = key.split(' ');
  FIRST_WORDS.add(words[0] ?? '');
  for (let n = 1; n <= words.length; n++) PHRASE_PREFIXES.add(words.slice(0, n).join(' '));
  longestPhrase = Math.max(longestPhrase, length);
}

const CUES: ReadonlyArray<[CueKind, string]> = [
  [
    'remote',
    'remote|remotely|fully remote|100 remote|remote first|remote friendly|remote ok|wfh|work from home|' +
      'working from home|home based|homebased|home office|homeoffice|telecommute|telecommuting|' +
      'telework|teleworking|distributed|virtual|remote only',
  ],
  ['hybrid', 'hybrid|hybrid remote|partially remote|partly remote|remote hybrid|flex office'],
  ['onsite', 'onsite|on site|in office|office based|in person|on premises|on premise'],
  [
    'worldwide',
    'anywhere|worldwide|world wide|global|globally|everywhere|anywhere in the world|work from anywhere|' +
      'all locations|any location|all countries|any country|international|earth|planet earth',
  ],
  [
    'exclude',
    'except|excluding|excl|exclude|outside|outside of|other than|not in|not including|with the exception of',
  ],
];

function buildDictionary(): void {
  for (const [kind, phrases] of CUES) for (const p of phrases.split('|')) addPhrase(p, kind, []);

  // Acronyms first so they keep their case rule.
  for (const [acronym, code] of Object.entries(HUB_ACRONYMS)) addPhrase(acronym, 'city', [code], true);

  // Countries: every English name and alias i18n-iso-countries knows, then world-countries' names,
  // alternative spellings and native names ("Deutschland", "Holland", "España").
  const isoNames = iso.getNames('en', { select: 'all' });
  for (const [code, names] of Object.entries(isoNames)) {
    for (const name of names) addPhrase(name, 'country', [code], name.replace(/[^\p{L}]/gu, '').length <= 3);
  }
  for (const country of worldCountries) {
    const names = [
      country.name.common,
      country.name.official,
      ...country.altSpellings,
      ...Object.values(country.name.native).map((n) => n.common),
    ];
    for (const name of names) {
      const letters = name.replace(/[^\p{L}]/gu, '');
      if (letters.length <= 2 || CITY_DENYLIST.has(fold(name))) continue;
      addPhrase(name, 'country', [country.cca2], letters.length <= 3);
    }
  }

  for (const alias of REGION_ALIASES) {
    const region = REGIONS.get(alias.regionId);
    if (!region) continue;
    const exactCaps = alias.caseSensitive || alias.phrase === 'cet' || alias.phrase === 'cest';
    addPhrase(exactCaps ? alias.phrase.toUpperCase() : alias.phrase, 'region', region.countries, exactCaps);
  }

  for (const item of US_STATES.split('|')) addPhrase(item.slice(3), 'state', ['US']);
  for (const item of CA_PROVINCES.split('|')) addPhrase(item.slice(3), 'state', ['CA']);

  for (const [code, names] of Object.entries(HUBS))
    for (const name of names.split('|')) addPhrase(name, 'city', [code]);
  for (const country of worldCountries) {
    for (const capital of country.capital) {
      if (!CITY_DENYLIST.has(fold(capital))) addPhrase(capital, 'city', [country.cca2]);
    }
  }
  // City names from IANA zones (Europe/Berlin -> Berlin, DE). The first listed country is the
  // zone's own; deprecated links add the old names (Asia/Calcutta, Europe/Copenhagen).
  const areas = /^(?:Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)\//;
  for (const zone of Object.values(ct.getAllTimezones({ deprecated: true }))) {
    const country = zone.countries[0];
    if (!country || !areas.test(zone.name)) continue;
    const city = (zone.name.split('/').pop() ?? '').replace(/_/g, ' ');
    if (city.length >= 4 && !CITY_DENYLIST.has(fold(city))) addPhrase(city, 'city', [country]);
  }
}
buildDictionary();

const US_STATE_CODES = new Set(US_STATES.split('|').map((s) => s.slice(0, 2)));
const CA_PROVINCE_CODES = new Set(
  CA_PROVINCES.split('|')
    .map((s) => s.slice(0, 2))
    .filter((c) => c !== '--'),
);
const ALL_COUNTRIES: readonly string[] = Object.freeze(Object.keys(iso.getAlpha2Codes()).sort());
const KNOWN_COUNTRIES = new Set<string>([...ALL_COUNTRIES, ...worldCountries.map((c) => c.cca2)]);

/** An ISO alpha-2 code as written in a location ("DE", "UK" -> GB), or null. */
function countryCode(raw: string): string | null {
  const upper = raw.toUpperCase();
  if (upper === 'UK') return 'GB';
  return KNOWN_COUNTRIES.has(upper) ? upper : null;
}

interface Match {
  entry: Entry;
  from: number;
  /** Exclusive token index. */
  to: number;
}

const CLAUSE_BEFORE = /[-\u2013\u2014(,/:|;[]/;
const CLAUSE_AFTER = /[-\u2013\u2014),/:|;\]]/;

/**
 * Longest dictionary matches over the tokens, left to right. In location mode, two-letter codes
 * also count: "Austin, TX" (state after a city), "Toronto, ON", "Berlin, DE", "Remote - PT".
 */
function findMatches(tokens: Token[], text: string, locationMode: boolean, relaxCase: boolean): Match[] {
  const matches: Match[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    let matched = false;
    if (FIRST_WORDS.has(token.folded)) {
      // Grow the phrase a word at a time while it still begins some dictionary phrase, then take the
      // longest entry whose case rule holds (this runs for every word of every description).
      const candidates: Array<{ entry: Entry; n: number }> = [];
      let key = '';
      for (let n = 1; n <= Math.min(longestPhrase, tokens.length - i); n++) {
        key = n === 1 ? token.folded : `${key} ${(tokens[i + n - 1] as Token).folded}`;
        if (!PHRASE_PREFIXES.has(key)) break;
        const entry = DICTIONARY.get(key);
        if (entry) candidates.push({ entry, n });
      }
      for (let c = candidates.length - 1; c >= 0 && !matched; c--) {
        const { entry, n } = candidates[c]!;
        if (entry.exact !== null && !relaxCase) {
          const raw = tokens
            .slice(i, i + n)
            .map((t) => t.raw)
            .join(' ');
          if (raw !== entry.exact) continue;
        }
        matches.push({ entry, from: i, to: i + n });
        i += n;
        matched = true;
      }
    }
    if (matched) continue;
    if (locationMode && /^[A-Z]{2}$/.test(token.raw)) {
      const code = twoLetterCode(tokens, i, text, matches);
      if (code) matches.push({ entry: code, from: i, to: i + 1 });
    }
    i++;
  }
  return matches;
}

function twoLetterCode(tokens: Token[], i: number, text: string, matches: Match[]): Entry | null {
  const token = tokens[i] as Token;
  const raw = token.raw;
  const previous = matches[matches.length - 1];
  const adjacent = previous !== undefined && previous.to === i ? previous.entry : null;
  const afterCity = adjacent !== null && (adjacent.kind === 'city' || adjacent.alsoCity === true);
  const afterCue = adjacent !== null && !isPlace(adjacent);
  // "Germany, DE", "Bavaria, Germany, DE": after a country or region only a country code fits.
  if (adjacent !== null && isPlace(adjacent) && !afterCity) {
    const iso2 = countryCode(raw);
    return iso2 ? { kind: 'country', codes: [iso2], exact: raw } : null;
  }
  // "City, XX": a state or province code, or the city's own country.
  if (i > 0 && token.sep.includes(',') && !afterCue) {
    const cityCountry = afterCity ? adjacent.codes[0] : null;
    const iso2 = countryCode(raw);
    if (cityCountry && iso2 === cityCountry) return { kind: 'country', codes: [iso2], exact: raw };
    const afterUnknownCity = adjacent === null;
    if (US_STATE_CODES.has(raw)) return { kind: 'state', codes: ['US'], exact: raw, afterUnknownCity };
    if (CA_PROVINCE_CODES.has(raw)) return { kind: 'state', codes: ['CA'], exact: raw, afterUnknownCity };
    if (iso2) return { kind: 'country', codes: [iso2], exact: raw, afterUnknownCity };
    return null;
  }
  // A code standing alone in its clause: "Remote - PT", "Remote (DE)".
  const alone =
    (i === 0 || CLAUSE_BEFORE.test(token.sep)) &&
    (i === tokens.length - 1 ? true : CLAUSE_AFTER.test(sepAfter(tokens, i, text)));
  if (!alone) return null;
  const iso2 = countryCode(raw);
  if (iso2) return { kind: 'country', codes: [iso2], exact: raw };
  if (US_STATE_CODES.has(raw)) return { kind: 'state', codes: ['US'], exact: raw };
  return null;
}

function isPlace(entry: Entry): boolean {
  return (
    entry.kind === 'country' || entry.kind === 'region' || entry.kind === 'state' || entry.kind === 'city'
  );
}

// ---------------------------------------------------------------------------------------------
// Location-like text: location strings, title suffixes, custom fields.

/** Words that may surround places in a location field without making it a sentence. */
const LOCATION_FILLER = new Set(
  (
    'city|office|offices|hq|headquarters|area|metro|metropolitan|region|regions|based|only|the|in|within|' +
    'and|or|of|from|greater|time|zone|zones|timezone|timezones|tz|utc|gmt|to|hours|hrs|countries|country|' +
    'state|states|candidates|residents|st|saint|location|locations|preferred|us|d|c|e|any|all|plus|incl|' +
    'including|friendly|first|team|hub|campus|metroplex|county|province|provinces|territories|remoto|' +
    'time zones|ok|a|de'
  ).split('|'),
);

const SEGMENT_SEPARATOR = /\s*(?:[;|/\u00b7\u2022\n]|\s+or\s+|\s+\+\s+)\s*/i;

interface SegmentFacts {
  text: string;
  /** Workplace said in words, the strongest within the segment (hybrid qualifies remote). */
  cue: Workplace | null;
  worldwide: boolean;
  countries: Set<string>;
  excluded: Set<string>;
  /** Georgia-style names, resolved once all segments are known. */
  ambiguous: string[];
  hasCity: boolean;
  hasCountryOrState: boolean;
  hasRegion: boolean;
  /** Nothing but places, cues and filler words. */
  pure: boolean;
  /** Any place that is unambiguously in the US. */
  usSignal: boolean;
}

function analyzeSegment(text: string): SegmentFacts {
  const prepared = undotAcronyms(text);
  const tokens = tokenize(prepared);
  const relaxCase = !/\p{Lu}/u.test(prepared);
  const matches = findMatches(tokens, prepared, true, relaxCase);
  const facts: SegmentFacts = {
    text,
    cue: null,
    worldwide: false,
    countries: new Set(),
    excluded: new Set(),
    ambiguous: [],
    hasCity: false,
    hasCountryOrState: false,
    hasRegion: false,
    pure: true,
    usSignal: false,
  };
  const cues = new Set<CueKind>();
  let excluding = false;
  let covered = 0;
  for (let m = 0; m < matches.length; m++) {
    const match = matches[m] as Match;
    covered += match.to - match.from;
    const { entry } = match;
    if (!isPlace(entry)) {
      if (entry.kind === 'exclude') excluding = true;
      else cues.add(entry.kind as CueKind);
      continue;
    }
    // "London, Ontario", "Paris, TX": a city followed at once by a state or country belongs there.
    const next = matches[m + 1];
    const followedByPlace =
      next !== undefined &&
      next.from === match.to &&
      (next.entry.kind === 'state' || next.entry.kind === 'country');
    if ((entry.alsoCity && followedByPlace) || entry.afterUnknownCity) facts.hasCity ||= !excluding;
    if (entry.kind === 'city' && followedByPlace) {
      if (!excluding) facts.hasCity = true;
      continue;
    }
    if (entry.alsoUsState) {
      // "Atlanta, Georgia" is the state, "Tbilisi, Georgia" the country; alone, it waits for context.
      const previous = matches[m - 1];
      const cityCountry =
        previous && previous.to === match.from && previous.entry.kind === 'city'
          ? previous.entry.codes[0]
          : undefined;
      const resolved = cityCountry === 'US' ? 'US' : cityCountry === entry.codes[0] ? cityCountry : undefined;
      if (excluding) (resolved ? [resolved] : entry.codes).forEach((c) => facts.excluded.add(c));
      else if (resolved) facts.countries.add(resolved);
      else facts.ambiguous.push(entry.codes[0] ?? '');
      if (resolved === 'US') facts.usSignal = true;
      facts.hasCountryOrState = true;
      continue;
    }
    // Excluding a state or city ("US, excluding California") does not exclude its whole country.
    if (excluding && (entry.kind === 'state' || entry.kind === 'city')) continue;
    const target = excluding ? facts.excluded : facts.countries;
    for (const code of entry.codes) target.add(code);
    if (!excluding) {
      if (entry.kind === 'city') facts.hasCity = true;
      else if (entry.kind === 'region') facts.hasRegion = true;
      else facts.hasCountryOrState = true;
      if (entry.codes.length === 1 && entry.codes[0] === 'US') facts.usSignal = true;
    }
  }
  const unexplained = tokens.filter(
    (t, idx) => !isCovered(matches, idx) && !LOCATION_FILLER.has(t.folded) && !/^\d+$/.test(t.folded),
  );
  // Unknown provinces and districts ("Bengaluru, Karnataka, India") may sit between known places.
  const placeMatches = matches.filter((m) => isPlace(m.entry)).length;
  facts.pure = covered > 0 && unexplained.length <= Math.min(2, placeMatches);

  const placed = facts.countries.size > 0 || facts.ambiguous.length > 0;
  facts.worldwide = cues.has('worldwide') && !placed;
  if (cues.has('hybrid')) facts.cue = 'hybrid';
  else if (cues.has('remote') || cues.has('worldwide')) facts.cue = 'remote';
  else if (cues.has('onsite')) facts.cue = 'onsite';
  return facts;
}

function isCovered(matches: Match[], idx: number): boolean {
  // Matches are sorted and few; a linear scan is fine for location-sized text.
  for (const m of matches) {
    if (idx < m.from) return false;
    if (idx < m.to) return true;
  }
  return false;
}

function segments(text: string): string[] {
  return text
    .split(SEGMENT_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

type SourceKind = 'location' | 'title' | 'metadata';

interface SourceFacts {
  kind: SourceKind;
  /** The text shown as evidence ("Remote - US", "Workplace Type: Remote"). */
  label: string;
  segments: SegmentFacts[];
}

/** Title parts that read as a location: "(Remote - EU)", "- Remote, US", "| Berlin". */
function titleLocationParts(title: string): string[] {
  const capped = title.slice(0, MAX_TITLE_CHARS);
  const parts: string[] = [];
  for (const m of capped.matchAll(/[([]([^()[\]]{1,80})[)\]]/g)) parts.push(m[1] ?? '');
  const withoutBrackets = capped.replace(/[([][^()[\]]{0,80}[)\]]/g, ' ');
  const pieces = withoutBrackets.split(/\s+[-\u2013\u2014|]\s+|,\s+|:\s+/);
  parts.push(...pieces.slice(1));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

const METADATA_KEY =
  /workplace|remote|eligib|countr|region|location|time\s*zone|timezone|work(?:ing)?[\s_-]*(?:type|arrangement|model|style|setting|mode)/i;

function metadataStrings(
  metadata: Record<string, string> | undefined,
): Array<{ label: string; value: string }> {
  if (!metadata || typeof metadata !== 'object') return [];
  const out: Array<{ label: string; value: string }> = [];
  for (const [key, value] of Object.entries(metadata).slice(0, MAX_METADATA_FIELDS)) {
    if (typeof value !== 'string' || !METADATA_KEY.test(key)) continue;
    const v = value.slice(0, MAX_LOCATION_CHARS);
    // A "Remote: Yes" style field says remote without naming a place.
    const text = /remote/i.test(key) && /^\s*(?:yes|true|y)\s*$/i.test(v) ? 'Remote' : v;
    out.push({ label: `${key.slice(0, 40)}: ${v}`, value: text });
  }
  return out;
}

function collectSources(input: EligibilityInput): SourceFacts[] {
  const sources: SourceFacts[] = [];
  const locations = Array.isArray(input.locations) ? input.locations : [];
  for (const raw of locations.slice(0, MAX_LOCATIONS)) {
    if (typeof raw !== 'string') continue;
    const text = raw.slice(0, MAX_LOCATION_CHARS).trim();
    if (text) sources.push({ kind: 'location', label: text, segments: segments(text).map(analyzeSegment) });
  }
  if (typeof input.title === 'string') {
    for (const part of titleLocationParts(input.title)) {
      // A title part counts only if it says remote/hybrid/anywhere or is nothing but places, so
      // "Go Engineer" or "Head of Global Payroll" never become locations.
      const facts = segments(part).map(analyzeSegment);
      const useful = facts.filter(
        (f) => f.cue !== null || (f.pure && (f.countries.size > 0 || f.ambiguous.length > 0)),
      );
      if (useful.length > 0) sources.push({ kind: 'title', label: part, segments: useful });
    }
  }
  for (const { label, value } of metadataStrings(input.metadata)) {
    sources.push({ kind: 'metadata', label, segments: segments(value).map(analyzeSegment) });
  }
  return sources;
}

// ---------------------------------------------------------------------------------------------
// Descriptions: requirement phrases only.

const DESCRIPTION_KEYWORDS = [
  'based in',
  'located in',
  'reside',
  'resident',
  'citizen',
  'authoriz',
  'authoris',
  'to work in',
  'work permit',
  'hiring in',
  'hire in',
  'anywhere',
  'worldwide',
  'globally',
  'regardless of',
  'only',
  ...TIMEZONE_KEYWORDS,
];

const SENTENCE_BREAK = /[.!?;\n]/;

/** Split a `|`-separated list; phrases become folded word sequences. */
function wordSet(list: string): ReadonlySet<string> {
  return new Set(list.split('|'));
}
function phrases(list: string): string[][] {
  return list.split('|').map((p) => p.split(' '));
}

const CONNECTORS = wordSet('and|or|the|nor|plus|also|including|incl|either');
/** Words allowed between a trigger and its place ("based in one of the following countries: US"). */
const TRIGGER_FILLERS = wordSet(
  'the|a|an|one|of|either|following|these|any|countries|country|states|state|continental|contiguous|' +
    'mainland|greater|area|region|time|zone',
);
/** "can't", "don't", "won't" tokenize to "can t", "don t", "won t": the lone "t" is the negation. */
const NEGATIONS = wordSet('not|t|dont|no|never|regardless|cannot|unable|without');
/** A company talking about itself ("we are based in Berlin") states no requirement. */
const SUBJECTS_TO_REJECT = wordSet(
  'we|our|company|headquarters|headquartered|hq|office|offices|team|teams|customers|clients|users|it',
);
const PREFERENCES = wordSet('ideally|preferably|prefer|preferred|bonus|nice|ideal|plus');
/** Where evidence starts: "must be based in the EU", not "Candidates must be based in the EU". */
const MODALS = wordSet('must|should|need|needs|required|require|requires|be|currently|will');
const REQUIREMENT_WORDS = wordSet(
  'must|should|need|needs|required|require|requires|be|currently|you|candidates|candidate|applicants|applicant|will',
);

/** Phrases directly before a place that make it a restriction. */
const STRONG_TRIGGERS = phrases(
  'reside in|reside within|residing in|residing within|resident in|resident of|residents of|citizen of|' +
    'citizens of|to work in|to work within|to work from|work authorization in|work authorisation in|' +
    'work permit in|work permit for|hiring in|hiring from|hiring within|hire in|hire from|hires in|' +
    'hires from|recruiting in|recruiting from|candidates in|candidates from|candidates within|' +
    'applicants in|applicants from|applicants within|talent in|talent from|anywhere in|anywhere within|' +
    'remote in|remote within|remote from|remotely in|remotely within|remotely from|open to candidates in|' +
    'employees in',
);
/** Need a requirement word and no company subject before them. */
const SUBJECT_TRIGGERS = phrases(
  'based in|based within|based out of|located in|located within|living in|living within|live in|' +
    'live within|be in|be within',
);
/** Words directly after a place that make it a restriction ("US residents", "EU only"). */
const SUFFIXES = phrases(
  'residents|citizens|citizenship|nationals|work authorization|work authorisation|work permit|work visa|' +
    'work eligibility|based candidates|based applicants|based talent|based individuals|based only|only|' +
    'applicants only|candidates only|residents only',
);
const WORLDWIDE_PHRASES = phrases(
  'anywhere in the world|from anywhere|hire globally|hiring globally|hire worldwide|hiring worldwide|' +
    'hire anywhere|hiring anywhere|regardless of location|regardless of your location|' +
    'regardless of where you live|regardless of where you are based|regardless of where you are located|' +
    'no matter where you live|no matter where you are based|no matter where you are located|' +
    'wherever you live|location independent|location agnostic|remote worldwide|worldwide remote|' +
    'open worldwide|candidates worldwide|applicants worldwide|from any country|in any country',
);
const REMOTE_PHRASES = phrases(
  'fully remote|100 remote|remote position|remote role|remote job|remote opportunity|role is remote|' +
    'position is remote|job is remote|work remotely|fully distributed',
);
const HYBRID_PHRASES = phrases(
  'hybrid role|hybrid position|role is hybrid|position is hybrid|hybrid working|hybrid work model',
);

/**
 * Phrases grouped by first word, keeping their order: the description scan compares a token only
 * with the phrases it can begin instead of with every phrase.
 */
function byFirstWord(list: readonly string[][]): ReadonlyMap<string, readonly string[][]> {
  const groups = new Map<string, string[][]>();
  for (const phrase of list) {
    const first = phrase[0] ?? '';
    groups.set(first, [...(groups.get(first) ?? []), phrase]);
  }
  return groups;
}
const WORLDWIDE_BY_FIRST_WORD = byFirstWord(WORLDWIDE_PHRASES);
const REMOTE_BY_FIRST_WORD = byFirstWord(REMOTE_PHRASES);
const HYBRID_BY_FIRST_WORD = byFirstWord(HYBRID_PHRASES);
const NO_PHRASES: readonly string[][] = [];

function sequenceAt(tokens: Token[], at: number, words: readonly string[]): boolean {
  if (at < 0 || at + words.length > tokens.length) return false;
  for (let k = 0; k < words.length; k++) {
    if (tokens[at + k]?.folded !== words[k]) return false;
    if (k > 0 && SENTENCE_BREAK.test(tokens[at + k]?.sep ?? '')) return false;
  }
  return true;
}

/** Whether any of `words` appears in the `span` tokens before `at`, within the sentence. */
function wordBefore(tokens: Token[], at: number, span: number, words: ReadonlySet<string>): number {
  for (let k = at - 1; k >= Math.max(0, at - span); k--) {
    if (SENTENCE_BREAK.test(tokens[k + 1]?.sep ?? '')) return -1;
    if (words.has((tokens[k] as Token).folded)) return k;
  }
  return -1;
}

/** The earliest of `words` in the `span` tokens before `at`, within the sentence ("must be authorized"). */
function earliestBefore(tokens: Token[], at: number, span: number, words: ReadonlySet<string>): number {
  let found = -1;
  for (let k = at - 1; k >= Math.max(0, at - span); k--) {
    if (SENTENCE_BREAK.test(tokens[k + 1]?.sep ?? '')) break;
    if (words.has((tokens[k] as Token).folded)) found = k;
  }
  return found;
}

interface DescriptionFacts {
  restriction: { countries: Set<string>; evidence: string } | null;
  worldwide: string | null;
  workplace: 'remote' | 'hybrid' | null;
}

function phraseEvidence(text: string, tokens: Token[], from: number, toExclusive: number): string {
  const start = tokens[from]?.start ?? 0;
  const end = tokens[toExclusive - 1]?.end ?? start;
  return text.slice(start, end).replace(/\s+/g, ' ').trim().slice(0, 120);
}

/** Where the requirement phrase before a place starts, or -1 when the place is not required. */
function triggerStart(tokens: Token[], placeFrom: number): number {
  // The trigger may end right before the place or before fillers ("residents of the following
  // countries: US"); a filler word can also be the trigger's last word ("of"), so try each end.
  for (let at = placeFrom; at >= 0; at--) {
    const found = triggerEndingAt(tokens, at);
    if (found !== null) return found;
    if (at === 0 || SENTENCE_BREAK.test(tokens[at]?.sep ?? '')) return -1;
    if (!TRIGGER_FILLERS.has(tokens[at - 1]?.folded ?? '')) return -1;
  }
  return -1;
}

/** The evidence start of a requirement phrase ending just before token `at`; -1 when rejected. */
function triggerEndingAt(tokens: Token[], at: number): number | null {
  for (const trigger of STRONG_TRIGGERS) {
    const start = at - trigger.length;
    if (!sequenceAt(tokens, start, trigger) || SENTENCE_BREAK.test(tokens[at]?.sep ?? '')) continue;
    if (wordBefore(tokens, start, 4, NEGATIONS) >= 0 || wordBefore(tokens, start, 4, PREFERENCES) >= 0)
      return -1;
    const modal = earliestBefore(tokens, start, 4, MODALS);
    return modal >= 0 ? modal : start;
  }
  for (const trigger of SUBJECT_TRIGGERS) {
    const start = at - trigger.length;
    if (!sequenceAt(tokens, start, trigger) || SENTENCE_BREAK.test(tokens[at]?.sep ?? '')) continue;
    const must = earliestBefore(tokens, start, 5, REQUIREMENT_WORDS);
    if (must < 0) return -1;
    if (wordBefore(tokens, start, 5, SUBJECTS_TO_REJECT) >= 0) return -1;
    if (wordBefore(tokens, start, 5, NEGATIONS) >= 0 || wordBefore(tokens, start, 5, PREFERENCES) >= 0)
      return -1;
    const modal = earliestBefore(tokens, start, 5, MODALS);
    return modal >= 0 ? modal : must;
  }
  return null;
}

function suffixEnd(tokens: Token[], placeFrom: number, placeTo: number): number {
  if (SENTENCE_BREAK.test(tokens[placeTo]?.sep ?? '')) return -1;
  let best = -1;
  // "you must be US-based" (but not "we are a US-based company").
  const before = tokens[placeFrom - 1]?.folded;
  if (tokens[placeTo]?.folded === 'based' && (before === 'be' || before === 'are')) {
    if (wordBefore(tokens, placeFrom, 4, SUBJECTS_TO_REJECT) < 0) best = placeTo + 1;
  }
  for (const suffix of SUFFIXES) {
    if (sequenceAt(tokens, placeTo, suffix)) best = Math.max(best, placeTo + suffix.length);
  }
  return best;
}

function connectedOnlyBy(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!CONNECTORS.has(tokens[k]?.folded ?? '')) return false;
  for (let k = from; k <= to; k++) if (SENTENCE_BREAK.test(tokens[k]?.sep ?? '')) return false;
  return true;
}

function scanDescription(description: string): DescriptionFacts {
  const facts: DescriptionFacts = { restriction: null, worldwide: null, workplace: null };
  if (typeof description !== 'string' || description.length === 0) return facts;
  const text = undotAcronyms(boundedExcerpt(description, DESCRIPTION_KEYWORDS));
  const tokens = tokenize(text);
  const places = findMatches(tokens, text, false, false).filter((m) => isPlace(m.entry));

  // Direct acceptance, then spread along "US, Canada or Mexico" chains in both directions.
  const accepted: Array<{ from: number; to: number } | null> = places.map((m) => {
    const start = triggerStart(tokens, m.from);
    if (start >= 0) return { from: start, to: m.to };
    const end = suffixEnd(tokens, m.from, m.to);
    return end >= 0 ? { from: m.from, to: end } : null;
  });
  for (let pass = 0; pass < 2; pass++) {
    for (let k = 1; k < places.length; k++) {
      const a = places[k - 1] as Match;
      const b = places[k] as Match;
      if (!connectedOnlyBy(tokens, a.to, b.from)) continue;
      const left = accepted[k - 1];
      const right = accepted[k];
      if (left && !right) accepted[k] = { from: left.from, to: Math.max(left.to, b.to) };
      else if (right && !left) accepted[k - 1] = { from: a.from, to: right.to };
    }
  }
  const countries = new Set<string>();
  // "Georgia or Florida" is the state: resolved after the other accepted places are known.
  const ambiguous: string[] = [];
  let evidenceSpan: { from: number; to: number } | null = null;
  places.forEach((m, k) => {
    const span = accepted[k];
    if (!span) return;
    if (m.entry.alsoUsState) ambiguous.push(m.entry.codes[0] ?? '');
    else for (const code of m.entry.codes) countries.add(code);
    if (!evidenceSpan) evidenceSpan = span;
    else if (span.from <= evidenceSpan.to + 3)
      evidenceSpan = { from: evidenceSpan.from, to: Math.max(evidenceSpan.to, span.to) };
  });
  for (const code of ambiguous) countries.add(countries.has('US') ? 'US' : code);
  if (countries.size > 0 && evidenceSpan) {
    const span: { from: number; to: number } = evidenceSpan;
    facts.restriction = { countries, evidence: phraseEvidence(text, tokens, span.from, span.to) };
  }

  for (let t = 0; t < tokens.length && (facts.worldwide === null || facts.workplace === null); t++) {
    const first = (tokens[t] as Token).folded;
    if (facts.worldwide === null) {
      for (const phrase of WORLDWIDE_BY_FIRST_WORD.get(first) ?? NO_PHRASES) {
        if (!sequenceAt(tokens, t, phrase)) continue;
        const after = tokens[t + phrase.length];
        // "from anywhere in the US" restricts rather than opens.
        const narrowed =
          after !== undefined &&
          (after.folded === 'in' || after.folded === 'within') &&
          !sequenceAt(tokens, t + phrase.length, ['in', 'the', 'world']);
        if (narrowed || wordBefore(tokens, t, 4, NEGATIONS) >= 0) continue;
        const inTheWorld = sequenceAt(tokens, t + phrase.length, ['in', 'the', 'world']) ? 3 : 0;
        facts.worldwide = phraseEvidence(text, tokens, t, t + phrase.length + inTheWorld);
        break;
      }
    }
    if (facts.workplace === null) {
      const remote = (REMOTE_BY_FIRST_WORD.get(first) ?? NO_PHRASES).some((p) => sequenceAt(tokens, t, p));
      const hybrid =
        !remote && (HYBRID_BY_FIRST_WORD.get(first) ?? NO_PHRASES).some((p) => sequenceAt(tokens, t, p));
      // A negation ("not a remote role") cancels the phrase; checked only once a phrase matched.
      if ((remote || hybrid) && wordBefore(tokens, t, 2, NEGATIONS) < 0)
        facts.workplace = remote ? 'remote' : 'hybrid';
    }
  }
  return facts;
}

// ---------------------------------------------------------------------------------------------
// Putting it together.

const RANK: Record<Workplace, number> = { unknown: 0, onsite: 1, hybrid: 2, remote: 3 };

function strongest(a: Workplace, b: Workplace | null): Workplace {
  return b !== null && RANK[b] > RANK[a] ? b : a;
}

function evidenceText(parts: string[]): string | null {
  const unique = [...new Set(parts)];
  if (unique.length === 0) return null;
  const joined = unique.join(' · ');
  return joined.length > MAX_EVIDENCE_CHARS ? `${joined.slice(0, MAX_EVIDENCE_CHARS - 1)}…` : joined;
}

function sourceEvidence(source: SourceFacts): string {
  if (source.kind === 'location') return `Location: ${source.label}`;
  if (source.kind === 'title') return `Title: ${source.label}`;
  return source.label;
}

/** "Location: Remote - US · Remote - Canada · Title: Remote - EU": one prefix per kind. */
function joinEvidence(sources: SourceFacts[]): string | null {
  const parts: string[] = [];
  let previousKind: SourceKind | null = null;
  for (const source of sources) {
    const text =
      source.kind === previousKind && source.kind !== 'metadata' ? source.label : sourceEvidence(source);
    if (!parts.includes(text)) parts.push(text);
    previousKind = source.kind;
  }
  return evidenceText(parts);
}

/**
 * Decide workplace, worldwide/countries, timezone and evidence for one posting. Never throws;
 * bounded work on any input.
 *
 * Precedence for where people may live: location strings, title suffixes and location-like custom
 * fields (joined); then, when those name no country or only say worldwide, requirement phrases in
 * the description; then the ATS's country codes; then "anywhere in the world" in the description.
 */
export function resolveEligibility(input: EligibilityInput): Eligibility {
  try {
    return resolve(input);
  } catch {
    // Defensive: a bug on one hostile posting must not stop a whole scrape.
    return { workplace: 'unknown', worldwide: false, countries: [], timezone: null, evidence: null };
  }
}

function resolve(input: EligibilityInput): Eligibility {
  const sources = collectSources(input);
  const usContext = sources.some((s) => s.segments.some((seg) => seg.usSignal));

  let workplace: Workplace = 'unknown';
  let worldwide = false;
  let worldwideSource: SourceFacts | null = null;
  const countries = new Set<string>();
  const excluded = new Set<string>();
  const placeSources: SourceFacts[] = [];
  let sawRemoteWithoutPlace = false;

  for (const source of sources) {
    let contributed = false;
    for (const seg of source.segments) {
      for (const name of seg.ambiguous) countries.add(usContext ? 'US' : name);
      for (const code of seg.countries) countries.add(code);
      for (const code of seg.excluded) excluded.add(code);
      if (seg.countries.size > 0 || seg.ambiguous.length > 0 || seg.excluded.size > 0) contributed = true;
      if (seg.worldwide) {
        worldwide = true;
        worldwideSource ??= source;
      }
      if (seg.cue === 'remote' && !seg.worldwide && seg.countries.size === 0 && seg.ambiguous.length === 0) {
        sawRemoteWithoutPlace = true;
      }
      workplace = strongest(workplace, seg.cue);
      if (source.kind === 'location' && seg.cue === null && seg.pure) {
        // A bare city is an office; a bare region or bloc cannot be one, so it means remote there.
        if (seg.hasCity) workplace = strongest(workplace, 'onsite');
        else if (seg.hasRegion && !seg.hasCountryOrState) workplace = strongest(workplace, 'remote');
      }
    }
    if (contributed) placeSources.push(source);
  }

  const structured = input.remote ?? { isRemote: null, workplaceType: null, countryCodes: [] };
  workplace = strongest(workplace, structured.workplaceType ?? null);
  if (structured.isRemote === true) workplace = strongest(workplace, 'remote');

  let evidence: string | null = null;
  let finalCountries: string[] = [];

  const description = scanDescription(typeof input.descriptionText === 'string' ? input.descriptionText : '');

  if (countries.size > 0 && !worldwide) {
    finalCountries = minus(countries, excluded);
    evidence = joinEvidence(placeSources);
  } else if (description.restriction) {
    // The description narrows a worldwide or unplaced location ("Remote" + "must be based in the EU").
    worldwide = false;
    finalCountries = minus(description.restriction.countries, excluded);
    evidence = description.restriction.evidence;
  } else if (worldwide) {
    if (excluded.size > 0) {
      // "Worldwide (excluding US)": every country but those.
      worldwide = false;
      finalCountries = minus(ALL_COUNTRIES, excluded);
    }
    evidence = joinEvidence(
      worldwideSource
        ? [worldwideSource, ...placeSources.filter((p) => p !== worldwideSource)]
        : placeSources,
    );
  } else {
    const codes = (Array.isArray(structured.countryCodes) ? structured.countryCodes : [])
      .map((c) => (typeof c === 'string' ? countryCode(c.trim()) : null))
      .filter((c): c is string => c !== null);
    if (codes.length > 0) {
      finalCountries = minus(codes, excluded);
      evidence = `Country: ${[...new Set(codes)].sort().join(', ')}`;
    } else if (description.worldwide) {
      worldwide = true;
      evidence = description.worldwide;
    } else if (sawRemoteWithoutPlace || workplace === 'remote') {
      evidence = UNRESTRICTED_REMOTE_EVIDENCE;
    }
  }

  if (worldwide) workplace = strongest(workplace, 'remote');
  if (workplace === 'unknown' && description.workplace) workplace = description.workplace;
  if (workplace === 'unknown' && structured.isRemote === false) workplace = 'onsite';

  const timezone = findTimezone(sources, input);
  if (evidence === null && timezone) evidence = timezone.evidence;

  return {
    workplace,
    worldwide,
    countries: worldwide ? [] : finalCountries,
    timezone: timezone?.window ?? null,
    evidence,
  };
}

function minus(codes: Iterable<string>, removed: ReadonlySet<string>): string[] {
  return [...new Set(codes)].filter((c) => !removed.has(c)).sort();
}

/** The first timezone window stated in locations, then the title, custom fields, description. */
function findTimezone(
  sources: SourceFacts[],
  input: EligibilityInput,
): { window: TimezoneWindow; evidence: string } | null {
  const texts = [
    ...sources.filter((s) => s.kind === 'location').map((s) => s.label),
    typeof input.title === 'string' ? input.title.slice(0, MAX_TITLE_CHARS) : '',
    ...sources.filter((s) => s.kind === 'metadata').map((s) => s.label),
    typeof input.descriptionText === 'string' ? input.descriptionText : '',
  ];
  for (const text of texts) {
    const found = text ? parseTimezoneWindow(text) : null;
    if (found) return found;
  }
  return null;
}

/**
 * Eligibility for one free-text string, as `npx elsewhere location "<text>"` prints it. Short text
 * is read as a location field and as a description; text over 300 characters only as a description.
 */
export function parseLocationText(text: string): Eligibility {
  const value = typeof text === 'string' ? text : '';
  return resolveEligibility({
    locations: value.length <= MAX_LOCATION_TEXT_CHARS ? [value] : [],
    title: '',
    descriptionText: value,
    remote: { isRemote: null, workplaceType: null, countryCodes: [] },
  });
}

/**
 * May someone living in `countryCode` (ISO alpha-2, any case; "UK" is GB) apply? True for
 * worldwide postings and for listed countries. A remote posting with no stated restriction is not
 * proven open to everyone, so it answers false, as does an unknown code.
 */
export function isEligible(
  e: Pick<Eligibility, 'worldwide' | 'countries' | 'workplace'>,
  countryCode: string,
): boolean {
  const code = typeof countryCode === 'string' ? countryCode.trim().toUpperCase() : '';
  const normalized = code === 'UK' ? 'GB' : code;
  if (!KNOWN_COUNTRIES.has(normalized)) return false;
  if (e.worldwide) return true;
  return e.countries.includes(normalized);
}
