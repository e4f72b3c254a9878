/**
 * The baseline: search written the way a first version would be, to show what the engine buys.
 * Text is `ILIKE '%word%'` on title and description, filters are a plain WHERE, the page and the
 * total are two queries, and each facet is its own GROUP BY with every filter but its own. Nothing
 * here was written with an index in mind.
 */
import type postgres from 'postgres';
import type { Database } from '../../lib/db/client';
import type { JobQuery } from '../../lib/search/query';
import { loadJobSummaries } from '../../lib/search/results';

type Sql = postgres.Sql;
type Fragment = postgres.Fragment;

const DAY_MS = 86_400_000;

export interface NaiveResult {
  total: number;
  ids: number[];
  facets: Record<string, Record<string, number>>;
}

/** Split websearch-ish text into ILIKE terms: "quoted phrases", -excluded and plain words. */
function textConditions(sql: Sql, q: string): Fragment[] {
  const conditions: Fragment[] = [];
  for (const match of q.matchAll(/(-?)"([^"]+)"|(-?)(\S+)/g)) {
    const negated = (match[1] ?? match[3]) === '-';
    const term = match[2] ?? match[4]!;
    if (term.toLowerCase() === 'or') continue;
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const hit = sql`(j.title ilike ${pattern} or j.description_text ilike ${pattern})`;
    conditions.push(negated ? sql`not ${hit}` : hit);
  }
  return conditions;
}

function and(sql: Sql, fragments: readonly Fragment[]): Fragment {
  return fragments.reduce((joined, fragment) => sql`${joined} and ${fragment}`, sql`true`);
}

export async function naiveSearch(database: Database, query: JobQuery, now: Date): Promise<NaiveResult> {
  const { sql } = database;
  const common: Fragment[] = [sql`j.closed_at is null`, sql`j.duplicate_of_id is null`];
  if (query.q) common.push(...textConditions(sql, query.q));
  if (query.country) common.push(sql`(j.worldwide or ${query.country} = any(j.countries))`);
  if (query.tz !== null)
    common.push(sql`(j.tz_min is null or (j.tz_min <= ${query.tz} and j.tz_max >= ${query.tz}))`);
  if (query.salaryMin !== null) {
    common.push(
      query.salary === 'stated'
        ? sql`coalesce(j.salary_usd_max, j.salary_usd_min) >= ${query.salaryMin}`
        : sql`(coalesce(j.salary_usd_max, j.salary_usd_min) >= ${query.salaryMin} or coalesce(j.salary_usd_max, j.salary_usd_min) is null)`,
    );
  } else if (query.salary === 'stated') {
    common.push(sql`(j.salary_min is not null or j.salary_max is not null)`);
  }
  if (query.posted !== null) {
    common.push(
      sql`j.first_seen_at >= ${new Date(now.getTime() - query.posted * DAY_MS).toISOString()}::timestamptz`,
    );
  }

  const facetFilters: Record<string, Fragment | null> = {
    workplace: sql`j.workplace in ${sql(query.workplace)}`,
    category: query.category.length > 0 ? sql`j.category in ${sql(query.category)}` : null,
    type: query.type.length > 0 ? sql`j.employment_type in ${sql(query.type)}` : null,
    seniority: query.seniority.length > 0 ? sql`j.seniority in ${sql(query.seniority)}` : null,
    company: query.company.length > 0 ? sql`c.slug in ${sql(query.company)}` : null,
    tag: query.tag.length > 0 ? sql`j.tags && ${query.tag}::text[]` : null,
  };
  const where = (except: string | null) =>
    and(sql, [
      ...common,
      ...Object.entries(facetFilters)
        .filter(([name, fragment]) => name !== except && fragment !== null)
        .map(([, fragment]) => fragment!),
    ]);

  const order =
    query.sort === 'relevance' && query.q
      ? sql`(j.title ilike ${`%${query.q.split(' ')[0]}%`}) desc, j.first_seen_at desc, j.id desc`
      : query.sort === 'salary'
        ? sql`coalesce(j.salary_usd_max, j.salary_usd_min) desc nulls last, j.first_seen_at desc, j.id desc`
        : sql`j.first_seen_at desc, j.id desc`;

  const page = await sql<{ id: string }[]>`
    select j.id from jobs j join companies c on c.id = j.company_id
     where ${where(null)} order by ${order}
     limit ${query.perPage} offset ${(query.page - 1) * query.perPage}`;
  const [count] = await sql<{ n: number }[]>`
    select count(*)::int as n from jobs j join companies c on c.id = j.company_id where ${where(null)}`;

  const facets: Record<string, Record<string, number>> = {};
  const columns: [string, Fragment][] = [
    ['category', sql`j.category`],
    ['type', sql`j.employment_type`],
    ['seniority', sql`j.seniority`],
    ['company', sql`c.slug`],
    ['workplace', sql`j.workplace`],
  ];
  for (const [name, column] of columns) {
    const rows = await sql<{ value: string | null; n: number }[]>`
      select ${column} as value, count(*)::int as n from jobs j join companies c on c.id = j.company_id
       where ${where(name)} group by 1 order by 2 desc limit 100`;
    facets[name] = Object.fromEntries(
      rows.filter((row) => row.value !== null).map((row) => [row.value, row.n]),
    );
  }
  const tags = await sql<{ value: string; n: number }[]>`
    select tag as value, count(*)::int as n from jobs j join companies c on c.id = j.company_id, unnest(j.tags) as tag
     where ${where('tag')} group by 1 order by 2 desc limit 100`;
  facets.tag = Object.fromEntries(tags.map((row) => [row.value, row.n]));

  const ids = page.map((row) => Number(row.id));
  await loadJobSummaries(database, ids);
  return { total: count?.n ?? 0, ids, facets };
}
