/**
 * Renders a sample board as Personio's XML feed (`{account}.jobs.personio.de/xml`, or `.com`): a
 * `<workzag-jobs>` root with one `<position>` per job, section bodies in CDATA, remote jobs under an
 * office named "Remote..." (Personio has no remote flag), pay in `<salaryInformation>` when published.
 */
import type { SampleBoard, SampleJob, SampleRenderer } from '../../sandbox/types';
import { escapeHtml, sampleHost, sampleNumber } from '../shared';

const CONTRACT = {
  'full-time': ['permanent', 'full-time'],
  'part-time': ['permanent', 'part-time'],
  contract: ['freelance', 'full-or-part-time'],
  internship: ['intern', 'full-time'],
  temporary: ['temporary', 'full-time'],
} as const;

const PAY_PERIOD = { hour: 'hourly', month: 'monthly', year: 'yearly' } as const;

/** Text for an XML element. */
const text = (value: string) => escapeHtml(value);

/** A CDATA section; a literal "]]>" in the HTML is split across two sections, as XML requires. */
const cdata = (html: string) => `<![CDATA[${html.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

function seniority(title: string): string {
  if (/\b(intern|student)\b/i.test(title)) return 'student';
  if (/\b(junior|associate)\b/i.test(title)) return 'entry-level';
  if (/\b(head|director|vp|chief)\b/i.test(title)) return 'executive';
  return 'experienced';
}

function office(job: SampleJob): string {
  if (job.workplace !== 'remote') return job.city ?? job.location;
  return /^remote/i.test(job.location) ? job.location : `Remote (${job.location})`;
}

function position(board: SampleBoard, job: SampleJob): string {
  const [contract, schedule] = CONTRACT[job.employmentType];
  const lines = [
    `<id>${sampleNumber(job.id, 7)}</id>`,
    `<subcompany>${text(board.companyName)}</subcompany>`,
    `<office>${text(office(job))}</office>`,
  ];
  // Personio has no hybrid flag: a hybrid role is listed under its city, with the arrangement in the text.
  lines.push(
    `<department>${text(job.department)}</department>`,
    '<recruitingCategory>Permanent Employee</recruitingCategory>',
    `<name>${text(job.title)}</name>`,
    '<jobDescriptions>',
    '<jobDescription>',
    '<name>Your mission</name>',
    `<value>${cdata(job.descriptionHtml)}</value>`,
    '</jobDescription>',
    '<jobDescription>',
    '<name>Why us?</name>',
    `<value>${cdata(`<p>${text(board.companyName)} is a sample company in Elsewhere's offline sandbox.</p>`)}</value>`,
    '</jobDescription>',
    '</jobDescriptions>',
    `<employmentType>${contract}</employmentType>`,
    `<seniority>${seniority(job.title)}</seniority>`,
    `<schedule>${schedule}</schedule>`,
    '<yearsOfExperience>2-5</yearsOfExperience>',
    `<keywords>${text([job.department, job.workplace, 'sample'].join(','))}</keywords>`,
    '<occupation>software_and_web_development</occupation>',
    '<occupationCategory>it_software</occupationCategory>',
    `<createdAt>${job.postedAt}</createdAt>`,
  );
  if (job.salary) {
    lines.push(
      '<salaryInformation>',
      `<min>${job.salary.min.toFixed(2)}</min>`,
      `<max>${job.salary.max.toFixed(2)}</max>`,
      `<currencySymbol>${job.salary.currency}</currencySymbol>`,
      `<currencyCode>${job.salary.currency}</currencyCode>`,
      `<type>${PAY_PERIOD[job.salary.period]}</type>`,
      '</salaryInformation>',
    );
  }
  return ['<position>', ...lines.map((line) => `  ${line}`), '</position>'].join('\n');
}

/** The whole feed document. */
export function renderPersonioFeed(board: SampleBoard): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<workzag-jobs>',
    ...board.jobs.map((job) => position(board, job)),
    '</workzag-jobs>',
    '',
  ].join('\n');
}

export const renderer: SampleRenderer = {
  kind: 'personio',
  respond(board, request) {
    const host = sampleHost(request.host);
    const token = board.token.toLowerCase();
    if (host !== `${token}.jobs.personio.de` && host !== `${token}.jobs.personio.com`) return null;
    if (request.method !== 'GET' || request.path !== '/xml') return null;
    return { status: 200, contentType: 'text/xml; charset=utf-8', body: renderPersonioFeed(board) };
  },
  careersUrl: (board) => `https://${board.token}.jobs.personio.de/`,
};
