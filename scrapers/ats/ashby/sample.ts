/**
 * Renders a sample board as Ashby's public job posting API does today:
 * `GET api.ashbyhq.com/posting-api/job-board/{name}[?includeCompensation=true]`.
 */
import type { SampleBoard, SampleJob, SampleRenderer } from '../../sandbox/types';
import { countryName, jsonResponse, sampleHost, samplePlainText, sampleUuid } from '../shared';

const EMPLOYMENT = {
  'full-time': 'FullTime',
  'part-time': 'PartTime',
  contract: 'Contract',
  internship: 'Intern',
  temporary: 'Temporary',
} as const;
const WORKPLACE = { remote: 'Remote', hybrid: 'Hybrid', onsite: 'OnSite' } as const;
const INTERVAL = { year: '1 YEAR', month: '1 MONTH', hour: '1 HOUR' } as const;

/** "$120K – $150K" for yearly pay as Ashby abbreviates it; exact amounts "per month/hour" otherwise. */
function payRange(salary: NonNullable<SampleJob['salary']>): string {
  const format = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: salary.currency,
    maximumFractionDigits: 0,
    ...(salary.period === 'year' ? { notation: 'compact' as const } : {}),
  });
  const range = `${format.format(salary.min)} – ${format.format(salary.max)}`;
  return salary.period === 'year' ? range : `${range} per ${salary.period}`;
}

function compensation(job: SampleJob) {
  if (!job.salary) {
    return {
      compensationTierSummary: null,
      scrapeableCompensationSalarySummary: null,
      compensationTiers: [],
      summaryComponents: [],
    };
  }
  const range = payRange(job.salary);
  const salaryComponent = {
    id: sampleUuid(`salary:${job.id}`),
    summary: range,
    compensationType: 'Salary',
    interval: INTERVAL[job.salary.period],
    currencyCode: job.salary.currency,
    minValue: job.salary.min,
    maxValue: job.salary.max,
  };
  const equityComponent = {
    id: sampleUuid(`equity:${job.id}`),
    summary: 'Offers Equity',
    compensationType: 'EquityPercentage',
    interval: 'NONE',
    currencyCode: null,
    minValue: null,
    maxValue: null,
  };
  return {
    compensationTierSummary: `${range} • Offers Equity`,
    scrapeableCompensationSalarySummary: range,
    compensationTiers: [
      {
        id: sampleUuid(`tier:${job.id}`),
        tierSummary: `${range} • Offers Equity`,
        title: null,
        additionalInformation: null,
        components: [salaryComponent, equityComponent],
      },
    ],
    summaryComponents: [salaryComponent, equityComponent],
  };
}

function postalAddress(job: SampleJob) {
  return {
    postalAddress: {
      addressLocality: job.city ?? undefined,
      addressCountry: job.countryCode ? countryName(job.countryCode) : undefined,
    },
  };
}

function renderJob(board: SampleBoard, job: SampleJob, withCompensation: boolean) {
  const id = sampleUuid(job.id);
  return {
    id,
    title: job.title,
    department: job.department,
    team: job.team ?? job.department,
    employmentType: EMPLOYMENT[job.employmentType],
    location: job.location,
    secondaryLocations: [],
    publishedAt: job.postedAt,
    isListed: true,
    isRemote: job.workplace === 'remote',
    workplaceType: WORKPLACE[job.workplace],
    address: postalAddress(job),
    jobUrl: `https://jobs.ashbyhq.com/${board.token}/${id}`,
    applyUrl: `https://jobs.ashbyhq.com/${board.token}/${id}/application`,
    descriptionHtml: job.descriptionHtml,
    descriptionPlain: samplePlainText(job.descriptionHtml),
    shouldDisplayCompensationOnJobPostings: job.salary !== null,
    ...(withCompensation ? { compensation: compensation(job) } : {}),
  };
}

export const renderer: SampleRenderer = {
  kind: 'ashby',
  respond(board, request) {
    if (request.method !== 'GET' || sampleHost(request.host) !== 'api.ashbyhq.com') return null;
    if (request.path !== `/posting-api/job-board/${board.token}`) return null;
    const withCompensation = request.query.get('includeCompensation') === 'true';
    return jsonResponse({
      apiVersion: '1',
      jobs: board.jobs.map((job) => renderJob(board, job, withCompensation)),
    });
  },
  careersUrl: (board) => `https://jobs.ashbyhq.com/${board.token}`,
};
