import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../http';
import { InvalidPayloadError, type SourceRef } from '../../types';
import { sampleBoard, startSampleServer, type SampleServer } from '../test-support';
import { fetchBoard, parseJsonLdPage } from './client';
import { renderer } from './sample';
import { looksLikeJobLink, readJsonLdPage } from './page';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const source = (url: string): SourceRef => ({ kind: 'jsonld', token: null, url, config: {} });

const JOB_PAGE = 'https://northwind.example/careers/staff-platform-engineer';
const CAREERS_PAGE = 'https://northwind.example/careers/';

function invalid(html: string): InvalidPayloadError {
  try {
    parseJsonLdPage(html, source(CAREERS_PAGE));
  } catch (error) {
    if (error instanceof InvalidPayloadError) return error;
    throw error;
  }
  throw new Error('expected an InvalidPayloadError');
}

const page = (...blocks: string[]) =>
  `<html><head>${blocks.map((block) => `<script type="application/ld+json">${block}</script>`).join('')}</head></html>`;

describe('parseJsonLdPage on a job page with @graph', () => {
  const [posting, ...rest] = parseJsonLdPage(fixture('jsonld_job_page_graph.html'), source(JOB_PAGE));

  it('finds the one JobPosting among the other nodes', () => {
    expect(rest).toEqual([]);
    expect(posting).toMatchObject({
      externalId: 'NW-1042',
      title: 'Staff Platform Engineer',
      applyUrl: 'https://northwind.example/careers/staff-platform-engineer?utm_source=site',
      employmentType: 'FULL_TIME, CONTRACTOR',
      postedAt: '2026-09-10T00:00:00.000Z',
      tags: ['Kubernetes', 'Go'],
      metadata: { hiringOrganization: 'Northwind', validThrough: '2026-12-31T00:00' },
    });
  });

  it('reads TELECOMMUTE as remote and applicant countries as locations', () => {
    expect(posting!.remote).toEqual({ isRemote: true, workplaceType: 'remote', countryCodes: ['US'] });
    expect(posting!.locations).toEqual(['US', 'Canada']);
  });

  it('reads baseSalary as a structured range', () => {
    expect(posting!.salary).toEqual({ min: 180000, max: 210000, currency: 'USD', interval: 'YEAR' });
    expect(posting!.salaryText).toBeNull();
  });

  it('carries hostile description HTML as received, without running anything on the page', () => {
    expect(posting!.descriptionHtml).toBe(
      '<p>Run our <b>Kubernetes</b> platform.</p><script>window.__elsewhereTestPwned = true;</script>' +
        '<img src=x onerror="window.__elsewhereTestPwned = true">',
    );
    expect((globalThis as { __elsewhereTestPwned?: boolean }).__elsewhereTestPwned).toBeUndefined();
  });
});

describe('parseJsonLdPage on a careers page with several JobPostings', () => {
  const postings = parseJsonLdPage(fixture('jsonld_careers_page_list.html'), source(CAREERS_PAGE));
  const [rd, account, support] = postings;

  it('finds JobPostings in arrays, @type lists and ItemLists, skipping a block that is not JSON', () => {
    expect(postings.map((p) => p.title)).toEqual([
      'R&D Engineer',
      'Account Executive',
      'Support Lead (EMEA)',
    ]);
  });

  it('keeps http(s) urls as apply URL and id, and falls back to the page for a javascript: url', () => {
    expect([rd, account, support].map((p) => [p!.externalId, p!.applyUrl])).toEqual([
      ['https://northwind.example/careers/rd-engineer', 'https://northwind.example/careers/rd-engineer'],
      [CAREERS_PAGE, CAREERS_PAGE],
      ['https://northwind.example/careers/support-lead', 'https://northwind.example/careers/support-lead'],
    ]);
  });

  it('joins address parts, uses string addresses and Place names', () => {
    expect(rd!.locations).toEqual(['Berlin, BE, DE']);
    expect(rd!.remote).toEqual({ isRemote: null, workplaceType: null, countryCodes: ['DE'] });
    expect(account!.locations).toEqual(['Lisbon, Portugal', 'Madrid office']);
  });

  it('reads a single salary value as min and max, and keeps a text salary as text', () => {
    expect(rd!.salary).toEqual({ min: 65000, max: 65000, currency: 'EUR', interval: null });
    expect(account!.salary).toBeNull();
    expect(account!.salaryText).toBe('Competitive + commission');
  });

  it('keeps an entity-escaped description as received and dates as UTC', () => {
    expect(rd!.descriptionHtml).toBe('&lt;p&gt;Escaped HTML as some CMSs write it.&lt;/p&gt;');
    expect(rd!.postedAt).toBe('2026-08-01T07:30:00.000Z');
    expect(account!.descriptionHtml).toBeNull();
  });

  it('numbers postings that have neither identifier nor url', () => {
    const html = page(
      JSON.stringify([
        { '@type': 'JobPosting', title: 'A' },
        { '@type': 'JobPosting', title: 'B' },
      ]),
    );
    expect(parseJsonLdPage(html, source(CAREERS_PAGE)).map((p) => p.externalId)).toEqual([
      `${CAREERS_PAGE}#1`,
      `${CAREERS_PAGE}#2`,
    ]);
  });
});

describe('readJsonLdPage job links', () => {
  it('keeps same-site job-like links, resolved, without fragment, once each', () => {
    const { jobLinks } = readJsonLdPage(fixture('jsonld_careers_page_list.html'), CAREERS_PAGE);
    expect(jobLinks).toEqual([
      'https://northwind.example/careers/rd-engineer',
      'https://www.northwind.example/careers/account-executive',
      'https://northwind.example/careers/support-lead',
      'https://northwind.example/careers/data-analyst',
    ]);
  });

  it.each([
    ['https://acme.example/jobs/42-engineer', 'https://acme.example/jobs', true],
    ['https://acme.example/careers/acme/jobs/x', 'https://acme.example/careers/acme/', true],
    ['https://acme.example/stellenangebote/entwickler', 'https://acme.example/karriere', true],
    ['https://acme.example/jobs', 'https://acme.example/jobs/', false],
    ['https://acme.example/jobs?page=2', 'https://acme.example/jobs', false],
    ['https://acme.example/careers', 'https://acme.example/careers/acme/', false],
    ['https://acme.example/blog/post', 'https://acme.example/jobs', false],
    ['https://other.example/jobs/1', 'https://acme.example/jobs', false],
    ['ftp://acme.example/jobs/1', 'https://acme.example/jobs', false],
    ['https://acme.example/jobs/handbook.pdf', 'https://acme.example/jobs', false],
  ])('%s from %s looks like a job: %s', (link, from, expected) => {
    expect(looksLikeJobLink(new URL(link), new URL(from))).toBe(expected);
  });
});

describe('parseJsonLdPage on malformed input', () => {
  it('rejects a JobPosting without a title, naming which posting', () => {
    const error = invalid(
      page(JSON.stringify([{ '@type': 'JobPosting', title: 'A' }, { '@type': 'JobPosting' }])),
    );
    expect(error.path).toBe('1.title');
    expect(error.message).toContain(CAREERS_PAGE);
  });

  it('rejects a JobPosting whose location has the wrong type', () => {
    expect(invalid(page('{"@type":"JobPosting","title":"A","jobLocationType":7}')).path).toBe(
      '0.jobLocationType',
    );
  });

  it('rejects a saved page whose only JSON-LD is not JSON', () => {
    expect(invalid(page('{"@type": "JobPosting", "title": ')).message).toMatch(/not valid JSON/);
  });

  it('returns no postings for a page without JSON-LD', () => {
    expect(parseJsonLdPage('<html><body><h1>Jobs</h1></body></html>', source(CAREERS_PAGE))).toEqual([]);
  });
});

describe('jsonld client against a local careers site', () => {
  let server: SampleServer | null = null;
  const http = new HttpClient({ allowPrivateHosts: true, maxRequestRetries: 0 });
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  afterAll(() => http.close());

  async function serve(count?: number) {
    const board = sampleBoard('jsonld', 'acme', count);
    server = await startSampleServer(renderer, board);
    // The sample pages write absolute URLs on the sandbox's own origin.
    board.origin = server.origin;
    return { server, careers: source(renderer.careersUrl(board)) };
  }

  it('follows the job links of a careers page without JSON-LD, then answers not_modified', async () => {
    const { server, careers } = await serve();
    const first = await fetchBoard(http, careers, null);
    if (first.status !== 'ok') throw new Error('expected ok');
    expect(first.requests).toBe(5);
    expect(server.requests.filter((r) => r.path.startsWith('/careers/acme/jobs/'))).toHaveLength(4);
    expect(first.postings.map((p) => p.externalId)).toEqual([
      'acme-job-1',
      'acme-job-2',
      'acme-job-3',
      'acme-job-4',
    ]);
    expect(first.postings[0]).toMatchObject({
      title: 'Senior Backend Engineer',
      applyUrl: `${server.origin}/careers/acme/jobs/acme-job-1`,
      locations: ['US'],
      employmentType: 'FULL_TIME',
      remote: { isRemote: true, workplaceType: 'remote', countryCodes: ['US'] },
      salary: { min: 140000, max: 175000, currency: 'USD', interval: 'YEAR' },
      postedAt: '2024-01-01T09:30:00.000Z',
    });
    expect(first.postings[2]).toMatchObject({
      locations: ['Berlin, DE'],
      remote: { isRemote: null, workplaceType: null, countryCodes: ['DE'] },
      salary: { min: 25, max: 32, currency: 'EUR', interval: 'HOUR' },
    });

    const before = server.requests.length;
    const second = await fetchBoard(http, careers, first.validators);
    expect(second).toMatchObject({ status: 'not_modified', httpStatus: 200, requests: 1 });
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(['/careers/acme/']);
  });

  it('reads no more job pages than the configured bound', async () => {
    const { careers } = await serve(6);
    const result = await fetchBoard(http, { ...careers, config: { maxPages: 2 } }, null);
    if (result.status !== 'ok') throw new Error('expected ok');
    expect(result.requests).toBe(3);
    expect(result.postings.map((p) => p.externalId)).toEqual(['acme-job-1', 'acme-job-2']);
  });

  it('rejects a config bound that is not a number', async () => {
    const { careers } = await serve(1);
    await expect(fetchBoard(http, { ...careers, config: { maxPages: 'all' } }, null)).rejects.toThrow(
      /maxPages/,
    );
  });
});
