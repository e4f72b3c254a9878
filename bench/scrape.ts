/**
 * `npm run bench:scrape`: scrape 1,000 sandbox boards (50,000 jobs, every source kind in turn) through
 * the real pipeline, then scrape them again unchanged.
 *
 * - The sandbox (`sandboxBoards`, fixed seed and date) runs as a child process on 127.0.0.1; adapters
 *   reach it through `ELSEWHERE_ORIGIN_<KIND>` overrides, as an operator would configure them.
 * - The real `HttpClient` with `perHostConcurrency: 2`: every request goes to the sandbox's one
 *   host, so at most 2 requests are in flight in total, the strictest reading of "2 per host".
 * - The real `scrapeMany` (fetch -> validate -> map -> normalize -> write -> record the run) with the
 *   worker's concurrency (4 sources at once), into its own embedded PostgreSQL (.data/bench-scrape),
 *   emptied before every run.
 * - The second pass changes nothing on the boards: conditional requests and body hashes should make
 *   every run `not_modified`.
 *
 *   npm run bench:scrape -- --boards 1000 --jobs-per-board 50 --concurrency 4
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import {
  count,
  loadAverage,
  ownCpuMs,
  postgresCpuMs,
  processCpuMs,
  progress,
  selectBenchDatabase,
} from './lib/harness';

const { values: args } = parseArgs({
  options: {
    boards: { type: 'string', default: '1000' },
    'jobs-per-board': { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '4' },
  },
});
const boardCount = Number(args.boards);
const jobsPerBoard = Number(args['jobs-per-board']);
const concurrency = Number(args.concurrency);

selectBenchDatabase('bench-scrape');
const log = progress('scrape');

// The sandbox first: its origin goes into the environment before lib/env reads it.
const sandboxProcess = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    new URL('./lib/sandbox-server.ts', import.meta.url).pathname,
    '--boards',
    String(boardCount),
    '--jobs-per-board',
    String(jobsPerBoard),
  ],
  { stdio: ['pipe', 'pipe', 'inherit'] },
);
const origin = await new Promise<string>((resolve, reject) => {
  const lines = createInterface({ input: sandboxProcess.stdout! });
  lines.once('line', (line) => resolve((JSON.parse(line) as { origin: string }).origin));
  sandboxProcess.once('exit', (code) => reject(new Error(`the sandbox exited with code ${code}`)));
});
log(`sandbox at ${origin}: ${count(boardCount)} boards x ${jobsPerBoard} jobs`);

const { sandboxOriginOverrides } = await import('../scrapers/sandbox/server');
Object.assign(process.env, sandboxOriginOverrides(origin));

const { closeDatabase, getDatabase } = await import('../lib/db/client');
const { runMigrations } = await import('../lib/db/migrate');
const { upsertCompaniesWithSources } = await import('../lib/companies/upsert-company');
const { sandboxBoards } = await import('../scrapers/sandbox/data');
const { sampleBoardSource } = await import('../scrapers/seed');
const { HttpClient } = await import('../scrapers/http');
const { configuredOrigins } = await import('../scrapers/origins');
const { env } = await import('../lib/env');
const { scrapeMany } = await import('../scrapers/run');
const { SANDBOX_NOW, SANDBOX_SEED } = await import('./lib/sandbox-boards');
const { figure, machineInfo, recordFigures, round } = await import('./lib/figures');
type ScrapeManySummary = Awaited<ReturnType<typeof scrapeMany>>;

const database = await getDatabase({ log });
const http = new HttpClient({
  perHostConcurrency: 2,
  allowedOrigins: configuredOrigins(env().originOverrides),
});
try {
  await runMigrations(database);
  await database.sql`truncate table alert_deliveries, saved_searches, subscribers, scrape_runs, jobs,
    sources, companies restart identity cascade`;

  const boards = sandboxBoards({
    origin,
    boards: boardCount,
    jobsPerBoard,
    seed: SANDBOX_SEED,
    now: SANDBOX_NOW,
  });
  const upserted = await upsertCompaniesWithSources(
    database,
    // Tokens are unique (`<company>-<n>`), so are the slugs.
    boards.map((board) => ({
      slug: `bench-${board.token}`
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/-$/, ''),
      name: board.companyName,
      profileSource: 'bench (sandbox)',
      sources: [sampleBoardSource(board)],
    })),
  );
  const sourceIds = upserted.companies.map((company) => company.sourceIds[0]!);
  await database.sql`analyze`;

  interface Pass {
    ms: number;
    summary: ScrapeManySummary;
    requests: number;
    /** CPU time of the scraper (this process), PostgreSQL and the sandbox during the pass, ms. */
    cpu: { scraper: number; postgres: number; sandbox: number };
  }
  const postmaster = database.embedded?.pid ?? 0;
  const cpuNow = () => ({
    scraper: ownCpuMs(),
    postgres: postgresCpuMs(postmaster),
    sandbox: processCpuMs(sandboxProcess.pid!),
  });
  const pass = async (label: string): Promise<Pass> => {
    log(`${label}: ${count(sourceIds.length)} sources, ${concurrency} at once (load ${loadAverage()})`);
    let lastReport = performance.now();
    const cpuBefore = cpuNow();
    const started = performance.now();
    const summary = await scrapeMany({ database, http }, sourceIds, {
      concurrency,
      onProgress: (p) => {
        if (p.event !== 'finished' || (performance.now() - lastReport < 5000 && p.done !== p.total)) return;
        lastReport = performance.now();
        log(
          `${label}: ${p.done}/${p.total} boards, ${count(p.seen)} jobs seen, ${count(p.new)} new, ` +
            `${p.failures} failures, ${round((performance.now() - started) / 1000)} s (load ${loadAverage()})`,
        );
      },
    });
    const ms = performance.now() - started;
    const cpuAfter = cpuNow();
    const cpu = {
      scraper: cpuAfter.scraper - cpuBefore.scraper,
      postgres: cpuAfter.postgres - cpuBefore.postgres,
      sandbox: cpuAfter.sandbox - cpuBefore.sandbox,
    };
    const requests = summary.runs.reduce((sum, run) => sum + run.requests, 0);
    const statuses = new Map<string, number>();
    for (const run of summary.runs) statuses.set(run.status, (statuses.get(run.status) ?? 0) + 1);
    log(
      `${label}: ${round(ms / 1000)} s, ${count(requests)} requests, ${count(summary.seen)} seen, ` +
        `${count(summary.new)} new, runs ${JSON.stringify(Object.fromEntries(statuses))}; CPU s: scraper ` +
        `${round(cpu.scraper / 1000)}, postgres ${round(cpu.postgres / 1000)}, sandbox ${round(cpu.sandbox / 1000)}`,
    );
    const failed = summary.runs.find((run) => run.status === 'failed' || run.status === 'suspicious');
    if (summary.failures > 0 || failed)
      throw new Error(`${label}: ${summary.failures} failures; first: ${failed?.label}: ${failed?.error}`);
    return { ms, summary, requests, cpu };
  };

  const first = await pass('first scrape');
  if (first.summary.new !== boardCount * jobsPerBoard)
    throw new Error(`expected ${boardCount * jobsPerBoard} new jobs, got ${first.summary.new}`);
  const again = await pass('re-scrape');
  const unchanged = again.summary.runs.filter((run) => run.status === 'not_modified').length;

  const [version] = await database.sql<{ v: string }[]>`select current_setting('server_version') as v`;
  await recordFigures(
    [
      figure('scrape.boards', boardCount, 'boards'),
      figure('scrape.jobs', first.summary.new, 'jobs'),
      figure('scrape.requests', first.requests, 'requests'),
      figure('scrape.first_run', round(first.ms / 1000, 1), 's', { atMost: 60 }),
      figure('scrape.jobs_per_second', Math.round(first.summary.new / (first.ms / 1000)), 'jobs/s'),
      figure('scrape.cpu_scraper', round(first.cpu.scraper / 1000, 1), 's'),
      figure('scrape.cpu_postgres', round(first.cpu.postgres / 1000, 1), 's'),
      figure('scrape.cpu_sandbox', round(first.cpu.sandbox / 1000, 1), 's'),
      figure('scrape.rescrape', round(again.ms / 1000, 2), 's'),
      figure('scrape.rescrape_ratio', round(again.ms / first.ms, 3), 'x first run', { atMost: 0.1 }),
      figure('scrape.rescrape_not_modified', unchanged, 'boards', { atLeast: boardCount }),
      figure('scrape.load_average', loadAverage(), 'load'),
    ],
    machineInfo(version?.v ?? 'unknown'),
  );
} finally {
  await http.close();
  await closeDatabase();
  sandboxProcess.stdin!.end();
  sandboxProcess.kill('SIGTERM');
}
