/**
 * Renders a sample board as the Lever Postings API does today (api.lever.co, or api.eu.lever.co):
 * `/v0/postings/{site}?mode=json[&skip=N&limit=M]` (a bare array) and `/v0/postings/{site}/{id}?mode=json`.
 */
import type { SampleBoard, SampleJob, SampleRenderer } from '../../sandbox/types';
import { escapeHtml, jsonResponse, sampleHost, samplePlainText, sampleUuid } from '../shared';

const HOSTS = new Set(['api.lever.co', 'api.eu.lever.co']);

const COMMITMENT = {
  'full-time': 'Full-time',
  'part-time': 'Part-time',
  contract: 'Contract',
  internship: 'Internship',
  temporary: 'Temporary',
} as const;
const WORKPLACE = { remote: 'remote', hybrid: 'hybrid', onsite: 'on-site' } as const;
const INTERVAL = { year: 'per-year-salary', month: 'per-month-salary', hour: 'per-hour-wage' } as const;

function money(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(
    amount,
  );
}

function renderPosting(board: SampleBoard, job: SampleJob) {
  const id = sampleUuid(job.id);
  const listContent =
    '<li>Work from where you do your best work.</li><li>This is sample text from the Elsewhere sandbox.</li>';
  const additional = `<div>${escapeHtml(board.companyName)} is an equal opportunity employer.</div>`;
  const salaryText = job.salary
    ? `${money(job.salary.min, job.salary.currency)} - ${money(job.salary.max, job.salary.currency)} per ${job.salary.period}`
    : null;
  return {
    additional,
    additionalPlain: samplePlainText(additional),
    categories: {
      commitment: COMMITMENT[job.employmentType],
      department: job.department,
      location: job.location,
      ...(job.team ? { team: job.team } : {}),
      allLocations: [job.location],
    },
    createdAt: Date.parse(job.postedAt),
    descriptionPlain: samplePlainText(job.descriptionHtml),
    description: job.descriptionHtml,
    descriptionBody: job.descriptionHtml,
    descriptionBodyPlain: samplePlainText(job.descriptionHtml),
    opening: '',
    openingPlain: '',
    id,
    lists: [{ text: 'How we work', content: listContent }],
    text: job.title,
    country: job.countryCode ?? undefined,
    workplaceType: WORKPLACE[job.workplace],
    hostedUrl: `https://jobs.lever.co/${board.token}/${id}`,
    applyUrl: `https://jobs.lever.co/${board.token}/${id}/apply`,
    ...(job.salary && salaryText
      ? {
          salaryRange: {
            max: job.salary.max,
            min: job.salary.min,
            currency: job.salary.currency,
            interval: INTERVAL[job.salary.period],
          },
          salaryDescription: `<div>${salaryText}</div>`,
          salaryDescriptionPlain: salaryText,
        }
      : {}),
  };
}

/** A non-negative integer query parameter, or the fallback when absent or malformed. */
function count(query: URLSearchParams, name: string, fallback: number): number {
  const value = Number(query.get(name));
  return query.has(name) && Number.isInteger(value) && value >= 0 ? value : fallback;
}

export const renderer: SampleRenderer = {
  kind: 'lever',
  respond(board, request) {
    if (request.method !== 'GET' || !HOSTS.has(sampleHost(request.host))) return null;
    // Other modes (html, iframe) answer HTML on the real API; the sandbox only speaks JSON.
    if (request.query.get('mode') !== 'json') return null;
    const prefix = `/v0/postings/${board.token}`;
    if (request.path === prefix || request.path === `${prefix}/`) {
      const skip = count(request.query, 'skip', 0);
      const limit = count(request.query, 'limit', board.jobs.length);
      const page = board.jobs.slice(skip, skip + limit);
      return jsonResponse(page.map((job) => renderPosting(board, job)));
    }
    if (request.path.startsWith(`${prefix}/`)) {
      const id = request.path.slice(prefix.length + 1);
      const job = board.jobs.find((candidate) => sampleUuid(candidate.id) === id);
      return job
        ? jsonResponse(renderPosting(board, job))
        : jsonResponse({ ok: false, error: 'Document not found' }, 404);
    }
    return null;
  },
  careersUrl: (board) => `https://jobs.lever.co/${board.token}`,
};
