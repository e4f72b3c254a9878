/**
 * Renders a sample board as Breezy HR's public feed (`{company}.breezy.hr/json`): a flat array of
 * positions with structured locations, remote details and free-text salary. Like most real boards it
 * carries no descriptions.
 */
import type { SampleBoard, SampleJob, SampleRenderer } from '../../sandbox/types';
import { countryName, jsonResponse, sampleHost, sampleUuid } from '../shared';

const TYPE = {
  'full-time': { id: 'fullTime', name: 'Full-Time' },
  'part-time': { id: 'partTime', name: 'Part-Time' },
  contract: { id: 'contract', name: 'Contract' },
  internship: { id: 'internship', name: 'Internship' },
  temporary: { id: 'temporary', name: 'Temporary' },
} as const;

const PERIOD = { hour: 'hour', month: 'month', year: 'year' } as const;

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Breezy position ids are 12 hex digits. */
const positionId = (job: SampleJob) => sampleUuid(job.id).replaceAll('-', '').slice(0, 12);

function salary(job: SampleJob): string {
  if (!job.salary) return '';
  const { min, max, currency, period } = job.salary;
  const format = (value: number) =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
  return `${format(min)} – ${format(max)} / ${PERIOD[period]}`;
}

function location(job: SampleJob) {
  return {
    country: job.countryCode ? { name: countryName(job.countryCode), id: job.countryCode } : null,
    state: null,
    city: job.city,
    is_remote: job.workplace !== 'onsite',
    remote_details:
      job.workplace === 'onsite' ? null : { value: job.workplace === 'hybrid' ? 'hybrid' : 'remote' },
    name: job.location,
  };
}

function position(board: SampleBoard, job: SampleJob) {
  const id = positionId(job);
  const friendlyId = `${id}-${slug(job.title)}`;
  return {
    id,
    friendly_id: friendlyId,
    name: job.title,
    url: `https://${board.token}.breezy.hr/p/${friendlyId}`,
    published_date: job.postedAt,
    type: TYPE[job.employmentType],
    location: location(job),
    locations: [location(job)],
    department: job.department,
    salary: salary(job),
    company: { name: board.companyName, logo_url: null, friendly_id: board.token },
  };
}

export const renderer: SampleRenderer = {
  kind: 'breezy',
  respond(board, request) {
    if (sampleHost(request.host) !== `${board.token.toLowerCase()}.breezy.hr`) return null;
    if (request.method !== 'GET' || request.path !== '/json') return null;
    return jsonResponse(board.jobs.map((job) => position(board, job)));
  },
  careersUrl: (board) => `https://${board.token}.breezy.hr/`,
};
