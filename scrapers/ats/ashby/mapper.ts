/** Ashby job board -> RawPosting. Pure: no I/O, no interpretation of text. */
import type { RawPosting, SourceRef, StructuredSalary } from '../../types';
import { distinctText, isoDateTime } from '../shared';
import type { AshbyCompensationComponent, AshbyJob, AshbyJobBoardResponse } from './api-types';

/** Ashby workplace types ("OnSite", "Remote", "Hybrid") in our words. */
function workplaceType(value: string | null | undefined): RawPosting['remote']['workplaceType'] {
  switch (value?.toLowerCase().replace(/[^a-z]/g, '')) {
    case 'remote':
      return 'remote';
    case 'hybrid':
      return 'hybrid';
    case 'onsite':
      return 'onsite';
    default:
      return null;
  }
}

/**
 * The base salary across compensation tiers: the Salary components of every tier, widened to one
 * range when they agree on currency and interval (tiers are usually levels or locations of one role);
 * otherwise the first tier's salary, rather than mixing currencies.
 */
function salaryFromTiers(job: AshbyJob): StructuredSalary | null {
  const salaries: AshbyCompensationComponent[] = (job.compensation?.compensationTiers ?? []).flatMap((tier) =>
    tier.components.filter((component) => component.compensationType.toLowerCase() === 'salary'),
  );
  const first = salaries[0];
  if (!first) return null;
  const consistent = salaries.every(
    (salary) => salary.currencyCode === first.currencyCode && salary.interval === first.interval,
  );
  const used = consistent ? salaries : [first];
  const mins = used.map((salary) => salary.minValue).filter((value): value is number => value != null);
  const maxes = used.map((salary) => salary.maxValue).filter((value): value is number => value != null);
  if (!mins.length && !maxes.length) return null;
  return {
    min: mins.length ? Math.min(...mins) : null,
    max: maxes.length ? Math.max(...maxes) : null,
    currency: first.currencyCode ?? null,
    interval: first.interval ?? null,
  };
}

/** Map one Ashby job. */
export function mapAshbyJob(job: AshbyJob): RawPosting {
  // A company can hide pay on its postings; the API may still return it, and we show what the
  // company shows.
  const showPay = job.shouldDisplayCompensationOnJobPostings !== false;
  const compensation = showPay ? job.compensation : null;
  const type = workplaceType(job.workplaceType);
  return {
    externalId: job.id,
    title: job.title.trim(),
    applyUrl: job.jobUrl,
    locations: distinctText([
      job.location,
      ...(job.secondaryLocations ?? []).map((secondary) => secondary.location),
    ]),
    descriptionHtml: job.descriptionHtml ?? null,
    department: job.department ?? null,
    team: job.team ?? null,
    employmentType: job.employmentType ?? null,
    seniority: null,
    postedAt: isoDateTime(job.publishedAt),
    updatedAt: null,
    remote: {
      isRemote: job.isRemote ?? (type === null ? null : type === 'remote'),
      workplaceType: type,
      // Ashby's addresses carry country names, not codes; normalization reads the location strings.
      countryCodes: [],
    },
    salary: showPay ? salaryFromTiers(job) : null,
    salaryText:
      compensation?.compensationTierSummary?.trim() ||
      compensation?.scrapeableCompensationSalarySummary?.trim() ||
      null,
    tags: [],
    metadata: {},
  };
}

/** Map an Ashby job board, dropping unlisted jobs (`isListed: false` means hidden from the board). */
export function mapAshby(payload: AshbyJobBoardResponse, _source: SourceRef): RawPosting[] {
  return payload.jobs.filter((job) => job.isListed !== false).map(mapAshbyJob);
}
