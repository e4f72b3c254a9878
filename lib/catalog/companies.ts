/**
 * The company directory in the public API's shape (lib/api/schemas.ts): lib/companies/read.ts
 * reads, this maps. The API adds each company's page URL, nests a source's health and writes
 * timestamps as ISO text.
 */
import type { ApiCompany, ApiCompanyPage, ApiCompanyProfile, ApiCompanySource } from '../api/schemas';
import { getCompanyProfile, listCompanies, type CompanySummary, type SourceHealth } from '../companies/read';
import type { Database } from '../db/client';
import { env } from '../env';
import type { CompanyQuery } from './company-query';

function toApiCompany(company: CompanySummary, publicUrl: string): ApiCompany {
  return {
    slug: company.slug,
    name: company.name,
    url: `${publicUrl}/companies/${company.slug}`,
    website: company.website,
    careersUrl: company.careersUrl,
    description: company.description,
    region: company.region,
    remotePolicy: company.remotePolicy,
    size: company.size,
    technologies: company.technologies,
    status: company.status,
    openJobs: company.openJobs,
  };
}

function toApiSource(source: SourceHealth): ApiCompanySource {
  return {
    kind: source.kind,
    token: source.token,
    url: source.url,
    openJobs: source.openJobs,
    health: {
      state: source.state,
      lastStatus: source.lastStatus,
      lastRunAt: source.lastRunAt?.toISOString() ?? null,
      lastSuccessAt: source.lastSuccessAt?.toISOString() ?? null,
      nextRunAt: source.nextRunAt?.toISOString() ?? null,
      failureStreak: source.failureStreak,
    },
  };
}

/** A page of the company directory, by name. */
export async function listCompanyPage(query: CompanyQuery, database?: Database): Promise<ApiCompanyPage> {
  const list = await listCompanies(query, database);
  const { publicUrl } = env();
  return {
    total: list.total,
    page: list.page,
    perPage: list.perPage,
    companies: list.companies.map((company) => toApiCompany(company, publicUrl)),
  };
}

/**
 * A company's profile by slug (any case), with its sources: enabled ones first, the busiest first;
 * null when no company has that slug.
 */
export async function getCompanyBySlug(slug: string, database?: Database): Promise<ApiCompanyProfile | null> {
  const company = await getCompanyProfile(slug.toLowerCase(), {}, database);
  if (!company) return null;
  // The reader orders sources by kind; a stable sort keeps that order among equals.
  const sources = company.sources.toSorted(
    (a, b) => Number(b.enabled) - Number(a.enabled) || b.openJobs - a.openJobs,
  );
  return { ...toApiCompany(company, env().publicUrl), sources: sources.map(toApiSource) };
}
