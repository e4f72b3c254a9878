/**
 * Reading the company directory: the one place that queries companies and their sources, for the
 * CLI (`elsewhere companies list`), the public API (lib/catalog maps to its JSON) and the site.
 *
 * "Open jobs" of a company counts listings (open, not a duplicate of another listing): the number a
 * search filtered to the company returns, whatever the workplace. A source's `openJobs` is its own
 * bookkeeping and counts duplicates.
 */
import type postgres from 'postgres';
import { getDatabase, type Database } from '../db/client';
import type { JobSummary } from '../search/engine';
import { loadJobSummaries } from '../search/results';
import { toDate } from '../site/dates';
import type { CompanyStatus } from './vocabulary';

/** Which companies to list, and which page of them. Every filter left out matches all companies. */
export interface CompanyFilter {
  /** Case-insensitive substring of the name or slug; blank: no filter. */
  q?: string | null;
  /** Any of these regions (companies.region); empty: no filter. */
  region?: readonly string[];
  /** Any of these remote policies (companies.remote_policy); empty: no filter. */
  remotePolicy?: readonly string[];
  /** true: companies with open jobs; false: without any; null: all. @default null */
  hiring?: boolean | null;
  /** true: companies with at least one source; false: without any; null: all. @default null */
  hasSources?: boolean | null;
  /** 1-based. @default 1 */
  page?: number;
  /** @default 50 */
  perPage?: number;
}

/** A company with its open job count. */
export interface CompanySummary {
  id: number;
  slug: string;
  name: string;
  website: string | null;
  careersUrl: string | null;
  description: string | null;
  /** One of COMPANY_REGIONS, or null when unknown. */
  region: string | null;
  /** One of REMOTE_POLICIES, or null when unknown. */
  remotePolicy: string | null;
  /** small | medium | large */
  size: string | null;
  technologies: string[];
  status: CompanyStatus;
  /** Why it closed, for a closed company. */
  statusNote: string | null;
  /** Where the profile came from ("seed", "remoteintech/remote-jobs (ISC)", "cli"). */
  profileSource: string | null;
  updatedAt: Date;
  openJobs: number;
}

/** A page of companies by name (case-insensitive, then slug), and how many match in all. */
export interface CompanyList {
  total: number;
  page: number;
  perPage: number;
  companies: CompanySummary[];
  /** Companies per value of each filter with every other filter applied (as the job facets count). */
  counts: {
    region: Record<string, number>;
    remotePolicy: Record<string, number>;
    /** Companies with open jobs. */
    hiring: number;
  };
}

/**
 * How a source's scraping is going: ok (the last run succeeded), failing (the last run or runs
 * failed), suspicious (the board shrank abruptly, closures held back), pending (never run), disabled.
 */
export type SourceHealthState = 'ok' | 'failing' | 'suspicious' | 'pending' | 'disabled';

/** One board or careers page a company's jobs come from, and how its scrapes are going. */
export interface SourceHealth {
  id: number;
  /** The source kind (greenhouse, lever, jsonld...). */
  kind: string;
  /** Board token, for ATS kinds. */
  token: string | null;
  /** Careers page or board URL, when known. */
  url: string | null;
  enabled: boolean;
  state: SourceHealthState;
  /** ok | not_modified | failed | suspicious, or null before the first run. */
  lastStatus: string | null;
  lastError: string | null;
  lastRunAt: Date | null;
  lastSuccessAt: Date | null;
  nextRunAt: Date | null;
  /** Failed runs in a row. */
  failureStreak: number;
  /** Open postings on this source, duplicates included. */
  openJobs: number;
}

/** A company with its sources (by kind) and, when asked for, its newest open listings. */
export interface CompanyProfile extends CompanySummary {
  sources: SourceHealth[];
  /** Open listings, newest first: at most `jobs` of them (none unless asked for). */
  jobs: JobSummary[];
}

/** Options of `getCompanyProfile`. */
export interface CompanyProfileOptions {
  /** How many of the newest open listings to load. @default 0 */
  jobs?: number;
}

/** The health state a source's bookkeeping adds up to. */
export function sourceHealthState(source: {
  enabled: boolean;
  lastRunAt: Date | null;
  lastStatus: string | null;
  failureStreak: number;
}): SourceHealthState {
  if (!source.enabled) return 'disabled';
  if (source.lastRunAt === null) return 'pending';
  if (source.failureStreak > 0 || source.lastStatus === 'failed') return 'failing';
  if (source.lastStatus === 'suspicious') return 'suspicious';
  return 'ok';
}

/** postgres.js may hand timestamps back as Date or as text, depending on how types were loaded. */
type Timestamp = Date | string;

interface CompanyRow {
  /** bigint: postgres.js reads it as text. */
  id: string;
  slug: string;
  name: string;
  website: string | null;
  careers_url: string | null;
  description: string | null;
  region: string | null;
  remote_policy: string | null;
  size: string | null;
  technologies: string[];
  status: string;
  status_note: string | null;
  profile_source: string | null;
  updated_at: Timestamp;
  open_jobs: number;
}

/** The columns of `CompanyRow`, for a query over `companies c`. */
function companyColumns(sql: postgres.Sql): postgres.Fragment {
  return sql`
    c.id, c.slug, c.name, c.website, c.careers_url, c.description, c.region, c.remote_policy, c.size,
    c.technologies, c.status, c.status_note, c.profile_source, c.updated_at,
    (select count(*)::int from jobs j
      where j.company_id = c.id and j.closed_at is null and j.duplicate_of_id is null) as open_jobs`;
}

function toSummary(row: CompanyRow): CompanySummary {
  return {
    id: Number(row.id),
    slug: row.slug,
    name: row.name,
    website: row.website,
    careersUrl: row.careers_url,
    description: row.description,
    region: row.region,
    remotePolicy: row.remote_policy,
    size: row.size,
    technologies: row.technologies,
    status: row.status === 'closed' ? 'closed' : 'active',
    statusNote: row.status_note,
    profileSource: row.profile_source,
    updatedAt: toDate(row.updated_at) ?? new Date(0),
    openJobs: Number(row.open_jobs),
  };
}

/** `%` and `_` in a search are literal characters, not wildcards. */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

function anyOf(sql: postgres.Sql, column: postgres.Fragment, values: readonly string[] = []) {
  return values.length === 0 ? sql`true` : sql`${column} = any(${sql.array([...values])}::text[])`;
}

function yesNo(sql: postgres.Sql, condition: postgres.Fragment, wanted: boolean | null = null) {
  if (wanted === null) return sql`true`;
  return wanted ? condition : sql`not ${condition}`;
}

/**
 * A page of companies for a filter, with the counts a filter form shows beside each value. One
 * pass: each row knows which filters it passes, so every count leaves out its own filter.
 */
export async function listCompanies(filter: CompanyFilter, database?: Database): Promise<CompanyList> {
  const { sql } = database ?? (await getDatabase());
  const page = Math.max(1, filter.page ?? 1);
  const perPage = filter.perPage ?? 50;
  const search = filter.q?.trim();
  const like = search ? likePattern(search) : null;
  const rows = await sql<
    (CompanyRow & {
      total: number;
      region_counts: Record<string, number> | null;
      policy_counts: Record<string, number> | null;
      hiring_count: number;
    })[]
  >`
    with base as (
      select ${companyColumns(sql)},
             ${like === null ? sql`true` : sql`(c.name ilike ${like} or c.slug ilike ${like})`} as ok_q,
             ${anyOf(sql, sql`c.region`, filter.region)} as ok_region,
             ${anyOf(sql, sql`c.remote_policy`, filter.remotePolicy)} as ok_policy,
             ${yesNo(sql, sql`exists (select 1 from sources s where s.company_id = c.id)`, filter.hasSources)}
               as ok_sources
        from companies c
    ),
    judged as (select *, ${yesNo(sql, sql`open_jobs > 0`, filter.hiring)} as ok_hiring from base),
    matching as (select * from judged where ok_q and ok_region and ok_policy and ok_sources and ok_hiring)
    select m.*, (select count(*)::int from matching) as total,
           (select json_object_agg(v, n) from (select region as v, count(*)::int as n from judged
              where ok_q and ok_policy and ok_sources and ok_hiring and region is not null group by 1) r)
             as region_counts,
           (select json_object_agg(v, n) from (select remote_policy as v, count(*)::int as n from judged
              where ok_q and ok_region and ok_sources and ok_hiring and remote_policy is not null group by 1) p)
             as policy_counts,
           (select count(*)::int from judged
              where ok_q and ok_region and ok_policy and ok_sources and open_jobs > 0) as hiring_count
      from (select 1) one
      left join lateral (
        select id, slug, name, website, careers_url, description, region, remote_policy, size, technologies,
               status, status_note, profile_source, updated_at, open_jobs
          from matching order by lower(name), slug limit ${perPage} offset ${(page - 1) * perPage}
      ) m on true`;
  // The lateral join keeps one row when the page is empty, so the totals always come back.
  const first = rows[0];
  return {
    total: first?.total ?? 0,
    page,
    perPage,
    companies: rows.filter((row) => row.slug !== null).map(toSummary),
    counts: {
      region: first?.region_counts ?? {},
      remotePolicy: first?.policy_counts ?? {},
      hiring: first?.hiring_count ?? 0,
    },
  };
}

/** A sources row as postgres.js reads it (for lib/site/status.ts too, which reads the same bookkeeping). */
export interface SourceRow {
  /** bigint: postgres.js reads it as text. */
  id: string;
  kind: string;
  token: string | null;
  url: string | null;
  enabled: boolean;
  last_status: string | null;
  last_error: string | null;
  last_run_at: Timestamp | null;
  last_success_at: Timestamp | null;
  next_run_at: Timestamp | null;
  failure_streak: number;
  open_jobs: number;
}

/** The sources of these companies by company id, each company's ordered by kind. */
export async function listCompanySources(
  companyIds: readonly number[],
  database?: Database,
): Promise<Map<number, SourceHealth[]>> {
  const byCompany = new Map<number, SourceHealth[]>();
  if (companyIds.length === 0) return byCompany;
  const { sql } = database ?? (await getDatabase());
  const rows = await sql<(SourceRow & { company_id: string })[]>`
    select id, company_id, kind, token, url, enabled, last_status, last_error, last_run_at, last_success_at,
           next_run_at, failure_streak, open_jobs
      from sources where company_id = any(${sql.array(companyIds.map(String))}::bigint[])
     order by kind, id`;
  for (const row of rows) {
    const lastRunAt = toDate(row.last_run_at);
    const source: SourceHealth = {
      id: Number(row.id),
      kind: row.kind,
      token: row.token,
      url: row.url,
      enabled: row.enabled,
      state: sourceHealthState({
        enabled: row.enabled,
        lastRunAt,
        lastStatus: row.last_status,
        failureStreak: row.failure_streak,
      }),
      lastStatus: row.last_status,
      lastError: row.last_error,
      lastRunAt,
      lastSuccessAt: toDate(row.last_success_at),
      nextRunAt: toDate(row.next_run_at),
      failureStreak: row.failure_streak,
      openJobs: row.open_jobs,
    };
    const companyId = Number(row.company_id);
    byCompany.set(companyId, [...(byCompany.get(companyId) ?? []), source]);
  }
  return byCompany;
}

/** A company's profile by slug (exact), or null when no company has that slug. */
export async function getCompanyProfile(
  slug: string,
  options: CompanyProfileOptions = {},
  database?: Database,
): Promise<CompanyProfile | null> {
  const db = database ?? (await getDatabase());
  const { sql } = db;
  const [row] = await sql<
    CompanyRow[]
  >`select ${companyColumns(sql)} from companies c where c.slug = ${slug}`;
  if (!row) return null;
  const company = toSummary(row);
  const jobs = options.jobs ?? 0;
  const [sources, jobIds] = await Promise.all([
    listCompanySources([company.id], db),
    jobs > 0
      ? sql<{ id: string }[]>`
          select id from jobs where company_id = ${company.id} and closed_at is null and duplicate_of_id is null
           order by first_seen_at desc, id desc limit ${jobs}`
      : [],
  ]);
  return {
    ...company,
    sources: sources.get(company.id) ?? [],
    jobs: await loadJobSummaries(
      db,
      jobIds.map((job) => Number(job.id)),
    ),
  };
}

/** Company names by slug, for labelling company facet values. Unknown slugs are left out. */
export async function getCompanyNames(
  slugs: readonly string[],
  database?: Database,
): Promise<Record<string, string>> {
  if (slugs.length === 0) return {};
  const { sql } = database ?? (await getDatabase());
  const rows = await sql<{ slug: string; name: string }[]>`
    select slug, name from companies where slug = any(${sql.array([...slugs])}::text[])`;
  return Object.fromEntries(rows.map((row) => [row.slug, row.name]));
}
