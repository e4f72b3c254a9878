/**
 * `npm run bench:site`: the running site at 100,000 listings, measured from outside over HTTP.
 *
 * 1. Startup: `node bin/elsewhere.mjs start` (what `npm start` runs) on a fresh, empty data dir; the
 *    time from spawn to the first 200 on `/` (embedded PostgreSQL initialised, migrations, Next).
 * 2. On the search benchmark's database (.data/bench, seeded with the same deterministic synthetic
 *    boards; seeded here if it is not yet), a production server with its worker:
 *    - search page (`GET /?...`) and RSS feed (`GET /feed.xml?...`) p95 over a fixed query mix,
 *      one request at a time;
 *    - the API (`GET /api/v1/jobs?...`) under load: autocannon, 50 connections, 20 s, the query mix
 *      in turn; requests/s, p99 and errors. The server runs with ELSEWHERE_API_RATE_LIMIT=0: the
 *      benchmark measures the site, not the per-IP limit (which would answer most requests 429);
 *    - resident memory of the start process (site supervisor + worker) and its Next child after all
 *      of that.
 *
 * The production build is reused when current; while the servers run this holds /tmp/next-build.lock,
 * so no other build replaces .next under them. The bench database's sources are never due while the
 * server runs (their next run is moved a year ahead): the worker idles instead of reaching out to the
 * synthetic boards' hosts.
 *
 *   npm run bench:site -- --rounds 20 --duration 20 --connections 50
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { BENCH_DATA_ROOT, count, loadAverage, progress, selectBenchDatabase } from './lib/harness';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '20' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    listings: { type: 'string', default: '100000' },
    'skip-startup': { type: 'boolean', default: false },
    /** Another data dir under .data, to try the benchmark on a small seed without touching .data/bench. */
    'data-dir': { type: 'string', default: 'bench' },
  },
});
const rounds = Number(args.rounds);

const dataDir = selectBenchDatabase(args['data-dir']);
const log = progress('site');
const ROOT = path.resolve(new URL('..', import.meta.url).pathname);
const BUILD_LOCK = '/tmp/next-build.lock';

const { figure, machineInfo, percentile, recordFigures, round } = await import('./lib/figures');
type Figure = ReturnType<typeof figure>;

/** The query mix of the page, feed and API figures: what people type and click. */
const QUERIES = [
  '',
  'q=engineer',
  'q=senior backend engineer',
  'q="product designer"',
  'country=DE',
  'country=US&tz=-5',
  'category=engineering&seniority=senior',
  'tag=react,typescript',
  'salaryMin=120000&salary=stated',
  'posted=7',
  'q=react&country=PT&seniority=senior&salaryMin=80000',
  'workplace=hybrid&country=GB',
];

/**
 * `prefix?query` as an HTTP request target, percent-encoded as a browser sends it. autocannon writes
 * the path into the request line verbatim: a raw space or quote there (`q=senior backend engineer`)
 * is a malformed request the server drops the connection over, which stalled the load run.
 */
function requestTarget(prefix: string, query: string): string {
  const url = new URL(query ? `${prefix}?${query}` : prefix, 'http://localhost');
  return `${url.pathname}${url.search}`;
}

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Hold the build lock until `release()`: `flock` keeps it while its shell waits on stdin, and lets it
 * go when we close stdin or die.
 */
async function holdBuildLock(): Promise<{ release: () => void }> {
  const holder = spawn('flock', [BUILD_LOCK, '-c', 'echo locked; read _'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const waiting = setTimeout(() => log(`waiting for ${BUILD_LOCK} (another build is running)`), 2000);
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: holder.stdout! }).once('line', () => resolve());
    holder.once('exit', (code) => reject(new Error(`flock exited with code ${code}`)));
  });
  clearTimeout(waiting);
  return { release: () => holder.stdin!.end() };
}

interface RunningSite {
  process: ChildProcess;
  port: number;
  /** Milliseconds from spawn to the first 200 on `/`. */
  readyMs: number;
  /** Whether `start` rebuilt the site first. */
  built: boolean;
  output: string[];
  stop(): Promise<void>;
}

/** `node bin/elsewhere.mjs start` with `environment`, waited on until `/` answers 200. */
async function startSite(
  environment: Record<string, string>,
  extraArgs: string[] = [],
): Promise<RunningSite> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['bin/elsewhere.mjs', 'start', '--port', String(port), ...extraArgs],
    {
      cwd: ROOT,
      env: { ...process.env, ...environment, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  let built = false;
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      output.push(line);
      if (output.length > 400) output.shift();
      if (/Building the site/.test(line)) {
        built = true;
        log('start is rebuilding the site (its sources changed since the last build)…');
      }
    });
  }
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`start exited with code ${child.exitCode}:\n${output.slice(-30).join('\n')}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`start did not serve / within 15 minutes:\n${output.slice(-30).join('\n')}`);
    }
    const status = await fetch(`http://127.0.0.1:${port}/`).then(
      async (response) => {
        await response.arrayBuffer();
        return response.status;
      },
      () => 0,
    );
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const readyMs = performance.now() - started;
  return {
    process: child,
    port,
    readyMs,
    built,
    output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * `rounds` sequential GETs of each path, after one warm-up round; latencies in ms, body read included.
 *
 * Renders are timed, not redirects: a path the site answers with a redirect to its canonical form
 * (`tag=react,typescript` -> `tag=react&tag=typescript`, as the site's own links spell it) is
 * resolved once in the warm-up round and its canonical URL is what gets timed.
 */
async function timeGets(port: number, paths: readonly string[], label: string): Promise<number[]> {
  const get = async (pathname: string) => {
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}${pathname}`, { redirect: 'manual' });
    await response.arrayBuffer();
    return { ms: performance.now() - started, response };
  };
  const canonical: string[] = [];
  for (const pathname of paths) {
    let target = pathname;
    for (let hops = 0; ; hops++) {
      const { response } = await get(target);
      const location = response.headers.get('location');
      if (response.status === 200) break;
      if (location === null || response.status < 300 || response.status > 399 || hops === 3)
        throw new Error(`GET ${target} answered ${response.status}`);
      const next = new URL(location, `http://127.0.0.1:${port}`);
      log(`${label}: ${target} redirects to ${next.pathname}${next.search}; timing that`);
      target = `${next.pathname}${next.search}`;
    }
    canonical.push(target);
  }
  const samples: number[] = [];
  const byPath = new Map<string, number[]>(canonical.map((pathname) => [pathname, []]));
  for (let pass = 0; pass < rounds; pass++) {
    for (const pathname of canonical) {
      const { ms, response } = await get(pathname);
      if (response.status !== 200) throw new Error(`GET ${pathname} answered ${response.status}`);
      samples.push(ms);
      byPath.get(pathname)!.push(ms);
    }
  }
  log(
    `${label}: p50 ${round1(percentile(samples, 50))} ms, p95 ${round1(percentile(samples, 95))} ms (${samples.length} requests); ` +
      `p95 by path: ${[...byPath].map(([pathname, times]) => `${pathname} ${round1(percentile(times, 95))}`).join(', ')}`,
  );
  return samples;
}
const round1 = (value: number) => Math.round(value * 10) / 10;

/** Resident memory (bytes) of `pid` and every descendant except PostgreSQL's processes. */
function treeRss(pid: number): { bytes: number; processes: string[] } {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  let bytes = 0;
  const processes: string[] = [];
  const visit = (id: number) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, 'utf8');
      const name = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?';
      const rssKb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      if (name !== 'postgres') {
        bytes += rssKb * 1024;
        processes.push(`${name}(${id}) ${Math.round(rssKb / 1024)} MB`);
      }
    } catch {
      return;
    }
    for (const child of children.get(id) ?? []) visit(child);
  };
  visit(pid);
  return { bytes, processes };
}

const figures: Figure[] = [];
let postgresVersion = 'unknown';

// ---- 1. The seeded database (before the build lock: seeding can take minutes) ------------------

{
  const { closeDatabase, getDatabase } = await import('../lib/db/client');
  const { runMigrations } = await import('../lib/db/migrate');
  const { ensureSeeded } = await import('./lib/seed');
  const database = await getDatabase({ log });
  try {
    await runMigrations(database);
    // The search benchmark's seed (bench/lib/search-benchmark.ts): same options, same fingerprint,
    // so a database it seeded is reused as is.
    const seeded = await ensureSeeded(database, {
      seed: 20_260_101,
      listings: Number(args.listings),
      companies: 2_000,
      sources: 2_500,
      reference: new Date('2026-01-01T00:00:00Z'),
      log,
    });
    log(`${count(seeded.openListings)} open listings, ${count(seeded.rows)} job rows`);
    figures.push(figure('site.listings', seeded.openListings, 'listings'));
    await database.sql`update sources set next_run_at = now() + interval '1 year'`;
    const [version] = await database.sql<{ v: string }[]>`select current_setting('server_version') as v`;
    postgresVersion = version?.v ?? postgresVersion;
  } finally {
    await closeDatabase();
  }
}

// ---- 2. Startup on a fresh data dir -------------------------------------------------------------

const lock = await holdBuildLock();
try {
  if (!args['skip-startup']) {
    const freshDir = path.join(BENCH_DATA_ROOT, 'bench-startup');
    let startup: RunningSite | null = null;
    // A start that had to rebuild the site measures `next build`, not startup: then start once more
    // (the build is current by then). The build time is reported on its own.
    for (let attempt = 1; attempt <= 3; attempt++) {
      rmSync(freshDir, { recursive: true, force: true });
      log(`startup: npm start on an empty data dir (attempt ${attempt}, load ${loadAverage()})`);
      const site = await startSite({ ELSEWHERE_DATA_DIR: freshDir });
      await site.stop();
      log(
        `startup: first page after ${round1(site.readyMs / 1000)} s${site.built ? ' (rebuilt first)' : ''}`,
      );
      if (site.built) {
        figures.push(figure('site.build_and_start', round(site.readyMs / 1000, 1), 's'));
        continue;
      }
      startup = site;
      break;
    }
    if (!startup) throw new Error('start rebuilt the site three times in a row: sources keep changing');
    figures.push(
      figure('site.startup_fresh_data_dir', round(startup.readyMs / 1000, 1), 's', { atMost: 20 }),
    );
    rmSync(freshDir, { recursive: true, force: true });
  }

  // ---- 3. The site at 100,000 listings ----------------------------------------------------------

  log(`starting the site on ${dataDir} (load ${loadAverage()})`);
  const site = await startSite({ ELSEWHERE_DATA_DIR: dataDir, ELSEWHERE_API_RATE_LIMIT: '0' });
  try {
    log(`site up in ${round1(site.readyMs / 1000)} s on port ${site.port}`);
    const search = (prefix: string) => QUERIES.map((query) => requestTarget(prefix, query));

    const page = await timeGets(site.port, search('/'), 'search page');
    figures.push(figure('site.search_page_p50', round(percentile(page, 50), 1), 'ms'));
    figures.push(figure('site.search_page_p95', round(percentile(page, 95), 1), 'ms', { atMost: 60 }));

    const feed = await timeGets(site.port, search('/feed.xml'), 'feed');
    figures.push(figure('site.feed_p50', round(percentile(feed, 50), 1), 'ms'));
    figures.push(figure('site.feed_p95', round(percentile(feed, 95), 1), 'ms', { atMost: 30 }));

    const apiPaths = search('/api/v1/jobs');
    let next = 0;
    log(`api: autocannon, ${args.connections} connections, ${args.duration} s (load ${loadAverage()})`);
    const result = await autocannon({
      url: `http://127.0.0.1:${site.port}`,
      connections: Number(args.connections),
      duration: Number(args.duration),
      requests: [
        {
          method: 'GET',
          setupRequest: (request) => ({ ...request, path: apiPaths[next++ % apiPaths.length]! }),
        },
      ],
    });
    const errors = result.errors + result.timeouts + result.non2xx;
    log(
      `api: ${round1(result.requests.average)} requests/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
        `${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`,
    );
    figures.push(figure('api.load_requests_per_second', round(result.requests.average, 1), 'requests/s'));
    figures.push(figure('api.load_p50', result.latency.p50, 'ms'));
    figures.push(figure('api.load_p99', result.latency.p99, 'ms'));
    figures.push(figure('api.load_errors', errors, 'requests', { atMost: 0 }));

    const memory = treeRss(site.process.pid!);
    log(`memory: ${memory.processes.join(', ')}`);
    figures.push(figure('site.memory_rss', Math.round(memory.bytes / 1024 ** 2), 'MB', { atMost: 500 }));
    figures.push(figure('site.load_average', loadAverage(), 'load'));
  } catch (error) {
    log(`site output:\n${site.output.slice(-30).join('\n')}`);
    throw error;
  } finally {
    await site.stop();
  }
} finally {
  lock.release();
}

await recordFigures(figures, machineInfo(postgresVersion));
