/**
 * The embedded PostgreSQL's lifecycle across real processes: one server per data dir, shared; the
 * process that started it stops it; a stale record is recovered; DATABASE_URL errors are one line.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 120_000 });

const run = promisify(execFile);
const BIN = path.resolve('bin/elsewhere.mjs');
const dirs: string[] = [];

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'elsewhere-db-'));
  dirs.push(dir);
  return dir;
}

/** The embedded environment: DATABASE_URL (set by the integration setup) must not leak in. */
function embeddedEnv(dir: string): NodeJS.ProcessEnv {
  const { DATABASE_URL: _external, ...rest } = process.env;
  return { ...rest, ELSEWHERE_DATA_DIR: dir };
}

async function elsewhere(args: string[], env: NodeJS.ProcessEnv) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

async function postmaster(dir: string): Promise<{ pid: number; port: number } | null> {
  try {
    const lines = (await readFile(path.join(dir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n');
    const pid = Number(lines[0]);
    process.kill(pid, 0);
    return { pid, port: Number(lines[3]) };
  } catch {
    return null;
  }
}

/** `elsewhere worker` as a separate process, once it says it is running. */
async function startWorkerProcess(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const worker = spawn(process.execPath, [BIN, 'worker'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  worker.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const deadline = Date.now() + 60_000;
  while (!stderr.includes('Worker running') && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 200));
  expect(stderr).toContain('Worker running');
  return worker;
}

afterAll(async () => {
  for (const dir of dirs) {
    await elsewhere(['db', 'stop'], embeddedEnv(dir));
    await rm(dir, { recursive: true, force: true });
  }
});

describe('the embedded PostgreSQL', () => {
  it('starts for a command on a fresh data dir, migrates, and stops when the command ends', async () => {
    const dir = await dataDir();
    const { code, stdout } = await elsewhere(['db', 'status', '--json'], embeddedEnv(dir));
    expect(code).toBe(0);
    const status = JSON.parse(stdout) as { database: { mode: string }; migrations: { pending: number } };
    expect(status.database.mode).toBe('embedded');
    expect(await postmaster(dir)).toBeNull();
    // Credentials were generated on the first run and are kept, private.
    const credentials = JSON.parse(await readFile(path.join(dir, 'postgres-credentials.json'), 'utf8'));
    expect(credentials.password.length).toBeGreaterThanOrEqual(24);
  });

  it('is shared: a second process uses the running server and leaves it running', async () => {
    const dir = await dataDir();
    const env = embeddedEnv(dir);
    // A long-running first process: the worker alone.
    const worker = await startWorkerProcess(env);
    const first = await postmaster(dir);
    expect(first).not.toBeNull();

    const { code, stdout } = await elsewhere(['db', 'status'], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/already running \(shared/);
    expect(await postmaster(dir)).toEqual(first);

    // Ctrl-C on the first process: it drains and stops the server it started.
    const exited = new Promise<number | null>((resolve) => worker.once('exit', (c) => resolve(c)));
    worker.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(await postmaster(dir)).toBeNull();
  });

  it('recovers when the process that started it was killed', async () => {
    const dir = await dataDir();
    const env = embeddedEnv(dir);
    const worker = await startWorkerProcess(env);
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.kill('SIGKILL');
    await exited;
    // The orphaned server keeps running; the next command adopts it and, being last, stops it.
    const orphan = await postmaster(dir);
    expect(orphan).not.toBeNull();
    const { code } = await elsewhere(['db', 'status'], env);
    expect(code).toBe(0);
    expect(await postmaster(dir)).toBeNull();
    // And a fresh start after that works, with the data kept.
    const again = await elsewhere(['db', 'status', '--json'], env);
    expect(JSON.parse(again.stdout).migrations.pending).toBe(0);
  });
});

describe('DATABASE_URL', () => {
  it('gives one line naming DATABASE_URL when the server cannot be reached', async () => {
    const { code, stderr } = await elsewhere(['db', 'status'], {
      ...process.env,
      DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/elsewhere',
    });
    expect(code).toBe(1);
    const lines = stderr.split('\n').filter((line) => line.trim() && !line.startsWith('npm warn'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^elsewhere: Cannot connect to DATABASE_URL \(postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/elsewhere\)/,
    );
    expect(stderr).not.toContain('secret');
  });

  it('gives one line naming DATABASE_URL when it is not a postgres URL', async () => {
    const { code, stderr } = await elsewhere(['db', 'status'], { ...process.env, DATABASE_URL: 'mysql://x' });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'elsewhere: Invalid environment variable DATABASE_URL: should look like postgres://user:password@host:5432/database',
    );
  });
});
