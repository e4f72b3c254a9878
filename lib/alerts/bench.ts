/**
 * Benchmark of digest matching: N saved searches against M new jobs (issue 8's bar: 10,000 against
 * 1,000 in at most 5 s). Prints figures; it is a script, not a timed test.
 *
 *   ELSEWHERE_DATA_DIR=/tmp/alerts-bench npx tsx lib/alerts/bench.ts [--searches 10000] [--jobs 1000] [--reset]
 *
 * It writes jobs through lib/jobs and saved searches straight into the tables, so point it at a
 * disposable database: it refuses to touch one that already holds jobs unless given --reset
 * (which empties every Elsewhere table).
 */
import { pathToFileURL } from 'node:url';
import { closeDatabase, getDatabase, type Database } from '../db/client';
import { runMigrations } from '../db/migrate';
import { writeSourcePostings, type PostingToWrite } from '../jobs';
import { annualize } from '../normalize/salary';
import type { Category } from '../normalize/types';
import { createSearchEngine } from '../search/engine';
import { matchSavedSearches, type SearchToMatch } from './match';
import { fromSavedQuery, toSavedQuery } from './saved-query';
import { sendDueAlerts } from './send-due';
import { mulberry32 } from '../random';

export interface AlertBenchOptions {
  /** @default 10000 */
  searches?: number;
  /** New jobs in the window. @default 1000 */
  jobs?: number;
  /** Older jobs outside the window, for a realistic table. @default 5000 */
  olderJobs?: number;
  /** @default 42 */
  seed?: number;
}

export interface AlertBenchResult {
  searches: number;
  distinctQueries: number;
  newJobs: number;
  /** Distinct texts (`q`) among the distinct queries. */
  distinctTexts: number;
  /** Round trips spent matching texts (MatchStats.textQueries). */
  textQueries: number;
  /** Matching alone (matchSavedSearches), ms. */
  matchMs: number;
  /** A whole dry run of sendDueAlerts (due query, matching, composing), ms. */
  dryRunMs: number;
  /** Digests the dry run would send. */
  emails: number;
}

const TAGS = [
  'rust',
  'go',
  'python',
  'typescript',
  'react',
  'kubernetes',
  'aws',
  'postgres',
  'java',
  'ruby',
  'django',
  'node',
  'terraform',
  'kotlin',
  'swift',
  'graphql',
  'docker',
  'sql',
  'figma',
  'scala',
];
const COUNTRIES = ['PT', 'DE', 'US', 'GB', 'ES', 'FR', 'NL', 'PL', 'CA', 'BR', 'IN', 'AU'];
const CATEGORIES: Category[] = ['engineering', 'devops', 'data', 'design', 'product', 'security'];
const WORDS = [
  'backend',
  'frontend',
  'platform',
  'senior',
  'staff',
  'data',
  'machine learning',
  'mobile',
  'infrastructure',
  'security',
  'designer',
  'analyst',
  'sre',
  'fullstack',
  'api',
];
const TITLES = [
  'Backend Engineer',
  'Frontend Developer',
  'Platform Engineer',
  'Data Engineer',
  'Product Designer',
  'Site Reliability Engineer',
  'Mobile Developer',
  'Security Engineer',
  'Machine Learning Engineer',
  'Fullstack Engineer',
  'API Engineer',
  'Data Analyst',
];

/** Seed, then time matching and a dry run. */
export async function benchAlertMatching(
  database: Database,
  options: AlertBenchOptions = {},
): Promise<AlertBenchResult> {
  const searchCount = options.searches ?? 10_000;
  const newCount = options.jobs ?? 1_000;
  const olderCount = options.olderJobs ?? 5_000;
  const rand = mulberry32(options.seed ?? 42);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const now = new Date();
  const windowStart = new Date(now.getTime() - 86_400_000);
  const { sql } = database;

  // Jobs: 100 companies, older ones first seen 2-30 days ago, new ones within the last day.
  const companies = 100;
  const boards: PostingToWrite[][] = Array.from({ length: companies }, () => []);
  const makePosting = (i: number, company: number): PostingToWrite => {
    const worldwide = rand() < 0.35;
    const tags = [...new Set([pick(TAGS), pick(TAGS), ...(rand() < 0.5 ? [pick(TAGS)] : [])])].sort();
    const salary =
      rand() < 0.5
        ? annualize({
            min: 60_000 + Math.floor(rand() * 80) * 1000,
            max: 150_000 + Math.floor(rand() * 60) * 1000,
            currency: 'USD',
            period: 'year',
          })
        : null;
    const title = `${rand() < 0.4 ? 'Senior ' : ''}${pick(TITLES)}`;
    return {
      externalId: `job-${i}`,
      title,
      companySlug: `bench-co-${company}`,
      applyUrl: `https://boards.example.com/bench-co-${company}/${i}`,
      locationText: worldwide ? 'Remote' : 'Remote (listed countries)',
      employmentType: 'full-time',
      seniority: title.startsWith('Senior') ? 'senior' : null,
      category: pick(CATEGORIES),
      tags,
      salary,
      descriptionHtml: `<p>${title} working with ${tags.join(', ')}.</p>`,
      descriptionText: `${title} working with ${tags.join(', ')}. We build ${pick(WORDS)} systems.`,
      postedAt: null,
      sourceKind: 'greenhouse',
      workplace: rand() < 0.9 ? 'remote' : 'hybrid',
      worldwide,
      countries: worldwide ? [] : [...new Set([pick(COUNTRIES), pick(COUNTRIES), pick(COUNTRIES)])].sort(),
      timezone: null,
      evidence: null,
      raw: { i },
    };
  };
  const sources: { id: number; companyId: number; companySlug: string; companyName: string; kind: string }[] =
    [];
  for (let c = 0; c < companies; c++) {
    const [company] = await sql<
      { id: string }[]
    >`insert into companies (slug, name) values (${`bench-co-${c}`}, ${`Bench Co ${c}`}) returning id`;
    const [source] = await sql<
      { id: string }[]
    >`insert into sources (company_id, kind, token) values (${company!.id}, 'greenhouse', ${`bench-co-${c}`}) returning id`;
    sources.push({
      id: Number(source!.id),
      companyId: Number(company!.id),
      companySlug: `bench-co-${c}`,
      companyName: `Bench Co ${c}`,
      kind: 'greenhouse',
    });
  }
  for (let i = 0; i < olderCount; i++) boards[i % companies]!.push(makePosting(i, i % companies));
  for (let c = 0; c < companies; c++) {
    await writeSourcePostings(database, sources[c]!, boards[c]!, {
      now: new Date(now.getTime() - (2 + (c % 28)) * 86_400_000),
    });
  }
  for (let i = olderCount; i < olderCount + newCount; i++)
    boards[i % companies]!.push(makePosting(i, i % companies));
  for (let c = 0; c < companies; c++) {
    await writeSourcePostings(database, sources[c]!, boards[c]!, {
      now: new Date(windowStart.getTime() + (c + 1) * 600_000),
    });
  }

  // Saved searches: a tag or two, often a country, sometimes a category, seniority or words.
  const records = Array.from({ length: searchCount }, () => {
    const params = new URLSearchParams();
    params.append('tag', pick(TAGS));
    if (rand() < 0.3) params.append('tag', pick(TAGS));
    if (rand() < 0.6) params.set('country', pick(COUNTRIES));
    if (rand() < 0.3) params.set('category', pick(CATEGORIES));
    if (rand() < 0.15) params.set('seniority', 'senior');
    if (rand() < 0.3) params.set('q', pick(WORDS));
    if (rand() < 0.2) params.set('salaryMin', String(80_000 + Math.floor(rand() * 8) * 10_000));
    const saved = toSavedQuery(params);
    if (!saved.ok) throw new Error(`bench query does not parse: ${params}`);
    return saved.record;
  });
  const subscribersPerSearch = 2;
  const emails = Array.from(
    { length: Math.ceil(searchCount / subscribersPerSearch) },
    (_, i) => `bench-${i}@example.com`,
  );
  await sql`insert into subscribers (email, confirmed_at) select unnest(${sql.array(emails)}::text[]), ${windowStart.toISOString()}::timestamptz`;
  await sql`
    insert into saved_searches (subscriber_id, query, frequency, timezone, status, confirmed_at, last_delivered_at, next_delivery_at)
    select s.id, q.query, 'daily', 'UTC', 'active', ${windowStart.toISOString()}::timestamptz, ${windowStart.toISOString()}::timestamptz,
           ${new Date(now.getTime() - 60_000).toISOString()}::timestamptz
      from jsonb_array_elements(${JSON.stringify(records)}::jsonb) with ordinality as q(query, n)
      join subscribers s on s.email = 'bench-' || ((q.n - 1) / ${subscribersPerSearch}) || '@example.com'`;
  await sql`analyze`;

  const rows = await sql<
    { id: string; query: Record<string, string | string[]> }[]
  >`select id, query from saved_searches`;
  const searches: SearchToMatch[] = rows.map((row) => ({
    id: Number(row.id),
    query: fromSavedQuery(row.query)!,
    record: row.query,
    windowStart,
  }));
  const engine = createSearchEngine(database);

  let started = performance.now();
  const { matches, stats } = await matchSavedSearches(database, searches, { cutoff: now, now, engine });
  const matchMs = performance.now() - started;

  started = performance.now();
  const dry = await sendDueAlerts({
    now: new Date(now.getTime() + 3 * 60_000),
    dryRun: true,
    database,
    engine,
  });
  const dryRunMs = performance.now() - started;

  return {
    searches: searches.length,
    distinctQueries: stats.groups,
    newJobs: stats.candidates,
    distinctTexts: stats.texts,
    textQueries: stats.textQueries,
    matchMs: Math.round(matchMs),
    dryRunMs: Math.round(dryRunMs),
    emails: Math.max(matches.size, dry.emails),
  };
}

async function main(): Promise<void> {
  const argument = (name: string) => {
    const index = process.argv.indexOf(name);
    return index > 0 ? process.argv[index + 1] : undefined;
  };
  const database = await getDatabase({ log: (line) => console.error(line) });
  try {
    await runMigrations(database);
    const [row] = await database.sql<{ n: number }[]>`select count(*)::int as n from jobs`;
    if (row!.n > 0 && !process.argv.includes('--reset')) {
      throw new Error(
        `${database.displayUrl} already holds ${row!.n} jobs; use a disposable database or pass --reset to empty it.`,
      );
    }
    await database.sql`truncate table alert_deliveries, saved_searches, subscribers, scrape_runs, jobs, sources, companies restart identity cascade`;
    const result = await benchAlertMatching(database, {
      searches: Number(argument('--searches') ?? 10_000),
      jobs: Number(argument('--jobs') ?? 1_000),
    });
    console.log(JSON.stringify(result, null, 2));
    console.log(
      `alerts matching: ${result.searches} saved searches x ${result.newJobs} new jobs in ${result.matchMs} ms (dry run ${result.dryRunMs} ms)`,
    );
  } finally {
    await closeDatabase();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
