/**
 * The writer stages rows with COPY text (copy-rows.ts): every character a board can send must come
 * back from `jobs` exactly as written, and a board larger than one COPY chunk must land whole.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { resetDatabase } from '../../tests/db';
import { closeDatabase } from '../db/client';
import { posting, seedCompany } from '../catalog/testing/seed';
import { touchJobs } from './mark-seen';
import { writeSourcePostings } from './upsert-postings';

afterAll(closeDatabase);

const HOSTILE = 'tab\there, newline\nthere, CR\r, backslash \\ and \\N, quotes "\' {braces}, ünïcödé 🚀';

describe('writeSourcePostings through the COPY stage', () => {
  it('stores text, arrays, numbers and raw JSON exactly, NUL characters as U+FFFD', async () => {
    const database = await resetDatabase();
    const source = await seedCompany(database, { slug: 'acme', name: 'Acme' });
    const result = await writeSourcePostings(database, source, [
      posting({
        externalId: `id ${HOSTILE}`,
        title: `Engineer ${HOSTILE}`,
        descriptionText: `${HOSTILE}\nnul:\u0000:end`,
        tags: ['c++', 'a "quoted", tag', 'back\\slash', '{x,y}', 'NULL'],
        countries: ['PT', 'DE'],
        timezone: { minUtcOffset: -1.5, maxUtcOffset: 3 },
        salary: {
          min: 100000.5,
          max: 150000,
          currency: 'EUR',
          period: 'year',
          annualUsdMin: 108000.4,
          annualUsdMax: 162000.6,
        },
        raw: { text: HOSTILE, nul: 'a\u0000b', nested: [1, null, { ok: true }] },
      }),
    ]);
    expect(result.new).toBe(1);
    const [row] = await database.sql<Record<string, unknown>[]>`
      select external_id, title, description_text, tags, countries, tz_min, tz_max, salary_min,
             salary_usd_min, salary_usd_max, raw::text as raw
      from jobs`;
    expect(row!.external_id).toBe(`id ${HOSTILE}`);
    expect(row!.title).toBe(`Engineer ${HOSTILE}`);
    expect(row!.description_text).toBe(`${HOSTILE}\nnul:\ufffd:end`);
    expect(row!.tags).toEqual(['c++', 'a "quoted", tag', 'back\\slash', '{x,y}', 'NULL']);
    expect(row!.countries).toEqual(['PT', 'DE']);
    expect([row!.tz_min, row!.tz_max]).toEqual([-1.5, 3]);
    expect(row!.salary_min).toBe(100000.5);
    expect([row!.salary_usd_min, row!.salary_usd_max]).toEqual([108000, 162001]);
    expect(JSON.parse(row!.raw as string)).toEqual({
      text: HOSTILE,
      nul: 'a\ufffdb',
      nested: [1, null, { ok: true }],
    });
  });

  it('writes a board of several COPY chunks, then updates it in place', async () => {
    const database = await resetDatabase();
    const source = await seedCompany(database, { slug: 'acme', name: 'Acme' });
    const board = Array.from({ length: 1_234 }, (_, i) =>
      posting({ externalId: String(i), title: `Engineer ${i}` }),
    );
    expect((await writeSourcePostings(database, source, board)).new).toBe(1_234);
    const changed = board.map((p, i) => (i % 2 === 0 ? { ...p, title: `${p.title} (changed)` } : p));
    const again = await writeSourcePostings(database, source, changed);
    expect([again.new, again.updated, again.unchanged]).toEqual([0, 617, 617]);
    const [counts] = await database.sql<{ n: number; changed: number }[]>`
      select count(*)::int as n, count(*) filter (where title like '%(changed)')::int as changed from jobs`;
    expect(counts).toEqual({ n: 1_234, changed: 617 });
  });

  it('stores long descriptions, the raw posting and the search vector uncompressed', async () => {
    const database = await resetDatabase();
    const source = await seedCompany(database, { slug: 'acme', name: 'Acme' });
    // Repetitive text that pglz would shrink to a fraction, long enough to leave the row (TOAST).
    const description = 'Build reliable remote systems with care. '.repeat(500);
    await writeSourcePostings(database, source, [
      posting({ externalId: '1', title: 'Engineer', descriptionText: description, raw: { description } }),
    ]);
    const [stored] = await database.sql<{ compressed: number; intact: boolean }[]>`
      select num_nonnulls(pg_column_compression(description_html), pg_column_compression(description_text),
                          pg_column_compression(raw), pg_column_compression(search))::int as compressed,
             description_text = ${description} as intact
      from jobs`;
    expect(stored).toEqual({ compressed: 0, intact: true });
  });

  it('touches postings listed unchanged with HOT updates: no index is written', async () => {
    const database = await resetDatabase();
    const source = await seedCompany(database, { slug: 'acme', name: 'Acme' });
    const board = Array.from({ length: 50 }, (_, i) =>
      posting({ externalId: String(i), title: `Engineer ${i}`, tags: ['go', 'rust'] }),
    );
    await writeSourcePostings(database, source, board);
    // pg_stat_get_xact_* count the row changes this backend has not yet reported, which may include
    // earlier transactions' (PostgreSQL 15): compare before and after, within one transaction.
    const counts = await database.sql.begin(async (tx) => {
      const read = async () => {
        const [row] = await tx<{ updated: number; hot: number }[]>`
          select pg_stat_get_xact_tuples_updated('jobs'::regclass)::int as updated,
                 pg_stat_get_xact_tuples_hot_updated('jobs'::regclass)::int as hot`;
        return row!;
      };
      const ids = await tx<{ id: string }[]>`select id from jobs`;
      const before = await read();
      // The writer's statement for postings listed unchanged, on this transaction's connection.
      await touchJobs(
        tx,
        ids.map((row) => Number(row.id)),
        new Date(),
      );
      const after = await read();
      return { updated: after.updated - before.updated, hot: after.hot - before.hot };
    });
    expect(counts).toEqual({ updated: 50, hot: 50 });
  });
});
