/**
 * One posting as a source publishes it: what every adapter (scrapers/ats/<kind>/mapper.ts) produces and
 * `normalizePosting` consumes. Mapped to a common shape, but not yet interpreted: eligibility, salary
 * text, tags and sanitizing happen in lib/normalize.
 */

/** Salary exactly as the ATS structured it (not parsed from text). */
export interface StructuredSalary {
  min: number | null;
  max: number | null;
  /** ISO 4217 when the ATS gives one; free text otherwise (normalized later). */
  currency: string | null;
  /** The ATS's own word for the interval ("per-year-salary", "YEAR", "month", "1 YEAR"...). */
  interval: string | null;
}

/** One posting as a source publishes it, mapped to a common shape but not yet interpreted. */
export interface RawPosting {
  /** The source's own stable id for the posting (Greenhouse id, Lever uuid, Workable shortcode...). */
  externalId: string;
  title: string;
  /** Absolute URL where a person applies or reads the posting on the company's side. */
  applyUrl: string;
  /** Every location string the source gives, in its order ("Remote - US", "Berlin, Germany"). */
  locations: string[];
  /** Description HTML exactly as received (may be entity-escaped: Greenhouse double-escapes). */
  descriptionHtml: string | null;
  department: string | null;
  team: string | null;
  /** The source's employment type words ("Full-time", "FullTime", "permanent", "CONTRACTOR"). */
  employmentType: string | null;
  /** The source's seniority/experience words when it has any ("Mid-Senior level", "experienced"). */
  seniority: string | null;
  /** ISO 8601 date-time when the source says when it was published. */
  postedAt: string | null;
  /** ISO 8601 date-time of the source's last update, when given. */
  updatedAt: string | null;
  /** Structured remote signals. `null` means the source did not say. */
  remote: {
    /** The source says it is remote (Ashby isRemote, Workable telecommuting, SmartRecruiters location.remote...). */
    isRemote: boolean | null;
    /** The source's workplace type, mapped: remote | hybrid | onsite. */
    workplaceType: 'remote' | 'hybrid' | 'onsite' | null;
    /** ISO 3166-1 alpha-2 codes the source attaches to the posting (Lever country, Recruitee country_code). */
    countryCodes: string[];
  };
  salary: StructuredSalary | null;
  /** Free-text salary the source shows (Lever salaryDescriptionPlain, Ashby compensationTierSummary). */
  salaryText: string | null;
  /** Keywords/tags the source attaches (Recruitee tags, Personio keywords). */
  tags: string[];
  /** Custom fields worth reading for signals (Greenhouse metadata "Workplace Type" etc.), name -> value. */
  metadata: Record<string, string>;
}
