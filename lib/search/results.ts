/**
 * What both engines share once they know which jobs matched: facet bookkeeping and loading the
 * matched jobs from Postgres in the public shape. Engines find ids; this module turns ids into
 * `JobSummary`s, so an engine can never return a job that differs from its page.
 */
import type { Database } from '../db/client';
import { env } from '../env';
import type { Category, EmploymentType, SalaryPeriod, Seniority, Workplace } from '../normalize/types';
import type { FacetCounts, JobSummary, SearchResult } from './engine';

/** Facets every search returns, in display order. */
export const FACET_NAMES = ['category', 'type', 'seniority', 'company', 'tag', 'workplace'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

/** Most values listed per facet (the most frequent first); Meilisearch's `maxValuesPerFacet` too. */
export const MAX_FACET_VALUES = 100;

/**
 * Path of a job's page. lib/jobs makes the public id the tail of the slug; older or hand-made rows
 * whose slug lacks it get it appended, so the path always carries the stable id.
 */
export function jobPath(slug: string, publicId: string): string {
  const segment = slug === publicId || slug.endsWith(`-${publicId}`) ? slug : `${slug}-${publicId}`;
  return `/jobs/${segment}`;
}

export function emptyFacets(): Record<FacetName, FacetCounts> {
  return { category: {}, type: {}, seniority: {}, company: {}, tag: {}, workplace: {} };
}

/** Counts as a record ordered by count (desc) then value, positive counts only, at most MAX_FACET_VALUES. */
export function toFacetCounts(entries: Iterable<readonly [string, number]>): FacetCounts {
  const sorted = [...entries]
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_FACET_VALUES);
  return Object.fromEntries(sorted);
}

/** An empty page: what a search that can match nothing returns without asking the engine. */
export function emptyResult(page: number, perPage: number): SearchResult {
  return { total: 0, page, perPage, jobs: [], facets: emptyFacets(), internalIds: [] };
}

/** postgres.js returns timestamptz as Date or as text, depending on how the connection was set up. */
export type Timestamp = Date | string;

/** ISO 8601 (UTC) of a timestamp column. */
export function toIsoTimestamp(value: Timestamp): string {
  return new Date(value).toISOString();
}

interface SummaryRow {
  id: number;
  public_id: string;
  slug: string;
  apply_url: string;
  title: string;
  company_slug: string;
  company_name: string;
  location_text: string;
  workplace: Workplace;
  worldwide: boolean;
  countries: string[];
  tz_min: number | null;
  tz_max: number | null;
  evidence: string | null;
  category: Category;
  employment_type: EmploymentType | null;
  seniority: Seniority | null;
  salary_min: number | null;
  salary_max: number | null;
  salary_currency: string | null;
  salary_period: SalaryPeriod | null;
  salary_usd_min: number | null;
  salary_usd_max: number | null;
  tags: string[];
  posted_at: Timestamp | null;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
  sources: { kind: string; url: string }[];
}

/**
 * Load jobs by database id in the public shape, in the order of `ids` (ids that no longer exist
 * are skipped). One query, whatever the number of ids.
 */
export async function loadJobSummaries(
  database: Database,
  ids: readonly number[],
  publicUrl: string = env().publicUrl,
): Promise<JobSummary[]> {
  if (ids.length === 0) return [];
  const { sql } = database;
  const rows = await sql<SummaryRow[]>`
    select j.id, j.public_id, j.slug, j.apply_url, j.title, c.slug as company_slug, c.name as company_name,
           j.location_text, j.workplace, j.worldwide, j.countries, j.tz_min, j.tz_max, j.evidence,
           j.category, j.employment_type, j.seniority, j.salary_min, j.salary_max, j.salary_currency,
           j.salary_period, j.salary_usd_min, j.salary_usd_max, j.tags, j.posted_at, j.first_seen_at,
           -- An open job was also seen whenever its source was last found unchanged (scrape-state.ts).
           case when j.closed_at is null then greatest(j.last_seen_at, src.open_jobs_seen_at)
                else j.last_seen_at end as last_seen_at,
           j.updated_at, j.closed_at,
           (select coalesce(json_agg(json_build_object('kind', s.kind, 'url', d.apply_url)
                                     order by d.id <> j.id, d.first_seen_at, d.id), '[]'::json)
              from jobs d join sources s on s.id = d.source_id
             where d.id = j.id or (d.duplicate_of_id = j.id and d.closed_at is null)) as sources
      from jobs j join companies c on c.id = j.company_id join sources src on src.id = j.source_id
     where j.id = any(${sql.array([...ids])}::bigint[])`;
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toJobSummary(row, publicUrl)] : [];
  });
}

function toJobSummary(row: SummaryRow, publicUrl: string): JobSummary {
  const path = jobPath(row.slug, row.public_id);
  const hasSalary = row.salary_currency !== null && (row.salary_min !== null || row.salary_max !== null);
  return {
    id: row.public_id,
    slug: path.slice('/jobs/'.length),
    url: `${publicUrl}${path}`,
    applyUrl: row.apply_url,
    title: row.title,
    company: { slug: row.company_slug, name: row.company_name },
    locationText: row.location_text,
    workplace: row.workplace,
    worldwide: row.worldwide,
    countries: row.countries,
    timezone:
      row.tz_min !== null && row.tz_max !== null
        ? { minUtcOffset: row.tz_min, maxUtcOffset: row.tz_max }
        : null,
    evidence: row.evidence,
    category: row.category,
    type: row.employment_type,
    seniority: row.seniority,
    salary: hasSalary
      ? {
          min: row.salary_min,
          max: row.salary_max,
          currency: row.salary_currency!,
          period: row.salary_period ?? 'year',
          annualUsdMin: row.salary_usd_min,
          annualUsdMax: row.salary_usd_max,
        }
      : null,
    tags: row.tags,
    postedAt: row.posted_at === null ? null : toIsoTimestamp(row.posted_at),
    firstSeenAt: toIsoTimestamp(row.first_seen_at),
    lastSeenAt: toIsoTimestamp(row.last_seen_at),
    updatedAt: toIsoTimestamp(row.updated_at),
    closedAt: row.closed_at === null ? null : toIsoTimestamp(row.closed_at),
    sources: row.sources,
  };
}
