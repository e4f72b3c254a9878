/**
 * Benchmark figures: percentiles, one JSON line per figure on stdout, and bench/results.json merged
 * by figure name so every benchmark can add its own.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';

/** One measured figure. `goal` is human-readable ("<= 25"); `ok` is null when there is no goal. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  goal: string | null;
  ok: boolean | null;
}

export const RESULTS_FILE = new URL('../results.json', import.meta.url);

/** The `p`th percentile (0-100) of `samples`, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Round to `digits` decimals, for printing. */
export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function figure(
  name: string,
  value: number,
  unit: string,
  goal?: { atMost?: number; atLeast?: number },
): Figure {
  if (!goal) return { name, value, unit, goal: null, ok: null };
  if (goal.atMost !== undefined)
    return { name, value, unit, goal: `<= ${goal.atMost}`, ok: value <= goal.atMost };
  return { name, value, unit, goal: `>= ${goal.atLeast}`, ok: value >= goal.atLeast! };
}

/**
 * Print figures as JSON lines and merge them into bench/results.json (by name). `print: false`
 * records figures a benchmark already printed as it went.
 */
export async function recordFigures(
  figures: readonly Figure[],
  machine: MachineInfo,
  options: { print?: boolean } = {},
): Promise<void> {
  if (options.print ?? true) for (const line of figures) console.log(JSON.stringify(line));
  let previous: { machine?: MachineInfo; figures?: (Figure & { measuredAt?: string })[] } = {};
  if (existsSync(RESULTS_FILE)) {
    try {
      previous = JSON.parse(await readFile(RESULTS_FILE, 'utf8')) as typeof previous;
    } catch {
      previous = {};
    }
  }
  const measuredAt = new Date().toISOString();
  const byName = new Map((previous.figures ?? []).map((entry) => [entry.name, entry]));
  for (const entry of figures) byName.set(entry.name, { ...entry, measuredAt });
  const merged = { machine, figures: [...byName.values()].sort((a, b) => a.name.localeCompare(b.name)) };
  await writeFile(RESULTS_FILE, `${JSON.stringify(merged, null, 2)}\n`);
}

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
  postgres: string;
}

export function machineInfo(postgresVersion: string): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    postgres: postgresVersion,
  };
}
