/**
 * Scrape one source in a process of its own, for tests that kill a scrape mid-way:
 * `node --import tsx tests/scrape-once.ts <sourceId>` prints the run summary as JSON.
 * The Greenhouse origin comes from ELSEWHERE_ORIGIN_GREENHOUSE, the database from DATABASE_URL.
 */
import { closeDatabase, getDatabase } from '../lib/db/client';
import { HttpClient } from '../scrapers/http';
import { scrapeSource } from '../scrapers/run';

const sourceId = Number(process.argv[2]);
const database = await getDatabase();
const http = new HttpClient({ allowPrivateHosts: true, maxRequestRetries: 0 });
try {
  const run = await scrapeSource({ database, http }, sourceId);
  process.stdout.write(`${JSON.stringify(run)}\n`);
} finally {
  await http.close();
  await closeDatabase();
}
