/**
 * Renders a sample board as a plain careers page with no structured data, served on the sandbox's own
 * origin: `/careers-html/{token}/` lists the jobs, `/careers-html/{token}/jobs/{id}` shows one. Read
 * with `SAMPLE_HTML_SELECTORS`, which the seed gives html sample sources as their config.
 */
import type { SampleBoard, SampleJob, SampleRenderer } from '../../sandbox/types';
import { escapeHtml } from '../shared';
import type { HtmlSourceConfig } from './api-types';

/** The selectors that read the sample careers pages (an html source's `config`). */
export const SAMPLE_HTML_SELECTORS = {
  item: 'article.position',
  title: '.position-title',
  link: '.position-title a',
  location: '.position-location',
  department: '.position-team',
  detail: { description: '.job-description', location: '.job-location' },
} as const satisfies HtmlSourceConfig;

const listPath = (board: SampleBoard) => `/careers-html/${encodeURIComponent(board.token)}/`;
const jobPath = (board: SampleBoard, job: SampleJob) =>
  `${listPath(board)}jobs/${encodeURIComponent(job.id)}`;

function document(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function listPage(board: SampleBoard): string {
  const positions = board.jobs.map((job) =>
    [
      '<article class="position">',
      `  <h3 class="position-title"><a href="${escapeHtml(jobPath(board, job))}">${escapeHtml(job.title)}</a></h3>`,
      `  <p class="position-meta"><span class="position-location">${escapeHtml(job.location)}</span> · ` +
        `<span class="position-team">${escapeHtml(job.department)}</span></p>`,
      '</article>',
    ].join('\n'),
  );
  return document(
    `Jobs at ${board.companyName}`,
    [
      `<h1>Join ${escapeHtml(board.companyName)}</h1>`,
      "<p>A sample careers page served by Elsewhere's offline sandbox.</p>",
      '<section class="positions">',
      ...positions,
      '</section>',
    ].join('\n'),
  );
}

function jobPage(board: SampleBoard, job: SampleJob): string {
  return document(
    `${job.title} at ${board.companyName}`,
    [
      `<h1>${escapeHtml(job.title)}</h1>`,
      `<p class="job-location">${escapeHtml(job.location)}</p>`,
      `<div class="job-description">${job.descriptionHtml}</div>`,
      `<p><a href="${escapeHtml(listPath(board))}">All jobs</a></p>`,
    ].join('\n'),
  );
}

const html = (body: string, status = 200) => ({ status, contentType: 'text/html; charset=utf-8', body });

export const renderer: SampleRenderer = {
  kind: 'html',
  respond(board, request) {
    if (request.method !== 'GET') return null;
    // Served on the sandbox's own origin, so the path alone says which board.
    const base = listPath(board);
    if (request.path === base || request.path === base.slice(0, -1)) return html(listPage(board));
    if (!request.path.startsWith(`${base}jobs/`)) return null;
    const job = board.jobs.find((candidate) => jobPath(board, candidate) === request.path);
    return job ? html(jobPage(board, job)) : html(document('Not found', '<h1>No such job</h1>'), 404);
  },
  careersUrl: (board) => new URL(listPath(board), board.origin).toString(),
};
