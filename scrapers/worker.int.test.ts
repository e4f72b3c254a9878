import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpClient } from './http';
import { resetDatabase } from '../tests/db';
import { manyJobs, startGreenhouseServer, type GreenhouseServer } from '../tests/greenhouse-server';
import { closeDatabase, type Database } from '../lib/db/client';
import { env } from '../lib/env';
import {
  ENQUEUE_DUE_QUEUE,
  SCRAPE_QUEUE,
  startScrapeWorker as startWorker,
  type ScrapeWorker as Worker,
} from './worker';

let server: GreenhouseServer;
let database: Database;
let http: HttpClient;
let workers: Worker[] = [];

beforeAll(async () => {
  server = await startGreenhouseServer();
  process.env.ELSEWHERE_ORIGIN_GREENHOUSE = server.origin;
  database = await resetDatabase();
  expect(env().originOverrides['greenhouse']).toBe(server.origin);
  http = new HttpClient({ allowPrivateHosts: true, maxRequestRetries: 0 });
});

beforeEach(async () => {
  await resetDatabase();
});

afterEach(async () => {
  await Promise.all(workers.map((worker) => worker.stop({ timeoutMs: 10_000 })));
  workers = [];
});

afterAll(async () => {
  await http?.close();
  await server?.close();
  await closeDatabase();
});

async function start(extra: Partial<Parameters<typeof startWorker>[0]> = {}) {
  const worker = await startWorker({ database, http, pollingIntervalSeconds: 0.5, ...extra });
  workers.push(worker);
  return worker;
}

async function addSource(token: string) {
  const [company] = await database.sql<{ id: string }[]>`
    insert into companies (slug, name) values (${token}, ${token}) returning id`;
  const [source] = await database.sql<{ id: string }[]>`
    insert into sources (company_id, kind, token, interval_minutes)
    values (${company!.id}, 'greenhouse', ${token}, 360) returning id`;
  return Number(source!.id);
}

const runsOf = (sourceId: number) =>
  database.sql<
    { status: string }[]
  >`select status from scrape_runs where source_id = ${sourceId} order by id`;

describe('startWorker', () => {
  it('runs a due source exactly once when two workers enqueue it at the same time', async () => {
    const sourceId = await addSource('acme');
    server.setBoard('acme', manyJobs(5));
    // Without the cron, so that the two explicit ticks below are the only ones.
    const [first, second] = [await start({ schedule: false }), await start({ schedule: false })];

    const [a, b] = await Promise.all([first.enqueueDueSources(), second.enqueueDueSources()]);
    expect([...a, ...b]).toEqual([sourceId]);

    await expect
      .poll(async () => (await runsOf(sourceId)).map((r) => r.status), { timeout: 15_000 })
      .toEqual(['ok']);
    // Ticks keep coming: the source is not due again before its interval.
    expect(await first.enqueueDueSources()).toEqual([]);
    await sleep(2_000);
    expect(await runsOf(sourceId)).toHaveLength(1);
    expect(server.requests('acme')).toBe(1);

    const [source] = await database.sql<{ next_run_at: string; open_jobs: number }[]>`
      select next_run_at, open_jobs from sources where id = ${sourceId}`;
    expect(source!.open_jobs).toBe(5);
    expect(new Date(source!.next_run_at).getTime() - Date.now()).toBeGreaterThan(5 * 3_600_000);
  });

  it('enqueues only enabled sources of active companies that are due', async () => {
    const due = await addSource('due');
    const later = await addSource('later');
    const disabled = await addSource('disabled');
    const closed = await addSource('closed');
    await database.sql`update sources set next_run_at = now() + interval '1 hour' where id = ${later}`;
    await database.sql`update sources set enabled = false where id = ${disabled}`;
    await database.sql`
      update companies set status = 'closed' where id = (select company_id from sources where id = ${closed})`;
    const worker = await start({ concurrency: 0, schedule: false });

    expect(await worker.enqueueDueSources()).toEqual([due]);
    expect(await worker.boss.getQueueSize(SCRAPE_QUEUE)).toBe(1);
  });

  it('records a failed fetch as a finished job, without pg-boss retrying it', async () => {
    const sourceId = await addSource('broken');
    server.setBoard('broken', [], { failWith: 500 });
    const worker = await start();
    await worker.enqueueDueSources();
    await expect
      .poll(async () => (await runsOf(sourceId)).map((r) => r.status), { timeout: 15_000 })
      .toEqual(['failed']);
    await sleep(1_500);
    expect(await runsOf(sourceId)).toHaveLength(1);
    const [source] = await database.sql<{ failure_streak: number }[]>`
      select failure_streak from sources where id = ${sourceId}`;
    expect(source!.failure_streak).toBe(1);
  });

  it('installs the every-minute tick', async () => {
    const worker = await start();
    const schedules = await worker.boss.getSchedules();
    expect(schedules.map((s) => [s.name, s.cron])).toContainEqual([ENQUEUE_DUE_QUEUE, '* * * * *']);
  });

  it('runs the handlers of extra queues', async () => {
    const received: unknown[] = [];
    const worker = await start({
      queues: [{ name: 'test-echo', handle: async (data) => void received.push(data) }],
    });
    await worker.boss.send('test-echo', { hello: 'world' });
    await expect.poll(() => received, { timeout: 10_000 }).toEqual([{ hello: 'world' }]);
  });

  it('stops after the scrape in flight has finished', async () => {
    const sourceId = await addSource('slow');
    server.setBoard('slow', manyJobs(200), { chunks: 20, chunkDelayMs: 75 });
    const worker = await start();
    await worker.enqueueDueSources();
    await expect
      .poll(async () => (await runsOf(sourceId)).map((r) => r.status), { timeout: 15_000 })
      .toEqual(['running']);

    await worker.stop({ timeoutMs: 20_000 });

    expect((await runsOf(sourceId)).map((r) => r.status)).toEqual(['ok']);
  });
});
