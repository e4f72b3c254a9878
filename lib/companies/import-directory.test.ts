import { describe, expect, it } from 'vitest';
import {
  directoryPatch,
  directoryProfile,
  DirectoryFormatError,
  parseCompanyDirectory,
  REMOTEINTECH_SOURCE,
  type ExistingProfile,
} from './import-directory';
import { companySlug } from './upsert-company';

const entry = {
  name: 'Acme',
  slug: 'acme',
  website: 'https://acme.test/',
  careers_url: 'https://acme.test/jobs',
  region: 'worldwide',
  remote_policy: 'fully-remote',
  company_size: 'small',
  technologies: ['rust', 'go', 'go'],
};

describe('parseCompanyDirectory', () => {
  it('reads the directory shape and maps it to profile columns', () => {
    const directory = parseCompanyDirectory(
      JSON.stringify({ source: 'test', fields: 'x', companies: [entry] }),
    );
    expect(directory.companies).toHaveLength(1);
    expect(directoryProfile(directory.companies[0]!)).toEqual({
      name: 'Acme',
      website: 'https://acme.test/',
      careersUrl: 'https://acme.test/jobs',
      region: 'worldwide',
      remotePolicy: 'fully-remote',
      size: 'small',
      technologies: ['go', 'rust'],
    });
  });

  it.each([
    ['not json', '{', /Not JSON/],
    ['no companies', JSON.stringify({ source: 'x' }), /companies/],
    [
      'a bad region',
      JSON.stringify({ source: 'x', companies: [{ ...entry, region: 'mars' }] }),
      /companies\.0\.region/,
    ],
    [
      'a bad slug',
      JSON.stringify({ source: 'x', companies: [{ ...entry, slug: 'Acme Inc' }] }),
      /companies\.0\.slug/,
    ],
    [
      'a javascript: website',
      JSON.stringify({ source: 'x', companies: [{ ...entry, website: 'javascript:alert(1)' }] }),
      /companies\.0\.website/,
    ],
  ])('rejects %s, naming the field', (_name, text, message) => {
    expect(() => parseCompanyDirectory(text)).toThrow(DirectoryFormatError);
    expect(() => parseCompanyDirectory(text)).toThrow(message);
  });
});

describe('directoryPatch', () => {
  const profile = directoryProfile(
    parseCompanyDirectory(JSON.stringify({ source: 'x', companies: [entry] })).companies[0]!,
  );
  const existing = (overrides: Partial<ExistingProfile>): ExistingProfile => ({
    ...profile,
    profileSource: REMOTEINTECH_SOURCE,
    ...overrides,
  });

  it.each<[string, Partial<ExistingProfile>, Partial<ExistingProfile> | null]>([
    ['changes nothing when the profile is the same', {}, null],
    [
      'follows the file for its own companies',
      { name: 'Old Acme', region: 'europe' },
      { name: 'Acme', region: 'worldwide' },
    ],
    ['claims an unowned company', { profileSource: null }, { profileSource: REMOTEINTECH_SOURCE }],
    ['clears a field the file no longer has', { size: 'large' }, { size: 'small' }],
    [
      'keeps a seed company’s name and filled fields',
      { profileSource: 'seed', name: 'ACME', website: 'https://www.acme.test', region: 'europe' },
      null,
    ],
    [
      'fills a seed company’s empty fields',
      { profileSource: 'seed', name: 'ACME', careersUrl: null, technologies: [] },
      { careersUrl: 'https://acme.test/jobs', technologies: ['go', 'rust'] },
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(directoryPatch(existing(overrides), profile, REMOTEINTECH_SOURCE)).toEqual(expected);
  });
});

describe('companySlug', () => {
  it.each([
    ['Wikimedia Foundation', 'wikimedia-foundation'],
    ['37signals', '37signals'],
    ['Remote.com', 'remote-com'],
    ['Künstler & Co.', 'kunstler-co'],
    ['  --Acme--  ', 'acme'],
  ])('%s -> %s', (name, slug) => {
    expect(companySlug(name)).toBe(slug);
  });
});
