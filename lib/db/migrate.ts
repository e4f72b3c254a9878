/**
 * Applies the committed drizzle-kit migrations (drizzle/). Safe to run from many processes and
 * machines at once: an advisory lock serialises them, and applied migrations are skipped.
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import type { Database } from './client';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** An arbitrary constant shared by every Elsewhere process: "elsewhere-migrate". */
const MIGRATION_LOCK_KEY = 7_210_402_114;

export interface MigrationState {
  /** Migration files committed in drizzle/. */
  available: string[];
  /** How many of them the database has applied. */
  applied: number;
  pending: number;
}

export async function runMigrations(database: Database): Promise<MigrationState> {
  const reserved = await database.sql.reserve();
  try {
    await reserved`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migrate(database.db, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await reserved`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    reserved.release();
  }
  return migrationState(database);
}

export async function migrationState(database: Database): Promise<MigrationState> {
  const available = (await readdir(MIGRATIONS_FOLDER)).filter((name) => name.endsWith('.sql')).sort();
  const [table] = await database.sql<{ exists: boolean }[]>`
    select to_regclass('drizzle.__drizzle_migrations') is not null as exists`;
  let applied = 0;
  if (table?.exists) {
    const [row] = await database.sql<
      { n: number }[]
    >`select count(*)::int as n from drizzle.__drizzle_migrations`;
    applied = row?.n ?? 0;
  }
  return { available, applied, pending: Math.max(0, available.length - applied) };
}
