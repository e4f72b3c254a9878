/**
 * The search benchmark proper (bench/search.ts sets up the environment, then calls this).
 *
 * 1. Seed (or reuse) 100,000 synthetic listings.
 * 2. Run a fixed mix of queries through the real engine (`SearchEngine.search`, facets and the page's
 *    jobs included, exactly what the API and the search page call): one warm-up round, then
 *    `rounds` measured rounds, in order, one query at a time.
 * 3. Run the same mix through the naive baseline (bench/lib/naive-search.ts).
 * 4. Print figures: p50/p95/p99 of the engine, p50/p95 of the baseline, their ratio, the engine's
 *    in-process index size, and the machine.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { closeDatabase, getDatabase, type Database } from '../../lib/db/client';
import { runMigrations } from '../../lib/db/migrate';
import { PostgresSearchEngine } from '../../lib/search/postgres';
import { parseJobQuery, type JobQuery } from '../../lib/search/query';
import { figure, machineInfo, percentile, recordFigures, round, type Figure } from './figures';
import { loadAverage, progress } from './harness';
import { naiveSearch } from './naive-search';
import { ensureSeeded, type SeedOptions } from './seed';
import { syntheticCompanies } from './synthetic';

export interface SearchBenchmarkOptions {
  rounds: number;
  baselineRounds: number;
  listings: number;
}

/** Every search counts `posted` back from here: the instant of the newest synthetic write. */
const REFERENCE = new Date('2026-01-01T00:00:00Z');
const SEED = 20_260_101;

/** The fixed query mix: URL parameters as the API receives them. */
function queryMix(bigCompany: string, smallCompany: string): [name: string, params: string][] {
  return [
    ['browse: newest', ''],
    ['text: broad word', 'q=engineer'],
    ['text: three words', 'q=senior backend engineer'],
    ['text: phrase', 'q="product designer"'],
    ['text: exclude', 'q=engineer -senior'],
    ['text: typo', 'q=kubernetis'],
    ['text: prefix', 'q=typescr'],
    ['text: support roles', 'q=customer support'],
    ['text: broad, newest', 'q=python&sort=newest'],
    ['text: broad, deep page', 'q=engineer&page=50'],
    ['country', 'country=DE'],
    ['country + tz', 'country=US&tz=-5'],
    ['tz', 'tz=1'],
    ['every workplace', 'workplace=remote,hybrid,onsite'],
    ['category + seniority', 'category=engineering&seniority=senior'],
    ['type', 'type=contract'],
    ['company (big)', `company=${bigCompany}`],
    ['company (small) + text', `company=${smallCompany}&q=engineer`],
    ['tags', 'tag=react,typescript'],
    ['salary floor, stated', 'salaryMin=120000&salary=stated'],
    ['posted this week', 'posted=7'],
    ['sort salary in data', 'sort=salary&category=data'],
    ['deep page', 'page=200'],
    ['combination', 'q=react&country=PT&seniority=senior&salaryMin=80000'],
    ['combination, salary sort', 'q=data&category=data&tag=python&posted=30&sort=salary'],
    ['hybrid in GB', 'workplace=hybrid&country=GB'],
    ['text + tag + tz', 'q=kubernetes&tag=kubernetes&tz=2'],
  ];
}

interface Timed {
  name: string;
  samples: number[];
}

/**
 * Time every query of the mix `rounds` times, in order, one at a time. With `warmUp`, one unmeasured
 * round first, whose times are returned apart (`cold`): the first use of each query.
 */
async function timeMix(
  mix: readonly [string, JobQuery][],
  options: { rounds: number; warmUp: boolean },
  run: (query: JobQuery) => Promise<unknown>,
  label: string,
  log: (line: string) => void,
): Promise<{ timed: Timed[]; cold: number[]; cpuMs: number }> {
  const timed = mix.map(([name]) => ({ name, samples: [] as number[] }));
  const cold: number[] = [];
  if (options.warmUp) {
    for (const [, query] of mix) {
      const started = performance.now();
      await run(query);
      cold.push(performance.now() - started);
    }
  }
  const cpu = process.cpuUsage();
  for (let round = 0; round < options.rounds; round++) {
    for (let i = 0; i < mix.length; i++) {
      const started = performance.now();
      await run(mix[i]![1]);
      timed[i]!.samples.push(performance.now() - started);
    }
    log(`${label}: round ${round + 1}/${options.rounds}`);
  }
  const used = process.cpuUsage(cpu);
  return { timed, cold, cpuMs: (used.user + used.system) / 1000 };
}

/** Retained heap + array buffers after a full collection, in bytes. */
function retainedBytes(gc: () => void): number {
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

export async function runSearchBenchmark(options: SearchBenchmarkOptions): Promise<void> {
  const log = progress('search');
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;

  const database: Database = await getDatabase({ log });
  try {
    await runMigrations(database);
    const seedOptions: SeedOptions = {
      seed: SEED,
      listings: options.listings,
      companies: 2_000,
      sources: 2_500,
      reference: REFERENCE,
      log,
    };
    const seeded = await ensureSeeded(database, seedOptions);
    log(
      `${seeded.openListings.toLocaleString('en-US')} open listings, ${seeded.rows.toLocaleString('en-US')} job rows`,
    );
    const [version] = await database.sql<{ v: string }[]>`select current_setting('server_version') as v`;
    const machine = machineInfo(version?.v ?? 'unknown');
    log(`machine: ${JSON.stringify(machine)}`);

    const companies = syntheticCompanies(seedOptions);
    const mix = queryMix(companies[3]!.slug, companies[400]!.slug).map(
      ([name, params]): [string, JobQuery] => {
        const parsed = parseJobQuery(new URLSearchParams(params));
        if (!parsed.ok) throw new Error(`bad benchmark query ${params}: ${JSON.stringify(parsed.errors)}`);
        return [name, parsed.query];
      },
    );

    const engine = new PostgresSearchEngine(database);
    const before = retainedBytes(gc);
    const loadStarted = performance.now();
    const first = await engine.search(mix[0]![1], { now: REFERENCE });
    const firstSearchMs = performance.now() - loadStarted;
    const engineBytes = retainedBytes(gc) - before;
    const indexBytes = await engine.indexMemoryBytes();
    log(`first search (cold, loads the index): ${round(firstSearchMs)} ms, total ${first.total}`);

    const engineRun = await timeMix(
      mix,
      { rounds: options.rounds, warmUp: true },
      (query) => engine.search(query, { now: REFERENCE }),
      'engine',
      log,
    );
    const all = engineRun.timed.flatMap((timed) => timed.samples);
    const p95 = percentile(all, 95);
    const engineFigures: Figure[] = [
      figure('search.listings', seeded.openListings, 'listings'),
      figure('search.queries', mix.length, 'queries'),
      figure('search.p50', round(percentile(all, 50), 2), 'ms'),
      figure('search.p95', round(p95, 2), 'ms', { atMost: 25 }),
      figure('search.p99', round(percentile(all, 99), 2), 'ms'),
      // Node CPU per search (excluding Postgres): what the latency would be on an idle core.
      figure('search.node_cpu_per_search', round(engineRun.cpuMs / all.length, 2), 'ms'),
      // First use of each query after the index loaded: term fragments come from Postgres then.
      figure('search.cold_p50', round(percentile(engineRun.cold, 50), 1), 'ms'),
      figure('search.cold_max', round(Math.max(...engineRun.cold), 1), 'ms'),
      figure('search.first_search_cold', round(firstSearchMs, 0), 'ms'),
      figure('search.engine_heap', round(engineBytes / 1024 ** 2, 1), 'MB'),
      figure('search.index_memory', round(indexBytes / 1024 ** 2, 1), 'MB'),
      figure('search.load_average_1m', loadAverage(), 'load'),
    ];
    // Printed before the baseline runs (it takes minutes), and recorded again with it.
    for (const line of engineFigures) console.log(JSON.stringify(line));
    for (let i = 0; i < mix.length; i++) {
      const samples = engineRun.timed[i]!.samples;
      log(
        `  ${mix[i]![0].padEnd(28)} p50 ${round(percentile(samples, 50)).toString().padStart(7)} ms` +
          `  p95 ${round(percentile(samples, 95)).toString().padStart(7)} ms  cold ${round(engineRun.cold[i]!).toString().padStart(8)} ms`,
      );
    }

    const figures: Figure[] = [...engineFigures];
    // --baseline-rounds 0 skips the baseline (it takes minutes), e.g. while tuning the engine.
    if (options.baselineRounds > 0) {
      const baselineRun = await timeMix(
        mix,
        { rounds: options.baselineRounds, warmUp: false },
        (query) => naiveSearch(database, query, REFERENCE),
        'baseline',
        log,
      );
      for (let i = 0; i < mix.length; i++) {
        log(
          `  baseline ${mix[i]![0].padEnd(28)} p50 ${round(percentile(baselineRun.timed[i]!.samples, 50))} ms`,
        );
      }
      const baseline = baselineRun.timed.flatMap((timed) => timed.samples);
      const baselineP95 = percentile(baseline, 95);
      figures.push(
        figure('search.baseline_p50', round(percentile(baseline, 50), 1), 'ms'),
        figure('search.baseline_p95', round(baselineP95, 1), 'ms'),
        figure('search.baseline_ratio_p95', round(baselineP95 / p95, 1), 'x', { atLeast: 10 }),
        figure('search.baseline_ratio_p50', round(percentile(baseline, 50) / percentile(all, 50), 1), 'x'),
      );
    }
    if (seeded.postingsPerSecond !== null)
      figures.push(figure('search.seed_rate', seeded.postingsPerSecond, 'postings/s'));
    console.log(JSON.stringify({ name: 'machine', ...machine }));
    for (const line of figures.slice(engineFigures.length)) console.log(JSON.stringify(line));
    await recordFigures(figures, machine, { print: false });
  } finally {
    await closeDatabase();
  }
}
