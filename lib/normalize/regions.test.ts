import iso from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import { findRegion, foldPhrase, REGION_ALIASES, REGIONS, regionCountries } from './regions';

const valid = new Set([...Object.keys(iso.getAlpha2Codes()), 'XK']);

describe('REGIONS', () => {
  it.each([...REGIONS.values()].map((r) => [r.id, r] as const))(
    'expands %s to sorted, unique, real codes',
    (_id, region) => {
      expect(region.countries.length).toBeGreaterThan(0);
      expect([...region.countries]).toEqual([...new Set(region.countries)].sort());
      for (const code of region.countries) expect(valid.has(code), code).toBe(true);
    },
  );

  it.each([
    ['eu', 27, ['DE', 'FR', 'PT', 'IE', 'CY'], ['GB', 'CH', 'NO']],
    ['eea', 30, ['NO', 'IS', 'LI', 'DE'], ['CH', 'GB']],
    ['dach', 3, ['DE', 'AT', 'CH'], ['NL']],
    ['nordics', 5, ['SE', 'NO', 'DK', 'FI', 'IS'], ['EE']],
    ['benelux', 3, ['BE', 'NL', 'LU'], ['DE']],
    ['anz', 2, ['AU', 'NZ'], ['NF']],
  ] as const)('%s has %i members', (id, size, yes, no) => {
    const countries = regionCountries(id);
    expect(countries).toHaveLength(size);
    for (const code of yes) expect(countries).toContain(code);
    for (const code of no) expect(countries).not.toContain(code);
  });

  it.each([
    ['north-america', ['US', 'CA', 'MX'], ['BR', 'GT']],
    ['latam', ['MX', 'BR', 'AR', 'CO', 'CR', 'CU', 'DO', 'BZ'], ['US', 'CA', 'JM', 'ES', 'PT']],
    ['south-america', ['BR', 'AR', 'CL', 'PE'], ['MX', 'PA']],
    ['americas', ['US', 'CA', 'BR', 'JM'], ['ES', 'PT']],
    ['europe', ['PT', 'GB', 'UA', 'NO', 'CH'], ['TR', 'US']],
    ['emea', ['DE', 'ZA', 'AE', 'IL', 'EG', 'NG'], ['US', 'IN', 'CN']],
    ['apac', ['IN', 'JP', 'AU', 'SG', 'NZ', 'CN'], ['AE', 'SA', 'US', 'DE']],
    ['asia', ['IN', 'JP', 'AE', 'SA'], ['AU', 'DE']],
    ['middle-east', ['AE', 'SA', 'IL', 'EG', 'IR', 'TR'], ['GE', 'AM', 'AZ', 'MA']],
    ['mena', ['AE', 'EG', 'MA', 'DZ', 'TN'], ['NG', 'GE']],
    ['africa', ['NG', 'KE', 'ZA', 'EG'], ['FR']],
    ['oceania', ['AU', 'NZ', 'FJ'], ['ID']],
    ['cet', ['DE', 'FR', 'PL', 'ES', 'IT'], ['PT', 'GB', 'FI']],
    ['south-eastern-asia', ['SG', 'PH', 'VN'], ['IN', 'CN']],
  ] as const)('%s covers the expected countries', (id, yes, no) => {
    const countries = regionCountries(id);
    for (const code of yes) expect(countries, code).toContain(code);
    for (const code of no) expect(countries, code).not.toContain(code);
  });

  it('throws on an unknown id', () => {
    expect(() => regionCountries('atlantis')).toThrow(/unknown region/);
  });
});

describe('findRegion', () => {
  it.each([
    ['EMEA', 'emea'],
    ['Latin America', 'latam'],
    ['LATAM', 'latam'],
    ['the Nordics', 'nordics'],
    ['Scandinavia', 'nordics'],
    ['South-East Asia', 'south-eastern-asia'],
    ['Asia-Pacific', 'apac'],
    ['Europe, Middle East & Africa', 'emea'],
    ['European Union', 'eu'],
    ['EU', 'eu'],
    ['ANZ', 'anz'],
    ['Central & Eastern Europe', 'cee'],
  ])('finds %j', (name, id) => {
    expect(findRegion(name)?.id).toBe(id);
  });

  it('answers null for other words', () => {
    expect(findRegion('Atlantis')).toBeNull();
    expect(findRegion('')).toBeNull();
  });

  it('indexes every alias of a known region, folded', () => {
    for (const alias of REGION_ALIASES) {
      expect(REGIONS.has(alias.regionId)).toBe(true);
      expect(alias.phrase).toBe(foldPhrase(alias.phrase));
    }
  });
});

describe('foldPhrase', () => {
  it('lower-cases, strips diacritics and punctuation', () => {
    expect(foldPhrase('  São Paulo — Zürich/Köln ')).toBe('sao paulo zurich koln');
  });
});
