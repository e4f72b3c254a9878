/**
 * `npm run bench:ingest`: normalize + write 100,000 postings into an empty database, the way the
 * scrape pipeline does it (scrapers/run.ts, `scrapeMany`): a few boards in flight, each normalized in
 * the worker-thread pool (scrapers/normalize-pool.ts), then one `writePreparedPostings` per board.
 *
 * The postings are the synthetic boards of bench/lib/synthetic.ts (the search benchmark's generator:
 * titles, locations, salaries and 200-600 word descriptions drawn from the normalizer's vocabularies),
 * 2,000 companies with Zipf-sized boards adding up to exactly 100,000 open postings. Generating them is
 * not timed; normalizing and writing are, separately, and together they make the ingest rate.
 *
 * Uses its own embedded PostgreSQL (.data/bench-ingest), emptied before every run.
 *
 *   npm run bench:ingest -- --listings 100000 --companies 2000
 */
import { parseArgs } from 'node:util';
import os from 'node:os';
import type postgres from 'postgres';
import {
  count,
  loadAverage,
  ownCpuMs,
  perSecond,
  postgresCpuMs,
  processCpuMs,
  progress,
  Stopwatch,
  selectBenchDatabase,
} from './lib/harness';

const { values: args } = parseArgs({
  options: {
    listings: { type: 'string', default: '100000' },
    companies: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '20260101' },
    lanes: { type: 'string', default: '4' },
  },
});

selectBenchDatabase('bench-ingest');
const log = progress('ingest');

const { closeDatabase, getDatabase } = await import('../lib/db/client');
const { runMigrations } = await import('../lib/db/migrate');
const { upsertCompaniesWithSources } = await import('../lib/companies/upsert-company');
const { writePreparedPostings } = await import('../lib/jobs');
const { NormalizePool } = await import('../scrapers/normalize-pool');
const { companyWrites, syntheticCompanies } = await import('./lib/synthetic');
const { figure, machineInfo, recordFigures, round } = await import('./lib/figures');

const lanes = Number(args.lanes);
const options = {
  seed: Number(args.seed),
  listings: Number(args.listings),
  companies: Number(args.companies),
  sources: Number(args.companies),
};

const database = await getDatabase({ log });
try {
  await runMigrations(database);
  await database.sql`truncate table alert_deliveries, saved_searches, subscribers, scrape_runs, jobs,
    sources, companies restart identity cascade`;

  const companies = syntheticCompanies(options);
  const upserted = await upsertCompaniesWithSources(
    database,
    companies.map((company) => ({
      slug: company.slug,
      name: company.name,
      profileSource: 'bench (synthetic)',
      sources: [{ kind: company.board.kind, token: company.board.token, url: company.board.url }],
    })),
  );
  // The planner should see the tables as they are, as the running site's autovacuum would have it.
  await database.sql`analyze`;
  log(
    `${count(companies.length)} companies, ${count(options.listings)} postings to ingest (load ${loadAverage()})`,
  );

  // Generate every board's postings first: generating stands in for the network and is not timed.
  const boards = companies.map((company) => ({
    company,
    raws: companyWrites(options, company)
      .filter((write) => write.source === 'board')
      .at(-1)!.postings,
  }));
  log(
    `generated ${count(boards.reduce((sum, board) => sum + board.raws.length, 0))} postings; ingesting with ${lanes} lanes`,
  );

  const normalizing = new Stopwatch();
  const writing = new Stopwatch();
  let postings = 0;
  let inserted = 0;
  let lastReport = performance.now();
  let next = 0;
  const postmaster = database.embedded?.pid ?? 0;
  const cpuAtStart = { node: ownCpuMs(), postgres: postgresCpuMs(postmaster) };
  const started = performance.now();
  // Like scrapeMany: a few boards in flight, each normalized in the pool then written in its own
  // transaction, so one board's write overlaps the next ones' normalizing.
  const pool = new NormalizePool(NormalizePool.sizeForThisMachine());
  const lane = async () => {
    while (next < boards.length) {
      const { company, raws } = boards[next++]!;
      const context = {
        companySlug: company.slug,
        companyName: company.name,
        sourceKind: company.board.kind,
      };
      const { postings: normalized, skipReasons } = await normalizing.time(() =>
        pool.normalize(context, raws),
      );
      if (skipReasons.length > 0) throw new Error(`synthetic postings skipped: ${skipReasons[0]}`);
      const { companyId, sourceIds } = upserted.companies[company.index]!;
      const source = {
        id: sourceIds[0]!,
        companyId,
        companySlug: company.slug,
        companyName: company.name,
        kind: company.board.kind,
      };
      const result = await writing.time(() => writePreparedPostings(database, source, normalized));
      postings += raws.length;
      inserted += result.new;
      if (performance.now() - lastReport > 5000) {
        lastReport = performance.now();
        log(
          `${count(postings)} / ${count(options.listings)} postings, ${perSecond(postings, performance.now() - started)}/s ` +
            `(load ${loadAverage()})`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  await pool.close();
  const wallMs = performance.now() - started;
  // CPU time per posting does not depend on what else loads the machine, unlike the rates.
  const nodeCpuMs = (ownCpuMs() - cpuAtStart.node) / postings;
  const postgresCpuPerPosting = (postgresCpuMs(postmaster) - cpuAtStart.postgres) / postings;
  if (inserted !== postings)
    throw new Error(`expected ${postings} new jobs, the writer inserted ${inserted}`);

  log(
    `done: ${count(postings)} postings in ${round(wallMs / 1000)} s; in normalizePosting ${round(normalizing.totalMs / 1000)} s, ` +
      `in writePreparedPostings ${round(writing.totalMs / 1000)} s (summed over lanes)`,
  );
  const [version] = await database.sql<{ v: string }[]>`select current_setting('server_version') as v`;
  const searchVectorMs = await searchVectorCpuPerPosting(postings);
  log('timing Postgres storing the same rows again, everything precomputed');
  const storeMs = await storeCpuPerPosting(postings);
  // What Postgres alone allows, were normalizing free: storing a row, plus building its search vector.
  const postgresBound = Math.round((os.availableParallelism() * 1000) / (storeMs + searchVectorMs));
  await recordFigures(
    [
      figure('ingest.postings', postings, 'postings'),
      figure('ingest.rate', perSecond(postings, wallMs), 'postings/s', { atLeast: 5_000 }),
      figure('ingest.normalize_rate', perSecond(postings, normalizing.totalMs), 'postings/s'),
      // Per writer: postings over the time spent inside writePreparedPostings, summed over the lanes.
      figure('ingest.write_rate', perSecond(postings, writing.totalMs), 'postings/s'),
      figure('ingest.cpu_per_posting_node', round(nodeCpuMs, 3), 'ms'),
      figure('ingest.cpu_per_posting_postgres', round(postgresCpuPerPosting, 3), 'ms'),
      // What that CPU cost allows with every core free and perfect overlap: an upper bound.
      figure(
        'ingest.rate_cpu_bound',
        Math.round((os.availableParallelism() * 1000) / (nodeCpuMs + postgresCpuPerPosting)),
        'postings/s',
      ),
      // The one step no writer can skip: Postgres building the search vector (english stemming of the
      // title and the whole description), timed alone on the ingested rows, and the rate it alone allows.
      figure('ingest.search_vector_cpu_per_posting', round(searchVectorMs, 3), 'ms'),
      figure(
        'ingest.rate_search_vector_bound',
        Math.round((os.availableParallelism() * 1000) / searchVectorMs),
        'postings/s',
      ),
      // Postgres's own cost of storing a posting (heap, TOAST, WAL, every index of jobs), from rows
      // with every value already computed, and the rate Postgres alone allows with the search vector.
      figure('ingest.store_cpu_per_posting', round(storeMs, 3), 'ms'),
      figure('ingest.rate_postgres_bound', postgresBound, 'postings/s'),
      figure('ingest.load_average', loadAverage(), 'load'),
    ],
    machineInfo(version?.v ?? 'unknown'),
  );
} finally {
  await closeDatabase();
}

/**
 * CPU time (ms) of one Postgres backend running `work`, read from /proc: NaN when not measurable. Run
 * without parallel workers, whose CPU would go uncounted.
 */
async function oneBackendCpuMs(
  work: (connection: postgres.ReservedSql) => Promise<unknown>,
): Promise<number> {
  const connection = await database.sql.reserve();
  try {
    const [backend] = await connection<{ pid: number }[]>`select pg_backend_pid() as pid`;
    await connection`set max_parallel_workers_per_gather = 0`;
    const before = processCpuMs(backend!.pid);
    await work(connection);
    return processCpuMs(backend!.pid) - before;
  } finally {
    await connection`reset max_parallel_workers_per_gather`;
    connection.release();
  }
}

/**
 * CPU time (ms per posting) of one Postgres backend computing the writer's search vector expression
 * (lib/jobs/upsert-postings.ts) over every ingested row.
 */
async function searchVectorCpuPerPosting(postings: number): Promise<number> {
  const { SEARCH_DESCRIPTION_CHARS, SEARCH_TEXT_CONFIG } = await import('../lib/jobs/search-vector');
  const cpuMs = await oneBackendCpuMs(
    (connection) => connection`
      select sum(length(
        setweight(to_tsvector(${SEARCH_TEXT_CONFIG}::regconfig, j.title), 'A')
        || setweight(to_tsvector(${SEARCH_TEXT_CONFIG}::regconfig, c.name || ' ' || array_to_string(j.tags, ' ')), 'B')
        || setweight(to_tsvector(${SEARCH_TEXT_CONFIG}::regconfig, left(j.description_text, ${SEARCH_DESCRIPTION_CHARS}::int)), 'C')))
      from jobs j join companies c on c.id = j.company_id`,
  );
  return cpuMs / postings;
}

/**
 * CPU time (ms per posting) of one Postgres backend storing the ingested rows again, search vector
 * included, into an empty table shaped like jobs: same columns, storage, fillfactor, insert trigger
 * and every index. Nothing is computed, so this is what storing a posting costs Postgres whoever
 * writes it (reading the rows back included). The table is dropped afterwards.
 */
async function storeCpuPerPosting(postings: number): Promise<number> {
  const { sql } = database;
  await sql`drop table if exists bench_store_floor`;
  // LIKE copies neither the table's storage parameters nor its triggers: add jobs' own.
  await sql`create table bench_store_floor (like jobs including all) with (fillfactor = 50)`;
  await sql`create trigger bench_store_floor_stamp before insert on bench_store_floor
    for each row execute function jobs_stamp_search_change()`;
  try {
    const cpuMs = await oneBackendCpuMs(
      (connection) => connection`insert into bench_store_floor overriding system value select * from jobs`,
    );
    return cpuMs / postings;
  } finally {
    await sql`drop table bench_store_floor`;
  }
}
