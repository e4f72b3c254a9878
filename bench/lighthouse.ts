/**
 * `npm run bench:lighthouse`: Lighthouse scores (performance, accessibility, best practices, SEO) for
 * the search page and a job page, in Debian's Chromium (CHROME_PATH, default /usr/bin/chromium),
 * against a production server over the sandbox data (its own data dir, .data/lighthouse).
 * Goal: 1.0 on each, at least 0.95. Not part of `npm test`: scores depend on the machine's load.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { figure, machineInfo, recordFigures, type Figure } from './lib/figures';

const ROOT = path.resolve(import.meta.dirname, '..');
const DATA_DIR = path.join(ROOT, '.data', 'lighthouse');
const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 3170);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** Full Lighthouse reports land here, for the audits behind a score (bootup-time, unused-javascript…). */
const REPORT_DIR = path.join(DATA_DIR, 'reports');
/** The metrics behind the performance score, recorded alongside it (audit id → figure name, unit). */
const METRICS = [
  ['first-contentful-paint', 'fcp', 'ms'],
  ['largest-contentful-paint', 'lcp', 'ms'],
  ['total-blocking-time', 'tbt', 'ms'],
  ['cumulative-layout-shift', 'cls', 'score'],
  ['speed-index', 'speedIndex', 'ms'],
  ['server-response-time', 'ttfb', 'ms'],
] as const;

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  // Its own embedded database, whatever DATABASE_URL says.
  const { DATABASE_URL: _external, ...inherited } = process.env;
  const env = { ...inherited, ELSEWHERE_DATA_DIR: DATA_DIR, NEXT_TELEMETRY_DISABLED: '1' };
  process.stderr.write(`Starting the site on ${ORIGIN} (data in ${DATA_DIR})…\n`);
  const site = spawn(
    process.execPath,
    ['bin/elsewhere.mjs', 'start', '--no-worker', '--port', String(PORT)],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const chrome = await (async () => {
    await waitFor(`${ORIGIN}/api/health`, 300_000);
    process.stderr.write('Seeding the sandbox boards through the pipeline…\n');
    execFileSync(process.execPath, ['--import', 'tsx', 'e2e/seed.ts'], { cwd: ROOT, env, stdio: 'inherit' });
    return chromeLauncher.launch({
      chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      chromeFlags: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  })();
  try {
    const search = await (await fetch(`${ORIGIN}/api/v1/jobs?perPage=1`)).json();
    const jobUrl = (search as { jobs: { url: string }[] }).jobs[0]?.url;
    if (!jobUrl) throw new Error('the seeded site has no job to measure');
    const pages = { search: `${ORIGIN}/`, job: `${ORIGIN}${new URL(jobUrl).pathname}` };
    const figures: Figure[] = [];
    for (const [page, url] of Object.entries(pages)) {
      // A warm-up load, so the first measured request is not the server's first.
      await fetch(url);
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      for (const category of CATEGORIES) {
        const score = result.lhr.categories[category]?.score ?? 0;
        figures.push(figure(`lighthouse.${page}.${category}`, score, 'score', { atLeast: 0.95 }));
      }
      for (const [audit, name, unit] of METRICS) {
        const value = result.lhr.audits[audit]?.numericValue;
        if (value !== undefined)
          figures.push(figure(`lighthouse.${page}.${name}`, Math.round(value * 1000) / 1000, unit));
      }
      await mkdir(REPORT_DIR, { recursive: true });
      const report = path.join(REPORT_DIR, `${page}.json`);
      await writeFile(report, typeof result.report === 'string' ? result.report : JSON.stringify(result.lhr));
      process.stderr.write(`Full report: ${path.relative(ROOT, report)}\n`);
    }
    await recordFigures(figures, machineInfo('embedded PostgreSQL of the site'));
  } finally {
    chrome.kill();
    site.kill('SIGINT');
    await new Promise((resolve) => site.once('exit', resolve));
  }
}

await main();
