import { afterEach, describe, expect, it } from 'vitest';
import { normalizeBoard } from './normalize-board';
import { NormalizePool } from './normalize-pool';
import type { RawPosting } from './types';

const context = { companySlug: 'acme', companyName: 'Acme', sourceKind: 'greenhouse' };

function raw(id: string, overrides: Partial<RawPosting> = {}): RawPosting {
  return {
    externalId: id,
    title: `Senior Backend Engineer ${id}`,
    applyUrl: `https://boards.example/acme/jobs/${id}`,
    locations: ['Remote - Europe'],
    descriptionHtml:
      '<p>Work with Go and Postgres from anywhere in Europe, UTC-1 to UTC+3.</p><script>x()</script>',
    postedAt: '2026-11-20T10:00:00Z',
    ...overrides,
  } as RawPosting;
}

let pool: NormalizePool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('NormalizePool', () => {
  it('normalizes in worker threads exactly as on the calling thread, skips included', async () => {
    pool = new NormalizePool(2);
    const boards = Array.from({ length: 6 }, (_, b) => [
      ...Array.from({ length: 20 }, (_, i) => raw(`${b}-${i}`)),
      raw(`${b}-bad`, { applyUrl: 'javascript:alert(1)' }),
    ]);
    const threaded = await Promise.all(boards.map((board) => pool!.normalize(context, board)));
    expect(threaded).toEqual(boards.map((board) => normalizeBoard(context, board)));
    expect(pool.boards).toEqual({ threads: 6, here: 0 });
    expect(threaded[0]!.postings).toHaveLength(20);
    const row = Buffer.from(threaded[0]!.postings[0]!.stageRow).toString();
    // The sanitized description is a field of the row; the raw posting (also in it) keeps the script.
    const fields = row.split('\t');
    expect(fields).toContain('<p>Work with Go and Postgres from anywhere in Europe, UTC-1 to UTC+3.</p>');
    expect(fields.filter((field) => field.includes('<script>'))).toHaveLength(1);
    expect(threaded[0]!.skipReasons).toEqual([expect.stringContaining('apply URL')]);
  });

  it('finishes the boards of a thread that died on the calling thread, and stops using threads', async () => {
    pool = new NormalizePool(1);
    const board = Array.from({ length: 200 }, (_, i) => raw(String(i)));
    const pending = pool.normalize(context, board);
    // Kill the thread under the task.
    await (pool as unknown as { workers: { terminate(): Promise<number> }[] }).workers[0]!.terminate();
    expect(await pending).toEqual(normalizeBoard(context, board));
    expect(await pool.normalize(context, board.slice(0, 3))).toEqual(
      normalizeBoard(context, board.slice(0, 3)),
    );
  });
});
