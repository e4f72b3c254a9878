/**
 * The `elsewhere` command as a person runs it: a real process, its stdout and exit code.
 * (Database commands are covered by cli/database.int.test.ts.)
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';

// Each test starts a real process (tsx compiles the CLI on first use): allow for a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const run = promisify(execFile);
const BIN = path.resolve('bin/elsewhere.mjs');

async function elsewhere(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe('elsewhere location', () => {
  it('prints workplace, eligibility, timezone and evidence as JSON', async () => {
    const { code, stdout } = await elsewhere(['location', 'Remote - US; Remote - Canada']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      workplace: 'remote',
      worldwide: false,
      countries: ['CA', 'US'],
    });
  });

  it('answers {"eligible": …} for one country', async () => {
    expect(JSON.parse((await elsewhere(['location', 'Remote (EMEA)', '--country', 'PT'])).stdout)).toEqual({
      eligible: true,
    });
    expect(JSON.parse((await elsewhere(['location', 'Remote - US only', '--country', 'pt'])).stdout)).toEqual(
      {
        eligible: false,
      },
    );
  });

  it('refuses a country that is not an ISO code, naming the option', async () => {
    const { code, stderr } = await elsewhere(['location', 'Anywhere', '--country', 'Portugal']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/--country Portugal/);
  });
});

describe('elsewhere salary', () => {
  it('prints the parsed, annualized salary', async () => {
    const { stdout } = await elsewhere(['salary', '$120k–$150k']);
    expect(JSON.parse(stdout)).toEqual({
      min: 120000,
      max: 150000,
      currency: 'USD',
      period: 'year',
      annualUsdMin: 120000,
      annualUsdMax: 150000,
    });
  });

  it('prints null when no salary is stated', async () => {
    expect(JSON.parse((await elsewhere(['salary', 'competitive salary and equity'])).stdout)).toBeNull();
  });
});

describe('elsewhere parse', () => {
  it('prints one normalized job per line from a saved Greenhouse response', async () => {
    const fixture = 'scrapers/ats/greenhouse/fixtures/generalassembly_embed_jobs_content_2013.json';
    const { code, stdout } = await elsewhere([
      'parse',
      'greenhouse',
      fixture,
      '--company',
      'generalassembly',
    ]);
    expect(code).toBe(0);
    const jobs = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(jobs).toHaveLength(2);
    for (const job of jobs) {
      expect(Object.keys(job)).toEqual(
        expect.arrayContaining([
          'externalId',
          'title',
          'companySlug',
          'applyUrl',
          'locationText',
          'workplace',
          'worldwide',
          'countries',
          'timezone',
          'evidence',
          'employmentType',
          'seniority',
          'category',
          'tags',
          'salary',
          'descriptionHtml',
          'descriptionText',
          'postedAt',
          'sourceKind',
        ]),
      );
      expect(job.companySlug).toBe('generalassembly');
      // Greenhouse's escaped HTML comes out decoded and sanitized.
      expect(job.descriptionHtml).toMatch(/^<h3>/);
    }
  });

  it('exits 1 naming the file and the bad field for a malformed payload', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'elsewhere-parse-'));
    const file = path.join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ jobs: [{ id: 'not-a-number', title: 'x' }] }));
    const { code, stdout, stderr } = await elsewhere(['parse', 'greenhouse', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(file);
    expect(stderr).toMatch(/jobs\.0\.id/);
  });

  it('exits 1 for an unknown kind, listing the kinds', async () => {
    const { code, stderr } = await elsewhere(['parse', 'taleo', 'x.json']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/unknown kind "taleo".*greenhouse/);
  });
});

describe('elsewhere --help', () => {
  it('documents every command', async () => {
    const { stdout } = await elsewhere(['--help']);
    for (const command of [
      'start',
      'demo',
      'db',
      'companies',
      'scrape',
      'status',
      'worker',
      'sandbox',
      'parse',
      'location',
      'salary',
      'reindex',
    ]) {
      expect(stdout).toMatch(new RegExp(`\\n\\s+${command}\\b`));
    }
  });
});
