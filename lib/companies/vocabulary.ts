/**
 * The words companies are described with, as lib/db/schema/companies.ts stores them. Pure, so the
 * API's query parser, its OpenAPI document and the site's labels can share them.
 */

/** Where a company hires (companies.region; remoteintech's vocabulary). */
export const COMPANY_REGIONS = [
  'worldwide',
  'americas',
  'europe',
  'americas-europe',
  'asia-pacific',
  'other',
] as const;
export type CompanyRegion = (typeof COMPANY_REGIONS)[number];

/** How remote a company is (companies.remote_policy). */
export const REMOTE_POLICIES = ['fully-remote', 'remote-first', 'remote-friendly', 'hybrid'] as const;
export type RemotePolicy = (typeof REMOTE_POLICIES)[number];

/** active, or closed: the company shut down; it is kept, no longer scraped. */
export type CompanyStatus = 'active' | 'closed';
