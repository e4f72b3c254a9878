/**
 * `elsewhere start` (what `npm start` runs): migrate, build the site if its sources changed, start the
 * background worker in this process and the Next.js server as a child. Ctrl-C stops the site, drains
 * the worker, then stops the embedded PostgreSQL if this command started it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Command } from 'commander';
import { migrateDatabase, openDatabase } from '../../lib/system/database';
import { env } from '../../lib/env';
import { action, info, UserError } from '../run';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const NEXT_BIN = require.resolve('next/dist/bin/next');
/** What the production build depends on: a change to any of these rebuilds on the next start. */
const BUILD_INPUTS = [
  'app',
  'lib',
  'scrapers',
  'public',
  'next.config.mjs',
  'package-lock.json',
  'tsconfig.json',
];
const FINGERPRINT_FILE = path.join(ROOT, '.next', 'elsewhere-build-fingerprint');

export interface StartOptions {
  dev?: boolean;
  worker?: boolean;
  port?: string;
}

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('migrate, then run the site and the background worker (Ctrl-C stops everything)')
    .option('--dev', 'run the site with `next dev` (hot reload) instead of a production build')
    .option('--no-worker', 'do not run the scrape/alert worker in this process')
    .option('-p, --port <port>', 'port of the site (default: PORT or 3000)')
    .action(action((options: StartOptions) => start(options)));
}

async function start(options: StartOptions): Promise<number> {
  const startedAt = Date.now();
  const config = env();
  const port = options.port ? Number(options.port) : config.port;
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new UserError(`--port ${options.port} is not a TCP port (1-65535)`);

  const database = await openDatabase({ log: info });
  info(`Database: ${database.mode} ${database.displayUrl}`);
  const { after: migrations } = await migrateDatabase();
  info(`Migrations: ${migrations.applied}/${migrations.available.length} applied`);

  if (!options.dev) await buildIfNeeded();

  const stopWorker =
    options.worker === false || config.ELSEWHERE_WORKER === '0' ? null : await startBackgroundWorker();

  const site = spawn(process.execPath, [NEXT_BIN, options.dev ? 'dev' : 'start', '-p', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    // The site connects to the server this process runs (or DATABASE_URL) and never starts its own.
    env: { ...process.env, DATABASE_URL: database.url, PORT: String(port) },
  });
  const siteExit = new Promise<number>((resolve) =>
    site.once('exit', (code, signal) => resolve(code ?? (signal ? 0 : 1))),
  );

  void waitUntilServing(port, site).then((ok) => {
    if (ok)
      info(
        `Elsewhere is running at http://localhost:${port} (ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s). Ctrl-C stops it.`,
      );
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      info('Forced exit.');
      process.exit(130);
    }
    stopping = true;
    info(`\n${signal}: stopping the site, the worker and the database…`);
    if (site.exitCode === null) site.kill('SIGTERM');
    // Give the site 10 s to finish its requests before killing it.
    setTimeout(() => site.exitCode === null && site.kill('SIGKILL'), 10_000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const code = await siteExit;
  if (stopWorker) await stopWorker();
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  if (!stopping && code !== 0) {
    info(`The site exited with code ${code}.`);
    return code;
  }
  info('Stopped.');
  return 0;
}

async function waitUntilServing(port: number, site: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && site.exitCode === null) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return false;
}

async function buildIfNeeded(): Promise<void> {
  const fingerprint = await buildFingerprint();
  const previous = await fs.readFile(FINGERPRINT_FILE, 'utf8').catch(() => null);
  if (previous === fingerprint && existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) return;
  info('Building the site (first start, or its sources changed)…');
  const began = Date.now();
  const code = await new Promise<number>((resolve) => {
    const build = spawn(process.execPath, [NEXT_BIN, 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    build.once('exit', (exitCode) => resolve(exitCode ?? 1));
  });
  if (code !== 0)
    throw new UserError('`next build` failed (see above); fix the error and run `npm start` again.');
  await fs.writeFile(FINGERPRINT_FILE, fingerprint);
  info(`Built in ${((Date.now() - began) / 1000).toFixed(1)} s.`);
}

/** A hash over the build inputs' paths, sizes and modification times. */
async function buildFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  const visit = async (relative: string): Promise<void> => {
    const full = path.join(ROOT, relative);
    const stat = await fs.stat(full).catch(() => null);
    if (!stat) return;
    if (stat.isDirectory()) {
      const entries = (await fs.readdir(full)).sort();
      for (const entry of entries)
        if (entry !== 'node_modules' && !entry.startsWith('.')) await visit(path.join(relative, entry));
      return;
    }
    if (/\.test\.tsx?$/.test(relative)) return;
    hash.update(`${relative}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  for (const input of BUILD_INPUTS) await visit(input);
  return hash.digest('hex');
}
