/**
 * Renders a sample board as a company's own careers site with schema.org JobPosting JSON-LD, served on
 * the sandbox's own origin: `/careers/{token}/` lists the jobs as plain links (no JSON-LD, like most
 * sites), and `/careers/{token}/jobs/{id}` is one job page with its JobPosting, as Google documents it.
 */
import type { SampleBoard, SampleJob, SampleRenderer } from '../../sandbox/types';
import { escapeHtml } from '../shared';

const EMPLOYMENT_TYPE = {
  'full-time': 'FULL_TIME',
  'part-time': 'PART_TIME',
  contract: 'CONTRACTOR',
  internship: 'INTERN',
  temporary: 'TEMPORARY',
} as const;

const UNIT = { hour: 'HOUR', month: 'MONTH', year: 'YEAR' } as const;

const listPath = (board: SampleBoard) => `/careers/${encodeURIComponent(board.token)}/`;
const jobPath = (board: SampleBoard, job: SampleJob) =>
  `${listPath(board)}jobs/${encodeURIComponent(job.id)}`;

/** JSON for inside a <script>: "<" escaped so no string in it can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value, null, 2).replace(/</g, '\\u003c');

/** The JobPosting of one job, in Google's documented shape. */
export function sampleJobPosting(board: SampleBoard, job: SampleJob): Record<string, unknown> {
  const posting: Record<string, unknown> = {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: job.title,
    description: job.descriptionHtml,
    identifier: { '@type': 'PropertyValue', name: board.companyName, value: job.id },
    datePosted: job.postedAt,
    employmentType: EMPLOYMENT_TYPE[job.employmentType],
    hiringOrganization: { '@type': 'Organization', name: board.companyName, sameAs: board.origin },
    url: new URL(jobPath(board, job), board.origin).toString(),
    directApply: false,
  };
  if (job.workplace === 'remote') {
    posting['jobLocationType'] = 'TELECOMMUTE';
    if (job.countryCode)
      posting['applicantLocationRequirements'] = { '@type': 'Country', name: job.countryCode };
  } else {
    posting['jobLocation'] = {
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        addressLocality: job.city ?? job.location,
        ...(job.countryCode ? { addressCountry: job.countryCode } : {}),
      },
    };
  }
  if (job.salary) {
    posting['baseSalary'] = {
      '@type': 'MonetaryAmount',
      currency: job.salary.currency,
      value: {
        '@type': 'QuantitativeValue',
        minValue: job.salary.min,
        maxValue: job.salary.max,
        unitText: UNIT[job.salary.period],
      },
    };
  }
  return posting;
}

function document(title: string, head: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    head,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function listPage(board: SampleBoard): string {
  const items = board.jobs.map(
    (job) =>
      `<li><a href="${escapeHtml(jobPath(board, job))}">${escapeHtml(job.title)}</a> ` +
      `<span>${escapeHtml(job.location)}</span> <span>${escapeHtml(job.department)}</span></li>`,
  );
  return document(
    `Careers at ${board.companyName}`,
    '',
    [
      `<header><h1>Careers at ${escapeHtml(board.companyName)}</h1>`,
      "<p>This is a sample careers site served by Elsewhere's offline sandbox.</p></header>",
      '<main><ul class="openings">',
      ...items,
      '</ul></main>',
      `<footer><a href="${escapeHtml(listPath(board))}">All openings</a> <a href="/">Home</a></footer>`,
    ].join('\n'),
  );
}

function jobPage(board: SampleBoard, job: SampleJob): string {
  return document(
    `${job.title} - ${board.companyName}`,
    `<script type="application/ld+json">\n${scriptJson(sampleJobPosting(board, job))}\n</script>`,
    [
      `<main><h1>${escapeHtml(job.title)}</h1>`,
      `<p>${escapeHtml(job.location)} · ${escapeHtml(job.department)}</p>`,
      job.descriptionHtml,
      `<p><a href="${escapeHtml(listPath(board))}">Back to all openings</a></p></main>`,
    ].join('\n'),
  );
}

const html = (body: string, status = 200) => ({ status, contentType: 'text/html; charset=utf-8', body });

export const renderer: SampleRenderer = {
  kind: 'jsonld',
  respond(board, request) {
    if (request.method !== 'GET') return null;
    // Served on the sandbox's own origin, so the path alone says which board.
    const base = listPath(board);
    if (request.path === base || request.path === base.slice(0, -1)) return html(listPage(board));
    if (!request.path.startsWith(`${base}jobs/`)) return null;
    const job = board.jobs.find((candidate) => jobPath(board, candidate) === request.path);
    return job ? html(jobPage(board, job)) : html(document('Not found', '', '<h1>No such opening</h1>'), 404);
  },
  careersUrl: (board) => new URL(listPath(board), board.origin).toString(),
};
