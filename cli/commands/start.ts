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
  'pages',
  'lib',
  'scrapers',
  'public',
  'next.config.mjs',
  'package-lock.json',
  'tsconfig.json',
];
const FINGERPRINT_FILE = path.join(ROOT, '.next', 'elsewhere-build-fingerprint');

/**
 * V8 heap limit of the site process, in MB. V8 lets the old generation grow to a multiple of what is
 * alive before collecting it, and scales that multiple with the heap limit: at the default limit
 * (4 GB on this machine) the site at 100,000 listings kept about 100 MB alive yet grew to 517 MB
 * resident under API load; with 1 GB it stays near 300 MB, at the same throughput. 1 GB still leaves
 * room for a directory ten times that size. An operator's own `--max-old-space-size` in
 * NODE_OPTIONS wins.
 */
const SITE_HEAP_LIMIT_MB = 1024;

/** Node flags of the site process. */
export function siteNodeFlags(nodeOptions: string | undefined): string[] {
  return /--max[-_]old[-_]space[-_]size\b/.test(nodeOptions ?? '')
    ? []
    : [`--max-old-space-size=${SITE_HEAP_LIMIT_MB}`];
}

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

  program
    .command('build')
    .description('build the site for production now (start does it when its sources changed)')
    .action(
      action(async () => {
        const stop = installStopSignals();
        try {
          return (await buildIfNeeded(stop)) ? 0 : 1;
        } finally {
          stop.dispose();
        }
      }),
    );

  program
    .command('demo')
    .description('offline demo: the sandbox boards, the sample companies scraped, then the site and worker')
    .option('--sandbox-port <port>', 'port of the sandbox on 127.0.0.1', '4010')
    .option('-p, --port <port>', 'port of the site (default: PORT or 3000)')
    .action(action((options: { sandboxPort: string; port?: string }) => demo(options)));
}

/**
 * A demo reader subscribes to remote engineering jobs open to Portugal, and confirms through the link
 * in the confirmation email (written to the outbox, as every email is without SMTP_URL). The scrape
 * that follows finds new jobs, and the worker's next alert sweep mails the digest: /dev/outbox shows
 * both emails.
 */
async function subscribeDemoReader(): Promise<void> {
  const { confirmAlert, listOutbox, requestAlert } = await import('../../lib/alerts');
  const email = 'reader@demo.invalid';
  const answer = await requestAlert(
    {
      email,
      query: { country: 'PT', category: 'engineering' },
      frequency: 'instant',
      timezone: 'Europe/Lisbon',
    },
    { ip: '127.0.0.1' },
  );
  if (answer.status !== 'accepted') return;
  const confirmation = (await listOutbox()).find(
    (entry) => entry.to.includes(email) && /confirm/i.test(entry.subject),
  );
  const token = confirmation && /[?&]token=([A-Za-z0-9_-]+)/.exec(confirmation.text)?.[1];
  if (!token) return;
  const confirmed = await confirmAlert(token);
  if (confirmed.status === 'confirmed')
    info(`Demo alert: ${email} follows "${confirmed.description}" (see /dev/outbox).`);
}

/**
 * The demo keeps its own data dir (.data/demo unless ELSEWHERE_DATA_DIR is set), so sample companies
 * never mix with a real directory.
 */
async function demo(options: { sandboxPort: string; port?: string }): Promise<number> {
  const sandboxPort = Number(options.sandboxPort);
  if (!Number.isInteger(sandboxPort) || sandboxPort < 1 || sandboxPort > 65535) {
    throw new UserError(`--sandbox-port ${options.sandboxPort} is not a TCP port`);
  }
  const { demoBoards } = await import('../../scrapers/sandbox/data');
  const { sandboxOriginOverrides, startSandbox } = await import('../../scrapers/sandbox/server');
  const sandbox = await startSandbox({
    port: sandboxPort,
    boards: demoBoards(`http://127.0.0.1:${sandboxPort}`),
  });
  info(`Sandbox (sample data) at ${sandbox.origin}: ${sandbox.boards.length} boards of every kind.`);
  // Before anything reads the environment: every ATS kind goes to the sandbox, and the careers-page
  // kinds may reach 127.0.0.1. The site and worker inherit this.
  Object.assign(process.env, sandboxOriginOverrides(sandbox.origin), {
    ELSEWHERE_ALLOW_PRIVATE_HOSTS: '1',
    ELSEWHERE_DATA_DIR: process.env.ELSEWHERE_DATA_DIR || '.data/demo',
  });
  try {
    const { upsertCompaniesWithSources } = await import('../../lib/companies/upsert-company');
    const { selectSourcesForScrape } = await import('../../lib/sources');
    const { readyDatabase } = await import('../../lib/system/database');
    const { demoSeed } = await import('../../scrapers/seed');
    const { createHttpFromEnv } = await import('../../scrapers/http');
    const { scrapeMany } = await import('../../scrapers/run');
    const database = await readyDatabase({ log: info });
    await upsertCompaniesWithSources(database, demoSeed(sandbox.origin));
    await subscribeDemoReader();
    const { sourceIds } = await selectSourcesForScrape(database);
    const http = createHttpFromEnv();
    try {
      const summary = await scrapeMany({ database, http }, sourceIds, {
        onProgress: (p) =>
          p.event === 'finished' && info(`  scraped ${p.done}/${p.total} boards · ${p.seen} jobs seen`),
      });
      info(`Demo data: ${summary.seen} jobs from ${summary.total} boards (${summary.failures} failed).`);
    } finally {
      await http.close();
    }
    return await start({ port: options.port });
  } finally {
    await sandbox.close();
  }
}

async function start(options: StartOptions): Promise<number> {
  const startedAt = Date.now();
  const config = env();
  const port = options.port ? Number(options.port) : config.port;
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new UserError(`--port ${options.port} is not a TCP port (1-65535)`);

  // From the first moment: Ctrl-C during migrations or the build still ends in a clean shutdown
  // (the action wrapper then stops the embedded PostgreSQL this command started).
  const stop = installStopSignals();
  try {
    const database = await openDatabase({ log: info });
    info(`Database: ${database.mode} ${database.displayUrl}`);
    const { after: migrations } = await migrateDatabase();
    info(`Migrations: ${migrations.applied}/${migrations.available.length} applied`);
    if (stop.requested) return 0;

    if (!options.dev && !(await buildIfNeeded(stop))) return stop.requested ? 0 : 1;
    if (stop.requested) return 0;

    // The site first, then the worker while the site boots: neither waits for the other (on a fresh
    // data dir the worker creates its queue schema, which took as long as the site's start).
    const siteArgs = [NEXT_BIN, options.dev ? 'dev' : 'start', '-p', String(port)];
    const site = spawn(process.execPath, [...siteNodeFlags(process.env.NODE_OPTIONS), ...siteArgs], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      // The site connects to the server this process runs (or DATABASE_URL) and never starts its own.
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        PORT: String(port),
        // Next sets NODE_ENV=production for the site whatever the operator chose: pass the choice on.
        ELSEWHERE_PRODUCTION: config.production ? '1' : '0',
      },
    });
    const siteExit = new Promise<number>((resolve) =>
      site.once('exit', (code, signal) => resolve(code ?? (signal ? 0 : 1))),
    );
    stop.onStop(() => {
      if (site.exitCode === null) site.kill('SIGTERM');
      // Give the site 10 s to finish its requests before killing it.
      setTimeout(() => site.exitCode === null && site.kill('SIGKILL'), 10_000).unref();
    });

    void waitUntilServing(port, site).then(async (ok) => {
      if (!ok) return;
      info(
        `Elsewhere is running at http://localhost:${port} (ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s). Ctrl-C stops it.`,
      );
      await warmUp(port);
    });

    let stopWorker: (() => Promise<void>) | null = null;
    if (options.worker !== false && config.ELSEWHERE_WORKER !== '0') {
      try {
        stopWorker = await startBackgroundWorker();
      } catch (error) {
        // Without its worker the site would serve listings nobody refreshes: stop it, then report.
        if (site.exitCode === null) site.kill('SIGTERM');
        await siteExit;
        throw error;
      }
    }

    const code = await siteExit;
    if (stopWorker) await stopWorker();
    if (!stop.requested && code !== 0) {
      info(`The site exited with code ${code}.`);
      return code;
    }
    info('Stopped.');
    return 0;
  } finally {
    stop.dispose();
  }
}

interface StopSignals {
  /** The signal that asked us to stop, if one did. */
  readonly requested: NodeJS.Signals | null;
  /** Run `action` when a stop is requested (at once if it already was). */
  onStop(action: () => void): void;
  dispose(): void;
}

/** SIGINT/SIGTERM handling for a long-running command; a second signal forces the exit. */
function installStopSignals(): StopSignals {
  let requested: NodeJS.Signals | null = null;
  const actions: (() => void)[] = [];
  const handler = (signal: NodeJS.Signals) => {
    if (requested) {
      info('Forced exit.');
      process.exit(130);
    }
    requested = signal;
    info(`\n${signal}: stopping the site, the worker and the database…`);
    for (const action of actions) action();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    get requested() {
      return requested;
    },
    onStop(action) {
      actions.push(action);
      if (requested) action();
    },
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

async function startBackgroundWorker(): Promise<(() => Promise<void>) | null> {
  // Scrapes and alert digests, on the same PostgreSQL.
  const { startWorkerFromEnv } = await import('../../scrapers/worker');
  const { registerAlertJobs } = await import('../../lib/alerts/worker');
  registerAlertJobs();
  const worker = await startWorkerFromEnv({ log: info });
  return () => worker.stop();
}

/**
 * Render the search page once, in the background, as soon as the site answers: the first page of a
 * site process loads the search index of every open listing (a second or two at 100,000) and the
 * page's code, and this way no visitor waits for that.
 */
async function warmUp(port: number): Promise<void> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/`);
    await response.arrayBuffer();
  } catch {
    // The site went away (stopping): nothing to warm.
  }
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

/** Build the site unless the last build is current; false when the build failed or was stopped. */
async function buildIfNeeded(stop: StopSignals): Promise<boolean> {
  const fingerprint = await buildFingerprint();
  const previous = await fs.readFile(FINGERPRINT_FILE, 'utf8').catch(() => null);
  if (previous === fingerprint && existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) return true;
  info('Building the site (first start, or its sources changed)…');
  const began = Date.now();
  const code = await new Promise<number>((resolve) => {
    const build = spawn(process.execPath, [NEXT_BIN, 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    build.once('exit', (exitCode) => resolve(exitCode ?? 1));
    stop.onStop(() => build.exitCode === null && build.kill('SIGTERM'));
  });
  if (stop.requested) return false;
  if (code !== 0)
    throw new UserError('`next build` failed (see above); fix the error and run `npm start` again.');
  await fs.writeFile(FINGERPRINT_FILE, fingerprint);
  info(`Built in ${((Date.now() - began) / 1000).toFixed(1)} s.`);
  return true;
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
