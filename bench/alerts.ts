/**
 * `npm run bench:alerts`: digest matching of 10,000 saved searches against 1,000 new jobs, through
 * lib/alerts' own benchmark (`benchAlertMatching`: it seeds jobs through lib/jobs and saved searches
 * deterministically, then times `matchSavedSearches` and a dry run of `sendDueAlerts`).
 *
 * Uses its own embedded PostgreSQL (.data/bench-alerts), emptied before every run.
 *
 *   npm run bench:alerts -- --searches 10000 --jobs 1000
 */
import { parseArgs } from 'node:util';
import { loadAverage, progress, selectBenchDatabase } from './lib/harness';

const { values: args } = parseArgs({
  options: {
    searches: { type: 'string', default: '10000' },
    jobs: { type: 'string', default: '1000' },
  },
});

selectBenchDatabase('bench-alerts');
const log = progress('alerts');

const { closeDatabase, getDatabase } = await import('../lib/db/client');
const { runMigrations } = await import('../lib/db/migrate');
const { benchAlertMatching } = await import('../lib/alerts/bench');
const { figure, machineInfo, recordFigures } = await import('./lib/figures');

const database = await getDatabase({ log });
try {
  await runMigrations(database);
  await database.sql`truncate table alert_deliveries, saved_searches, subscribers, scrape_runs, jobs,
    sources, companies restart identity cascade`;
  log(
    `seeding ${args.searches} saved searches and ${args.jobs} new jobs, then matching (load ${loadAverage()})`,
  );
  const result = await benchAlertMatching(database, {
    searches: Number(args.searches),
    jobs: Number(args.jobs),
  });
  log(
    `${result.searches} searches (${result.distinctQueries} distinct) x ${result.newJobs} new jobs: ` +
      `matching ${result.matchMs} ms, dry run ${result.dryRunMs} ms, ${result.emails} digests`,
  );
  const [version] = await database.sql<{ v: string }[]>`select current_setting('server_version') as v`;
  await recordFigures(
    [
      figure('alerts.saved_searches', result.searches, 'searches'),
      figure('alerts.new_jobs', result.newJobs, 'jobs'),
      figure('alerts.matching', result.matchMs / 1000, 's', { atMost: 5 }),
      figure('alerts.dry_run', result.dryRunMs / 1000, 's'),
      figure('alerts.load_average', loadAverage(), 'load'),
    ],
    machineInfo(version?.v ?? 'unknown'),
  );
} finally {
  await closeDatabase();
}
