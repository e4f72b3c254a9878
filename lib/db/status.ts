import type { Database } from './client';

const TABLES = [
  'companies',
  'sources',
  'jobs',
  'scrape_runs',
  'subscribers',
  'saved_searches',
  'alert_deliveries',
] as const;

/** Row counts of Elsewhere's tables (0 for a table a pending migration has not created yet). */
export async function tableCounts(
  database: Database,
): Promise<Record<(typeof TABLES)[number] | 'open_jobs', number>> {
  const counts = {} as Record<(typeof TABLES)[number] | 'open_jobs', number>;
  for (const table of TABLES) {
    const [exists] = await database.sql<
      { ok: boolean }[]
    >`select to_regclass(${'public.' + table}) is not null as ok`;
    if (!exists?.ok) {
      counts[table] = 0;
      continue;
    }
    const [row] = await database.sql<{ n: number }[]>`select count(*)::int as n from ${database.sql(table)}`;
    counts[table] = row?.n ?? 0;
  }
  const [open] = await database.sql<{ n: number }[]>`
    select count(*)::int as n from jobs where closed_at is null and duplicate_of_id is null`.catch(() => [
    { n: 0 },
  ]);
  counts.open_jobs = open?.n ?? 0;
  return counts;
}
