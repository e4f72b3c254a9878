import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PER_PAGE,
  QUERY_TAGS,
  defaultJobQuery,
  describeJobQuery,
  formatUtcOffset,
  jobQueryToRecord,
  jobQueryToSearchParams,
  parseJobQuery,
  type JobQuery,
} from './query';

function parse(params: string): JobQuery {
  const result = parseJobQuery(new URLSearchParams(params));
  if (!result.ok) throw new Error(`expected ${params} to parse: ${JSON.stringify(result.errors)}`);
  return result.query;
}

function errorsOf(params: string) {
  const result = parseJobQuery(new URLSearchParams(params));
  if (result.ok) throw new Error(`expected ${params} to be rejected`);
  return result.errors;
}

describe('parseJobQuery', () => {
  it('defaults to open remote jobs, newest first, 20 a page', () => {
    expect(parse('')).toEqual({
      q: null,
      country: null,
      tz: null,
      workplace: ['remote'],
      category: [],
      type: [],
      seniority: [],
      company: [],
      tag: [],
      salaryMin: null,
      salary: 'any',
      posted: null,
      sort: 'newest',
      page: 1,
      perPage: DEFAULT_PER_PAGE,
      status: 'open',
    });
  });

  it.each([
    ['q=rust', { q: 'rust', sort: 'relevance' }],
    ['q=%20senior%20%20rust%20', { q: 'senior rust' }],
    ['q="platform engineer" -senior', { q: '"platform engineer" -senior' }],
    ['q=', { q: null, sort: 'newest' }],
    ['country=PT', { country: 'PT' }],
    ['country=pt', { country: 'PT' }],
    ['country=UK', { country: 'GB' }],
    ['tz=1', { tz: 1 }],
    ['tz=-5', { tz: -5 }],
    ['tz=%2B5.5', { tz: 5.5 }],
    ['tz=5.75', { tz: 5.75 }],
    ['tz=-0', { tz: 0 }],
    ['tz=14', { tz: 14 }],
    ['workplace=hybrid', { workplace: ['hybrid'] }],
    ['workplace=onsite,remote', { workplace: ['remote', 'onsite'] }],
    ['workplace=hybrid&workplace=remote&workplace=hybrid', { workplace: ['remote', 'hybrid'] }],
    ['category=design,engineering', { category: ['engineering', 'design'] }],
    ['category=Engineering', { category: ['engineering'] }],
    ['type=contract&type=full-time', { type: ['full-time', 'contract'] }],
    ['seniority=senior,junior', { seniority: ['junior', 'senior'] }],
    ['company=globex,acme', { company: ['acme', 'globex'] }],
    ['company=Acme-Corp', { company: ['acme-corp'] }],
    ['tag=rust&tag=go', { tag: ['go', 'rust'] }],
    ['tag=kubernetes,', { tag: ['kubernetes'] }],
    ['salaryMin=0', { salaryMin: 0 }],
    ['salaryMin=120000', { salaryMin: 120000 }],
    ['salary=stated', { salary: 'stated' }],
    ['salary=any', { salary: 'any' }],
    ['posted=1', { posted: 1 }],
    ['posted=7', { posted: 7 }],
    ['posted=30', { posted: 30 }],
    ['sort=salary', { sort: 'salary' }],
    ['sort=newest&q=rust', { sort: 'newest' }],
    // Relevance without text has nothing to rank by.
    ['sort=relevance', { sort: 'newest' }],
    ['page=3', { page: 3 }],
    ['page=1000', { page: 1000 }],
    ['perPage=1', { perPage: 1 }],
    ['perPage=100', { perPage: 100 }],
    ['status=closed', { status: 'closed' }],
    ['status=open', { status: 'open' }],
    ['q=x&q=x', { q: 'x' }],
    ['utm_source=newsletter&q=go', { q: 'go' }],
  ])('accepts %s', (params, expected) => {
    expect(parse(params)).toMatchObject(expected);
  });

  it.each([
    ['q=a&q=b', 'q', /given once/],
    [`q=${'x'.repeat(201)}`, 'q', /at most 200 characters/],
    ['country=XX', 'country', /ISO 3166-1 alpha-2/],
    ['country=Portugal', 'country', /ISO 3166-1 alpha-2/],
    ['tz=15', 'tz', /-14 to 14/],
    ['tz=1.2', 'tz', /-14 to 14/],
    ['tz=UTC%2B1', 'tz', /-14 to 14/],
    ['tz=abc', 'tz', /-14 to 14/],
    ['workplace=anywhere', 'workplace', /unknown workplace "anywhere"/],
    ['category=enginering', 'category', /unknown category "enginering"/],
    ['type=freelance', 'type', /unknown employment type "freelance"/],
    ['seniority=guru,ninja', 'seniority', /unknown seniorities "guru", "ninja"/],
    ['company=acme%20corp', 'company', /invalid company slug "acme corp"/],
    ['company=-acme', 'company', /invalid company slug/],
    ['tag=cobolt', 'tag', /unknown tag "cobolt"/],
    ['salaryMin=-1', 'salaryMin', /whole number of US dollars/],
    ['salaryMin=100k', 'salaryMin', /whole number of US dollars/],
    ['salaryMin=1.5', 'salaryMin', /whole number of US dollars/],
    ['salary=some', 'salary', /unknown value "some"/],
    ['posted=2', 'posted', /unknown value "2"/],
    ['sort=oldest', 'sort', /unknown value "oldest"/],
    ['page=0', 'page', /1 to 1000/],
    ['page=1001', 'page', /1 to 1000/],
    ['page=two', 'page', /1 to 1000/],
    ['perPage=0', 'perPage', /1 to 100/],
    ['perPage=101', 'perPage', /1 to 100/],
    ['status=all', 'status', /unknown value "all"/],
  ])('rejects %s, naming %s', (params, parameter, message) => {
    const errors = errorsOf(params);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.parameter).toBe(parameter);
    expect(errors[0]!.message).toMatch(message);
  });

  it.each([
    ['workplace=anywhere', ['remote', 'hybrid', 'onsite']],
    ['category=x', ['engineering', 'design', 'product']],
    ['type=x', ['full-time', 'part-time', 'contract', 'internship', 'temporary']],
    ['seniority=x', ['junior', 'senior', 'staff']],
    ['salary=x', ['any', 'stated']],
    ['posted=x', ['1', '7', '30']],
    ['sort=x', ['relevance', 'newest', 'salary']],
    ['status=x', ['open', 'closed']],
  ])('lists the allowed values when rejecting %s', (params, someAllowed) => {
    const [error] = errorsOf(params);
    expect(error!.allowed).toEqual(expect.arrayContaining(someAllowed));
  });

  it('lists the vocabulary as the allowed tags', () => {
    const [error] = errorsOf('tag=cobolt');
    expect(error!.allowed).toEqual([...QUERY_TAGS]);
    expect(error!.allowed).toContain('rust');
  });

  it('reports every invalid parameter at once', () => {
    const errors = errorsOf('country=ZZ&perPage=500&category=nope&q=ok');
    expect(errors.map((error) => error.parameter).sort()).toEqual(['category', 'country', 'perPage']);
  });

  it('rejects more than 50 values in one list', () => {
    const companies = Array.from({ length: 51 }, (_, i) => `company-${i}`).join(',');
    expect(errorsOf(`company=${companies}`)[0]!.message).toMatch(/at most 50/);
  });

  it('reads records as Next.js passes searchParams and saved searches store them', () => {
    const result = parseJobQuery({
      q: 'rust',
      tag: ['go', 'rust'],
      country: undefined,
      workplace: 'remote,hybrid',
    });
    expect(result).toMatchObject({
      ok: true,
      query: { q: 'rust', tag: ['go', 'rust'], country: null, workplace: ['remote', 'hybrid'] },
    });
  });
});

describe('jobQueryToSearchParams', () => {
  it('omits every default', () => {
    expect(jobQueryToSearchParams(defaultJobQuery()).toString()).toBe('');
    expect(
      jobQueryToSearchParams(
        parse('q=rust&sort=relevance&perPage=20&page=1&status=open&salary=any&workplace=remote'),
      ).toString(),
    ).toBe('q=rust');
  });

  it('writes lists as repeated parameters in canonical order', () => {
    expect(
      jobQueryToSearchParams(
        parse('tag=rust,go&category=design,engineering&workplace=hybrid,remote'),
      ).toString(),
    ).toBe('workplace=remote&workplace=hybrid&category=engineering&category=design&tag=go&tag=rust');
  });

  it('keeps a sort that differs from the default', () => {
    expect(jobQueryToSearchParams(parse('q=rust&sort=newest')).toString()).toBe('q=rust&sort=newest');
    expect(jobQueryToSearchParams(parse('sort=salary')).toString()).toBe('sort=salary');
  });

  it.each([
    '',
    'q=senior rust&country=PT&tz=5.5&workplace=remote,hybrid',
    'category=engineering,data&type=contract&seniority=senior&company=acme,globex&tag=go,rust',
    'salaryMin=90000&salary=stated&posted=7&sort=salary&page=3&perPage=50&status=closed',
    'q="exact phrase" -excluded&tz=-3.5',
  ])('round-trips %s', (params) => {
    const query = parse(params);
    expect(parse(jobQueryToSearchParams(query).toString())).toEqual(query);
    expect(parseJobQuery(jobQueryToRecord(query))).toEqual({ ok: true, query });
  });

  it('gives equal parameters for equal queries however they were written', () => {
    const a = jobQueryToSearchParams(parse('tag=rust&tag=go&country=pt')).toString();
    const b = jobQueryToSearchParams(parse('country=PT&tag=go,rust')).toString();
    expect(a).toBe(b);
  });
});

describe('describeJobQuery', () => {
  it.each([
    ['', 'Remote jobs'],
    ['tag=rust&country=PT', 'Remote Rust jobs open to Portugal'],
    [
      'workplace=remote,hybrid&seniority=senior&category=engineering',
      'Remote or hybrid senior engineering jobs',
    ],
    ['q=kubernetes&company=acme,globex', 'Remote jobs matching “kubernetes” at acme or globex'],
    ['tag=go,rust,typescript', 'Remote Go, Rust or TypeScript jobs'],
    ['type=contract&tz=-5', 'Remote contract jobs near UTC-5'],
    ['tz=5.5', 'Remote jobs near UTC+5:30'],
    ['salaryMin=120000&posted=7', 'Remote jobs, from $120,000 a year, posted in the last 7 days'],
    ['salary=stated&posted=1', 'Remote jobs, with a stated salary, posted today'],
    ['workplace=onsite&status=closed', 'Closed on-site jobs'],
    ['country=US&page=4&sort=salary', 'Remote jobs open to United States of America'],
  ])('describes %s as "%s"', (params, text) => {
    expect(describeJobQuery(parse(params))).toBe(text);
  });
});

describe('formatUtcOffset', () => {
  it.each([
    [0, 'UTC'],
    [1, 'UTC+1'],
    [-3, 'UTC-3'],
    [5.5, 'UTC+5:30'],
    [5.75, 'UTC+5:45'],
    [-9.5, 'UTC-9:30'],
  ])('formats %s as %s', (hours, text) => {
    expect(formatUtcOffset(hours)).toBe(text);
  });
});
