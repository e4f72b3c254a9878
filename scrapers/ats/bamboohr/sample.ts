/**
 * Renders a sample board as BambooHR's public careers endpoints do (`{sub}.bamboohr.com`):
 * `/careers/list` (every job, no description) and `/careers/{id}/detail` (one job, with description,
 * date, experience and free-text pay).
 */
import type { SampleBoard, SampleJob, SampleRenderer } from '../../sandbox/types';
import { countryName, jsonResponse, sampleHost, sampleNumber } from '../shared';

const STATUS_LABEL = {
  'full-time': 'Full-Time',
  'part-time': 'Part-Time',
  contract: 'Contractor',
  internship: 'Intern',
  temporary: 'Temporary',
} as const;

const LOCATION_TYPE = { onsite: '0', remote: '1', hybrid: '2' } as const;
const PERIOD = { hour: 'per hour', month: 'per month', year: 'per year' } as const;

/** BambooHR numbers openings with small integers. */
const jobId = (job: SampleJob) => String(sampleNumber(job.id, 4));

function compensation(job: SampleJob): string | null {
  if (!job.salary) return null;
  const { min, max, currency, period } = job.salary;
  const format = (value: number) =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
  return `${format(min)} - ${format(max)} ${currency} ${PERIOD[period]}`;
}

function listJob(job: SampleJob) {
  const country = job.countryCode ? countryName(job.countryCode) : null;
  return {
    id: jobId(job),
    jobOpeningName: job.title,
    departmentId: String(sampleNumber(`department:${job.department}`, 5)),
    departmentLabel: job.department,
    employmentStatusLabel: STATUS_LABEL[job.employmentType],
    employmentType: null,
    location: { city: job.city, state: null },
    atsLocation: { country, state: null, province: null, city: job.city },
    isRemote: job.workplace === 'remote' ? true : null,
    locationType: LOCATION_TYPE[job.workplace],
  };
}

function detail(board: SampleBoard, job: SampleJob) {
  const { id, ...fields } = listJob(job);
  return {
    meta: { isMobile: false, totalCount: 1 },
    result: {
      jobOpening: {
        ...fields,
        id,
        jobOpeningShareUrl: `https://${board.token}.bamboohr.com/careers/${id}`,
        jobOpeningStatus: 'Open',
        location: {
          ...fields.location,
          postalCode: null,
          addressCountry: job.countryCode ? countryName(job.countryCode) : null,
        },
        description: job.descriptionHtml,
        datePosted: job.postedAt.slice(0, 10),
        minimumExperience: /\bsenior\b/i.test(job.title) ? 'Senior Level' : 'Experienced',
        compensation: compensation(job),
      },
    },
  };
}

export const renderer: SampleRenderer = {
  kind: 'bamboohr',
  respond(board, request) {
    if (
      sampleHost(request.host) !== `${board.token.toLowerCase()}.bamboohr.com` ||
      request.method !== 'GET'
    ) {
      return null;
    }
    if (request.path === '/careers/list') {
      return jsonResponse({ meta: { totalCount: board.jobs.length }, result: board.jobs.map(listJob) });
    }
    const match = /^\/careers\/(\d+)\/detail$/.exec(request.path);
    if (!match) return null;
    const job = board.jobs.find((candidate) => jobId(candidate) === match[1]);
    // BambooHR answers an unknown opening with an error object and a 404.
    return job ? jsonResponse(detail(board, job)) : jsonResponse({ error: 'Job opening not found' }, 404);
  },
  careersUrl: (board) => `https://${board.token}.bamboohr.com/careers`,
};
