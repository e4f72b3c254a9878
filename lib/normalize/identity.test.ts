import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanApplyUrl, dedupeKey, jobSlug, normalizeTitle, slugify } from './identity';

describe('cleanApplyUrl', () => {
  it.each([
    [
      'https://boards.greenhouse.io/acme/jobs/123?gh_src=abc&utm_source=linkedin',
      'https://boards.greenhouse.io/acme/jobs/123',
    ],
    ['https://acme.com/careers/?gh_jid=4567&gh_src=x', 'https://acme.com/careers/?gh_jid=4567'],
    [
      'https://jobs.lever.co/acme/uuid/apply?lever-source=LinkedIn&lever-origin=applied&lever-source%5B%5D=x',
      'https://jobs.lever.co/acme/uuid/apply',
    ],
    ['https://acme.com/job?ref=hn&source=twitter&src=x&trk=y', 'https://acme.com/job'],
    ['https://acme.com/job?fbclid=1&gclid=2&msclkid=3', 'https://acme.com/job'],
    ['https://acme.com/job?UTM_Campaign=x&id=7', 'https://acme.com/job?id=7'],
    ['https://acme.com/job?z=1&a=2&m=3', 'https://acme.com/job?a=2&m=3&z=1'],
    ['https://ACME.com/Jobs/Senior?x=1#apply', 'https://acme.com/Jobs/Senior?x=1'],
    ['http://acme.com:80/job', 'http://acme.com/job'],
    ['https://user:pass@acme.com/job', 'https://acme.com/job'],
    ['  https://acme.com/job  ', 'https://acme.com/job'],
    ['https://acme.com/job?', 'https://acme.com/job'],
  ])('cleans %j', (input, expected) => {
    expect(cleanApplyUrl(input)).toBe(expected);
  });

  it.each([
    ['javascript:alert(1)'],
    ['mailto:jobs@acme.com'],
    ['ftp://acme.com/job'],
    ['data:text/html,<script>'],
    ['/jobs/123'],
    ['acme.com/jobs'],
    [''],
    ['https://'],
    ['https://acme.com/' + 'x'.repeat(5000)],
  ])('rejects %j', (input) => {
    expect(cleanApplyUrl(input)).toBeNull();
  });

  it('gives the same URL whatever the tracking and parameter order', () => {
    expect(cleanApplyUrl('https://acme.com/j?b=2&a=1&utm_medium=x')).toBe(
      cleanApplyUrl('https://acme.com/j?a=1&b=2'),
    );
  });
});

describe('normalizeTitle', () => {
  it.each([
    ['Senior Backend Engineer (Remote - EU)', 'senior backend engineer'],
    ['Sr. Backend Engineer', 'senior backend engineer'],
    ['Senior Backend Engineer - Remote', 'senior backend engineer'],
    ['Senior Backend Engineer – Remote, US', 'senior backend engineer'],
    ['Senior Backend Engineer [Hybrid]', 'senior backend engineer'],
    ['Senior Backend Engineer | Remote | Anywhere', 'senior backend engineer'],
    ['Software Engineer (Backend)', 'software engineer backend'],
    ['Software Engineer - Payments', 'software engineer payments'],
    ['Jr. Front End Dev', 'junior frontend developer'],
    ['Ingénieur Logiciel Sénior', 'ingenieur logiciel senior'],
    ['R&D Engineer', 'r and d engineer'],
  ])('normalizes %j', (title, expected) => {
    expect(normalizeTitle(title)).toBe(expected);
  });
});

describe('dedupeKey', () => {
  const us = { worldwide: false, countries: ['US'] };

  it('is equal for the same job from an ATS and a JSON-LD page', () => {
    const fromAts = dedupeKey({
      companySlug: 'acme',
      title: 'Senior Backend Engineer (Remote - US)',
      eligibility: us,
    });
    const fromJsonLd = dedupeKey({ companySlug: 'acme', title: 'Sr. Backend Engineer', eligibility: us });
    expect(fromAts).toBe(fromJsonLd);
  });

  it('ignores the order and case of countries', () => {
    expect(
      dedupeKey({
        companySlug: 'acme',
        title: 'Engineer',
        eligibility: { worldwide: false, countries: ['ca', 'US'] },
      }),
    ).toBe(
      dedupeKey({
        companySlug: 'acme',
        title: 'Engineer',
        eligibility: { worldwide: false, countries: ['US', 'CA'] },
      }),
    );
  });

  it('differs for different eligibility', () => {
    const base = { companySlug: 'acme', title: 'Backend Engineer' };
    const keys = new Set([
      dedupeKey({ ...base, eligibility: us }),
      dedupeKey({ ...base, eligibility: { worldwide: false, countries: ['DE'] } }),
      dedupeKey({ ...base, eligibility: { worldwide: true, countries: [] } }),
      dedupeKey({ ...base, eligibility: { worldwide: false, countries: [] } }),
    ]);
    expect(keys.size).toBe(4);
  });

  it('differs for different companies and roles', () => {
    expect(dedupeKey({ companySlug: 'acme', title: 'Backend Engineer', eligibility: us })).not.toBe(
      dedupeKey({ companySlug: 'globex', title: 'Backend Engineer', eligibility: us }),
    );
    expect(dedupeKey({ companySlug: 'acme', title: 'Backend Engineer', eligibility: us })).not.toBe(
      dedupeKey({ companySlug: 'acme', title: 'Frontend Engineer', eligibility: us }),
    );
  });
});

describe('slugify and jobSlug', () => {
  it.each([
    ['Senior Backend Engineer', 'senior-backend-engineer'],
    ['Ingénieur Développement — Équipe Paiements', 'ingenieur-developpement-equipe-paiements'],
    ['Straße & Søn', 'strasse-and-son'],
    ['C++ / C# Developer!!', 'c-c-developer'],
    ['  --  ', ''],
    ['東京 Engineer', 'engineer'],
  ])('slugifies %j', (text, expected) => {
    expect(slugify(text)).toBe(expected);
  });

  it('cuts long slugs at a word boundary', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.endsWith('word')).toBe(true);
  });

  it('joins title and company and always has a value', () => {
    expect(jobSlug('Senior Backend Engineer (Remote)', 'acme')).toBe('senior-backend-engineer-remote-acme');
    expect(jobSlug('A'.repeat(200), 'acme').endsWith('-acme')).toBe(true);
    expect(jobSlug('A'.repeat(200), 'acme').length).toBeLessThanOrEqual(80);
    expect(jobSlug('東京', '')).toBe('job');
  });
});

describe('identity on hostile input', () => {
  it('never throws', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        cleanApplyUrl(a);
        const slug = jobSlug(a, b);
        expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        dedupeKey({ companySlug: b, title: a, eligibility: { worldwide: false, countries: [] } });
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const cleaned = cleanApplyUrl(url);
        if (cleaned !== null) expect(cleanApplyUrl(cleaned)).toBe(cleaned);
      }),
      { numRuns: 300 },
    );
  });

  it('returns on 1 MB inputs', () => {
    const big = '(remote) - '.repeat(100_000);
    expect(normalizeTitle(big).length).toBeLessThan(400);
    expect(slugify(big).length).toBeLessThanOrEqual(80);
    expect(cleanApplyUrl('https://a.example/?' + 'utm_x=1&'.repeat(130_000))).toBeNull();
  });
});
