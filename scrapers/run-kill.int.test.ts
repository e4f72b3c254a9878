/**
 * A scrape killed with SIGKILL, mid-fetch or mid-write, and run again: no duplicate row, no lost
 * listing, identities kept, counts right. The scrape runs in a child process so the kill is real.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDatabase, type Database } from '../lib/db/client';
import { resetDatabase } from '../tests/db';
import { manyJobs, startGreenhouseServer, type GreenhouseServer } from '../tests/greenhouse-server';
import type { RunSummary } from './run';

// Each test writes thousands of postings in child processes: minutes on a loaded machine.
vi.setConfig({ testTimeout: 240_000 });

const SCRIPT = new URL('../tests/scrape-once.ts', import.meta.url).pathname;
/** The writer's per-company lock class ("JOBS"), held for exactly the duration of a write transaction. */
const WRITE_LOCK_CLASS = 0x4a4f4253;

let server: GreenhouseServer;
let database: Database;
let sourceId: number;

beforeAll(async () => {
  server = await startGreenhouseServer();
  database = await resetDatabase();
  const [company] = await database.sql<{ id: string }[]>`
    insert into companies (slug, name) values ('big-co', 'Big Co') returning id`;
  const [source] = await database.sql<{ id: string }[]>`
    insert into sources (company_id, kind, token) values (${company!.id}, 'greenhouse', 'big') returning id`;
  sourceId = Number(source!.id);
});

afterAll(async () => {
  await server?.close();
  await closeDatabase();
});

function startScrape(): {
  child: ChildProcess;
  result: Promise<{ code: number | null; signal: string | null; stdout: string }>;
} {
  // node --import tsx rather than npx tsx: one process, so SIGKILL hits the scrape itself.
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, String(sourceId)], {
    env: { ...process.env, ELSEWHERE_ORIGIN_GREENHOUSE: server.origin },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const result = new Promise<{ code: number | null; signal: string | null; stdout: string }>((resolve) =>
    child.once('exit', (code, signal) => {
      if (code) console.error(stderr);
      resolve({ code, signal, stdout });
    }),
  );
  return { child, result };
}

async function scrapeToEnd(): Promise<RunSummary> {
  const { result } = startScrape();
  const { code, stdout } = await result;
  expect(code).toBe(0);
  return JSON.parse(stdout) as RunSummary;
}

async function state() {
  const [row] = await database.sql<{ rows: number; distinct_ids: number; open: number; closed: number }[]>`
    select count(*)::int as rows, count(distinct external_id)::int as distinct_ids,
      count(*) filter (where closed_at is null)::int as open,
      count(*) filter (where closed_at is not null)::int as closed
    from jobs where source_id = ${sourceId}`;
  return row!;
}

const publicIds = async () =>
  new Map(
    (
      await database.sql<{ external_id: string; public_id: string }[]>`
      select external_id, public_id from jobs where source_id = ${sourceId}`
    ).map((r) => [r.external_id, r.public_id]),
  );

describe('a scrape killed with SIGKILL', () => {
  it('mid-fetch leaves nothing half-written, and the next run stores the whole board once', async () => {
    server.setBoard('big', manyJobs(3_000), { chunks: 40, chunkDelayMs: 50 });
    const { child, result } = startScrape();
    await server.halfSent();
    child.kill('SIGKILL');
    expect((await result).signal).toBe('SIGKILL');
    expect(await state()).toEqual({ rows: 0, distinct_ids: 0, open: 0, closed: 0 });

    server.setBoard('big', manyJobs(3_000));
    const run = await scrapeToEnd();
    expect(run).toMatchObject({ status: 'ok', seen: 3_000, new: 3_000, closed: 0 });
    expect(await state()).toEqual({ rows: 3_000, distinct_ids: 3_000, open: 3_000, closed: 0 });

    const runs = await database.sql<{ status: string; error: string | null }[]>`
      select status, error from scrape_runs where source_id = ${sourceId} order by id`;
    expect(runs.map((r) => r.status)).toEqual(['failed', 'ok']);
    expect(runs[0]!.error).toMatch(/interrupted/);
  });

  it('mid-write rolls the write back, and the next run closes, adds and keeps exactly the right jobs', async () => {
    const before = await publicIds();
    // 500 filled, 500 new: a plausible change.
    server.setBoard('big', [...manyJobs(2_500, 501), ...manyJobs(500, 3_001, 'Designer')]);
    const { child, result } = startScrape();

    let killedDuringWrite = false;
    while (child.exitCode === null && !killedDuringWrite) {
      const [lock] = await database.sql<{ held: boolean }[]>`
        select exists (select 1 from pg_locks where locktype = 'advisory' and classid = ${WRITE_LOCK_CLASS}::oid) as held`;
      if (lock!.held) {
        child.kill('SIGKILL');
        killedDuringWrite = true;
      } else await sleep(2);
    }
    expect(killedDuringWrite).toBe(true);
    expect((await result).signal).toBe('SIGKILL');
    // The transaction died with its connection: the board is exactly as before.
    await expect.poll(async () => (await state()).open, { timeout: 5_000 }).toBe(3_000);
    expect(await state()).toEqual({ rows: 3_000, distinct_ids: 3_000, open: 3_000, closed: 0 });

    const run = await scrapeToEnd();
    expect(run).toMatchObject({ status: 'ok', seen: 3_000, new: 500, closed: 500 });
    expect(await state()).toEqual({ rows: 3_500, distinct_ids: 3_500, open: 3_000, closed: 500 });
    const after = await publicIds();
    for (const [externalId, publicId] of before) expect(after.get(externalId)).toBe(publicId);
  });
});
