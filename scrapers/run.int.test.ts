import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Database } from '../lib/db/client';
import { env } from '../lib/env';
import { loadJobSummaries } from '../lib/search/results';
import { resetDatabase } from '../tests/db';
import { manyJobs, startGreenhouseServer, type GreenhouseServer } from '../tests/greenhouse-server';
import { HttpClient } from './http';
import { scrapeMany, scrapeSource, type ScrapeProgress } from './run';

let server: GreenhouseServer;
let database: Database;
let http: HttpClient;

beforeAll(async () => {
  // Before anything reads the environment: the adapters send Greenhouse requests to this server.
  server = await startGreenhouseServer();
  process.env.ELSEWHERE_ORIGIN_GREENHOUSE = server.origin;
  database = await resetDatabase();
  expect(env().originOverrides['greenhouse']).toBe(server.origin);
  http = new HttpClient({
    allowPrivateHosts: true,
    maxRequestRetries: 1,
    retryBaseDelayMs: 5,
    maxRetryDelayMs: 10,
  });
});

afterAll(async () => {
  await http?.close();
  await server?.close();
  await closeDatabase();
});

beforeEach(async () => {
  await resetDatabase();
});

async function addSource(
  token: string,
  company = { slug: 'test-co', name: 'Test Co' },
  intervalMinutes = 360,
) {
  const [existing] = await database.sql<
    { id: string }[]
  >`select id from companies where slug = ${company.slug}`;
  const companyId =
    existing?.id ??
    (
      await database.sql<{ id: string }[]>`
        insert into companies (slug, name) values (${company.slug}, ${company.name}) returning id`
    )[0]!.id;
  const [source] = await database.sql<{ id: string }[]>`
    insert into sources (company_id, kind, token, interval_minutes)
    values (${companyId}, 'greenhouse', ${token}, ${intervalMinutes}) returning id`;
  return Number(source!.id);
}

interface JobRow {
  id: string;
  external_id: string;
  public_id: string;
  slug: string;
  title: string;
  workplace: string;
  countries: string[];
  tags: string[];
  apply_url: string;
  closed_at: Date | null;
  duplicate_of_id: string | null;
  updated_at: Date;
  last_seen_at: Date;
  has_search: boolean;
}

// Timestamps come back as text (drizzle turns off postgres.js's parsers): compare them as Dates.
const asDate = (value: unknown) => (value === null ? null : new Date(value as string));

const jobsOf = async (sourceId: number): Promise<JobRow[]> =>
  (
    await database.sql`
      select id, external_id, public_id, slug, title, workplace, countries, tags, apply_url, closed_at,
        duplicate_of_id, updated_at, last_seen_at, search is not null as has_search
      from jobs where source_id = ${sourceId} order by external_id::int`
  ).map((row) => ({
    ...(row as unknown as JobRow),
    closed_at: asDate(row['closed_at']),
    updated_at: asDate(row['updated_at'])!,
    last_seen_at: asDate(row['last_seen_at'])!,
  }));

const sourceRow = async (sourceId: number) => {
  const [row] = await database.sql<
    {
      last_status: string;
      last_error: string | null;
      failure_streak: number;
      open_jobs: number;
      etag: string | null;
      content_hash: string | null;
      next_run_at: string;
      last_success_at: string | null;
    }[]
  >`select * from sources where id = ${sourceId}`;
  return { ...row!, next_run_at: new Date(row!.next_run_at), last_success_at: asDate(row!.last_success_at) };
};

const runsOf = (sourceId: number) =>
  database.sql<
    {
      status: string;
      seen_count: number;
      new_count: number;
      closed_count: number;
      http_status: number | null;
      error: string | null;
      requests: number;
      duration_ms: number | null;
    }[]
  >`select * from scrape_runs where source_id = ${sourceId} order by id`;

const clockAt = (iso: string) => () => new Date(iso);

describe('scrapeSource', () => {
  it('stores a new board with normalized fields, a run and the source state', async () => {
    const sourceId = await addSource('acme');
    server.setBoard('acme', [
      { id: 1, title: 'Senior Backend Engineer', location: 'Remote - US' },
      { id: 2, title: 'Product Designer', location: 'Remote (EMEA)', department: 'Design' },
      { id: 3, title: 'Office Manager', location: 'Berlin, Germany', department: 'Operations' },
    ]);

    const run = await scrapeSource({ database, http }, sourceId);

    expect(run).toMatchObject({
      status: 'ok',
      seen: 3,
      new: 3,
      updated: 0,
      closed: 0,
      httpStatus: 200,
      requests: 1,
    });
    const jobs = await jobsOf(sourceId);
    expect(jobs).toHaveLength(3);
    expect(jobs[0]).toMatchObject({
      title: 'Senior Backend Engineer',
      workplace: 'remote',
      countries: ['US'],
      apply_url: 'https://boards.greenhouse.io/acme/jobs/1',
      slug: 'senior-backend-engineer-test-co',
      has_search: true,
      closed_at: null,
    });
    expect(jobs[0]!.tags).toEqual(expect.arrayContaining(['typescript', 'postgres']));
    expect(jobs[2]!.workplace).toBe('onsite');
    for (const job of jobs) expect(job.public_id).toMatch(/^[a-z2-7]{8}$/);

    const source = await sourceRow(sourceId);
    expect(source).toMatchObject({ last_status: 'ok', failure_streak: 0, open_jobs: 3, last_error: null });
    expect(source.etag).toMatch(/^"/);
    expect(source.next_run_at.getTime() - Date.now()).toBeGreaterThan(5.3 * 3_600_000);
    const [recorded] = await runsOf(sourceId);
    expect(recorded).toMatchObject({
      status: 'ok',
      seen_count: 3,
      new_count: 3,
      http_status: 200,
      requests: 1,
    });
    expect(recorded!.duration_ms).not.toBeNull();
  });

  it('finds the stored jobs by full-text search on title, company and description', async () => {
    const sourceId = await addSource('acme');
    server.setBoard('acme', [
      { id: 1, title: 'Data Engineers', content: '<p>We ship Kubernetes operators.</p>' },
    ]);
    await scrapeSource({ database, http }, sourceId);
    const hits = async (query: string) =>
      (
        await database.sql`
          select id from jobs where search @@ websearch_to_tsquery('english', ${query})`
      ).length;
    expect(await hits('data engineer')).toBe(1);
    expect(await hits('test co')).toBe(1);
    expect(await hits('operator')).toBe(1);
    expect(await hits('designer')).toBe(0);
  });

  it('answers an unchanged board with not_modified and writes no job', async () => {
    const sourceId = await addSource('acme');
    server.setBoard('acme', manyJobs(4));
    await scrapeSource({ database, http, now: clockAt('2025-01-01T00:00:00Z') }, sourceId);
    // One job closes (3 of 4 is a plausible shrink), so the board's state differs from its first fetch.
    server.setBoard('acme', manyJobs(3));
    await scrapeSource({ database, http, now: clockAt('2025-01-01T03:00:00Z') }, sourceId);
    const before = await jobsOf(sourceId);

    const run = await scrapeSource({ database, http, now: clockAt('2025-01-01T06:00:00Z') }, sourceId);

    expect(run).toMatchObject({ status: 'not_modified', httpStatus: 304, seen: 0, new: 0, closed: 0 });
    // No job row is written, "last seen" included ...
    expect(await jobsOf(sourceId)).toEqual(before);
    expect((await sourceRow(sourceId)).last_status).toBe('not_modified');
    // ... yet the listings read as seen at 06:00, except the closed one.
    const summaries = await loadJobSummaries(
      database,
      before.map((job) => Number(job.id)),
    );
    expect(summaries.map((job) => [job.title, job.lastSeenAt])).toEqual([
      [expect.stringMatching(/ 1$/), '2025-01-01T06:00:00.000Z'],
      [expect.stringMatching(/ 2$/), '2025-01-01T06:00:00.000Z'],
      [expect.stringMatching(/ 3$/), '2025-01-01T06:00:00.000Z'],
      [expect.stringMatching(/ 4$/), '2025-01-01T00:00:00.000Z'],
    ]);
  });

  it('keeps the last sighting of a job that closes after unchanged runs', async () => {
    const sourceId = await addSource('acme');
    server.setBoard('acme', manyJobs(4));
    await scrapeSource({ database, http, now: clockAt('2025-01-01T00:00:00Z') }, sourceId);
    await scrapeSource({ database, http, now: clockAt('2025-01-01T06:00:00Z') }, sourceId);
    server.setBoard('acme', manyJobs(3));

    const run = await scrapeSource({ database, http, now: clockAt('2025-01-01T12:00:00Z') }, sourceId);

    expect(run).toMatchObject({ status: 'ok', closed: 1 });
    const jobs = await jobsOf(sourceId);
    const summaries = await loadJobSummaries(
      database,
      jobs.map((job) => Number(job.id)),
    );
    // Job 4 was last listed by the unchanged board at 06:00, not at its first sighting.
    expect(summaries.map((job) => job.lastSeenAt)).toEqual([
      '2025-01-01T12:00:00.000Z',
      '2025-01-01T12:00:00.000Z',
      '2025-01-01T12:00:00.000Z',
      '2025-01-01T06:00:00.000Z',
    ]);
  });

  it('updates only the postings whose content changed', async () => {
    const sourceId = await addSource('acme');
    server.setBoard('acme', manyJobs(4));
    await scrapeSource({ database, http }, sourceId);
    const jobs = manyJobs(4);
    jobs[1] = { ...jobs[1]!, title: 'Staff Engineer 2' };
    server.setBoard('acme', jobs);

    const run = await scrapeSource({ database, http }, sourceId);

    expect(run).toMatchObject({ status: 'ok', seen: 4, new: 0, updated: 1, closed: 0 });
    const stored = await jobsOf(sourceId);
    expect(stored[1]!.title).toBe('Staff Engineer 2');
    // Identity never follows the title.
    expect(stored[1]!.slug).toBe('engineer-2-test-co');
  });

  it('closes a posting missing from a plausible fetch and reopens it with the same identity', async () => {
    const sourceId = await addSource('acme');
    server.setBoard('acme', manyJobs(5));
    await scrapeSource({ database, http }, sourceId);
    const [first] = await jobsOf(sourceId);

    server.setBoard('acme', manyJobs(4, 2));
    const closing = await scrapeSource({ database, http }, sourceId);
    expect(closing).toMatchObject({ status: 'ok', seen: 4, closed: 1, new: 0 });
    const closed = (await jobsOf(sourceId))[0]!;
    expect(closed.closed_at).not.toBeNull();
    expect((await sourceRow(sourceId)).open_jobs).toBe(4);

    server.setBoard('acme', manyJobs(5));
    const reopening = await scrapeSource({ database, http }, sourceId);
    expect(reopening).toMatchObject({ status: 'ok', seen: 5, new: 0, reopened: 1, closed: 0 });
    const reopened = (await jobsOf(sourceId))[0]!;
    expect(reopened).toMatchObject({
      id: first!.id,
      public_id: first!.public_id,
      slug: first!.slug,
      closed_at: null,
    });
    expect(await jobsOf(sourceId)).toHaveLength(5);
  });

  it('records a failed fetch, closes nothing and backs off', async () => {
    const sourceId = await addSource('acme');
    server.setBoard('acme', manyJobs(3));
    await scrapeSource({ database, http }, sourceId);
    const validators = await sourceRow(sourceId);
    server.setBoard('acme', manyJobs(3), { failWith: 500 });

    const run = await scrapeSource({ database, http }, sourceId);
    expect(run).toMatchObject({ status: 'failed', httpStatus: 500, seen: 0, closed: 0 });
    expect(run.error).toContain('greenhouse/acme');
    expect(run.error).toContain('/v1/boards/acme/jobs');
    expect(run.requests).toBeGreaterThanOrEqual(1);
    expect((await jobsOf(sourceId)).every((job) => job.closed_at === null)).toBe(true);

    const afterOne = await sourceRow(sourceId);
    expect(afterOne).toMatchObject({
      last_status: 'failed',
      failure_streak: 1,
      etag: validators.etag,
      open_jobs: 3,
    });
    expect(afterOne.last_success_at).toEqual(validators.last_success_at);
    // 6 h interval, first failure: 12 h (±10%).
    expect(afterOne.next_run_at.getTime() - Date.now()).toBeGreaterThan(10.7 * 3_600_000);

    await scrapeSource({ database, http }, sourceId);
    expect((await sourceRow(sourceId)).failure_streak).toBe(2);
    const runs = await runsOf(sourceId);
    expect(runs.map((r) => r.status)).toEqual(['ok', 'failed', 'failed']);
    expect(runs[1]!.http_status).toBe(500);
  });

  it('closes nothing when a board shrinks implausibly, and marks the run suspicious', async () => {
    const sourceId = await addSource('acme');
    server.setBoard('acme', manyJobs(10));
    await scrapeSource({ database, http }, sourceId);
    const before = await sourceRow(sourceId);

    server.setBoard('acme', manyJobs(1));
    const run = await scrapeSource({ database, http }, sourceId);

    expect(run).toMatchObject({ status: 'suspicious', seen: 1, closed: 0 });
    expect(run.error).toMatch(/shrank from 10 open jobs to 1/);
    expect((await jobsOf(sourceId)).filter((job) => job.closed_at === null)).toHaveLength(10);
    const after = await sourceRow(sourceId);
    expect(after).toMatchObject({ last_status: 'suspicious', open_jobs: 10, failure_streak: 0 });
    // Not remembered: the next run must download and judge the board again rather than skip it.
    expect(after.content_hash).toBe(before.content_hash);
    expect(after.etag).toBe(before.etag);

    const again = await scrapeSource({ database, http }, sourceId);
    expect(again.status).toBe('suspicious');
  });

  it('believes an emptied board after three suspicious runs over a day', async () => {
    const sourceId = await addSource('acme');
    server.setBoard('acme', manyJobs(2));
    await scrapeSource({ database, http, now: clockAt('2025-01-01T00:00:00Z') }, sourceId);
    server.setBoard('acme', []);
    const at = (iso: string) => scrapeSource({ database, http, now: clockAt(iso) }, sourceId);
    expect((await at('2025-01-01T06:00:00Z')).status).toBe('suspicious');
    expect((await at('2025-01-01T12:00:00Z')).status).toBe('suspicious');
    expect((await at('2025-01-01T18:00:00Z')).status).toBe('suspicious');
    const accepted = await at('2025-01-02T06:00:00Z');
    expect(accepted).toMatchObject({ status: 'ok', closed: 2 });
    expect((await sourceRow(sourceId)).open_jobs).toBe(0);
  });

  it('skips postings without a usable apply URL and says so', async () => {
    const sourceId = await addSource('acme');
    server.setBoard('acme', [...manyJobs(2), { id: 3, title: 'Broken', url: 'javascript:alert(1)' }]);
    const run = await scrapeSource({ database, http }, sourceId);
    expect(run).toMatchObject({ status: 'ok', seen: 2, new: 2, skipped: 1 });
    expect(run.error).toMatch(/skipped 1 posting: Posting "3" has no valid http\(s\) apply URL/);
  });

  it('fails a response of the wrong shape with the path of the bad field', async () => {
    const sourceId = await addSource('acme');
    server.setBoard('acme', manyJobs(2));
    await scrapeSource({ database, http }, sourceId);
    server.setBoard('acme', [{ id: 1, title: 'x' }]);
    // A payload without a string title: Greenhouse changed its shape.
    server.setBoard('acme', [{ id: 1, title: 42 as unknown as string }]);
    const run = await scrapeSource({ database, http }, sourceId);
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/jobs\.0\.title/);
    expect((await jobsOf(sourceId)).every((job) => job.closed_at === null)).toBe(true);
  });

  it('makes the same job on two sources of a company one listing, and promotes the duplicate when the listing closes', async () => {
    const ats = await addSource('acme');
    const second = await addSource('acme-eu');
    server.setBoard('acme', [
      { id: 1, title: 'Senior Backend Engineer', location: 'Remote - US' },
      { id: 2, title: 'Designer', location: 'Remote - US' },
      { id: 3, title: 'Writer', location: 'Remote - US' },
    ]);
    server.setBoard('acme-eu', [{ id: 77, title: 'Sr. Backend Engineer (Remote)', location: 'Remote - US' }]);
    await scrapeSource({ database, http, now: clockAt('2025-01-01T00:00:00Z') }, ats);
    await scrapeSource({ database, http, now: clockAt('2025-01-01T01:00:00Z') }, second);

    const listing = (await jobsOf(ats))[0]!;
    const duplicate = (await jobsOf(second))[0]!;
    expect(listing.duplicate_of_id).toBeNull();
    expect(duplicate.duplicate_of_id).toBe(listing.id);

    server.setBoard('acme', [
      { id: 2, title: 'Designer', location: 'Remote - US' },
      { id: 3, title: 'Writer', location: 'Remote - US' },
    ]);
    await scrapeSource({ database, http, now: clockAt('2025-01-01T06:00:00Z') }, ats);
    expect((await jobsOf(ats))[0]!.closed_at).not.toBeNull();
    expect((await jobsOf(second))[0]!.duplicate_of_id).toBeNull();

    // The original comes back: the earliest seen is the listing again.
    server.setBoard('acme', [
      { id: 1, title: 'Senior Backend Engineer', location: 'Remote - US' },
      { id: 2, title: 'Designer', location: 'Remote - US' },
      { id: 3, title: 'Writer', location: 'Remote - US' },
    ]);
    await scrapeSource({ database, http, now: clockAt('2025-01-01T12:00:00Z') }, ats);
    expect((await jobsOf(second))[0]!.duplicate_of_id).toBe(listing.id);
  });

  it('never links postings of different companies', async () => {
    const a = await addSource('acme');
    const b = await addSource('globex', { slug: 'globex', name: 'Globex' });
    server.setBoard('acme', [{ id: 1, title: 'Backend Engineer' }]);
    server.setBoard('globex', [{ id: 1, title: 'Backend Engineer' }]);
    await scrapeSource({ database, http }, a);
    await scrapeSource({ database, http }, b);
    const [row] = await database.sql`select count(*)::int as n from jobs where duplicate_of_id is not null`;
    expect(row!.n).toBe(0);
  });
});

describe('scrapeMany', () => {
  it('scrapes several sources and reports progress and failures', async () => {
    const ids = [await addSource('one'), await addSource('two'), await addSource('three')];
    server.setBoard('one', manyJobs(2));
    server.setBoard('two', manyJobs(3));
    server.setBoard('three', [], { failWith: 503 });
    const events: ScrapeProgress[] = [];

    const summary = await scrapeMany({ database, http }, ids, {
      concurrency: 2,
      onProgress: (e) => events.push(e),
    });

    expect(summary).toMatchObject({ total: 3, seen: 5, new: 5, failures: 1 });
    const finished = events.filter((e) => e.event === 'finished');
    expect(finished.map((e) => e.done)).toEqual([1, 2, 3]);
    expect(finished.at(-1)).toMatchObject({ total: 3, seen: 5, new: 5, failures: 1 });
  });
});
