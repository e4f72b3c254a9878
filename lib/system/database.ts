/**
 * Database lifecycle verbs for the outer layers (CLI, start, worker): open, migrate, describe, close.
 * app/, cli/ and scrapers/ call these instead of reaching into lib/db.
 */
import { closeDatabase, getDatabase, type ConnectOptions, type Database } from '../db/client';
import { embeddedStatus, stopEmbeddedPostgres } from '../db/embedded';
import { migrationState, runMigrations, type MigrationState } from '../db/migrate';
import { tableCounts } from '../db/status';
import { env } from '../env';

export { DatabaseUnavailableError, type Database } from '../db/client';
export type { MigrationState };

/** Connect (starting the embedded server if needed) and return where the database is. */
export async function openDatabase(options: ConnectOptions = {}): Promise<DatabaseInfo> {
  return describe(await getDatabase(options));
}

let migrated: Promise<Database> | null = null;

/**
 * The process's database with every migration applied: what CLI commands and the worker use, so a
 * command on a fresh data dir just works. Callers outside lib/ only pass the handle on to lib verbs.
 */
export function readyDatabase(options: ConnectOptions = {}): Promise<Database> {
  migrated ??= getDatabase(options)
    .then(async (database) => {
      await runMigrations(database);
      return database;
    })
    .catch((error: unknown) => {
      migrated = null;
      throw error;
    });
  return migrated;
}

/** Close this process's pool; stops the embedded server if this process started it and nobody else uses it. */
export async function shutdownDatabase(): Promise<void> {
  migrated = null;
  await closeDatabase();
}

export interface DatabaseInfo {
  mode: Database['mode'];
  displayUrl: string;
  /** A URL other processes (the site) can use to reach the same server. */
  url: string;
  dataDir: string | null;
  startedHere: boolean;
}

function describe(database: Database): DatabaseInfo {
  const { DATABASE_URL, dataDir } = env();
  return {
    mode: database.mode,
    displayUrl: database.displayUrl,
    url: DATABASE_URL ?? database.embedded!.url,
    dataDir: database.mode === 'embedded' ? dataDir : null,
    startedHere: database.embedded?.startedHere ?? false,
  };
}

export async function migrateDatabase(): Promise<{ before: MigrationState; after: MigrationState }> {
  const database = await getDatabase();
  const before = await migrationState(database);
  const after = await runMigrations(database);
  return { before, after };
}

export async function databaseStatus(): Promise<{
  info: DatabaseInfo;
  migrations: MigrationState;
  counts: Awaited<ReturnType<typeof tableCounts>>;
}> {
  const database = await getDatabase();
  return {
    info: describe(database),
    migrations: await migrationState(database),
    counts: await tableCounts(database),
  };
}

/** Stop the embedded server of the data dir (whoever started it). Returns its pid, or null if none ran. */
export async function stopEmbeddedDatabase(): Promise<number | null> {
  const { dataDir } = env();
  const status = await embeddedStatus(dataDir);
  if (!status.running) return null;
  await stopEmbeddedPostgres(dataDir);
  return status.running.pid;
}
