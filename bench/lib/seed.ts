/**
 * Seeds the benchmark database with synthetic boards through the production path: RawPosting ->
 * normalizePosting (in worker threads) -> upsertCompaniesWithSources + writeSourcePostings, one
 * write per board fetch, in time order. A marker row records the fingerprint of what was seeded, so
 * later runs with the same options reuse the database instead of seeding again.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { upsertCompaniesWithSources } from '../../lib/companies/upsert-company';
import type { Database } from '../../lib/db/client';
import { writeSourcePostings, type SourceForWrite } from '../../lib/jobs';
import type { NormalizedWrite } from './normalize-worker';
import { SYNTHETIC_VERSION, syntheticCompanies, writeTime, type SyntheticOptions } from './synthetic';

export interface SeedOptions extends SyntheticOptions {
  /** The instant the newest write happens at; searches count `posted` back from it. */
  reference: Date;
  /** Progress lines. */
  log: (line: string) => void;
}

export interface SeedSummary {
  /** Whether this run seeded (false: the database already held this fingerprint). */
  seeded: boolean;
  fingerprint: string;
  /** Postings written per second, when seeded. */
  postingsPerSecond: number | null;
  openListings: number;
  rows: number;
}

/** Identifies the data a seed produces: generator version and every option. */
export function seedFingerprint(options: SeedOptions): string {
  const { seed, listings, companies, sources, reference } = options;
  return createHash('sha256')
    .update(JSON.stringify([SYNTHETIC_VERSION, seed, listings, companies, sources, reference.toISOString()]))
    .digest('hex')
    .slice(0, 16);
}

/** Seed the database unless it already holds exactly this data. */
export async function ensureSeeded(database: Database, options: SeedOptions): Promise<SeedSummary> {
  const { sql } = database;
  const fingerprint = seedFingerprint(options);
  await sql`create table if not exists bench_seed (
    fingerprint text not null, seeded_at timestamptz not null default now())`;
  const [marker] = await sql<{ fingerprint: string }[]>`select fingerprint from bench_seed limit 1`;
  let seeded = false;
  let postingsPerSecond: number | null = null;
  if (marker?.fingerprint === fingerprint) {
    options.log(`reusing the seeded database (fingerprint ${fingerprint})`);
  } else {
    options.log(
      marker
        ? `the database holds another seed (${marker.fingerprint}): reseeding`
        : `seeding ${options.listings.toLocaleString('en-US')} listings (fingerprint ${fingerprint})`,
    );
    await sql`truncate table bench_seed, alert_deliveries, saved_searches, subscribers, scrape_runs, jobs,
      sources, companies restart identity cascade`;
    postingsPerSecond = await seed(database, options);
    await sql`analyze`;
    await sql`insert into bench_seed (fingerprint) values (${fingerprint})`;
    seeded = true;
  }
  const [counts] = await sql<{ open: number; rows: number }[]>`
    select count(*) filter (where closed_at is null and duplicate_of_id is null)::int as open, count(*)::int as rows
      from jobs`;
  return { seeded, fingerprint, postingsPerSecond, openListings: counts?.open ?? 0, rows: counts?.rows ?? 0 };
}

async function seed(database: Database, options: SeedOptions): Promise<number> {
  const synthetic: SyntheticOptions = {
    seed: options.seed,
    listings: options.listings,
    companies: options.companies,
    sources: options.sources,
  };
  const companies = syntheticCompanies(synthetic);
  const upserted = await upsertCompaniesWithSources(
    database,
    companies.map((company) => ({
      slug: company.slug,
      name: company.name,
      profileSource: 'bench (synthetic)',
      sources: [company.board, ...(company.careersPage ? [company.careersPage] : [])].map((source) => ({
        kind: source.kind,
        token: source.token,
        url: source.url,
      })),
    })),
  );
  const sourcesOf = (index: number) => {
    const company = companies[index]!;
    const { companyId, sourceIds } = upserted.companies[index]!;
    const source = (id: number, kind: string): SourceForWrite => ({
      id,
      companyId,
      companySlug: company.slug,
      companyName: company.name,
      kind,
    });
    return {
      board: source(sourceIds[0]!, company.board.kind),
      careersPage: company.careersPage ? source(sourceIds[1]!, company.careersPage.kind) : null,
    };
  };

  const totalPostings = companies.reduce((sum, company) => sum + company.openJobs + company.closedJobs, 0);
  const started = performance.now();
  let written = 0;
  let lastReport = started;
  const report = (force = false) => {
    const now = performance.now();
    if (!force && now - lastReport < 3000) return;
    lastReport = now;
    const rate = Math.round(written / ((now - started) / 1000));
    options.log(
      `seeding: ${written.toLocaleString('en-US')} / ${totalPostings.toLocaleString('en-US')} postings (${rate}/s)`,
    );
  };

  await forEachNormalizedCompany(synthetic, companies.length, async (companyIndex, writes) => {
    const sources = sourcesOf(companyIndex);
    for (const write of writes) {
      const source = write.source === 'board' ? sources.board : sources.careersPage!;
      await writeSourcePostings(database, source, write.postings, {
        now: writeTime(options.reference, write.daysAgo),
      });
    }
    // Distinct postings of the board (a posting is written once per fetch that lists it).
    written += companies[companyIndex]!.openJobs + companies[companyIndex]!.closedJobs;
    report();
  });
  report(true);
  return Math.round(written / ((performance.now() - started) / 1000));
}

/**
 * Normalize companies in worker threads (one per core) and hand each company's writes to `write`,
 * at most a few companies ahead of the writer so memory stays bounded.
 */
async function forEachNormalizedCompany(
  options: SyntheticOptions,
  count: number,
  write: (companyIndex: number, writes: NormalizedWrite[]) => Promise<void>,
): Promise<void> {
  const workers = Array.from(
    { length: Math.max(1, availableParallelism()) },
    () =>
      new Worker(new URL('../../scrapers/tsx-worker.mjs', import.meta.url), {
        workerData: { entry: new URL('./normalize-worker.ts', import.meta.url).href, options },
      }),
  );
  const ready: { companyIndex: number; writes: NormalizedWrite[] }[] = [];
  const idle: Worker[] = [];
  let next = 0;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const dispatch = (worker: Worker) => {
    if (next < count) worker.postMessage(next++);
  };
  for (const worker of workers) {
    worker.on('message', (result: { companyIndex: number; writes: NormalizedWrite[] }) => {
      ready.push(result);
      wake?.();
      // Keep at most a few companies waiting for the writer.
      if (ready.length < workers.length * 2) dispatch(worker);
      else idle.push(worker);
    });
    worker.on('error', (error) => {
      failure = error;
      wake?.();
    });
    dispatch(worker);
  }
  try {
    for (let done = 0; done < count; done++) {
      while (ready.length === 0 && failure === null) await new Promise<void>((resolve) => (wake = resolve));
      if (failure !== null) throw failure;
      const result = ready.shift()!;
      while (idle.length > 0 && next < count) dispatch(idle.pop()!);
      await write(result.companyIndex, result.writes);
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
