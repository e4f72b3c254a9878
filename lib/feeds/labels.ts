/** Words for a job's facts, as feed items show them: titles, salaries, tags. Pure. */
import type { JobSummary } from '../search/engine';
import { TAG_LABELS } from '../normalize/tags';
import { eligibilityLabel } from '../site/eligibility-label';

const PERIOD_WORDS: Record<NonNullable<JobSummary['salary']>['period'], string> = {
  hour: 'an hour',
  day: 'a day',
  week: 'a week',
  month: 'a month',
  year: 'a year',
};

function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(
      amount,
    );
  } catch {
    // A currency code Intl does not know: the number and the code still say it.
    return `${Math.round(amount).toLocaleString('en-US')} ${currency}`;
  }
}

/**
 * A salary in words: "$120,000–$150,000 a year", "from €60,000 a year", "up to £40 an hour", with
 * the annual USD figure after it when the salary is in another currency or period. Null when the
 * job states none.
 */
export function salaryLabel(salary: JobSummary['salary']): string | null {
  if (!salary || (salary.min === null && salary.max === null)) return null;
  const { min, max, currency, period } = salary;
  const amount =
    min !== null && max !== null && min !== max
      ? `${money(min, currency)}–${money(max, currency)}`
      : min !== null && max !== null
        ? money(min, currency)
        : min !== null
          ? `from ${money(min, currency)}`
          : `up to ${money(max!, currency)}`;
  let text = `${amount} ${PERIOD_WORDS[period]}`;
  const usd = salary.annualUsdMax ?? salary.annualUsdMin;
  if ((currency !== 'USD' || period !== 'year') && usd !== null) {
    text += ` (about ${money(usd, 'USD')} a year)`;
  }
  return text;
}

/**
 * Where the job may be done from: the eligibility label (lib/site/eligibility-label.ts, the words
 * the site uses), prefixed for jobs that are not fully remote.
 */
export function jobEligibilityLabel(
  job: Pick<JobSummary, 'workplace' | 'worldwide' | 'countries' | 'timezone'>,
): string {
  const label = eligibilityLabel(job);
  if (job.workplace === 'hybrid') return `Hybrid, ${label}`;
  if (job.workplace === 'onsite') return `On-site, ${label}`;
  return label;
}

/** "Senior Rust Engineer — Acme (Worldwide)". */
export function feedItemTitle(
  job: Pick<JobSummary, 'title' | 'company' | 'workplace' | 'worldwide' | 'countries' | 'timezone'>,
): string {
  return `${job.title} — ${job.company.name} (${jobEligibilityLabel(job)})`;
}

/** A tag's display name ("typescript" -> "TypeScript"). */
export function tagLabel(tag: string): string {
  return TAG_LABELS[tag] ?? tag;
}

/** A category's display name ("devops" -> "DevOps"). */
export function categoryLabel(category: string): string {
  if (category === 'devops') return 'DevOps';
  if (category === 'qa') return 'QA';
  return category.charAt(0).toUpperCase() + category.slice(1);
}
