/**
 * The Postgres engine's in-process index of open listings stays in step with the database: every
 * search sees every write committed before it, whoever wrote it and however long the writing
 * transaction took.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Database } from '../db/client';
import { writeSourcePostings, type PostingToWrite, type SourceForWrite } from '../jobs';
import { resetDatabase } from '../../tests/db';
import { createSearchEngine, type SearchEngine } from './engine';
import { parseJobQuery } from './query';

const NOW = new Date('2026-03-02T12:00:00Z');

function posting(externalId: string, title: string, overrides: Partial<PostingToWrite> = {}): PostingToWrite {
  return {
    externalId,
    title,
    companySlug: 'acme',
    applyUrl: `https://jobs.example.com/acme/${externalId}`,
    locationText: 'Remote',
    employmentType: 'full-time',
    seniority: null,
    category: 'engineering',
    tags: [],
    salary: null,
    descriptionHtml: `<p>${title}</p>`,
    descriptionText: title,
    postedAt: null,
    sourceKind: 'greenhouse',
    workplace: 'remote',
    worldwide: true,
    countries: [],
    timezone: null,
    evidence: null,
    raw: {},
    ...overrides,
  };
}

async function createSource(database: Database, kind: string, token: string): Promise<SourceForWrite> {
  const [company] = await database.sql<{ id: string }[]>`
    insert into companies (slug, name) values ('acme', 'Acme')
    on conflict (slug) do update set name = excluded.name returning id`;
  const [source] = await database.sql<{ id: string }[]>`
    insert into sources (company_id, kind, token) values (${company!.id}, ${kind}, ${token}) returning id`;
  return {
    id: Number(source!.id),
    companyId: Number(company!.id),
    companySlug: 'acme',
    companyName: 'Acme',
    kind,
  };
}

describe('the Postgres engine index of open listings', () => {
  let database: Database;
  let engine: SearchEngine;
  let board: SourceForWrite;

  beforeEach(async () => {
    database = await resetDatabase();
    engine = createSearchEngine(database, null);
    board = await createSource(database, 'greenhouse', 'acme');
  });
  afterAll(closeDatabase);

  async function titles(params = '') {
    const parsed = parseJobQuery(new URLSearchParams(params));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const result = await engine.search(parsed.query, { now: NOW });
    return result.jobs.map((job) => job.title).sort();
  }

  it('shows a job written after the index was loaded on the next search', async () => {
    await writeSourcePostings(database, board, [posting('1', 'Backend Engineer')]);
    expect(await titles()).toEqual(['Backend Engineer']);
    await writeSourcePostings(database, board, [
      posting('1', 'Backend Engineer'),
      posting('2', 'Product Designer'),
    ]);
    expect(await titles()).toEqual(['Backend Engineer', 'Product Designer']);
    expect(await titles('q=designer')).toEqual(['Product Designer']);
  });

  it('drops a job the writer closes, and brings it back when it reopens', async () => {
    const postings = [
      posting('1', 'Backend Engineer'),
      posting('2', 'Product Designer'),
      posting('3', 'Data Analyst'),
    ];
    await writeSourcePostings(database, board, postings);
    expect(await titles()).toHaveLength(3);
    await writeSourcePostings(database, board, postings.slice(0, 2));
    expect(await titles()).toEqual(['Backend Engineer', 'Product Designer']);
    await writeSourcePostings(database, board, postings);
    expect(await titles()).toHaveLength(3);
  });

  it('shows changed fields in filters and facets', async () => {
    await writeSourcePostings(database, board, [posting('1', 'Backend Engineer')]);
    expect(await titles('category=data')).toEqual([]);
    await writeSourcePostings(database, board, [
      posting('1', 'Backend Engineer', { category: 'data', tags: ['python'] }),
    ]);
    expect(await titles('category=data&tag=python')).toEqual(['Backend Engineer']);
  });

  it('drops a job that becomes a duplicate of a listing on another source', async () => {
    await writeSourcePostings(database, board, [posting('1', 'Backend Engineer')]);
    expect(await titles()).toEqual(['Backend Engineer']);
    const careers = await createSource(database, 'jsonld', 'acme-careers');
    await writeSourcePostings(database, careers, [
      posting('page-1', 'Backend Engineer', { sourceKind: 'jsonld' }),
    ]);
    const parsed = parseJobQuery(new URLSearchParams());
    if (!parsed.ok) throw new Error('bad query');
    const result = await engine.search(parsed.query, { now: NOW });
    expect(result.total).toBe(1);
    expect(result.jobs[0]!.sources.map((source) => source.kind)).toEqual(['greenhouse', 'jsonld']);
  });

  it('sees a change from a transaction that began before the last refresh and committed after it', async () => {
    await writeSourcePostings(database, board, [
      posting('1', 'Backend Engineer'),
      posting('2', 'Product Designer'),
    ]);
    expect(await titles()).toHaveLength(2);
    const writer = await database.sql.reserve();
    try {
      await writer`begin`;
      await writer`update jobs set category = 'design' where external_id = '1'`;
      // A later transaction commits first, so "everything up to the newest commit" would include
      // the writer's transaction id while its change is still invisible.
      await database.sql`update jobs set seniority = 'senior' where external_id = '2'`;
      // The index refreshes while the change is uncommitted: it must not move past it.
      expect(await titles('category=design')).toEqual([]);
      expect(await titles('seniority=senior')).toEqual(['Product Designer']);
      await writer`commit`;
    } finally {
      writer.release();
    }
    expect(await titles('category=design')).toEqual(['Backend Engineer']);
  });

  it('keeps engines of different processes in step (each holds its own index)', async () => {
    const other = createSearchEngine(database, null);
    await writeSourcePostings(database, board, [posting('1', 'Backend Engineer')]);
    const parsed = parseJobQuery(new URLSearchParams());
    if (!parsed.ok) throw new Error('bad query');
    expect((await other.search(parsed.query, { now: NOW })).total).toBe(1);
    await database.sql`update jobs set closed_at = now() where external_id = '1'`;
    expect((await other.search(parsed.query, { now: NOW })).total).toBe(0);
    expect(await titles()).toEqual([]);
  });

  it('does not count a last-seen touch as a change', async () => {
    await writeSourcePostings(database, board, [posting('1', 'Backend Engineer')]);
    const [before] = await database.sql<{ xid: string }[]>`select search_change_xid::text as xid from jobs`;
    await writeSourcePostings(database, board, [posting('1', 'Backend Engineer')]);
    await database.sql`update jobs set last_seen_at = now()`;
    const [after] = await database.sql<{ xid: string }[]>`select search_change_xid::text as xid from jobs`;
    expect(after!.xid).toBe(before!.xid);
    await database.sql`update jobs set seniority = 'senior'`;
    const [changed] = await database.sql<{ xid: string }[]>`select search_change_xid::text as xid from jobs`;
    expect(BigInt(changed!.xid)).toBeGreaterThan(BigInt(before!.xid));
  });

  it('answers concurrent searches consistently while refreshing', async () => {
    await writeSourcePostings(database, board, [posting('1', 'Backend Engineer')]);
    const parsed = parseJobQuery(new URLSearchParams());
    if (!parsed.ok) throw new Error('bad query');
    const first = await Promise.all(
      Array.from({ length: 8 }, () => engine.search(parsed.query, { now: NOW })),
    );
    expect(first.map((result) => result.total)).toEqual(Array(8).fill(1));
    await writeSourcePostings(database, board, [
      posting('1', 'Backend Engineer'),
      posting('2', 'Data Analyst'),
    ]);
    const second = await Promise.all(
      Array.from({ length: 8 }, () => engine.search(parsed.query, { now: NOW })),
    );
    expect(second.map((result) => result.total)).toEqual(Array(8).fill(2));
  });
});
