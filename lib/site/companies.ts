/**
 * The company directory's read models: the filterable list and one company's profile with its open
 * jobs and the health of its sources.
 */
import { getDatabase } from '../db/client';
import { toDate } from './dates';
import type { JobSummary } from '../search/engine';
import { loadJobSummaries } from '../search/results';

/** remoteintech's vocabulary, as lib/db/schema/companies.ts stores it. */
export const COMPANY_REGIONS = [
  'worldwide',
  'americas',
  'europe',
  'americas-europe',
  'asia-pacific',
  'other',
] as const;
export const REMOTE_POLICIES = ['fully-remote', 'remote-first', 'remote-friendly', 'hybrid'] as const;

export const COMPANY_REGION_LABELS: Record<(typeof COMPANY_REGIONS)[number], string> = {
  worldwide: 'Worldwide',
  americas: 'Americas',
  europe: 'Europe',
  'americas-europe': 'Americas & Europe',
  'asia-pacific': 'Asia-Pacific',
  other: 'Other',
};
export const REMOTE_POLICY_LABELS: Record<(typeof REMOTE_POLICIES)[number], string> = {
  'fully-remote': 'Fully remote',
  'remote-first': 'Remote-first',
  'remote-friendly': 'Remote-friendly',
  hybrid: 'Hybrid',
};

/** Companies per directory page. */
export const COMPANIES_PER_PAGE = 120;

export interface CompanyFilter {
  remotePolicy: string | null;
  region: string | null;
  /** Only companies with at least one open job. */
  hiring: boolean;
  /** Name contains, case-insensitive. */
  q: string | null;
  /** 1-based. */
  page: number;
}

export interface CompanyListItem {
  slug: string;
  name: string;
  region: string | null;
  remotePolicy: string | null;
  size: string | null;
  status: 'active' | 'closed';
  openJobs: number;
}

export interface CompanyList {
  total: number;
  page: number;
  perPage: number;
  companies: CompanyListItem[];
  /** Companies per value of each filter, every other filter applied (as the job facets count). */
  counts: {
    remotePolicy: Record<string, number>;
    region: Record<string, number>;
    hiring: number;
  };
}

/** The directory page for a filter, sorted by name. */
export async function listCompanies(filter: CompanyFilter): Promise<CompanyList> {
  const { sql } = await getDatabase();
  const perPage = COMPANIES_PER_PAGE;
  const offset = (Math.max(1, filter.page) - 1) * perPage;
  const like = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  // One pass: each row knows which filters it passes, so every count leaves out its own filter.
  const rows = await sql<
    {
      slug: string;
      name: string;
      region: string | null;
      remote_policy: string | null;
      size: string | null;
      status: string;
      open_jobs: number;
      total: number;
      policy_counts: Record<string, number> | null;
      region_counts: Record<string, number> | null;
      hiring_count: number;
    }[]
  >`
    with base as (
      select c.slug, c.name, c.region, c.remote_policy, c.size, c.status,
             coalesce(o.n, 0)::int as open_jobs,
             (${like}::text is null or c.name ilike ${like}) as ok_q,
             (${filter.remotePolicy}::text is null or c.remote_policy = ${filter.remotePolicy}) as ok_policy,
             (${filter.region}::text is null or c.region = ${filter.region}) as ok_region,
             (not ${filter.hiring} or coalesce(o.n, 0) > 0) as ok_hiring
        from companies c
        left join (select company_id, count(*) as n from jobs
                    where closed_at is null and duplicate_of_id is null group by company_id) o
          on o.company_id = c.id
    ),
    matching as (select * from base where ok_q and ok_policy and ok_region and ok_hiring)
    select m.*, (select count(*)::int from matching) as total,
           (select json_object_agg(v, n) from (select remote_policy as v, count(*)::int as n from base
              where ok_q and ok_region and ok_hiring and remote_policy is not null group by 1) p) as policy_counts,
           (select json_object_agg(v, n) from (select region as v, count(*)::int as n from base
              where ok_q and ok_policy and ok_hiring and region is not null group by 1) r) as region_counts,
           (select count(*)::int from base where ok_q and ok_policy and ok_region and open_jobs > 0) as hiring_count
      from (select 1) one
      left join lateral (select * from matching order by lower(name), slug limit ${perPage} offset ${offset}) m on true`;
  const first = rows[0];
  return {
    total: first?.total ?? 0,
    page: Math.max(1, filter.page),
    perPage,
    companies: rows
      .filter((row) => row.slug !== null)
      .map((row) => ({
        slug: row.slug,
        name: row.name,
        region: row.region,
        remotePolicy: row.remote_policy,
        size: row.size,
        status: row.status === 'closed' ? 'closed' : 'active',
        openJobs: row.open_jobs,
      })),
    counts: {
      remotePolicy: first?.policy_counts ?? {},
      region: first?.region_counts ?? {},
      hiring: first?.hiring_count ?? 0,
    },
  };
}

/** One source of a company and how its scrapes are going. */
export interface SourceHealth {
  kind: string;
  /** Board token or page URL: what identifies the board. */
  board: string;
  enabled: boolean;
  lastRunAt: Date | null;
  lastSuccessAt: Date | null;
  /** ok | not_modified | failed | suspicious, or null before the first run. */
  lastStatus: string | null;
  lastError: string | null;
  failureStreak: number;
  openJobs: number;
  nextRunAt: Date | null;
}

export interface CompanyProfile {
  slug: string;
  name: string;
  website: string | null;
  careersUrl: string | null;
  description: string | null;
  region: string | null;
  remotePolicy: string | null;
  size: string | null;
  technologies: string[];
  status: 'active' | 'closed';
  statusNote: string | null;
  profileSource: string | null;
  updatedAt: Date;
  sources: SourceHealth[];
  /** Open listings, newest first. */
  openJobs: JobSummary[];
}

/** Most open jobs listed on a company page. */
export const COMPANY_PAGE_JOBS = 100;

/** A company's profile by slug, or null. */
export async function getCompanyProfile(slug: string): Promise<CompanyProfile | null> {
  const database = await getDatabase();
  const { sql } = database;
  const [company] = await sql<
    {
      id: number;
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
      updated_at: Date;
    }[]
  >`select id, slug, name, website, careers_url, description, region, remote_policy, size, technologies,
           status, status_note, profile_source, updated_at
      from companies where slug = ${slug}`;
  if (!company) return null;
  const [sources, jobIds] = await Promise.all([
    sql<
      {
        kind: string;
        token: string | null;
        url: string | null;
        enabled: boolean;
        last_run_at: Date | null;
        last_success_at: Date | null;
        last_status: string | null;
        last_error: string | null;
        failure_streak: number;
        open_jobs: number;
        next_run_at: Date | null;
      }[]
    >`select kind, token, url, enabled, last_run_at, last_success_at, last_status, last_error,
             failure_streak, open_jobs, next_run_at
        from sources where company_id = ${company.id} order by kind, id`,
    sql<{ id: number }[]>`
      select id from jobs where company_id = ${company.id} and closed_at is null and duplicate_of_id is null
       order by first_seen_at desc, id desc limit ${COMPANY_PAGE_JOBS}`,
  ]);
  return {
    slug: company.slug,
    name: company.name,
    website: company.website,
    careersUrl: company.careers_url,
    description: company.description,
    region: company.region,
    remotePolicy: company.remote_policy,
    size: company.size,
    technologies: company.technologies,
    status: company.status === 'closed' ? 'closed' : 'active',
    statusNote: company.status_note,
    profileSource: company.profile_source,
    updatedAt: toDate(company.updated_at) ?? new Date(0),
    sources: sources.map((source) => ({
      kind: source.kind,
      board: source.token ?? source.url ?? '',
      enabled: source.enabled,
      lastRunAt: toDate(source.last_run_at),
      lastSuccessAt: toDate(source.last_success_at),
      lastStatus: source.last_status,
      lastError: source.last_error,
      failureStreak: source.failure_streak,
      openJobs: source.open_jobs,
      nextRunAt: toDate(source.next_run_at),
    })),
    openJobs: await loadJobSummaries(
      database,
      jobIds.map((row) => Number(row.id)),
    ),
  };
}

/** Company names by slug, for labelling company facet values. Unknown slugs are left out. */
export async function getCompanyNames(slugs: readonly string[]): Promise<Record<string, string>> {
  if (slugs.length === 0) return {};
  const { sql } = await getDatabase();
  const rows = await sql<{ slug: string; name: string }[]>`
    select slug, name from companies where slug = any(${sql.array([...slugs])}::text[])`;
  return Object.fromEntries(rows.map((row) => [row.slug, row.name]));
}
