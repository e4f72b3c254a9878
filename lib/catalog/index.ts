/** Catalog: read-only views of jobs and companies in the public API's shape. */
export { getJobByPublicId, publicIdFrom } from './jobs';
export { listCompanyPage, getCompanyBySlug } from './companies';
export { parseCompanyQuery, type CompanyQuery } from './company-query';
