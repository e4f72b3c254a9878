/**
 * The fixed choices of the search form: time zones, salary floors, labels of enumerated values.
 * Pure; the facet counts beside them come from the search engine.
 */
import ct from 'countries-and-timezones';
import type { Category, EmploymentType, Seniority } from '../normalize/types';
import { formatUtcOffset } from '../search/query';

/** A choice of a select: value as the URL carries it, label as people read it. */
export interface Choice {
  value: string;
  label: string;
}

let offsets: readonly Choice[] | null = null;

/**
 * Every standard UTC offset some zone uses, from countries-and-timezones, so +5:30 (India) and
 * +5:45 (Nepal) are there: "UTC-5", "UTC", "UTC+5:30".
 */
export function timezoneChoices(): readonly Choice[] {
  offsets ??= Object.freeze(
    [...new Set(Object.values(ct.getAllTimezones()).map((zone) => zone.utcOffset))]
      .sort((a, b) => a - b)
      .map((minutes) => ({ value: String(minutes / 60), label: formatUtcOffset(minutes / 60) })),
  );
  return offsets;
}

/** Salary floors offered, annual US dollars. */
export const SALARY_FLOORS = [40_000, 60_000, 80_000, 100_000, 120_000, 150_000, 200_000] as const;

export const CATEGORY_LABELS: Record<Category, string> = {
  engineering: 'Engineering',
  design: 'Design',
  product: 'Product',
  data: 'Data',
  devops: 'DevOps & infrastructure',
  security: 'Security',
  qa: 'QA & testing',
  support: 'Customer support',
  sales: 'Sales & success',
  marketing: 'Marketing',
  operations: 'Operations',
  people: 'People & recruiting',
  finance: 'Finance',
  legal: 'Legal',
  writing: 'Writing',
  other: 'Other',
};

export const EMPLOYMENT_TYPE_LABELS: Record<EmploymentType, string> = {
  'full-time': 'Full-time',
  'part-time': 'Part-time',
  contract: 'Contract',
  internship: 'Internship',
  temporary: 'Temporary',
};

export const SENIORITY_LABELS: Record<Seniority, string> = {
  intern: 'Intern',
  junior: 'Junior',
  mid: 'Mid-level',
  senior: 'Senior',
  staff: 'Staff',
  principal: 'Principal',
  lead: 'Lead',
  manager: 'Manager',
  director: 'Director',
  executive: 'Executive',
};
