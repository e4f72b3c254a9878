/**
 * The contract every search engine honours: the same fixture, the same queries, the same answers.
 * Postgres always runs; Meilisearch runs when MEILI_URL and MEILI_MASTER_KEY point at a real
 * server (no server is faked: without one the suite says it skipped Meilisearch).
 *
 * The fixture is written through the one jobs writer (lib/jobs), one write per first-seen day, so
 * first_seen_at, the tsvector and duplicate links are exactly what production stores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, type Database } from '../db/client';
import { writeSourcePostings, type PostingToWrite } from '../jobs';
import { annualize } from '../normalize/salary';
import type { Category, EmploymentType, Salary, Seniority, Workplace } from '../normalize/types';
import { resetDatabase } from '../../tests/db';
import { createSearchEngine, type MeiliConnection, type SearchEngine, type SearchOptions } from './engine';
import { parseJobQuery } from './query';
import { onJobsChanged } from './sync';

const NOW = new Date('2026-03-02T12:00:00Z');
const DAY_MS = 86_400_000;
const EU = ['AT', 'BE', 'DE', 'ES', 'FR', 'IE', 'IT', 'NL', 'PL', 'PT'];

interface FixtureJob {
  key: string;
  company: 'acme' | 'globex' | 'initech' | 'umbrella';
  /** Second source of the company (the duplicate's). */
  board?: 'careers';
  title: string;
  description: string;
  workplace: Workplace;
  worldwide?: boolean;
  countries?: string[];
  tz?: [number, number];
  category: Category;
  type: EmploymentType | null;
  seniority: Seniority | null;
  tags: string[];
  salary?: Salary;
  daysAgo: number;
  closed?: boolean;
}

const usd = (min: number, max: number) => annualize({ min, max, currency: 'USD', period: 'year' });

const JOBS: FixtureJob[] = [
  {
    key: 'k8s',
    company: 'acme',
    title: 'Senior Platform Engineer (Kubernetes)',
    description: 'Run our Kubernetes clusters on AWS and write Go operators.',
    workplace: 'remote',
    worldwide: true,
    category: 'devops',
    type: 'full-time',
    seniority: 'senior',
    tags: ['aws', 'go', 'kubernetes'],
    salary: usd(150_000, 180_000),
    daysAgo: 1,
  },
  {
    key: 'pg',
    company: 'acme',
    title: 'Backend Engineer, PostgreSQL',
    description: 'Design schemas and write services in Rust on top of PostgreSQL.',
    workplace: 'remote',
    countries: EU,
    tz: [0, 3],
    category: 'engineering',
    type: 'full-time',
    seniority: 'mid',
    tags: ['postgres', 'rust'],
    salary: annualize({ min: 70_000, max: 90_000, currency: 'EUR', period: 'year' }),
    daysAgo: 3,
  },
  {
    key: 'ts',
    company: 'globex',
    title: 'Frontend Developer (TypeScript/React)',
    description: 'Build our web app with TypeScript and React.',
    workplace: 'remote',
    countries: ['US'],
    tz: [-8, -5],
    category: 'engineering',
    type: 'contract',
    seniority: 'junior',
    tags: ['react', 'typescript'],
    daysAgo: 10,
  },
  {
    key: 'design',
    company: 'globex',
    title: 'Product Designer',
    description: 'Own the design system in Figma.',
    workplace: 'remote',
    worldwide: true,
    category: 'design',
    type: 'full-time',
    seniority: 'senior',
    tags: ['figma'],
    salary: usd(90_000, 110_000),
    daysAgo: 20,
  },
  {
    key: 'hybrid',
    company: 'initech',
    title: 'Senior Rust Engineer',
    description: 'Two days a week in our Lisbon office, writing Rust.',
    workplace: 'hybrid',
    countries: ['PT'],
    category: 'engineering',
    type: 'full-time',
    seniority: 'senior',
    tags: ['rust'],
    salary: usd(130_000, 160_000),
    daysAgo: 2,
  },
  {
    key: 'onsite',
    company: 'initech',
    title: 'Data Analyst',
    description: 'Dashboards in SQL and Python, at our Austin office.',
    workplace: 'onsite',
    countries: ['US'],
    category: 'data',
    type: 'part-time',
    seniority: 'junior',
    tags: ['python', 'sql'],
    daysAgo: 40,
  },
  {
    key: 'closed',
    company: 'acme',
    title: 'Senior Go Engineer',
    description: 'Go services.',
    workplace: 'remote',
    worldwide: true,
    category: 'engineering',
    type: 'full-time',
    seniority: 'senior',
    tags: ['go'],
    daysAgo: 5,
    closed: true,
  },
  {
    key: 'security',
    company: 'umbrella',
    title: 'Staff Security Engineer',
    description: 'Threat modelling and incident response for our AWS estate.',
    workplace: 'remote',
    worldwide: true,
    tz: [-3, 3],
    category: 'security',
    type: 'full-time',
    seniority: 'staff',
    tags: ['aws'],
    // Stated, in a currency the rate table does not know: no annual USD figure.
    salary: {
      min: 5_000_000,
      max: 6_000_000,
      currency: 'ZZZ',
      period: 'year',
      annualUsdMin: null,
      annualUsdMax: null,
    },
    daysAgo: 6,
  },
  {
    key: 'python',
    company: 'umbrella',
    title: 'Senior Python Developer',
    description: 'Django services for our claims platform.',
    workplace: 'remote',
    countries: ['CA', 'US'],
    tz: [-8, -4],
    category: 'engineering',
    type: 'full-time',
    seniority: 'senior',
    tags: ['django', 'python'],
    salary: usd(100_000, 120_000),
    daysAgo: 15,
  },
  {
    // The k8s job again on acme's careers page, seen later: a duplicate, never a listing of its own.
    key: 'k8s-again',
    company: 'acme',
    board: 'careers',
    title: 'Senior Platform Engineer (Kubernetes)',
    description: 'Run our Kubernetes clusters on AWS and write Go operators.',
    workplace: 'remote',
    worldwide: true,
    category: 'devops',
    type: 'full-time',
    seniority: 'senior',
    tags: ['aws', 'go', 'kubernetes'],
    salary: usd(150_000, 180_000),
    daysAgo: 0.5,
  },
];

function toPosting(job: FixtureJob): PostingToWrite {
  return {
    externalId: job.key,
    title: job.title,
    companySlug: job.company,
    applyUrl: `https://jobs.example.com/${job.company}/${job.key}`,
    locationText: job.worldwide ? 'Remote' : (job.countries ?? []).join(', '),
    employmentType: job.type,
    seniority: job.seniority,
    category: job.category,
    tags: job.tags,
    salary: job.salary ?? null,
    descriptionHtml: `<p>${job.description}</p>`,
    descriptionText: job.description,
    postedAt: null,
    sourceKind: job.board ? 'jsonld' : 'greenhouse',
    workplace: job.workplace,
    worldwide: job.worldwide ?? false,
    countries: job.countries ?? [],
    timezone: job.tz ? { minUtcOffset: job.tz[0], maxUtcOffset: job.tz[1] } : null,
    evidence: null,
    raw: { key: job.key },
  };
}

/** Seed through the writer: each source's list grows job by job, oldest first, each at its own time. */
async function seed(database: Database): Promise<Map<string, number>> {
  const { sql } = database;
  const sources = new Map<
    string,
    { id: number; companyId: number; companySlug: string; companyName: string; kind: string }
  >();
  for (const job of JOBS) {
    const key = `${job.company}/${job.board ?? 'ats'}`;
    if (sources.has(key)) continue;
    const [company] = await sql<{ id: string }[]>`
      insert into companies (slug, name) values (${job.company}, ${job.company[0]!.toUpperCase() + job.company.slice(1)})
      on conflict (slug) do update set name = excluded.name returning id`;
    const kind = job.board ? 'jsonld' : 'greenhouse';
    const [source] = await sql<{ id: string }[]>`
      insert into sources (company_id, kind, token, url)
      values (${company!.id}, ${kind}, ${job.board ? null : job.company}, ${job.board ? `https://${job.company}.example.com/careers` : null})
      returning id`;
    sources.set(key, {
      id: Number(source!.id),
      companyId: Number(company!.id),
      companySlug: job.company,
      companyName: job.company[0]!.toUpperCase() + job.company.slice(1),
      kind,
    });
  }
  const listed = new Map<string, PostingToWrite[]>();
  for (const job of [...JOBS].sort((a, b) => b.daysAgo - a.daysAgo)) {
    const key = `${job.company}/${job.board ?? 'ats'}`;
    const postings = [...(listed.get(key) ?? []), toPosting(job)];
    listed.set(key, postings);
    await writeSourcePostings(database, sources.get(key)!, postings, {
      now: new Date(NOW.getTime() - job.daysAgo * DAY_MS),
    });
  }
  // Closing takes several confirming scrapes in the writer; the fixture states the outcome directly.
  const closed = JOBS.filter((job) => job.closed).map((job) => job.key);
  await sql`update jobs set closed_at = ${NOW.toISOString()}::timestamptz where external_id = any(${sql.array(closed)}::text[])`;
  const rows = await sql<{ id: string; external_id: string }[]>`select id, external_id from jobs`;
  return new Map(rows.map((row) => [row.external_id, Number(row.id)]));
}

const meiliConnection: MeiliConnection | null =
  process.env.MEILI_URL && process.env.MEILI_MASTER_KEY
    ? {
        url: process.env.MEILI_URL,
        apiKey: process.env.MEILI_MASTER_KEY,
        indexUid: `elsewhere_contract_${process.pid}`,
      }
    : null;

function engineContract(makeEngine: (database: Database) => SearchEngine) {
  let database: Database;
  let engine: SearchEngine;
  let ids: Map<string, number>;

  beforeAll(async () => {
    database = await resetDatabase();
    ids = await seed(database);
    engine = makeEngine(database);
    await engine.rebuild();
  });
  afterAll(closeDatabase);

  /** Run a query given as URL parameters; the result's jobs as fixture keys, in order. */
  async function search(params: string, options: SearchOptions = {}) {
    const parsed = parseJobQuery(new URLSearchParams(params));
    if (!parsed.ok) throw new Error(`bad test query ${params}: ${JSON.stringify(parsed.errors)}`);
    const result = await engine.search(parsed.query, { now: NOW, ...options });
    const keyById = new Map([...ids].map(([key, id]) => [id, key]));
    return { ...result, keys: result.internalIds.map((id) => keyById.get(id)) };
  }
  const sorted = (keys: (string | undefined)[]) => [...keys].sort();

  it('lists open remote listings, newest first, by default', async () => {
    const result = await search('');
    expect(result.keys).toEqual(['k8s', 'pg', 'security', 'ts', 'python', 'design']);
    expect(result.total).toBe(6);
  });

  it('returns each job in the public shape, with its duplicate as a second source', async () => {
    const result = await search('q=kubernetes');
    const job = result.jobs[0]!;
    expect(job.title).toBe('Senior Platform Engineer (Kubernetes)');
    expect(job.company).toEqual({ slug: 'acme', name: 'Acme' });
    expect(job.slug.endsWith(`-${job.id}`)).toBe(true);
    expect(job.url).toMatch(new RegExp(`^https?://[^/]+/jobs/${job.slug}$`));
    expect(job.applyUrl).toBe('https://jobs.example.com/acme/k8s');
    expect(job.salary).toEqual({
      min: 150000,
      max: 180000,
      currency: 'USD',
      period: 'year',
      annualUsdMin: 150000,
      annualUsdMax: 180000,
    });
    expect(job.worldwide).toBe(true);
    expect(job.timezone).toBeNull();
    expect(job.tags).toEqual(['aws', 'go', 'kubernetes']);
    expect(job.firstSeenAt).toBe(new Date(NOW.getTime() - DAY_MS).toISOString());
    expect(job.closedAt).toBeNull();
    expect(job.sources).toEqual([
      { kind: 'greenhouse', url: 'https://jobs.example.com/acme/k8s' },
      { kind: 'jsonld', url: 'https://jobs.example.com/acme/k8s-again' },
    ]);
    expect(result.total).toBe(1);
  });

  it('matches full text in titles, tags, company names and descriptions', async () => {
    expect((await search('q=figma')).keys).toEqual(['design']);
    expect(sorted((await search('q=umbrella')).keys)).toEqual(['python', 'security']);
    expect((await search('q=django')).keys).toEqual(['python']);
    // Stemming: "operator" finds "operators".
    expect((await search('q=operator')).keys).toEqual(['k8s']);
  });

  it('honours quoted phrases and -exclusions', async () => {
    expect((await search('q="platform engineer"')).keys).toEqual(['k8s']);
    expect((await search('q="engineer platform"')).keys).toEqual([]);
    expect(sorted((await search('q=engineer -senior')).keys)).toEqual(['pg', 'security']);
  });

  it('tolerates typos in titles', async () => {
    expect((await search('q=kubernetis')).keys).toEqual(['k8s']);
    expect((await search('q=postgress')).keys).toEqual(['pg']);
  });

  it('matches a prefix of the last word', async () => {
    expect((await search('q=typescr')).keys).toEqual(['ts']);
    expect((await search('q=frontend devel')).keys).toEqual(['ts']);
  });

  it('ranks title matches first for relevance', async () => {
    const result = await search('q=aws');
    expect(sorted(result.keys)).toEqual(['k8s', 'security']);
    expect((await search('q=rust&workplace=remote,hybrid')).keys[0]).toBe('hybrid');
  });

  it('keeps worldwide and listed-country jobs for country=PT, hides US-only ones', async () => {
    expect(sorted((await search('country=PT')).keys)).toEqual(['design', 'k8s', 'pg', 'security']);
    expect(sorted((await search('country=us')).keys)).toEqual(['design', 'k8s', 'python', 'security', 'ts']);
  });

  it('keeps jobs whose time zone window contains tz, or that state none', async () => {
    expect(sorted((await search('tz=-6')).keys)).toEqual(['design', 'k8s', 'python', 'ts']);
    expect(sorted((await search('tz=2.5')).keys)).toEqual(['design', 'k8s', 'pg', 'security']);
  });

  it('shows hybrid and onsite jobs only when asked', async () => {
    expect((await search('workplace=hybrid')).keys).toEqual(['hybrid']);
    expect((await search('workplace=onsite')).keys).toEqual(['onsite']);
    expect((await search('workplace=remote&workplace=hybrid')).total).toBe(7);
    expect((await search('q=rust')).keys).toEqual(['pg']);
  });

  it('filters by category, type, seniority, company and tag (values of one filter OR-ed)', async () => {
    expect(sorted((await search('category=engineering')).keys)).toEqual(['pg', 'python', 'ts']);
    expect((await search('type=contract')).keys).toEqual(['ts']);
    expect(sorted((await search('seniority=senior')).keys)).toEqual(['design', 'k8s', 'python']);
    expect(sorted((await search('company=globex')).keys)).toEqual(['design', 'ts']);
    expect((await search('tag=go')).keys).toEqual(['k8s']);
    expect(sorted((await search('tag=go,rust')).keys)).toEqual(['k8s', 'pg']);
    expect(sorted((await search('category=engineering&seniority=senior')).keys)).toEqual(['python']);
  });

  it('applies salaryMin to the top of the range, keeping unstated salaries unless salary=stated', async () => {
    expect(sorted((await search('salaryMin=120000')).keys)).toEqual(['k8s', 'python', 'security', 'ts']);
    expect(sorted((await search('salaryMin=120000&salary=stated')).keys)).toEqual(['k8s', 'python']);
    expect(sorted((await search('salary=stated')).keys)).toEqual([
      'design',
      'k8s',
      'pg',
      'python',
      'security',
    ]);
  });

  it('filters by days since first seen', async () => {
    expect((await search('posted=7')).keys).toEqual(['k8s', 'pg', 'security']);
    expect((await search('posted=1')).keys).toEqual(['k8s']);
    expect((await search('posted=30')).total).toBe(6);
  });

  it('sorts by newest and by salary (unstated last)', async () => {
    expect((await search('sort=newest')).keys).toEqual(['k8s', 'pg', 'security', 'ts', 'python', 'design']);
    expect((await search('sort=salary')).keys).toEqual(['k8s', 'python', 'design', 'pg', 'security', 'ts']);
  });

  it('pages with a stable total', async () => {
    const second = await search('perPage=2&page=2');
    expect(second.keys).toEqual(['security', 'ts']);
    expect(second).toMatchObject({ total: 6, page: 2, perPage: 2 });
    expect((await search('perPage=2&page=4')).keys).toEqual([]);
    expect((await search('perPage=2&page=4')).total).toBe(6);
  });

  it('searches closed jobs with status=closed', async () => {
    const result = await search('status=closed');
    expect(result.keys).toEqual(['closed']);
    expect(result.jobs[0]!.closedAt).toBe(NOW.toISOString());
  });

  it('counts facets over open remote listings', async () => {
    const { facets } = await search('');
    expect(facets.category).toEqual({ engineering: 3, design: 1, devops: 1, security: 1 });
    expect(facets.type).toEqual({ 'full-time': 5, contract: 1 });
    expect(facets.seniority).toEqual({ senior: 3, junior: 1, mid: 1, staff: 1 });
    expect(facets.company).toEqual({ acme: 2, globex: 2, umbrella: 2 });
    expect(facets.tag).toEqual({
      aws: 2,
      django: 1,
      figma: 1,
      go: 1,
      kubernetes: 1,
      postgres: 1,
      python: 1,
      react: 1,
      rust: 1,
      typescript: 1,
    });
    // Disjunctive: the workplace facet ignores the (default) workplace filter.
    expect(facets.workplace).toEqual({ remote: 6, hybrid: 1, onsite: 1 });
  });

  it('counts each facet with every filter but its own', async () => {
    const { facets, total } = await search('category=engineering&seniority=senior');
    expect(total).toBe(1);
    expect(facets.category).toEqual({ design: 1, devops: 1, engineering: 1 });
    expect(facets.seniority).toEqual({ junior: 1, mid: 1, senior: 1 });
    expect(facets.company).toEqual({ umbrella: 1 });
    expect(facets.workplace).toEqual({ remote: 1, hybrid: 1 });
    const byText = await search('q=engineer');
    expect(byText.facets.category).toEqual({ devops: 1, engineering: 1, security: 1 });
  });

  it('keeps only jobs first seen after firstSeenAfter, or among jobIds', async () => {
    expect((await search('', { firstSeenAfter: new Date(NOW.getTime() - 4 * DAY_MS) })).keys).toEqual([
      'k8s',
      'pg',
    ]);
    expect((await search('', { jobIds: [ids.get('design')!, ids.get('hybrid')!] })).keys).toEqual(['design']);
    expect((await search('', { jobIds: [] })).total).toBe(0);
  });

  it('drops a job once it closes and the writer reports it', async () => {
    const id = ids.get('design')!;
    await database.sql`update jobs set closed_at = ${NOW.toISOString()}::timestamptz where id = ${id}`;
    await onJobsChanged(
      database,
      { sourceId: 0, changedJobIds: [], closedJobIds: [id] },
      {
        engine,
        log: (line) => {
          throw new Error(line);
        },
      },
    );
    expect((await search('q=figma')).keys).toEqual([]);
    expect((await search('status=closed')).total).toBe(2);
  });
}

describe('postgres engine', () => {
  engineContract((database) => createSearchEngine(database, null));
});

describe.skipIf(!meiliConnection)(
  meiliConnection
    ? 'meilisearch engine'
    : 'meilisearch engine (skipped: set MEILI_URL and MEILI_MASTER_KEY to run against a real server)',
  () => {
    engineContract((database) => createSearchEngine(database, meiliConnection));
  },
);
