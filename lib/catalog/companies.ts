/**
 * The company directory as the public API shows it: companies with their open job counts, and one
 * company's profile with its sources and how healthy their scraping is.
 *
 * "Open jobs" counts listings (open, not a duplicate of another listing): the number a search
 * filtered to the company returns, whatever the workplace.
 */
import type postgres from 'postgres';
import { getDatabase, type Database } from '../db/client';
import { env } from '../env';
import type { CompanyQuery } from './company-query';

/** A company as the directory lists it. */
export interface CompanySummary {
  slug: string;
  name: string;
  /** Absolute URL of the company's page on this site. */
  url: string;
  website: string | null;
  careersUrl: string | null;
  description: string | null;
  /** worldwide | americas | europe | americas-europe | asia-pacific | other */
  region: string | null;
  /** fully-remote | remote-first | remote-friendly | hybrid */
  remotePolicy: string | null;
  /** small | medium | large */
  size: string | null;
  technologies: string[];
  /** active, or closed (the company shut down: kept, no longer scraped). */
  status: string;
  openJobs: number;
}

/**
 * How a source's scraping is going:
 * ok (last run succeeded), failing (the last run or runs failed), suspicious (the board shrank
 * abruptly, closures held back), pending (never run), disabled.
 */
export type SourceHealthState = 'ok' | 'failing' | 'suspicious' | 'pending' | 'disabled';

/** One board or careers page the company's jobs come from. */
export interface CompanySource {
  /** The source kind (greenhouse, lever, jsonld...). */
  kind: string;
  /** Board token, for ATS kinds. */
  token: string | null;
  /** Careers page or board URL, when known. */
  url: string | null;
  /** Open postings on this source, duplicates included. */
  openJobs: number;
  health: {
    state: SourceHealthState;
    /** Status of the last run: ok | not_modified | failed | suspicious. */
    lastStatus: string | null;
    lastRunAt: string | null;
    lastSuccessAt: string | null;
    nextRunAt: string | null;
    /** Failed runs in a row. */
    failureStreak: number;
  };
}

export interface CompanyProfile extends CompanySummary {
  sources: CompanySource[];
}

export interface CompanyPage {
  total: number;
  page: number;
  perPage: number;
  companies: CompanySummary[];
}

interface CompanyRow {
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
  open_jobs: number;
}

function toSummary(row: CompanyRow, publicUrl: string): CompanySummary {
  return {
    slug: row.slug,
    name: row.name,
    url: `${publicUrl}/companies/${row.slug}`,
    website: row.website,
    careersUrl: row.careers_url,
    description: row.description,
    region: row.region,
    remotePolicy: row.remote_policy,
    size: row.size,
    technologies: row.technologies,
    status: row.status,
    openJobs: Number(row.open_jobs),
  };
}

/** Companies columns plus the open listing count, as `CompanyRow`. */
function companyColumns(sql: postgres.Sql): postgres.Fragment {
  return sql`
    c.slug, c.name, c.website, c.careers_url, c.description, c.region, c.remote_policy, c.size,
    c.technologies, c.status,
    (select count(*)::int from jobs j
      where j.company_id = c.id and j.closed_at is null and j.duplicate_of_id is null) as open_jobs`;
}

/** A page of the company directory, by name. */
export async function listCompanies(query: CompanyQuery, database?: Database): Promise<CompanyPage> {
  const { sql } = database ?? (await getDatabase());
  const conditions: postgres.Fragment[] = [sql`true`];
  if (query.q) {
    // position() rather than ILIKE: the text is the user's, and % or _ in it must match themselves.
    const needle = query.q.toLowerCase();
    conditions.push(sql`(position(${needle} in lower(c.name)) > 0 or position(${needle} in c.slug) > 0)`);
  }
  if (query.region.length > 0) conditions.push(sql`c.region = any(${sql.array(query.region)}::text[])`);
  if (query.remotePolicy.length > 0) {
    conditions.push(sql`c.remote_policy = any(${sql.array(query.remotePolicy)}::text[])`);
  }
  const where = conditions.reduce((joined, condition) => sql`${joined} and ${condition}`);
  const hiring = query.hiring === null ? sql`true` : query.hiring ? sql`open_jobs > 0` : sql`open_jobs = 0`;
  const [row] = await sql<{ total: number; companies: CompanyRow[] }[]>`
    with listed as (
      select ${companyColumns(sql)} from companies c where ${where}
    ),
    filtered as (select * from listed where ${hiring})
    select
      (select count(*)::int from filtered) as total,
      (select coalesce(json_agg(p), '[]'::json) from (
         select * from filtered order by lower(name), slug
          limit ${query.perPage} offset ${(query.page - 1) * query.perPage}) as p) as companies`;
  const publicUrl = env().publicUrl;
  return {
    total: row?.total ?? 0,
    page: query.page,
    perPage: query.perPage,
    companies: (row?.companies ?? []).map((company) => toSummary(company, publicUrl)),
  };
}

/** postgres.js may hand timestamps back as Date or as text, depending on how types were loaded. */
type Timestamp = Date | string;

function isoOrNull(value: Timestamp | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

interface SourceRow {
  kind: string;
  token: string | null;
  url: string | null;
  enabled: boolean;
  open_jobs: number;
  last_status: string | null;
  last_run_at: Timestamp | null;
  last_success_at: Timestamp | null;
  next_run_at: Timestamp | null;
  failure_streak: number;
}

/** The health state a source's bookkeeping adds up to. */
export function sourceHealthState(source: {
  enabled: boolean;
  lastRunAt: Timestamp | null;
  lastStatus: string | null;
  failureStreak: number;
}): SourceHealthState {
  if (!source.enabled) return 'disabled';
  if (source.lastRunAt === null) return 'pending';
  if (source.failureStreak > 0 || source.lastStatus === 'failed') return 'failing';
  if (source.lastStatus === 'suspicious') return 'suspicious';
  return 'ok';
}

/** A company's profile by slug, with its sources; null when no company has that slug. */
export async function getCompanyBySlug(slug: string, database?: Database): Promise<CompanyProfile | null> {
  const { sql } = database ?? (await getDatabase());
  const [company] = await sql<(CompanyRow & { id: string })[]>`
    select c.id, ${companyColumns(sql)} from companies c where c.slug = ${slug.toLowerCase()}`;
  if (!company) return null;
  const sources = await sql<SourceRow[]>`
    select kind, token, url, enabled, open_jobs, last_status, last_run_at, last_success_at, next_run_at,
           failure_streak
      from sources where company_id = ${company.id}
     order by enabled desc, open_jobs desc, kind, id`;
  return {
    ...toSummary(company, env().publicUrl),
    sources: sources.map((source) => ({
      kind: source.kind,
      token: source.token,
      url: source.url,
      openJobs: source.open_jobs,
      health: {
        state: sourceHealthState({
          enabled: source.enabled,
          lastRunAt: source.last_run_at,
          lastStatus: source.last_status,
          failureStreak: source.failure_streak,
        }),
        lastStatus: source.last_status,
        lastRunAt: isoOrNull(source.last_run_at),
        lastSuccessAt: isoOrNull(source.last_success_at),
        nextRunAt: isoOrNull(source.next_run_at),
        failureStreak: source.failure_streak,
      },
    })),
  };
}
