import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isEligible,
  parseLocationText,
  resolveEligibility,
  UNRESTRICTED_REMOTE_EVIDENCE,
  type EligibilityInput,
} from './location';
import { regionCountries } from './regions';
import type { Workplace } from './types';

/**
 * One real-world location string as remote companies publish it, with the expected workplace,
 * countries someone may live in (`yes`) and may not (`no`), and optionally worldwide and a window.
 */
type Row = [
  text: string,
  workplace: Workplace,
  yes: string,
  no: string,
  extra?: { worldwide?: boolean; tz?: [number, number] },
];

const ROWS: Row[] = [
  // United States
  ['Remote - US', 'remote', 'US', 'PT DE IN CA'],
  ['Remote (US)', 'remote', 'US', 'GB'],
  ['US-Remote', 'remote', 'US', 'BR'],
  ['Remote, US', 'remote', 'US', 'DE'],
  ['Remote US', 'remote', 'US', 'DE'],
  ['USA - Remote', 'remote', 'US', 'IN'],
  ['Remote - USA', 'remote', 'US', 'IN'],
  ['Remote (United States)', 'remote', 'US', 'PT'],
  ['United States (Remote)', 'remote', 'US', 'PT'],
  ['Remote in the U.S.', 'remote', 'US', 'GB'],
  ['U.S. Remote', 'remote', 'US', 'GB'],
  ['Remote - United States of America', 'remote', 'US', 'MX'],
  ['US Remote (Eastern Time)', 'remote', 'US', 'DE', { tz: [-8, -2] }],
  ['Remote - Continental US', 'remote', 'US', 'CA'],
  ['Remote (Lower 48)', 'remote', 'US', 'CA'],
  ['Anywhere in the US', 'remote', 'US', 'DE'],
  ['US - Remote (Anywhere)', 'remote', 'US', 'DE'],
  ['Remote - US East Coast', 'remote', 'US', 'GB'],
  ['Remote (US time zones)', 'remote', 'US', 'BR', { tz: [-10, -4] }],
  ['REMOTE - US ONLY', 'remote', 'US', 'CA'],
  ['remote - us', 'remote', 'US', 'CA'],
  ['Remote - Texas', 'remote', 'US', 'MX'],
  ['Remote - California', 'remote', 'US', 'CA'],
  ['Remote - Indiana', 'remote', 'US', 'IN'],
  // US cities and states
  ['San Francisco, CA', 'onsite', 'US', 'CA PT'],
  ['San Francisco, California', 'onsite', 'US', 'CA'],
  ['San Francisco or Remote', 'remote', 'US', 'DE'],
  ['New York, NY', 'onsite', 'US', 'GB'],
  ['New York City, NY or Remote (US)', 'remote', 'US', 'CA'],
  ['NYC', 'onsite', 'US', 'GB'],
  ['Austin, TX', 'onsite', 'US', 'MX'],
  ['Seattle, WA', 'onsite', 'US', 'CA'],
  ['Boston, MA', 'onsite', 'US', 'MA'],
  ['Chicago, IL', 'onsite', 'US', 'IL'],
  ['Denver, CO', 'onsite', 'US', 'CO'],
  ['Atlanta, Georgia', 'onsite', 'US', 'GE'],
  ['Atlanta, GA', 'onsite', 'US', 'GA GE'],
  ['Los Angeles, CA', 'onsite', 'US', 'CA'],
  ['Washington, DC', 'onsite', 'US', 'CA'],
  ['Washington, D.C.', 'onsite', 'US', 'CA'],
  ['Salt Lake City, UT', 'onsite', 'US', 'CA'],
  ['Indianapolis, Indiana', 'onsite', 'US', 'IN'],
  ['Portland, OR', 'onsite', 'US', 'CA'],
  ['Miami, FL', 'onsite', 'US', 'CU'],
  ['Palo Alto, CA', 'onsite', 'US', 'CA'],
  ['SF Bay Area', 'onsite', 'US', 'CA'],
  ['Jersey City, NJ', 'onsite', 'US', 'JE'],
  ['Phoenix, AZ', 'onsite', 'US', 'CA'],
  ['Raleigh-Durham, NC', 'onsite', 'US', 'CA'],
  ['Remote - New Jersey', 'remote', 'US', 'JE'],
  ['New York, NY (Hybrid)', 'hybrid', 'US', 'CA'],
  ['On-site - Austin, TX', 'onsite', 'US', 'CA'],
  ['Paris, TX', 'onsite', 'US', 'FR'],
  // Canada and North America
  ['Remote - Canada', 'remote', 'CA', 'US'],
  ['Canada (Remote)', 'remote', 'CA', 'US'],
  ['Remote - CA', 'remote', 'CA', 'US'],
  ['Toronto, ON', 'onsite', 'CA', 'US'],
  ['Vancouver, BC, Canada', 'onsite', 'CA', 'US'],
  ['Montreal, Quebec', 'onsite', 'CA', 'FR'],
  ['London, Ontario', 'onsite', 'CA', 'GB'],
  ['Remote - Canada; Remote - US', 'remote', 'CA US', 'MX GB'],
  ['Remote (US/Canada only)', 'remote', 'CA US', 'MX DE'],
  ['US or Canada (Remote)', 'remote', 'CA US', 'MX'],
  ['Remote - US & Canada', 'remote', 'CA US', 'MX'],
  ['Remote - North America', 'remote', 'US CA MX', 'BR PT'],
  ['Remote - NA', 'remote', 'US CA', 'NA BR'],
  // United Kingdom and Ireland
  ['Remote, UK', 'remote', 'GB', 'US IE'],
  ['Remote - United Kingdom', 'remote', 'GB', 'US'],
  ['London, UK', 'onsite', 'GB', 'US'],
  ['London', 'onsite', 'GB', 'CA'],
  ['Hybrid - London', 'hybrid', 'GB', 'US'],
  ['London (Hybrid)', 'hybrid', 'GB', 'US'],
  ['London, England', 'onsite', 'GB', 'US'],
  ['Remote - England', 'remote', 'GB', 'IE'],
  ['Edinburgh, Scotland', 'onsite', 'GB', 'IE'],
  ['Remote - UK & Ireland', 'remote', 'GB IE', 'FR'],
  ['Remote (UKI)', 'remote', 'GB IE', 'FR'],
  ['Dublin, Ireland', 'onsite', 'IE', 'GB'],
  ['Remote - Ireland', 'remote', 'IE', 'GB'],
  ['London Office', 'onsite', 'GB', 'US'],
  // Europe, blocs and regions
  ['Remote in Europe', 'remote', 'PT DE PL GB', 'US IN BR'],
  ['Remote - Europe', 'remote', 'PT DE', 'US'],
  ['Europe', 'remote', 'PT DE', 'US'],
  ['Remote (Europe)', 'remote', 'ES UA', 'CA'],
  ['Remote - EU', 'remote', 'PT DE FR', 'GB CH NO US'],
  ['EU Remote', 'remote', 'PT DE', 'GB'],
  ['Remote — EU time zones', 'remote', 'PT DE', 'US', { tz: [-1, 3] }],
  ['Remote - EEA', 'remote', 'PT NO IS LI', 'CH GB'],
  ['Remote - DACH', 'remote', 'DE AT CH', 'NL'],
  ['DACH (Remote)', 'remote', 'DE AT CH', 'NL'],
  ['Remote - Nordics', 'remote', 'SE NO DK FI IS', 'DE'],
  ['Remote (Scandinavia)', 'remote', 'SE NO DK', 'DE'],
  ['Benelux - Remote', 'remote', 'BE NL LU', 'DE'],
  ['Remote - Western Europe', 'remote', 'FR DE NL', 'PL'],
  ['Central & Eastern Europe (Remote)', 'remote', 'PL RO UA EE', 'PT'],
  ['Remote - Baltics', 'remote', 'EE LV LT', 'FI'],
  ['Remote (EMEA)', 'remote', 'PT DE ZA AE EG NG', 'US IN BR'],
  ['EMEA', 'remote', 'GB KE', 'US'],
  ['Remote - Europe (excluding UK)', 'remote', 'DE PT', 'GB US'],
  ['Remote - CET', 'remote', 'DE PL', 'PT GB', { tz: [-2, 4] }],
  ['Remote - Europe (CET ±3 hours)', 'remote', 'DE PT', 'US', { tz: [-2, 4] }],
  // Germany and neighbours
  ['Berlin, Germany / Remote', 'remote', 'DE', 'AT US'],
  ['Berlin', 'onsite', 'DE', 'US'],
  ['Berlin, DE', 'onsite', 'DE', 'US'],
  ['Munich, Germany', 'onsite', 'DE', 'AT'],
  ['Remote (Deutschland)', 'remote', 'DE', 'AT'],
  ['Remote - Germany', 'remote', 'DE', 'AT'],
  ['Hamburg or Remote (Germany)', 'remote', 'DE', 'AT'],
  ['Hybrid (Berlin)', 'hybrid', 'DE', 'PL'],
  ['Zürich, Switzerland', 'onsite', 'CH', 'DE'],
  ['Vienna, Austria', 'onsite', 'AT', 'DE'],
  ['Amsterdam, Netherlands', 'onsite', 'NL', 'BE'],
  ['Amsterdam, NL', 'onsite', 'NL', 'CA'],
  ['Hybrid remote - Amsterdam', 'hybrid', 'NL', 'DE'],
  ['Remote - Netherlands', 'remote', 'NL', 'BE'],
  ['Brussels, Belgium', 'onsite', 'BE', 'NL'],
  ['Luxembourg', 'unknown', 'LU', 'BE'],
  // Southern and Western Europe
  ['Remote - Portugal', 'remote', 'PT', 'ES BR'],
  ['Lisbon, Portugal', 'onsite', 'PT', 'ES'],
  ['Lisbon or remote within Portugal', 'remote', 'PT', 'ES'],
  ['Porto, Portugal (Hybrid)', 'hybrid', 'PT', 'ES'],
  ['Remote or Hybrid - Lisbon', 'remote', 'PT', 'ES'],
  ['Remote - Spain', 'remote', 'ES', 'PT'],
  ['Madrid, Spain', 'onsite', 'ES', 'MX'],
  ['Barcelona (Hybrid)', 'hybrid', 'ES', 'FR'],
  ['Remote - France', 'remote', 'FR', 'BE'],
  ['Paris, Île-de-France, France', 'onsite', 'FR', 'US'],
  ['Onsite (Paris)', 'onsite', 'FR', 'US'],
  ['Remote - Italy', 'remote', 'IT', 'FR'],
  ['Milan, Italy', 'onsite', 'IT', 'FR'],
  ['Athens, Greece', 'onsite', 'GR', 'CY'],
  // Central and Eastern Europe
  ['Remote - Poland', 'remote', 'PL', 'DE'],
  ['Warsaw, Poland', 'onsite', 'PL', 'DE'],
  ['Kraków, Poland (Hybrid)', 'hybrid', 'PL', 'DE'],
  ['Remote - Romania', 'remote', 'RO', 'MD'],
  ['Bucharest', 'onsite', 'RO', 'BG'],
  ['Kyiv, Ukraine', 'onsite', 'UA', 'RU'],
  ['Prague, Czech Republic', 'onsite', 'CZ', 'SK'],
  ['Remote - Czechia', 'remote', 'CZ', 'SK'],
  ['Budapest, Hungary', 'onsite', 'HU', 'AT'],
  ['Tallinn, Estonia', 'onsite', 'EE', 'FI'],
  ['Stockholm, Sweden', 'onsite', 'SE', 'NO'],
  ['Copenhagen', 'onsite', 'DK', 'SE'],
  ['Oslo, Norway', 'onsite', 'NO', 'SE'],
  ['Helsinki', 'onsite', 'FI', 'SE'],
  // Middle East and Africa
  ['Istanbul, Turkey', 'onsite', 'TR', 'GR'],
  ['Remote - Türkiye', 'remote', 'TR', 'GR'],
  ['Tel Aviv, Israel', 'onsite', 'IL', 'US'],
  ['Dubai, UAE', 'onsite', 'AE', 'SA'],
  ['Remote - United Arab Emirates', 'remote', 'AE', 'SA'],
  ['Remote - Middle East', 'remote', 'AE SA IL EG', 'GE AM'],
  ['MENA', 'remote', 'MA EG AE', 'NG'],
  ['Remote - Africa', 'remote', 'NG KE ZA EG', 'FR'],
  ['Lagos, Nigeria', 'onsite', 'NG', 'NE'],
  ['Remote - Nigeria', 'remote', 'NG', 'NE'],
  ['Nairobi, Kenya', 'onsite', 'KE', 'UG'],
  ['Cape Town, South Africa', 'onsite', 'ZA', 'NA'],
  ['Cairo, Egypt', 'onsite', 'EG', 'SD'],
  ['Remote - Oman', 'remote', 'OM', 'AE'],
  // Asia-Pacific
  ['Remote - India', 'remote', 'IN', 'US PK'],
  ['Bangalore, India', 'onsite', 'IN', 'US'],
  ['Bengaluru, Karnataka, India', 'onsite', 'IN', 'US'],
  ['Hyderabad', 'onsite', 'IN', 'PK'],
  ['Remote - APAC', 'remote', 'IN JP AU SG PH', 'US DE AE'],
  ['APAC', 'remote', 'SG NZ', 'GB'],
  ['Singapore', 'unknown', 'SG', 'MY'],
  ['Remote - Singapore', 'remote', 'SG', 'MY'],
  ['Tokyo, Japan', 'onsite', 'JP', 'KR'],
  ['In-office, Tokyo', 'onsite', 'JP', 'KR'],
  ['Seoul, South Korea', 'onsite', 'KR', 'KP'],
  ['Manila, Philippines', 'onsite', 'PH', 'ID'],
  ['Remote - Southeast Asia', 'remote', 'PH VN ID TH', 'IN CN'],
  ['Remote - Asia', 'remote', 'IN JP AE', 'AU'],
  ['Ho Chi Minh City, Vietnam', 'onsite', 'VN', 'TH'],
  ['Shanghai, China', 'onsite', 'CN', 'TW'],
  ['Taipei, Taiwan', 'onsite', 'TW', 'CN'],
  ['Remote - Pakistan', 'remote', 'PK', 'IN'],
  ['Sydney, Australia', 'onsite', 'AU', 'NZ'],
  ['Remote - Australia', 'remote', 'AU', 'NZ'],
  ['Melbourne, VIC', 'onsite', 'AU', 'NZ'],
  ['Remote - ANZ', 'remote', 'AU NZ', 'ID'],
  ['Remote (Australia or New Zealand)', 'remote', 'AU NZ', 'ID'],
  ['Auckland, New Zealand', 'onsite', 'NZ', 'AU'],
  // Latin America
  ['LATAM', 'remote', 'BR MX AR CO', 'US ES PT'],
  ['Remote - LATAM', 'remote', 'BR MX CR', 'US ES'],
  ['Remote (Latin America)', 'remote', 'BR CL', 'US'],
  ['Remote - South America', 'remote', 'BR AR CL', 'MX US'],
  ['Remote - Americas', 'remote', 'US BR CA', 'PT ES'],
  ['São Paulo, Brazil', 'onsite', 'BR', 'PT'],
  ['Remote - Brazil', 'remote', 'BR', 'PT'],
  ['Brazil (Remote)', 'remote', 'BR', 'AR'],
  ['Buenos Aires, Argentina', 'onsite', 'AR', 'UY'],
  ['Mexico City, Mexico', 'onsite', 'MX', 'US'],
  ['Remote - Mexico', 'remote', 'MX', 'US'],
  ['Bogotá, Colombia', 'onsite', 'CO', 'VE'],
  ['Santiago, Chile', 'onsite', 'CL', 'AR'],
  ['Lima, Peru', 'onsite', 'PE', 'BO'],
  ['Montevideo, Uruguay', 'onsite', 'UY', 'AR'],
  // Worldwide
  ['Anywhere', 'remote', 'PT US DE BR IN', '', { worldwide: true }],
  ['Worldwide', 'remote', 'PT US IN', '', { worldwide: true }],
  ['Remote - Worldwide', 'remote', 'NG', '', { worldwide: true }],
  ['Home based - Worldwide', 'remote', 'BR', '', { worldwide: true }],
  ['Remote (Anywhere)', 'remote', 'IN', '', { worldwide: true }],
  ['Fully Remote - Anywhere in the world', 'remote', 'DE', '', { worldwide: true }],
  ['Work from anywhere', 'remote', 'US', '', { worldwide: true }],
  ['Remote - Global', 'remote', 'KE', '', { worldwide: true }],
  ['Distributed - Worldwide', 'remote', 'JP', '', { worldwide: true }],
  ['Worldwide (UTC-5 to UTC+3)', 'remote', 'BR PT', '', { worldwide: true, tz: [-5, 3] }],
  ['Anywhere (UTC-3 to UTC+3)', 'remote', 'BR', '', { worldwide: true, tz: [-3, 3] }],
  ['Worldwide (except US)', 'remote', 'DE IN BR', 'US'],
  ['Remote - anywhere outside the US', 'remote', 'DE CA', 'US'],
  // Remote with no stated restriction, hybrid and onsite without place
  ['Remote', 'remote', '', 'US PT DE'],
  ['Fully Remote', 'remote', '', 'US'],
  ['WFH', 'remote', '', 'US'],
  ['Telecommute', 'remote', '', 'US'],
  ['Hybrid', 'hybrid', '', 'US'],
  // Timezones
  ['Remote, Americas & Europe timezones', 'remote', 'US BR DE PT', 'IN JP', { tz: [-10, 3] }],
  ['Remote - EST', 'remote', '', 'US', { tz: [-8, -2] }],
  ['Remote, within 4 hours of PST', 'remote', '', 'US', { tz: [-12, -4] }],
  ['Remote (US) - overlap with EST', 'remote', 'US', 'CA', { tz: [-8, -2] }],
  // Several places
  ['Remote - US; Remote - Canada; Remote - UK', 'remote', 'US CA GB', 'IE'],
  ['Berlin; London; Remote', 'remote', 'DE GB', 'US'],
  ['Remote (Germany, Austria, Switzerland)', 'remote', 'DE AT CH', 'NL'],
  ['Remote - Spain, Portugal or Italy', 'remote', 'ES PT IT', 'FR'],
  // Names that hide inside other names
  ['Jersey', 'unknown', 'JE', 'US'],
  ['Georgia', 'unknown', 'GE', 'US'],
  ['Tbilisi, Georgia', 'onsite', 'GE', 'US'],
  ['Guinea-Bissau', 'unknown', 'GW', 'GN'],
  ['Papua New Guinea', 'unknown', 'PG', 'GN'],
  ['Dominican Republic', 'unknown', 'DO', 'DM'],
  ['Germany, DE', 'unknown', 'DE', 'US'],
  ['Cambridge, MA', 'onsite', 'US', 'MA GB'],
  ['Victoria, BC', 'onsite', 'CA', 'SC AU'],
  ['Toronto, ON, CA', 'onsite', 'CA', 'US'],
  ['Remote, USA (excluding California)', 'remote', 'US', 'CA'],
  ['Anywhere in the world except Russia', 'remote', 'DE UA', 'RU'],
];

describe('parseLocationText', () => {
  it('has a table of at least 150 real-world location strings', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(150);
  });

  it.each(ROWS)('reads %j', (text, workplace, yes, no, extra) => {
    const e = parseLocationText(text);
    expect(e.workplace).toBe(workplace);
    expect(e.worldwide).toBe(extra?.worldwide ?? false);
    for (const code of yes.split(' ').filter(Boolean))
      expect(isEligible(e, code), `eligible from ${code}`).toBe(true);
    for (const code of no.split(' ').filter(Boolean))
      expect(isEligible(e, code), `not eligible from ${code}`).toBe(false);
    expect(e.countries).toEqual([...new Set(e.countries)].sort());
    if (extra?.worldwide) expect(e.countries).toEqual([]);
    if (extra?.tz) expect(e.timezone).toEqual({ minUtcOffset: extra.tz[0], maxUtcOffset: extra.tz[1] });
    else expect(e.timezone).toBeNull();
    if (e.worldwide || e.countries.length > 0 || e.workplace === 'remote') expect(e.evidence).not.toBeNull();
  });

  it('quotes the location as evidence', () => {
    expect(parseLocationText('Remote - US').evidence).toBe('Location: Remote - US');
    expect(parseLocationText('Anywhere').evidence).toBe('Location: Anywhere');
  });

  it('keeps a bare "Remote" unproven: not worldwide, no countries, evidence says so', () => {
    expect(parseLocationText('Remote')).toEqual({
      workplace: 'remote',
      worldwide: false,
      countries: [],
      timezone: null,
      evidence: UNRESTRICTED_REMOTE_EVIDENCE,
    });
  });

  it('expands a region to exactly its countries', () => {
    expect(parseLocationText('Remote - EU').countries).toEqual(regionCountries('eu'));
    expect(parseLocationText('Remote (EMEA)').countries).toEqual(regionCountries('emea'));
  });

  it('removes excluded countries from a region', () => {
    const e = parseLocationText('Remote - Europe (excluding UK)');
    expect(e.countries).toEqual(regionCountries('europe').filter((c) => c !== 'GB'));
  });

  it('answers unknown for empty text', () => {
    expect(parseLocationText('')).toEqual({
      workplace: 'unknown',
      worldwide: false,
      countries: [],
      timezone: null,
      evidence: null,
    });
  });

  it('reads long text as a description only', () => {
    const text = `${'We build tools for teams. '.repeat(20)}You must be based in Portugal or Spain.`;
    const e = parseLocationText(text);
    expect(e.countries).toEqual(['ES', 'PT']);
    expect(e.evidence).toBe('must be based in Portugal or Spain');
  });
});

const NO_SIGNALS: EligibilityInput['remote'] = { isRemote: null, workplaceType: null, countryCodes: [] };

function posting(partial: Partial<EligibilityInput>): EligibilityInput {
  return { locations: [], title: 'Software Engineer', descriptionText: '', remote: NO_SIGNALS, ...partial };
}

describe('resolveEligibility', () => {
  it('joins several location strings', () => {
    const e = resolveEligibility(posting({ locations: ['Remote - US', 'Remote - Canada'] }));
    expect(e).toMatchObject({ workplace: 'remote', worldwide: false, countries: ['CA', 'US'] });
    expect(e.evidence).toBe('Location: Remote - US · Remote - Canada');
  });

  it('reads remote next to an office as remote within the office country', () => {
    const e = resolveEligibility(posting({ locations: ['Remote', 'Berlin, Germany'] }));
    expect(e).toMatchObject({ workplace: 'remote', countries: ['DE'] });
  });

  it('reads a title suffix as a location', () => {
    const e = resolveEligibility(posting({ title: 'Senior Backend Engineer (Remote - EU)' }));
    expect(e.workplace).toBe('remote');
    expect(e.countries).toEqual(regionCountries('eu'));
    expect(e.evidence).toBe('Title: Remote - EU');
  });

  it('does not read ordinary title words as places', () => {
    for (const title of [
      'Go Engineer',
      'Head of Global Payroll',
      'Chad Integrations Lead',
      'Engineer, Platform',
    ]) {
      const e = resolveEligibility(posting({ title }));
      expect(e, title).toMatchObject({ workplace: 'unknown', worldwide: false, countries: [] });
    }
  });

  it('takes workplace from the ATS fields', () => {
    expect(resolveEligibility(posting({ remote: { ...NO_SIGNALS, isRemote: true } })).workplace).toBe(
      'remote',
    );
    expect(
      resolveEligibility(posting({ remote: { ...NO_SIGNALS, workplaceType: 'hybrid' } })).workplace,
    ).toBe('hybrid');
    expect(resolveEligibility(posting({ remote: { ...NO_SIGNALS, isRemote: false } })).workplace).toBe(
      'onsite',
    );
  });

  it('lets a remote option win over an onsite field', () => {
    const e = resolveEligibility(
      posting({ locations: ['San Francisco or Remote'], remote: { ...NO_SIGNALS, workplaceType: 'onsite' } }),
    );
    expect(e.workplace).toBe('remote');
  });

  it('uses ATS country codes when the text names no country', () => {
    const e = resolveEligibility(
      posting({
        locations: ['Remote'],
        remote: { isRemote: true, workplaceType: 'remote', countryCodes: ['de'] },
      }),
    );
    expect(e).toMatchObject({ countries: ['DE'], evidence: 'Country: DE' });
  });

  it('prefers location text over ATS country codes', () => {
    const e = resolveEligibility(
      posting({ locations: ['Remote - Worldwide'], remote: { ...NO_SIGNALS, countryCodes: ['US'] } }),
    );
    expect(e.worldwide).toBe(true);
  });

  it('reads Greenhouse custom fields', () => {
    const e = resolveEligibility(
      posting({
        metadata: { 'Workplace Type': 'Remote', 'Remote Eligibility': 'US, Canada', Department: 'Spain' },
      }),
    );
    expect(e).toMatchObject({ workplace: 'remote', countries: ['CA', 'US'] });
    expect(resolveEligibility(posting({ metadata: { 'Remote?': 'Yes' } })).workplace).toBe('remote');
  });

  it('narrows an unplaced remote posting with a requirement in the description', () => {
    const e = resolveEligibility(
      posting({
        locations: ['Remote'],
        descriptionText: 'We are a remote-first company. Candidates must be based in the EU to apply.',
      }),
    );
    expect(e.countries).toEqual(regionCountries('eu'));
    expect(e.evidence).toBe('must be based in the EU');
  });

  it('narrows a worldwide location with US work authorization', () => {
    const e = resolveEligibility(
      posting({
        locations: ['Anywhere'],
        descriptionText: 'Requirements: You must be authorized to work in the U.S. without sponsorship.',
      }),
    );
    expect(e).toMatchObject({ worldwide: false, countries: ['US'] });
    expect(e.evidence).toBe('must be authorized to work in the US');
  });

  it('keeps location countries over description phrases', () => {
    const e = resolveEligibility(
      posting({ locations: ['Remote - Europe'], descriptionText: 'You must be based in Germany.' }),
    );
    expect(e.countries).toEqual(regionCountries('europe'));
  });

  it.each([
    ['Our team is open to candidates in the US or Canada.', ['CA', 'US']],
    ['This role is only open to US residents.', ['US']],
    [
      'Applicants must reside in one of the following countries: Portugal, Spain, France.',
      ['ES', 'FR', 'PT'],
    ],
    ['You need US work authorization.', ['US']],
    ['We are hiring in Brazil and Argentina.', ['AR', 'BR']],
    ['Remote (EU only)', regionCountries('eu')],
    ['You can work remotely from anywhere in Canada.', ['CA']],
    ['Must have the right to work in the UK.', ['GB']],
    ['Candidates must be located within the United States.', ['US']],
    ['You must be US-based.', ['US']],
    ['Open to residents of the following countries: US, UK.', ['GB', 'US']],
    ['You must live in Georgia or Florida.', ['US']],
    ['You must live in Georgia.', ['GE']],
  ])('reads the requirement in %j', (descriptionText, countries) => {
    const e = resolveEligibility(posting({ locations: ['Remote'], descriptionText }));
    expect(e.countries).toEqual(countries);
  });

  it.each([
    'Acme is headquartered in New York and we are based in Berlin.',
    'Our customers in Japan, India and Chad love us.',
    'You do not need to be based in the US.',
    'Ideally you are based in Europe.',
    'We are a remote-first company with offices in London.',
    'Experience with the Canadian market is a plus; Indiana Jones fans welcome; every woman and man.',
    'Our founder Jordan lives in Georgia.',
    'We cannot hire in India or Brazil at this time.',
    'You will collaborate with customers in Germany.',
    'Our offices are in London and New York. We are hiring across the US and UK.',
  ])('reads no requirement in %j', (descriptionText) => {
    const e = resolveEligibility(posting({ locations: ['Remote'], descriptionText }));
    expect(e.countries).toEqual([]);
    expect(e.worldwide).toBe(false);
  });

  it('reads "anywhere in the world" in the description as worldwide', () => {
    const e = resolveEligibility(
      posting({ locations: ['Remote'], descriptionText: 'We hire people from anywhere in the world.' }),
    );
    expect(e).toMatchObject({ worldwide: true, countries: [], evidence: 'from anywhere in the world' });
  });

  it('does not read a negated worldwide phrase', () => {
    const e = resolveEligibility(
      posting({ locations: ['Remote'], descriptionText: 'Sadly we cannot hire from anywhere in the world.' }),
    );
    expect(e.worldwide).toBe(false);
  });

  it('takes workplace from the description only when nothing else says it', () => {
    const remote = resolveEligibility(posting({ descriptionText: 'This is a fully remote position.' }));
    expect(remote.workplace).toBe('remote');
    const hybrid = resolveEligibility(
      posting({ locations: ['Berlin'], descriptionText: 'This is a fully remote role.' }),
    );
    expect(hybrid.workplace).toBe('onsite');
    const remoteFirst = resolveEligibility(posting({ descriptionText: 'We are a remote-first company.' }));
    expect(remoteFirst.workplace).toBe('unknown');
  });

  it('finds a timezone window in the description', () => {
    const e = resolveEligibility(
      posting({
        locations: ['Remote'],
        descriptionText: 'You will need at least 4 hours of overlap with CET.',
      }),
    );
    expect(e.timezone).toEqual({ minUtcOffset: -3, maxUtcOffset: 5 });
  });

  it('finds a requirement near the middle of a very long description', () => {
    const filler = 'Lorem ipsum dolor sit amet. '.repeat(4000);
    const e = resolveEligibility(
      posting({
        locations: ['Remote'],
        descriptionText: `${filler} You must be based in Portugal. ${filler}`,
      }),
    );
    expect(e.countries).toEqual(['PT']);
  });

  it('survives malformed input without throwing', () => {
    const broken = {
      locations: [null, 42, 'Remote - US'],
      title: undefined,
      descriptionText: null,
      remote: null,
      metadata: { location: 7 },
    } as unknown as EligibilityInput;
    expect(resolveEligibility(broken)).toMatchObject({ workplace: 'remote', countries: ['US'] });
  });
});

describe('isEligible', () => {
  const eu = parseLocationText('Remote - EU');
  it('accepts listed countries in any case and UK for GB', () => {
    expect(isEligible(eu, 'pt')).toBe(true);
    expect(isEligible(parseLocationText('Remote, UK'), 'UK')).toBe(true);
  });
  it('rejects unknown codes', () => {
    expect(isEligible(parseLocationText('Anywhere'), 'XX')).toBe(false);
    expect(isEligible(parseLocationText('Anywhere'), '')).toBe(false);
  });
  it('accepts any real country for worldwide postings', () => {
    expect(isEligible({ workplace: 'remote', worldwide: true, countries: [] }, 'BR')).toBe(true);
  });
});

describe('properties', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const e = parseLocationText(text);
        expect(e.countries).toEqual([...new Set(e.countries)].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary postings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 80 }), { maxLength: 5 }),
        fc.string({ maxLength: 120 }),
        fc.string({ maxLength: 2000 }),
        fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 40 }), { maxKeys: 4 }),
        (locations, title, descriptionText, metadata) => {
          const e = resolveEligibility({ locations, title, descriptionText, remote: NO_SIGNALS, metadata });
          if (e.worldwide) expect(e.countries).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('returns on 1 MB strings', () => {
    const words = 'remote based in the US anywhere UTC+3 to UTC-5 overlap with EST time zones Georgia ';
    const big = words.repeat(Math.ceil(1_000_000 / words.length));
    const adversarial = `${'('.repeat(200_000)}${'UTC+1 - '.repeat(50_000)}${'a'.repeat(400_000)}`;
    for (const text of [big, adversarial, 'x'.repeat(1_000_000)]) {
      expect(parseLocationText(text)).toBeTypeOf('object');
      expect(
        resolveEligibility(posting({ locations: [text], title: text, descriptionText: text })),
      ).toBeTypeOf('object');
    }
  });
});
