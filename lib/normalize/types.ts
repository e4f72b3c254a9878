/**
 * The shape every stored job carries after normalization (also what `elsewhere parse` prints).
 * Produced by `normalizePosting(raw, context)` in lib/normalize/index.ts, a pure function.
 */

export type Workplace = 'remote' | 'hybrid' | 'onsite' | 'unknown';

export const EMPLOYMENT_TYPES = ['full-time', 'part-time', 'contract', 'internship', 'temporary'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const SENIORITIES = [
  'intern',
  'junior',
  'mid',
  'senior',
  'staff',
  'principal',
  'lead',
  'manager',
  'director',
  'executive',
] as const;
export type Seniority = (typeof SENIORITIES)[number];

export const CATEGORIES = [
  'engineering',
  'design',
  'product',
  'data',
  'devops',
  'security',
  'qa',
  'support',
  'sales',
  'marketing',
  'operations',
  'people',
  'finance',
  'legal',
  'writing',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SALARY_PERIODS = ['hour', 'day', 'week', 'month', 'year'] as const;
export type SalaryPeriod = (typeof SALARY_PERIODS)[number];

/** A UTC offset window in hours, inclusive: someone at offset x may apply when min <= x <= max. */
export interface TimezoneWindow {
  minUtcOffset: number;
  maxUtcOffset: number;
}

export interface Salary {
  min: number | null;
  max: number | null;
  /** ISO 4217 */
  currency: string;
  period: SalaryPeriod;
  /** Annualized in USD with the bundled rate table (lib/normalize/fx-rates.ts); null if the currency is unknown. */
  annualUsdMin: number | null;
  annualUsdMax: number | null;
}

/** Where someone may work from, and why we think so. */
export interface Eligibility {
  workplace: Workplace;
  /** True when people anywhere may apply. */
  worldwide: boolean;
  /** ISO 3166-1 alpha-2 codes someone may live in (sorted, unique); empty when worldwide or unknown. */
  countries: string[];
  timezone: TimezoneWindow | null;
  /** The phrase that decided it, shown to users ("Location: Remote - US", "must be based in the EU"). */
  evidence: string | null;
}

export interface NormalizedPosting extends Eligibility {
  externalId: string;
  title: string;
  companySlug: string;
  /** Apply URL with tracking parameters (utm_*, gh_src, lever-source, ref, source) removed. */
  applyUrl: string;
  /** The source's location strings joined with " · ". */
  locationText: string;
  employmentType: EmploymentType | null;
  seniority: Seniority | null;
  category: Category;
  /** Canonical tech tags from the curated vocabulary (lib/normalize/tags.ts), sorted. */
  tags: string[];
  salary: Salary | null;
  /** Sanitized HTML, safe to render. */
  descriptionHtml: string;
  /** Plain text of the description, for search and summaries. */
  descriptionText: string;
  /** ISO 8601, or null when the source gives no date. */
  postedAt: string | null;
  sourceKind: string;
}
