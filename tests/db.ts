/** Helpers for integration tests: a clean database per test file. */
import { getDatabase, type Database } from '../lib/db/client';

/** Empty every Elsewhere table (keeps migrations). Call in beforeEach/beforeAll. */
export async function resetDatabase(): Promise<Database> {
  const database = await getDatabase();
  await database.sql`
    truncate table alert_deliveries, saved_searches, subscribers, scrape_runs, jobs, sources, companies
    restart identity cascade`;
  // pg-boss keeps its own schema; clear queued work between files when it exists.
  await database.sql`
    do $$ begin
      if to_regclass('pgboss.job') is not null then execute 'delete from pgboss.job'; end if;
    end $$`;
  return database;
}
