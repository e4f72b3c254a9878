/**
 * Renders a sample board as Teamtailor's public RSS feed (`{company}.teamtailor.com/jobs.rss`): RSS 2.0
 * items with entity-escaped HTML descriptions, a `remoteStatus`, and `tt:` locations and department.
 */
import type { SampleBoard, SampleJob, SampleRenderer } from '../../sandbox/types';
import { countryName, escapeHtml, sampleHost, sampleNumber, sampleUuid } from '../shared';

const REMOTE_STATUS = { remote: 'fully', hybrid: 'hybrid', onsite: 'none' } as const;

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function locations(job: SampleJob): string[] {
  if (!job.city && !job.countryCode) return [];
  const lines = ['<tt:location>', `  <tt:name>${escapeHtml(job.city ?? job.location)}</tt:name>`];
  if (job.city) lines.push(`  <tt:city>${escapeHtml(job.city)}</tt:city>`);
  if (job.countryCode) lines.push(`  <tt:country>${escapeHtml(countryName(job.countryCode))}</tt:country>`);
  lines.push('</tt:location>');
  return lines;
}

function item(board: SampleBoard, job: SampleJob): string {
  const link = `https://${board.token}.teamtailor.com/jobs/${sampleNumber(job.id, 7)}-${slug(job.title)}`;
  const lines = [
    `<title>${escapeHtml(job.title)}</title>`,
    // RSS carries the HTML escaped, as text.
    `<description>${escapeHtml(job.descriptionHtml)}</description>`,
    `<pubDate>${new Date(job.postedAt).toUTCString()}</pubDate>`,
    `<link>${escapeHtml(link)}</link>`,
    `<remoteStatus>${REMOTE_STATUS[job.workplace]}</remoteStatus>`,
    `<guid>${sampleUuid(job.id)}</guid>`,
    '<tt:locations>',
    ...locations(job).map((line) => `  ${line}`),
    '</tt:locations>',
    `<tt:department>${escapeHtml(job.department)}</tt:department>`,
  ];
  if (job.team) lines.push(`<tt:role>${escapeHtml(job.team)}</tt:role>`);
  return ['<item>', ...lines.map((line) => `  ${line}`), '</item>'].join('\n');
}

/** The whole feed document. */
export function renderTeamtailorFeed(board: SampleBoard): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:tt="https://teamtailor.com/locations">',
    '<channel>',
    `<title>${escapeHtml(board.companyName)}</title>`,
    '<description>Current Job Openings (sample board)</description>',
    `<link>https://${board.token}.teamtailor.com/jobs</link>`,
    ...board.jobs.map((job) => item(board, job)),
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

export const renderer: SampleRenderer = {
  kind: 'teamtailor',
  respond(board, request) {
    if (sampleHost(request.host) !== `${board.token.toLowerCase()}.teamtailor.com`) return null;
    if (request.method !== 'GET' || request.path !== '/jobs.rss') return null;
    return {
      status: 200,
      contentType: 'application/rss+xml; charset=utf-8',
      body: renderTeamtailorFeed(board),
    };
  },
  careersUrl: (board) => `https://${board.token}.teamtailor.com/jobs`,
};
