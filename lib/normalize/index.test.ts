import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawPosting } from '../../scrapers/types';
import { InvalidPostingError, normalizePosting, normalizeTimestamp } from './index';
import { CATEGORIES } from './types';

const context = { companySlug: 'acme', companyName: 'Acme', sourceKind: 'lever' };

function raw(overrides: Partial<RawPosting> = {}): RawPosting {
  return {
    externalId: 'abc-123',
    title: 'Senior Backend Engineer',
    applyUrl: 'https://jobs.lever.co/acme/abc-123/apply?lever-source=LinkedIn',
    locations: ['Remote - US', 'Remote - Canada'],
    descriptionHtml:
      '<p>We build payments.</p><script>alert(1)</script><ul><li>Go, PostgreSQL and Kubernetes</li></ul>' +
      '<p>This is a full-time position.</p>',
    department: 'Engineering',
    team: 'Payments',
    employmentType: null,
    seniority: null,
    postedAt: '2026-10-30T12:00:00Z',
    updatedAt: null,
    remote: { isRemote: true, workplaceType: 'remote', countryCodes: [] },
    salary: { min: 150000, max: 180000, currency: 'USD', interval: 'per-year-salary' },
    salaryText: null,
    tags: [],
    metadata: {},
    ...overrides,
  };
}

describe('normalizePosting', () => {
  it('composes every field of a listing', () => {
    const posting = normalizePosting(raw(), context);
    expect(posting).toMatchObject({
      externalId: 'abc-123',
      title: 'Senior Backend Engineer',
      companySlug: 'acme',
      applyUrl: 'https://jobs.lever.co/acme/abc-123/apply',
      locationText: 'Remote - US · Remote - Canada',
      workplace: 'remote',
      worldwide: false,
      employmentType: 'full-time',
      seniority: 'senior',
      category: 'engineering',
      tags: ['go', 'kubernetes', 'postgres'],
      salary: {
        min: 150000,
        max: 180000,
        currency: 'USD',
        period: 'year',
        annualUsdMin: 150000,
        annualUsdMax: 180000,
      },
      postedAt: '2026-10-30T12:00:00.000Z',
      sourceKind: 'lever',
    });
    expect(posting.countries).toEqual(expect.arrayContaining(['US', 'CA']));
    expect(posting.descriptionHtml).not.toContain('script');
    expect(posting.descriptionText).toBe(
      'We build payments.\n\n- Go, PostgreSQL and Kubernetes\n\nThis is a full-time position.',
    );
  });

  it('falls back from structured salary to salary text, then to the description', () => {
    expect(normalizePosting(raw({ salary: null, salaryText: '€60k – €75k' }), context).salary).toMatchObject({
      min: 60000,
      max: 75000,
      currency: 'EUR',
    });
    expect(
      normalizePosting(
        raw({
          salary: null,
          descriptionHtml: '<p>The salary range for this role is $120,000 - $140,000.</p>',
        }),
        context,
      ).salary,
    ).toMatchObject({ min: 120000, max: 140000, currency: 'USD' });
    expect(
      normalizePosting(raw({ salary: null, descriptionHtml: '<p>Competitive pay.</p>' }), context).salary,
    ).toBeNull();
  });

  it('reads Greenhouse entity-escaped content from the recorded fixture', () => {
    const fixture = JSON.parse(
      readFileSync(
        new URL(
          '../../scrapers/ats/greenhouse/fixtures/generalassembly_embed_jobs_content_2013.json',
          import.meta.url,
        ),
        'utf8',
      ),
    ) as {
      jobs: Array<{
        id: number;
        title: string;
        content: string;
        absolute_url: string;
        location: { name: string };
      }>;
    };
    const job = fixture.jobs[0]!;
    const posting = normalizePosting(
      raw({
        externalId: String(job.id),
        title: job.title,
        applyUrl: job.absolute_url,
        locations: [job.location.name],
        descriptionHtml: job.content,
        salary: null,
        remote: { isRemote: null, workplaceType: null, countryCodes: [] },
      }),
      { companySlug: 'generalassembly', companyName: 'General Assembly', sourceKind: 'greenhouse' },
    );
    expect(posting.descriptionHtml.startsWith('<h3>Who this job is right for</h3>')).toBe(true);
    expect(posting.descriptionText).toContain('Required skills & experience');
    expect(posting.salary).toBeNull();
    expect(posting.locationText).toBe(job.location.name);
  });

  it('cleans titles: entities, whitespace, company suffix', () => {
    expect(normalizePosting(raw({ title: '  R&amp;D   Engineer\u200b at Acme ' }), context).title).toBe(
      'R&D Engineer',
    );
    expect(normalizePosting(raw({ title: 'Acme' }), context).title).toBe('Acme');
  });

  it('dedupes and trims location strings', () => {
    expect(
      normalizePosting(raw({ locations: [' Berlin ', 'Berlin', '', 'Remote  -  EU'] }), context).locationText,
    ).toBe('Berlin · Remote - EU');
  });

  it.each([
    ['', 'title'],
    ['   ', 'title'],
  ] as const)('rejects the title %j naming the posting and field', (title, field) => {
    const attempt = () => normalizePosting(raw({ title }), context);
    expect(attempt).toThrow(InvalidPostingError);
    expect(attempt).toThrow(/abc-123/);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ externalId: 'abc-123', field });
    }
  });

  it.each([['javascript:alert(1)'], ['/jobs/1'], [''], ['mailto:jobs@acme.com']])(
    'rejects the apply URL %j',
    (applyUrl) => {
      try {
        normalizePosting(raw({ applyUrl }), context);
        expect.unreachable('should have thrown');
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidPostingError);
        expect(error).toMatchObject({ externalId: 'abc-123', field: 'applyUrl' });
      }
    },
  );

  it('never throws on hostile fields of a posting with a title and apply URL', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 200 });
    const maybe = fc.option(text, { nil: null });
    const posting = fc.record({
      externalId: text,
      title: text.map((t) => `Engineer ${t}`),
      applyUrl: fc.constant('https://acme.example/job/1'),
      locations: fc.array(text, { maxLength: 5 }),
      descriptionHtml: maybe,
      department: maybe,
      team: maybe,
      employmentType: maybe,
      seniority: maybe,
      postedAt: maybe,
      updatedAt: maybe,
      remote: fc.record({
        isRemote: fc.option(fc.boolean(), { nil: null }),
        workplaceType: fc.constantFrom('remote', 'hybrid', 'onsite', null),
        countryCodes: fc.array(fc.constantFrom('US', 'DE', 'XX', ''), { maxLength: 3 }),
      }),
      salary: fc.option(
        fc.record({
          min: fc.option(fc.double(), { nil: null }),
          max: fc.option(fc.double(), { nil: null }),
          currency: maybe,
          interval: maybe,
        }),
        { nil: null },
      ),
      salaryText: maybe,
      tags: fc.array(text, { maxLength: 5 }),
      metadata: fc.dictionary(text, text, { maxKeys: 3 }),
    });
    fc.assert(
      fc.property(posting, (input) => {
        const result = normalizePosting(input as RawPosting, context);
        expect(CATEGORIES).toContain(result.category);
        expect(result.postedAt === null || !Number.isNaN(Date.parse(result.postedAt))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('returns on 1 MB fields', () => {
    const big = '<p>' + 'Remote salary $'.repeat(70_000) + '</p>';
    const result = normalizePosting(
      raw({
        descriptionHtml: big,
        title: 'Engineer ' + 'x'.repeat(1_000_000),
        salaryText: big,
        locations: [big],
      }),
      context,
    );
    expect(result.title.length).toBeLessThanOrEqual(300);
    expect(result.descriptionText.length).toBeLessThanOrEqual(500_000);
  });
});

describe('normalizeTimestamp', () => {
  it.each([
    ['2026-10-30T12:00:00Z', '2026-10-30T12:00:00.000Z'],
    ['2026-10-30T14:00:00+02:00', '2026-10-30T12:00:00.000Z'],
    ['2026-10-30', '2026-10-30T00:00:00.000Z'],
    ['1970-01-01T00:00:00Z', null],
    ['not a date', null],
    ['', null],
    [null, null],
  ])('normalizes %j to %j', (input, expected) => {
    expect(normalizeTimestamp(input)).toBe(expected);
  });
});
