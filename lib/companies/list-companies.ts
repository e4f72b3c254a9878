/**
 * List companies with their sources, for `elsewhere companies list` and other operator views.
 */
import { and, asc, count, eq, exists, ilike, inArray, not, or, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { companies, sources } from '../db/schema';

/** Options of `listCompanies`. */
export interface ListCompaniesOptions {
  /** Case-insensitive substring of the name or slug. */
  search?: string;
  status?: 'active' | 'closed';
  /** Only companies with at least one source (true) or without any (false). @default both */
  hasSources?: boolean;
  /** @default 100 */
  limit?: number;
  /** @default 0 */
  offset?: number;
}

/** A source as the list shows it. */
export interface CompanySourceSummary {
  id: number;
  kind: string;
  token: string | null;
  url: string | null;
  enabled: boolean;
  lastStatus: string | null;
  lastSuccessAt: Date | null;
  openJobs: number;
}

/** A company as the list shows it. */
export interface CompanyListItem {
  id: number;
  slug: string;
  name: string;
  website: string | null;
  careersUrl: string | null;
  region: string | null;
  remotePolicy: string | null;
  status: string;
  statusNote: string | null;
  profileSource: string | null;
  sources: CompanySourceSummary[];
}

/** A page of companies by name, and how many match in all. */
export interface CompanyList {
  total: number;
  companies: CompanyListItem[];
}

/** `%` and `_` in a search are literal characters, not wildcards. */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Companies ordered by name (then slug), with their sources ordered by kind. */
export async function listCompanies(
  database: Database,
  options: ListCompaniesOptions = {},
): Promise<CompanyList> {
  const { db } = database;
  const conditions: SQL[] = [];
  const search = options.search?.trim();
  if (search) {
    const pattern = likePattern(search);
    conditions.push(or(ilike(companies.name, pattern), ilike(companies.slug, pattern))!);
  }
  if (options.status) conditions.push(eq(companies.status, options.status));
  if (options.hasSources !== undefined) {
    const withSource = exists(
      db.select({ id: sources.id }).from(sources).where(eq(sources.companyId, companies.id)),
    );
    conditions.push(options.hasSources ? withSource : not(withSource));
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;

  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(companies).where(where);
  const rows = await db
    .select({
      id: companies.id,
      slug: companies.slug,
      name: companies.name,
      website: companies.website,
      careersUrl: companies.careersUrl,
      region: companies.region,
      remotePolicy: companies.remotePolicy,
      status: companies.status,
      statusNote: companies.statusNote,
      profileSource: companies.profileSource,
    })
    .from(companies)
    .where(where)
    .orderBy(asc(companies.name), asc(companies.slug))
    .limit(options.limit ?? 100)
    .offset(options.offset ?? 0);

  const sourceRows =
    rows.length === 0
      ? []
      : await db
          .select({
            id: sources.id,
            companyId: sources.companyId,
            kind: sources.kind,
            token: sources.token,
            url: sources.url,
            enabled: sources.enabled,
            lastStatus: sources.lastStatus,
            lastSuccessAt: sources.lastSuccessAt,
            openJobs: sources.openJobs,
          })
          .from(sources)
          .where(
            inArray(
              sources.companyId,
              rows.map((row) => row.id),
            ),
          )
          .orderBy(asc(sources.kind), asc(sources.id));
  const byCompany = new Map<number, CompanySourceSummary[]>();
  for (const { companyId, ...source } of sourceRows) {
    const list = byCompany.get(companyId) ?? [];
    list.push(source);
    byCompany.set(companyId, list);
  }
  return { total, companies: rows.map((row) => ({ ...row, sources: byCompany.get(row.id) ?? [] })) };
}
