/**
 * What every acquisition-side and server benchmark shares: its own data dir, progress on stderr, the
 * load average next to the figures, and timing helpers. Figures themselves go through figures.ts
 * (shared with the search benchmark), so bench/results.json has one format.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Root of the benchmarks' data dirs (each benchmark has its own embedded PostgreSQL under it). */
export const BENCH_DATA_ROOT = path.resolve('.data');

/**
 * Point this process at its own embedded database, whatever the shell says. Must run before anything
 * imports lib/env (it caches the environment on first read), so benchmarks import lib/ dynamically
 * after calling it.
 */
export function selectBenchDatabase(name: string): string {
  const dataDir = path.join(BENCH_DATA_ROOT, name);
  process.env.ELSEWHERE_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  delete process.env.MEILI_URL;
  delete process.env.MEILI_MASTER_KEY;
  return dataDir;
}

/** A progress logger: `[bench:<name>] line` on stderr, so stdout stays one JSON figure per line. */
export function progress(name: string): (line: string) => void {
  return (line) => process.stderr.write(`[bench:${name}] ${line}\n`);
}

/** The 1-minute load average, rounded: reported beside figures measured on a busy machine. */
export function loadAverage(): number {
  return Math.round(os.loadavg()[0]! * 100) / 100;
}

/** A stopwatch adding up the time spent inside `time(...)` calls. */
export class Stopwatch {
  totalMs = 0;

  async time<T>(work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.totalMs += performance.now() - started;
    }
  }

  timeSync<T>(work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.totalMs += performance.now() - started;
    }
  }
}

/** `n` per second over `ms` milliseconds, rounded to a whole number. */
export function perSecond(n: number, ms: number): number {
  return Math.round(n / (ms / 1000));
}

/** "12,345" */
export const count = (n: number) => n.toLocaleString('en-US');

/** Kernel clock ticks per second of /proc/<pid>/stat times (CLK_TCK: 100 on Linux). */
const CLOCK_TICKS = 100;

/** [utime, stime, cutime, cstime] of a process, in ms, or null when it is gone. */
function processTimes(pid: number): [number, number, number, number] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces): state is field 3, utime field 14.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (index: number) => (Number(fields[index - 3]) * 1000) / CLOCK_TICKS;
    return [ms(14), ms(15), ms(16), ms(17)];
  } catch {
    return null;
  }
}

/**
 * CPU time (ms) used so far by a PostgreSQL server: the postmaster, its live children (backends,
 * WAL writer, checkpointer...) and the children it has reaped (autovacuum workers). Differences of two
 * readings give the database's CPU cost of the work in between, whatever else loads the machine.
 */
export function postgresCpuMs(postmasterPid: number): number {
  const own = processTimes(postmasterPid);
  if (!own) return Number.NaN;
  let total = own[0] + own[1] + own[2] + own[3];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== postmasterPid) continue;
    } catch {
      continue;
    }
    const child = processTimes(Number(entry));
    if (child) total += child[0] + child[1];
  }
  return total;
}

/** CPU time (ms) another process has used so far (NaN once it is gone). */
export function processCpuMs(pid: number): number {
  const times = processTimes(pid);
  return times ? times[0] + times[1] : Number.NaN;
}

/** CPU time (ms) this process has used so far. */
export function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
