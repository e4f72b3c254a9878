/**
 * The database connection: DATABASE_URL when set, else the embedded PostgreSQL of the data dir.
 * One pool per process, created on first use.
 */
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env } from '../env';
import { ensureEmbeddedPostgres, type EmbeddedServer } from './embedded';
import { processState } from '../process-state';
import * as schema from './schema';

export type Db = PostgresJsDatabase<typeof schema>;

export interface Database {
  db: Db;
  sql: postgres.Sql;
  /** Connection URL with the password masked, for messages. */
  displayUrl: string;
  /** 'external' (DATABASE_URL) or 'embedded'. */
  mode: 'external' | 'embedded';
  embedded: EmbeddedServer | null;
}

/** A database that could not be reached; the message is one line naming what to fix. */
export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

export interface ConnectOptions {
  /** Progress lines (starting the embedded server). */
  log?: (line: string) => void;
  /** Pool size. @default 10 */
  max?: number;
}

/** The process's pool, shared by every copy of this module (lib/process-state.ts). */
const shared = processState('database', () => ({ current: null as Promise<Database> | null }));

/** The process's database, connected on first call. */
export function getDatabase(options: ConnectOptions = {}): Promise<Database> {
  shared.current ??= connect(options).catch((error: unknown) => {
    shared.current = null;
    throw error;
  });
  return shared.current;
}

/** Close the pool and, if this process started the embedded server and nobody else uses it, stop it. */
export async function closeDatabase(): Promise<void> {
  const pending = shared.current;
  shared.current = null;
  if (!pending) return;
  const database = await pending.catch(() => null);
  if (!database) return;
  await database.sql.end({ timeout: 5 });
  await database.embedded?.release();
}

async function connect(options: ConnectOptions): Promise<Database> {
  const { DATABASE_URL, dataDir } = env();
  const embedded = DATABASE_URL ? null : await ensureEmbeddedPostgres({ dataDir, log: options.log });
  const url = DATABASE_URL ?? embedded!.url;
  const displayUrl = maskPassword(url);
  const sql = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: 10,
    onnotice: () => {},
    // The embedded server's Unix socket when it has one (cheaper than loopback TCP; lib/db/embedded.ts).
    ...(embedded?.socketPath ? { path: embedded.socketPath } : {}),
    // drizzle installs pass-through parsers for date types on this client, so raw `sql` queries get
    // timestamps back as ISO-like strings (and should send them as strings).
  });
  try {
    await sql`select 1`;
  } catch (error) {
    await sql.end({ timeout: 1 }).catch(() => {});
    await embedded?.release().catch(() => {});
    const where = DATABASE_URL ? `DATABASE_URL (${displayUrl})` : `the embedded PostgreSQL (${displayUrl})`;
    throw new DatabaseUnavailableError(
      `Cannot connect to ${where}: ${describeConnectError(error)}. ` +
        (DATABASE_URL
          ? 'Check that the server is running and the URL is right.'
          : 'See .data/postgres/server.log.'),
    );
  }
  return {
    db: drizzle(sql, { schema }),
    sql,
    displayUrl,
    mode: DATABASE_URL ? 'external' : 'embedded',
    embedded,
  };
}

function describeConnectError(error: unknown): string {
  if (error && typeof error === 'object') {
    const { code, message } = error as { code?: string; message?: string };
    if (code === 'ECONNREFUSED') return 'connection refused';
    if (code === 'ENOTFOUND') return 'host not found';
    if (code === '28P01') return 'wrong user name or password';
    if (code === '3D000') return 'database does not exist';
    if (code === 'CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return 'timed out';
    if (message) return message.split('\n')[0]!;
  }
  return String(error);
}

/** postgres://user:secret@host/db -> postgres://user:***@host/db */
export function maskPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]+@/, ':***@');
  }
}
