/**
 * The public API over a real database: every query parameter, validation, CORS, caching, rate
 * limiting, jobs by id and the company directory. Route handlers are called directly with Requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, getDatabase } from '@/lib/db/client';
import {
  apiErrorSchema,
  companyPageSchema,
  companyProfileSchema,
  jobSearchResultSchema,
  jobSummarySchema,
} from '@/lib/api/schemas';
import { posting, publicIdOf, seedCompany, seedPostings } from '@/lib/catalog/testing/seed';
import { resetDatabase } from '@/tests/db';
import { GET as getCompany } from './companies/[slug]/route';
import { GET as listCompanies } from './companies/route';
import { GET as getJob } from './jobs/[id]/route';
import { GET as searchJobs, OPTIONS as jobsOptions } from './jobs/route';
import { GET as openapi } from './openapi.json/route';

const DAY = 86_400_000;
let clients = 0;

/** A request from a fresh client address, so tests do not share a rate-limit bucket. */
function request(path: string, headers: Record<string, string> = {}): Request {
  clients++;
  return new Request(`http://localhost:3000${path}`, {
    headers: { 'x-forwarded-for': `10.1.${Math.floor(clients / 250)}.${(clients % 250) + 1}`, ...headers },
  });
}

const noContext = { params: Promise.resolve({}) } as never;

async function search(query: string) {
  const response = await searchJobs(request(`/api/v1/jobs?${query}`), noContext);
  expect(response.status, query).toBe(200);
  return jobSearchResultSchema.parse(await response.json());
}

async function titles(query: string): Promise<string[]> {
  return (await search(query)).jobs.map((job) => job.title);
}

beforeAll(async () => {
  const database = await resetDatabase();
  const now = new Date();
  const acme = await seedCompany(database, {
    slug: 'acme',
    name: 'Acme',
    region: 'worldwide',
    remotePolicy: 'fully-remote',
  });
  const globex = await seedCompany(database, {
    slug: 'globex',
    name: 'Globex',
    region: 'europe',
    remotePolicy: 'remote-first',
  });
  await seedCompany(database, {
    slug: 'initech',
    name: 'Initech',
    region: 'americas',
    remotePolicy: 'hybrid',
  });
  await seedPostings(
    database,
    acme,
    [
      posting({
        externalId: 'a1',
        title: 'Senior Rust Engineer',
        seniority: 'senior',
        tags: ['rust'],
        descriptionText: 'Write Rust services for our storage engine.',
        salary: {
          min: 150_000,
          max: 180_000,
          currency: 'USD',
          period: 'year',
          annualUsdMin: 150_000,
          annualUsdMax: 180_000,
        },
      }),
      posting({
        externalId: 'a2',
        title: 'Frontend Developer',
        worldwide: false,
        countries: ['CA', 'US'],
        timezone: { minUtcOffset: -8, maxUtcOffset: -5 },
        evidence: 'Remote - US or Canada',
        employmentType: 'contract',
        seniority: 'mid',
        tags: ['react', 'typescript'],
      }),
      posting({ externalId: 'a3', title: 'Old Go Engineer', tags: ['go'] }),
    ],
    now,
  );
  await seedPostings(
    database,
    globex,
    [
      posting({
        externalId: 'g1',
        title: 'Product Designer',
        worldwide: false,
        countries: ['DE', 'ES', 'FR', 'PT'],
        timezone: { minUtcOffset: 0, maxUtcOffset: 3 },
        category: 'design',
        seniority: 'junior',
        tags: ['figma'],
        salary: {
          min: 50_000,
          max: 60_000,
          currency: 'EUR',
          period: 'year',
          annualUsdMin: 54_000,
          annualUsdMax: 65_000,
        },
      }),
      posting({
        externalId: 'g2',
        title: 'Data Engineer',
        workplace: 'hybrid',
        worldwide: false,
        countries: ['PT'],
        category: 'data',
        employmentType: 'part-time',
        seniority: 'staff',
        tags: ['python'],
        salary: {
          min: 100_000,
          max: 100_000,
          currency: 'USD',
          period: 'year',
          annualUsdMin: 100_000,
          annualUsdMax: 100_000,
        },
      }),
    ],
    now,
  );
  // Ages for `posted` and `sort=newest`, and one closed job: seeding only, the writer is tested elsewhere.
  const age = async (title: string, days: number) =>
    database.sql`update jobs set first_seen_at = ${new Date(now.getTime() - days * DAY).toISOString()}::timestamptz where title = ${title}`;
  await age('Senior Rust Engineer', 2);
  await age('Frontend Developer', 10);
  await age('Product Designer', 40);
  await age('Old Go Engineer', 60);
  await database.sql`update jobs set closed_at = ${now.toISOString()}::timestamptz where title = 'Old Go Engineer'`;
});

afterAll(closeDatabase);

describe('GET /api/v1/jobs', () => {
  it('lists open remote jobs, newest first, in the documented shape without internal ids', async () => {
    const result = await search('');
    expect(result.jobs.map((job) => job.title)).toEqual([
      'Senior Rust Engineer',
      'Frontend Developer',
      'Product Designer',
    ]);
    expect(result).toMatchObject({ total: 3, page: 1, perPage: 20 });
    expect(result).not.toHaveProperty('internalIds');
    const rust = result.jobs[0]!;
    expect(rust.url).toBe(`http://localhost:3000/jobs/${rust.slug}`);
    expect(rust.company).toEqual({ slug: 'acme', name: 'Acme' });
    expect(rust.sources).toEqual([{ kind: 'greenhouse', url: 'https://boards.example/jobs/a1' }]);
  });

  it.each([
    ['q=rust', ['Senior Rust Engineer']],
    ['q=storage', ['Senior Rust Engineer']],
    ['country=PT', ['Senior Rust Engineer', 'Product Designer']],
    ['country=us', ['Senior Rust Engineer', 'Frontend Developer']],
    ['tz=-6', ['Senior Rust Engineer', 'Frontend Developer']],
    ['tz=2', ['Senior Rust Engineer', 'Product Designer']],
    ['workplace=hybrid', ['Data Engineer']],
    [
      'workplace=remote,hybrid',
      ['Data Engineer', 'Senior Rust Engineer', 'Frontend Developer', 'Product Designer'],
    ],
    ['category=design', ['Product Designer']],
    [
      'category=engineering&category=design',
      ['Senior Rust Engineer', 'Frontend Developer', 'Product Designer'],
    ],
    ['type=contract', ['Frontend Developer']],
    ['seniority=senior,junior', ['Senior Rust Engineer', 'Product Designer']],
    ['company=globex', ['Product Designer']],
    ['company=globex&workplace=hybrid', ['Data Engineer']],
    ['tag=typescript', ['Frontend Developer']],
    ['tag=rust&tag=figma', ['Senior Rust Engineer', 'Product Designer']],
    ['salaryMin=120000', ['Senior Rust Engineer', 'Frontend Developer']],
    ['salaryMin=120000&salary=stated', ['Senior Rust Engineer']],
    ['salary=stated', ['Senior Rust Engineer', 'Product Designer']],
    ['posted=7', ['Senior Rust Engineer']],
    ['posted=30', ['Senior Rust Engineer', 'Frontend Developer']],
    ['sort=salary', ['Senior Rust Engineer', 'Product Designer', 'Frontend Developer']],
    ['sort=newest&q=engineer', ['Senior Rust Engineer']],
    ['perPage=2', ['Senior Rust Engineer', 'Frontend Developer']],
    ['perPage=2&page=2', ['Product Designer']],
    ['status=closed', ['Old Go Engineer']],
  ])('answers %s', async (query, expected) => {
    expect(await titles(query)).toEqual(expected);
  });

  it('counts facets disjunctively', async () => {
    const { facets, total } = await search('category=design');
    expect(total).toBe(1);
    expect(facets.category).toEqual({ engineering: 2, design: 1 });
    expect(facets.company).toEqual({ globex: 1 });
  });

  it('links to the previous and next pages', async () => {
    const response = await searchJobs(request('/api/v1/jobs?perPage=1&page=2'), noContext);
    const link = response.headers.get('link') ?? '';
    expect(link).toContain('<http://localhost:3000/api/v1/jobs?perPage=1>; rel="prev"');
    expect(link).toContain('<http://localhost:3000/api/v1/jobs?page=3&perPage=1>; rel="next"');
  });

  it.each([
    ['country=ZZ', 'country'],
    ['tz=99', 'tz'],
    ['workplace=moon', 'workplace'],
    ['category=astrology', 'category'],
    ['type=gig', 'type'],
    ['seniority=wizard', 'seniority'],
    ['company=Not%20A%20Slug', 'company'],
    ['tag=notatag', 'tag'],
    ['salaryMin=-1', 'salaryMin'],
    ['salary=maybe', 'salary'],
    ['posted=3', 'posted'],
    ['sort=random', 'sort'],
    ['page=0', 'page'],
    ['perPage=500', 'perPage'],
    ['status=deleted', 'status'],
    [`q=${'x'.repeat(201)}`, 'q'],
  ])('rejects %s with a 400 naming %s', async (query, parameter) => {
    const response = await searchJobs(request(`/api/v1/jobs?${query}`), noContext);
    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = apiErrorSchema.parse(await response.json());
    expect(body.error.parameter).toBe(parameter);
    expect(body.error.message).toContain(parameter);
  });

  it('lists the allowed values of an enumerated parameter, and every invalid parameter', async () => {
    const response = await searchJobs(request('/api/v1/jobs?category=astrology&sort=random'), noContext);
    const body = apiErrorSchema.parse(await response.json());
    expect(body.error.allowed).toContain('engineering');
    expect(body.errors?.map((error) => error.parameter).sort()).toEqual(['category', 'sort']);
  });
});

describe('HTTP behaviour', () => {
  it('opens CORS for GET and answers preflights', async () => {
    const response = await searchJobs(request('/api/v1/jobs'), noContext);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toContain('ETag');
    const preflight = jobsOptions();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('If-None-Match');
  });

  it('sends a weak ETag and Cache-Control, and 304 when the client has the current body', async () => {
    const first = await searchJobs(request('/api/v1/jobs?q=rust'), noContext);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300');
    const again = await searchJobs(request('/api/v1/jobs?q=rust', { 'if-none-match': etag! }), noContext);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    const other = await searchJobs(request('/api/v1/jobs?q=designer', { 'if-none-match': etag! }), noContext);
    expect(other.status).toBe(200);
  });

  it('answers 429 with Retry-After once a client has used its burst', async () => {
    const client = { 'x-forwarded-for': '192.0.2.77' };
    const statuses: number[] = [];
    let last: Response | null = null;
    // 60 at once are fine; tokens come back at 2 a second, so a few more may pass while looping.
    while (statuses.length < 80 && last?.status !== 429) {
      last = await openapi(
        new Request('http://localhost:3000/api/v1/openapi.json', { headers: client }),
        noContext,
      );
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 60).every((status) => status === 200)).toBe(true);
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(last!.headers.get('ratelimit-remaining')).toBe('0');
    expect(apiErrorSchema.parse(await last!.json()).error.message).toMatch(/Too many requests/);
    // Another client is unaffected.
    const other = await openapi(request('/api/v1/openapi.json'), noContext);
    expect(other.status).toBe(200);
  });
});

describe('GET /api/v1/jobs/:id', () => {
  const byId = (id: string) => getJob(request(`/api/v1/jobs/${id}`), { params: Promise.resolve({ id }) });

  it('returns a job by public id, and by its page slug', async () => {
    const id = await publicIdOf(await getDatabase(), 'Frontend Developer');
    const response = await byId(id);
    expect(response.status).toBe(200);
    const job = jobSummarySchema.parse(await response.json());
    expect(job).toMatchObject({ id, title: 'Frontend Developer', countries: ['CA', 'US'], closedAt: null });
    const bySlug = jobSummarySchema.parse(await (await byId(job.slug)).json());
    expect(bySlug.id).toBe(id);
  });

  it('returns a closed job with 200 and closedAt', async () => {
    const id = await publicIdOf(await getDatabase(), 'Old Go Engineer');
    const response = await byId(id);
    expect(response.status).toBe(200);
    expect(jobSummarySchema.parse(await response.json()).closedAt).not.toBeNull();
  });

  it('answers 404 JSON for an unknown id', async () => {
    for (const id of ['zzzzzzzz', 'not a job!']) {
      const response = await byId(id);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(apiErrorSchema.parse(await response.json()).error.message).toContain(id);
    }
  });
});

describe('GET /api/v1/companies', () => {
  const list = async (query: string) => {
    const response = await listCompanies(request(`/api/v1/companies?${query}`), noContext);
    expect(response.status, query).toBe(200);
    return companyPageSchema.parse(await response.json());
  };

  it('lists companies by name with their open job counts', async () => {
    const page = await list('');
    expect(page.companies.map((company) => [company.slug, company.openJobs])).toEqual([
      ['acme', 2],
      ['globex', 2],
      ['initech', 0],
    ]);
    expect(page.companies[0]!.url).toBe('http://localhost:3000/companies/acme');
  });

  it.each([
    ['hiring=true', ['acme', 'globex']],
    ['hiring=false', ['initech']],
    ['region=europe', ['globex']],
    ['region=europe,americas', ['globex', 'initech']],
    ['remotePolicy=fully-remote', ['acme']],
    ['q=GLOB', ['globex']],
    ['q=%25', []],
    ['perPage=1&page=2', ['globex']],
  ])('answers %s', async (query, expected) => {
    expect((await list(query)).companies.map((company) => company.slug)).toEqual(expected);
  });

  it.each([
    ['region=mars', 'region'],
    ['remotePolicy=office', 'remotePolicy'],
    ['hiring=maybe', 'hiring'],
    ['perPage=0', 'perPage'],
  ])('rejects %s with a 400 naming %s', async (query, parameter) => {
    const response = await listCompanies(request(`/api/v1/companies?${query}`), noContext);
    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(await response.json()).error.parameter).toBe(parameter);
  });
});

describe('GET /api/v1/companies/:slug', () => {
  const bySlug = (slug: string) =>
    getCompany(request(`/api/v1/companies/${slug}`), { params: Promise.resolve({ slug }) });

  it('returns the profile, open job count and sources with their health', async () => {
    const response = await bySlug('globex');
    expect(response.status).toBe(200);
    const company = companyProfileSchema.parse(await response.json());
    expect(company).toMatchObject({ slug: 'globex', name: 'Globex', region: 'europe', openJobs: 2 });
    expect(company.sources).toEqual([
      {
        kind: 'greenhouse',
        token: 'globex',
        url: null,
        openJobs: 2,
        health: {
          state: 'pending',
          lastStatus: null,
          lastRunAt: null,
          lastSuccessAt: null,
          nextRunAt: null,
          failureStreak: 0,
        },
      },
    ]);
  });

  it('answers 404 for an unknown company', async () => {
    const response = await bySlug('umbrella');
    expect(response.status).toBe(404);
    expect(apiErrorSchema.parse(await response.json()).error.message).toContain('umbrella');
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('serves an OpenAPI 3.1 document naming every endpoint', async () => {
    const response = await openapi(request('/api/v1/openapi.json'), noContext);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/jobs',
        '/api/v1/jobs/{id}',
        '/api/v1/companies',
        '/api/v1/companies/{slug}',
        '/feed.xml',
      ]),
    );
  });
});
