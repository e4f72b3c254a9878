/**
 * schema.org JobPosting JSON-LD for a job page, following Google's job posting guidance: fully
 * remote jobs carry `jobLocationType: TELECOMMUTE` and the countries applicants may live in
 * (`applicantLocationRequirements`); hybrid and on-site ones carry a `jobLocation` instead. Pure.
 */
import type { JobSummary } from '../search/engine';
import type { EmploymentType, SalaryPeriod } from '../normalize/types';
import { countryName } from './country-names';

/** How long after it was last seen an open job is assumed to stay open (`validThrough`). */
export const VALID_FOR_DAYS = 30;

const EMPLOYMENT_TYPES: Record<EmploymentType, string> = {
  'full-time': 'FULL_TIME',
  'part-time': 'PART_TIME',
  contract: 'CONTRACTOR',
  internship: 'INTERN',
  temporary: 'TEMPORARY',
};

const UNIT_TEXT: Record<SalaryPeriod, string> = {
  hour: 'HOUR',
  day: 'DAY',
  week: 'WEEK',
  month: 'MONTH',
  year: 'YEAR',
};

export interface JobPostingInput {
  job: JobSummary;
  /** Sanitized HTML (Google accepts HTML in `description`). */
  descriptionHtml: string;
  company: { name: string; website: string | null };
}

/** The JobPosting object for a job. */
export function jobPostingJsonLd({
  job,
  descriptionHtml,
  company,
}: JobPostingInput): Record<string, unknown> {
  const validThrough =
    job.closedAt ?? new Date(Date.parse(job.lastSeenAt) + VALID_FOR_DAYS * 86_400_000).toISOString();
  const posting: Record<string, unknown> = {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: job.title,
    description: descriptionHtml,
    identifier: { '@type': 'PropertyValue', name: company.name, value: job.id },
    url: job.url,
    datePosted: job.postedAt ?? job.firstSeenAt,
    validThrough,
    hiringOrganization: {
      '@type': 'Organization',
      name: company.name,
      ...(company.website ? { sameAs: company.website } : {}),
    },
    directApply: false,
  };
  if (job.type) posting['employmentType'] = EMPLOYMENT_TYPES[job.type];
  if (job.workplace === 'remote') {
    posting['jobLocationType'] = 'TELECOMMUTE';
    const requirements = applicantLocationRequirements(job);
    if (requirements) posting['applicantLocationRequirements'] = requirements;
  } else if (job.countries.length > 0) {
    posting['jobLocation'] = job.countries.map((code) => ({
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        addressCountry: code,
        ...(job.locationText ? { addressLocality: job.locationText } : {}),
      },
    }));
  }
  const salary = job.salary;
  if (salary && (salary.min !== null || salary.max !== null)) {
    posting['baseSalary'] = {
      '@type': 'MonetaryAmount',
      currency: salary.currency,
      value: {
        '@type': 'QuantitativeValue',
        ...(salary.min !== null ? { minValue: salary.min } : {}),
        ...(salary.max !== null ? { maxValue: salary.max } : {}),
        unitText: UNIT_TEXT[salary.period],
      },
    };
  }
  return posting;
}

/**
 * Countries applicants may live in. Google defines no value for "anywhere"; a worldwide job gets
 * one AdministrativeArea named "Worldwide" (the property's declared type), which says what the
 * posting says without inventing a country list. Null when nothing is known.
 */
function applicantLocationRequirements(job: JobSummary): unknown {
  if (job.worldwide) return { '@type': 'AdministrativeArea', name: 'Worldwide' };
  if (job.countries.length === 0) return null;
  return job.countries.map((code) => ({ '@type': 'Country', name: countryName(code) }));
}

/**
 * JSON for an inline `<script type="application/ld+json">`: `<` is written as `\u003c`, so no
 * string in the data (a hostile title with `</script>`) can end the script element early.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
