/**
 * `npm run bench`: every benchmark, one after the other, each in its own process with its own
 * environment (lib/env caches the environment per process) and its own embedded database under
 * .data/bench*. Each prints one JSON line per figure, {name, value, unit, goal, ok}, and merges its
 * figures into bench/results.json by name; this runner passes those lines through, and shows
 * progress on stderr.
 *
 *   npm run bench                       # everything
 *   npm run bench -- --only ingest,site # some
 *
 * Benchmarks: ingest, scrape, alerts, search (bench/search.ts, when present), site (startup, page,
 * feed, API load, memory; it reuses the database the search benchmark seeded). Not part of `npm test`:
 * a full run takes several minutes on 2 cores.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const BENCHMARKS = ['ingest', 'scrape', 'alerts', 'search', 'site'] as const;
type Benchmark = (typeof BENCHMARKS)[number];

const { values: args } = parseArgs({ options: { only: { type: 'string' } } });
const wanted = args.only ? args.only.split(',').map((name) => name.trim()) : [...BENCHMARKS];
for (const name of wanted) {
  if (!(BENCHMARKS as readonly string[]).includes(name))
    throw new Error(`--only ${name}: no such benchmark (${BENCHMARKS.join(', ')})`);
}

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const cpus = os.cpus();
const machine = {
  name: 'machine',
  cpus: cpus.length,
  cpuModel: cpus[0]?.model.trim() ?? 'unknown',
  memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
};
console.log(JSON.stringify(machine));

/** Each benchmark's entry, relative to this file; null when it does not exist (yet). */
function entryOf(name: Benchmark): string | null {
  const file = new URL(`./${name}.ts`, import.meta.url).pathname;
  return existsSync(file) ? file : null;
}

/** Run one benchmark to completion; its figure lines go to stdout, its progress to stderr. */
function runBenchmark(
  file: string,
): Promise<{ code: number; figures: { name: string; ok: boolean | null }[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const figures: { name: string; ok: boolean | null }[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => {
      console.log(line);
      try {
        const parsed = JSON.parse(line) as { name?: string; ok?: boolean | null };
        if (typeof parsed.name === 'string' && parsed.name !== 'machine')
          figures.push({ name: parsed.name, ok: parsed.ok ?? null });
      } catch {
        // not a figure line
      }
    });
    child.once('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), figures }));
  });
}

const missed: string[] = [];
const failed: string[] = [];
const started = performance.now();
for (const name of wanted as Benchmark[]) {
  const file = entryOf(name);
  if (!file) {
    log(`${name}: bench/${name}.ts does not exist yet: no figures`);
    console.log(
      JSON.stringify({ name: `${name}.missing`, value: null, unit: null, goal: 'exists', ok: false }),
    );
    failed.push(name);
    continue;
  }
  log(`${name}: starting (load ${os.loadavg()[0]!.toFixed(2)})`);
  const benchStarted = performance.now();
  const { code, figures } = await runBenchmark(file);
  const seconds = ((performance.now() - benchStarted) / 1000).toFixed(0);
  if (code !== 0) {
    log(`${name}: FAILED (exit ${code}) after ${seconds} s`);
    failed.push(name);
  } else log(`${name}: done in ${seconds} s`);
  for (const entry of figures) if (entry.ok === false) missed.push(entry.name);
}

log(
  `finished in ${((performance.now() - started) / 1000).toFixed(0)} s (load ${os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')}); figures in bench/results.json`,
);
if (missed.length > 0) log(`goals missed: ${missed.join(', ')}`);
if (failed.length > 0) log(`benchmarks that failed: ${failed.join(', ')}`);
process.exitCode = failed.length > 0 ? 1 : 0;
