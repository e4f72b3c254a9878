/**
 * Renders a sample board as the Greenhouse Job Board API does today (boards-api.greenhouse.io, or the
 * EU host): `/v1/boards/{token}`, `/v1/boards/{token}/jobs[?content=true]`, `/v1/boards/{token}/jobs/{id}`.
 * Like the real API, `content` is entity-escaped HTML and pay ranges live inside it.
 */
import { escapeUTF8 } from 'entities';
import type { SampleBoard, SampleJob, SampleRenderer } from '../../sandbox/types';
import { countryName, escapeHtml, jsonResponse, sampleHost, sampleNumber } from '../shared';

const HOSTS = new Set(['boards-api.greenhouse.io', 'boards-api.eu.greenhouse.io']);

const WORKPLACE_LABEL = { remote: 'Remote', hybrid: 'Hybrid', onsite: 'On-site' } as const;

function money(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(
    amount,
  );
}

/** The description as Greenhouse stores it, with its pay transparency block when there is a range. */
function contentHtml(job: SampleJob): string {
  let html = job.descriptionHtml;
  if (job.salary) {
    const { min, max, currency } = job.salary;
    html +=
      '<div class="content-pay-transparency"><div class="pay-input">' +
      `<div class="title">${escapeHtml(job.location)} pay range</div>` +
      `<div class="pay-range"><span>${money(min, currency)}</span><span class="divider">&mdash;</span>` +
      `<span>${money(max, currency)} ${currency}</span></div></div></div>`;
  }
  // The real API sends the HTML entity-escaped, once more than a page would.
  return escapeUTF8(html);
}

function department(job: SampleJob) {
  return {
    id: sampleNumber(`department:${job.department}`, 5),
    name: job.department,
    child_ids: [],
    parent_id: null,
  };
}

function office(job: SampleJob) {
  const name = job.workplace === 'remote' ? 'Remote' : (job.city ?? job.location);
  const where = job.countryCode ? countryName(job.countryCode) : null;
  return {
    id: sampleNumber(`office:${name}`, 5),
    name,
    location: job.city && where ? `${job.city}, ${where}` : (where ?? job.location),
    child_ids: [],
    parent_id: null,
  };
}

function renderJob(board: SampleBoard, job: SampleJob, withContent: boolean) {
  const id = sampleNumber(job.id, 7);
  return {
    absolute_url: `https://boards.greenhouse.io/${board.token}/jobs/${id}`,
    data_compliance: [
      {
        type: 'gdpr',
        requires_consent: false,
        requires_processing_consent: false,
        requires_retention_consent: false,
        retention_period: null,
      },
    ],
    internal_job_id: sampleNumber(`internal:${job.id}`, 7),
    location: { name: job.location },
    metadata: [
      {
        id: 4_100_101,
        name: 'Workplace Type',
        value: WORKPLACE_LABEL[job.workplace],
        value_type: 'single_select',
      },
      { id: 4_100_102, name: 'Employment Type', value: job.employmentType, value_type: 'single_select' },
    ],
    id,
    updated_at: job.postedAt,
    requisition_id: `REQ-${sampleNumber(`req:${job.id}`, 4)}`,
    title: job.title,
    company_name: board.companyName,
    first_published: job.postedAt,
    language: 'en',
    ...(withContent
      ? { content: contentHtml(job), departments: [department(job)], offices: [office(job)] }
      : {}),
  };
}

export const renderer: SampleRenderer = {
  kind: 'greenhouse',
  respond(board, request) {
    if (request.method !== 'GET' || !HOSTS.has(sampleHost(request.host))) return null;
    const prefix = `/v1/boards/${board.token}`;
    if (request.path === prefix) {
      return jsonResponse({
        name: board.companyName,
        content: escapeUTF8(
          `<p>${escapeHtml(board.companyName)} is a sample board served by the Elsewhere sandbox.</p>`,
        ),
      });
    }
    if (request.path === `${prefix}/jobs`) {
      const withContent = request.query.get('content') === 'true';
      return jsonResponse({
        jobs: board.jobs.map((job) => renderJob(board, job, withContent)),
        meta: { total: board.jobs.length },
      });
    }
    if (request.path.startsWith(`${prefix}/jobs/`)) {
      const id = request.path.slice(`${prefix}/jobs/`.length);
      const job = board.jobs.find((candidate) => String(sampleNumber(candidate.id, 7)) === id);
      return job
        ? jsonResponse(renderJob(board, job, true))
        : jsonResponse({ status: 404, error: 'Job not found' }, 404);
    }
    return null;
  },
  careersUrl: (board) => `https://boards.greenhouse.io/${board.token}`,
};
