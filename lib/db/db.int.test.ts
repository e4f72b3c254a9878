import { afterAll, describe, expect, it } from 'vitest';
import { resetDatabase } from '../../tests/db';
import { closeDatabase, getDatabase } from './client';
import { migrationState, runMigrations } from './migrate';

afterAll(closeDatabase);

describe('database', () => {
  it('applies every committed migration, and re-running is a no-op', async () => {
    const database = await getDatabase();
    const first = await runMigrations(database);
    expect(first.pending).toBe(0);
    expect(first.applied).toBe(first.available.length);
    const again = await runMigrations(database);
    expect(again.applied).toBe(first.applied);
    expect(await migrationState(database)).toEqual(again);
  });

  it('has pg_trgm enabled', async () => {
    const { sql } = await getDatabase();
    const rows = await sql`select extname from pg_extension where extname = 'pg_trgm'`;
    expect(rows).toHaveLength(1);
  });

  it('reaches the embedded server through its Unix socket, and other programs through 127.0.0.1', async () => {
    const database = await getDatabase();
    if (database.mode !== 'embedded') return; // DATABASE_URL (CI's PostgreSQL 15 stage): nothing to check
    expect(database.embedded!.socketPath).toMatch(/\/postgres\/\.s\.PGSQL\.\d+$/);
    // inet_server_addr() is null on a Unix-socket connection.
    const [viaSocket] = await database.sql<{ addr: string | null }[]>`select inet_server_addr() as addr`;
    expect(viaSocket!.addr).toBeNull();
    expect(database.embedded!.url).toContain('@127.0.0.1:');
  });

  it('keeps one posting per source and external id', async () => {
    const { sql } = await resetDatabase();
    const [company] = await sql`insert into companies (slug, name) values ('acme', 'Acme') returning id`;
    const [source] =
      await sql`insert into sources (company_id, kind, token) values (${company!.id}, 'greenhouse', 'acme') returning id`;
    const insert = (publicId: string) => sql`
      insert into jobs (public_id, slug, source_id, company_id, external_id, dedupe_key, title, apply_url, workplace, content_hash, raw)
      values (${publicId}, 'x', ${source!.id}, ${company!.id}, '42', 'k', 'Engineer', 'https://x', 'remote', 'h', '{}')`;
    await insert('a1');
    await expect(insert('a2')).rejects.toThrow(/jobs_source_external_key/);
  });
});
