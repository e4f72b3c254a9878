/** Catalog: read-only views of jobs and companies for the public API and the feeds. */
export { getJobByPublicId, publicIdFrom } from './jobs';
export {
  listCompanies,
  getCompanyBySlug,
  sourceHealthState,
  type CompanySummary,
  type CompanyProfile,
  type CompanySource,
  type CompanyPage,
  type SourceHealthState,
} from './companies';
export {
  parseCompanyQuery,
  COMPANY_REGIONS,
  REMOTE_POLICIES,
  HIRING_VALUES,
  COMPANY_QUERY_PARAMETERS,
  DEFAULT_COMPANIES_PER_PAGE,
  MAX_COMPANIES_PER_PAGE,
  MAX_COMPANY_PAGE,
  MAX_COMPANY_QUERY_LENGTH,
  type CompanyQuery,
  type CompanyRegion,
  type RemotePolicy,
} from './company-query';
