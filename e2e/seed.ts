/**
 * Seeds the e2e database the way production fills it: the offline sandbox's demo boards (every kind),
 * scraped through the real pipeline. Then one board is served again without its last job, so the
 * next scrape closes it (a plausible shrink): the suite has a closed job to test 410 pages with.
 *
 * Run by e2e/global-setup.ts as a child process, with ELSEWHERE_DATA_DIR pointing at the data dir of
 * the site under test (the running embedded PostgreSQL is shared).
 */
import { upsertCompaniesWithSources } from '../lib/companies/upsert-company';
import { selectSourcesForScrape } from '../lib/sources';
import { readyDatabase, shutdownDatabase } from '../lib/system/database';
import { createHttpFromEnv } from '../scrapers/http';
import { scrapeMany } from '../scrapers/run';
import { demoBoards } from '../scrapers/sandbox/data';
import { sandboxOriginOverrides, startSandbox } from '../scrapers/sandbox/server';
import type { SampleBoard } from '../scrapers/sandbox/types';
import { demoSeed } from '../scrapers/seed';

const port = Number(process.env.E2E_SANDBOX_PORT ?? 4020);
const origin = `http://127.0.0.1:${port}`;
Object.assign(process.env, sandboxOriginOverrides(origin), { ELSEWHERE_ALLOW_PRIVATE_HOSTS: '1' });

async function scrapeBoards(boards: SampleBoard[], companySlugs: string[] = []): Promise<void> {
  const sandbox = await startSandbox({ port, boards });
  const http = createHttpFromEnv();
  try {
    const database = await readyDatabase();
    const { sourceIds } = await selectSourcesForScrape(database, companySlugs);
    const summary = await scrapeMany({ database, http }, sourceIds);
    console.log(
      `[e2e seed] scraped ${summary.total} board(s): ${summary.seen} seen, ${summary.new} new, ${summary.closed} closed, ${summary.failures} failed`,
    );
    if (summary.failures > 0) throw new Error(`e2e seed: ${summary.failures} board(s) failed to scrape`);
  } finally {
    await http.close();
    await sandbox.close();
  }
}

const boards = demoBoards(origin);
const seed = demoSeed(origin);
await upsertCompaniesWithSources(await readyDatabase(), seed);
await scrapeBoards(boards);

// The Greenhouse board loses its last job: the next scrape closes it.
const shrunk = boards.map((board) =>
  board.kind === 'greenhouse' ? { ...board, jobs: board.jobs.slice(0, -1) } : board,
);
const greenhouseCompany = seed.find((company) =>
  company.sources.some((source) => source.kind === 'greenhouse'),
);
await scrapeBoards(shrunk, greenhouseCompany ? [greenhouseCompany.slug] : []);
await shutdownDatabase();
