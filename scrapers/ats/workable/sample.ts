/**
 * Renders a sample board as Workable's public widget API does today:
 * `GET apply.workable.com/api/v1/widget/accounts/{slug}[?details=true]`.
 */
import type { SampleBoard, SampleJob, SampleRenderer } from '../../sandbox/types';
import { countryName, escapeHtml, jsonResponse, sampleHost, sampleShortcode } from '../shared';

const EMPLOYMENT = {
  'full-time': 'Full-time',
  'part-time': 'Part-time',
  contract: 'Contract',
  internship: 'Internship',
  temporary: 'Temporary',
} as const;

/** Workable has no structured pay on this API; companies write it into the description. */
function description(job: SampleJob): string {
  if (!job.salary) return job.descriptionHtml;
  const format = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: job.salary.currency,
    maximumFractionDigits: 0,
  });
  return `${job.descriptionHtml}<p><strong>Compensation:</strong> ${format.format(job.salary.min)} – ${format.format(job.salary.max)} per ${job.salary.period}</p>`;
}

function renderJob(job: SampleJob, withDetails: boolean) {
  const shortcode = sampleShortcode(job.id);
  const country = job.countryCode ? countryName(job.countryCode) : '';
  const date = job.postedAt.slice(0, 10);
  return {
    title: job.title,
    shortcode,
    code: '',
    employment_type: EMPLOYMENT[job.employmentType],
    telecommuting: job.workplace === 'remote',
    department: job.department,
    url: `https://apply.workable.com/j/${shortcode}`,
    shortlink: `https://apply.workable.com/j/${shortcode}`,
    application_url: `https://apply.workable.com/j/${shortcode}/apply`,
    published_on: date,
    created_at: date,
    country,
    city: job.city ?? '',
    state: '',
    education: '',
    experience: 'Mid-Senior level',
    function: job.team ?? job.department,
    industry: 'Computer Software',
    locations: job.countryCode
      ? [{ country, countryCode: job.countryCode, city: job.city ?? '', region: '', hidden: false }]
      : [],
    ...(withDetails ? { description: description(job) } : {}),
  };
}

export const renderer: SampleRenderer = {
  kind: 'workable',
  respond(board: SampleBoard, request) {
    if (request.method !== 'GET' || sampleHost(request.host) !== 'apply.workable.com') return null;
    if (request.path !== `/api/v1/widget/accounts/${board.token}`) return null;
    const withDetails = request.query.get('details') === 'true';
    return jsonResponse({
      name: board.companyName,
      description: `<p>${escapeHtml(board.companyName)} is a sample account served by the Elsewhere sandbox.</p>`,
      jobs: board.jobs.map((job) => renderJob(job, withDetails)),
    });
  },
  careersUrl: (board) => `https://apply.workable.com/${board.token}`,
};
