import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../http';
import type { SampleBoard, SampleRequest } from '../../sandbox/types';
import type { SourceRef } from '../../types';
import { sampleBoard, startSampleServer, type SampleServer } from '../test-support';
import {
  fetchBoard,
  SMARTRECRUITERS_PAGE_SIZE,
  smartRecruitersDetailUrl,
  smartRecruitersListUrl,
} from './client';
import { adapter } from './index';
import { renderer } from './sample';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const source = (token: string | null): SourceRef => ({
  kind: 'smartrecruiters',
  token,
  url: null,
  config: {},
});

describe('SmartRecruiters mapping', () => {
  it('maps a list response (no descriptions), building the public job URL', () => {
    const [hybrid, , remote] = adapter.parseSaved(fixture('aboutyou_postings.json'), source(null));
    expect(hybrid).toMatchObject({
      externalId: '744000147566189',
      title: 'Praktikum Marketing & GTM Strategy (all genders)',
      applyUrl: 'https://jobs.smartrecruiters.com/ABOUTYOUGmbH/744000147566189',
      locations: ['Hamburg, HH, Germany'],
      descriptionHtml: null,
      department: 'Business',
      employmentType: 'Intern',
      seniority: null,
      postedAt: '2026-09-04T16:46:24.116Z',
      remote: { isRemote: false, workplaceType: 'hybrid', countryCodes: ['DE'] },
      metadata: { language: 'de' },
    });
    // No fullLocation and no typeOfEmployment on the third posting.
    expect(remote).toMatchObject({
      locations: ['Hamburg, HH, DE'],
      department: 'Tech',
      employmentType: null,
      remote: { isRemote: true, workplaceType: 'remote', countryCodes: ['DE'] },
    });
  });

  it('maps a posting detail: job ad sections in page order, postingUrl, experience level, custom fields', () => {
    const [posting] = adapter.parseSaved(
      fixture('current-detail.hand-written.json'),
      source('ExampleRemote1'),
    );
    expect(posting).toMatchObject({
      externalId: '744000099887766',
      applyUrl: 'https://jobs.smartrecruiters.com/ExampleRemote1/744000099887766-data-engineer',
      locations: ['Lisbon, Lisbon, Portugal'],
      descriptionHtml:
        '<h3>Company Description</h3><p>We move data.</p><h3>Job Description</h3><p>Build pipelines.</p>' +
        '<h3>Qualifications</h3><ul><li>SQL</li></ul><h3>Additional Information &amp; Perks</h3><p>Meal card.</p>',
      department: 'Data',
      employmentType: 'Full-time',
      seniority: 'Mid-Senior Level',
      remote: { isRemote: false, workplaceType: 'hybrid', countryCodes: ['PT'] },
      metadata: {
        function: 'Information Technology',
        industry: 'Computer Software',
        language: 'en',
        'Work model': 'Hybrid (3 days)',
      },
    });
  });

  it.each([
    [{ remote: false, hybrid: false }, 'onsite'],
    [{ remote: true, hybrid: false }, 'remote'],
    [{}, null],
  ])('reads location flags %o as workplace type %s', (flags, expected) => {
    const body = JSON.stringify({
      id: '1',
      name: 'x',
      company: { identifier: 'c' },
      location: { city: 'X', ...flags },
    });
    expect(adapter.parseSaved(body, source(null))[0]!.remote.workplaceType).toBe(expected);
  });

  it('rejects malformed payloads with the path of the bad field', () => {
    const list = JSON.stringify({ offset: 0, limit: 100, totalFound: 1, content: [{ id: 1, name: 'x' }] });
    expect(() => adapter.parseSaved(list, source('c'))).toThrowError(
      expect.objectContaining({ name: 'InvalidPayloadError', path: 'content.0.id' }),
    );
    const detail = JSON.stringify({ id: '1', name: 'x', location: { remote: 'yes' } });
    expect(() => adapter.parseSaved(detail, source('c'))).toThrowError(
      expect.objectContaining({ path: 'location.remote' }),
    );
  });
});

describe('SmartRecruiters client', () => {
  let server: SampleServer | null = null;
  const http = new HttpClient({ allowPrivateHosts: true, maxRequestRetries: 0 });
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  afterAll(() => http.close());

  it('builds the documented list and detail URLs', () => {
    expect(smartRecruitersListUrl(source('Acme1'), 200)).toBe(
      'https://api.smartrecruiters.com/v1/companies/Acme1/postings?limit=100&offset=200',
    );
    expect(smartRecruitersDetailUrl(source('Acme1'), '7440001')).toBe(
      'https://api.smartrecruiters.com/v1/companies/Acme1/postings/7440001',
    );
  });

  it('pages the list by totalFound, fetches each detail, then skips details when the list is unchanged', async () => {
    const board = sampleBoard('smartrecruiters', 'Acme1', SMARTRECRUITERS_PAGE_SIZE + 3);
    server = await startSampleServer(renderer, board);
    const overrides = { smartrecruiters: server.origin };

    const first = await fetchBoard(http, source('Acme1'), null, overrides);
    if (first.status !== 'ok') throw new Error('expected ok');
    const lists = server.requests.filter((request) => request.path === '/v1/companies/Acme1/postings');
    expect(lists.map((request) => request.query.get('offset'))).toEqual(['0', '100']);
    expect(
      lists.every(
        (request) => request.query.get('limit') === '100' && request.host === 'api.smartrecruiters.com',
      ),
    ).toBe(true);
    expect(server.requests).toHaveLength(2 + 103);
    expect(first.requests).toBe(105);
    expect(first.postings).toHaveLength(103);
    expect(first.postings[0]).toMatchObject({
      title: 'Senior Backend Engineer',
      applyUrl: expect.stringMatching(
        /^https:\/\/jobs\.smartrecruiters\.com\/Acme1\/\d{15}-senior-backend-engineer$/,
      ),
      employmentType: 'Full-time',
      seniority: 'Mid-Senior Level',
      remote: { isRemote: true, workplaceType: 'remote', countryCodes: ['US'] },
    });
    expect(first.postings[0]!.descriptionHtml).toContain('<h3>Job Description</h3><p>Sample posting');
    expect(first.postings[2]).toMatchObject({
      locations: ['Berlin, Germany'],
      remote: { isRemote: false, workplaceType: 'hybrid', countryCodes: ['DE'] },
    });

    const before = server.requests.length;
    const second = await fetchBoard(http, source('Acme1'), first.validators, overrides);
    expect(second).toMatchObject({ status: 'not_modified', requests: 2 });
    expect(server.requests.length - before).toBe(2);
  });

  it('makes one request when the list answers 304', async () => {
    server = await startSampleServer(renderer, sampleBoard('smartrecruiters', 'Acme1', 2), { etag: true });
    const overrides = { smartrecruiters: server.origin };
    const first = await fetchBoard(http, source('Acme1'), null, overrides);
    expect(first.requests).toBe(3);
    const second = await fetchBoard(http, source('Acme1'), first.validators, overrides);
    expect(second).toMatchObject({ status: 'not_modified', httpStatus: 304, requests: 1 });
  });

  it('keeps a listed posting whose detail is already gone (404), without description', async () => {
    const board = sampleBoard('smartrecruiters', 'Acme1', 2);
    const detailGone = {
      ...renderer,
      respond: (b: SampleBoard, request: SampleRequest) =>
        request.path.split('/').length > 5
          ? { status: 404, contentType: 'application/json', body: '{"code":"POSTING_NOT_FOUND"}' }
          : renderer.respond(b, request),
    };
    server = await startSampleServer(detailGone, board);
    const result = await fetchBoard(http, source('Acme1'), null, { smartrecruiters: server.origin });
    if (result.status !== 'ok') throw new Error('expected ok');
    expect(result.postings.map((posting) => posting.descriptionHtml)).toEqual([null, null]);
    expect(result.postings.map((posting) => posting.title)).toEqual([
      'Senior Backend Engineer',
      'Product Designer',
    ]);
  });
});

describe('SmartRecruiters sample renderer', () => {
  it('pages with offset/limit (default 10, at most 100) and leaves descriptions to the detail', () => {
    const board = sampleBoard('smartrecruiters', 'Acme1', 12);
    const list = (query: string) =>
      JSON.parse(
        renderer.respond(board, {
          method: 'GET',
          host: 'api.smartrecruiters.com',
          path: '/v1/companies/Acme1/postings',
          query: new URLSearchParams(query),
          body: null,
        })!.body,
      );
    expect(list('').content).toHaveLength(10);
    expect(list('offset=10&limit=500')).toMatchObject({ offset: 10, limit: 100, totalFound: 12 });
    expect(list('offset=10').content).toHaveLength(2);
    expect(list('').content[0]).not.toHaveProperty('jobAd');
    expect(renderer.careersUrl(board)).toBe('https://careers.smartrecruiters.com/Acme1');
  });
});
