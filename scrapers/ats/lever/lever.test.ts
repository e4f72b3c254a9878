import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../http';
import type { SampleRequest } from '../../sandbox/types';
import { InvalidPayloadError, type SourceRef } from '../../types';
import { sampleBoard, startSampleServer, type SampleServer } from '../test-support';
import { leverPostingsResponseSchema } from './api-types';
import { fetchBoard, LEVER_PAGE_SIZE, leverPageUrl } from './client';
import { adapter } from './index';
import { mapLever } from './mapper';
import { renderer } from './sample';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const source = (token: string, extra: Partial<SourceRef> = {}): SourceRef => ({
  kind: 'lever',
  token,
  url: null,
  config: {},
  ...extra,
});
const map = (name: string) =>
  mapLever(leverPostingsResponseSchema.parse(JSON.parse(fixture(name))), source('x'));

describe('mapLever', () => {
  it('maps the 2015 shape (no workplaceType, salary or country)', () => {
    const [posting] = map('leverdemo_postings_limit1_2015.json');
    expect(posting).toMatchObject({
      externalId: '4d91972d-d82b-4ef7-8b12-6698ed4c63c3',
      title: 'Recruiting Ops Manager',
      applyUrl: 'https://jobs.lever.co/leverdemo/4d91972d-d82b-4ef7-8b12-6698ed4c63c3',
      locations: ['Mountain View'],
      team: 'People',
      department: null,
      employmentType: 'Full-time',
      postedAt: '2014-05-20T19:56:39.666Z',
      remote: { isRemote: null, workplaceType: null, countryCodes: [] },
      salary: null,
      salaryText: null,
    });
    expect(posting!.descriptionHtml).toMatch(/^Lever is a modern webapp for hiring\./);
  });

  it('maps the current shape: lists as headed lists, salary range, workplace type and country', () => {
    const [remote, unspecified, onsite] = map('current-shape.hand-written.json');
    expect(remote).toMatchObject({
      title: 'Backend Engineer, Payments',
      locations: ['Remote - Canada', 'Toronto, ON'],
      department: 'Engineering',
      team: 'Payments',
      employmentType: 'Full-time',
      postedAt: '2024-02-28T13:30:00.000Z',
      remote: { isRemote: true, workplaceType: 'remote', countryCodes: ['CA'] },
      salary: { min: 130000, max: 165000, currency: 'CAD', interval: 'per-year-salary' },
      salaryText: 'Base salary CA$130,000 - CA$165,000',
    });
    expect(remote!.descriptionHtml).toBe(
      '<div><b>About us</b></div><div>Build the payments platform.</div>' +
        "<h3>What you'll do</h3><ul><li>Design ledgers</li><li>Review code</li></ul>" +
        '<h3>R&amp;D at our company</h3><ul><li>Ship experiments</li></ul>' +
        '<div>We are an equal opportunity employer.</div>',
    );
    // An empty `description` falls back to opening + body; "unspecified" is no signal.
    expect(unspecified).toMatchObject({
      descriptionHtml: '<div>Help with our brand.</div>',
      remote: { isRemote: null, workplaceType: null, countryCodes: [] },
      salary: null,
    });
    expect(onsite!.remote).toEqual({ isRemote: false, workplaceType: 'onsite', countryCodes: ['US'] });
  });
});

describe('lever parseSaved', () => {
  it('rejects a posting without hostedUrl, naming the path', () => {
    const body = JSON.stringify([{ id: 'a', text: 'Engineer', createdAt: 1 }]);
    expect(() => adapter.parseSaved(body, source('x'))).toThrowError(
      expect.objectContaining({ name: 'InvalidPayloadError', path: '0.hostedUrl' }),
    );
  });

  it('rejects an object where Lever sends an array', () => {
    expect(() => adapter.parseSaved('{"ok":false,"error":"Document not found"}', source('x'))).toThrow(
      InvalidPayloadError,
    );
  });
});

describe('lever client', () => {
  let server: SampleServer | null = null;
  const http = new HttpClient({ allowPrivateHosts: true, maxRequestRetries: 0 });
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  afterAll(() => http.close());

  it.each([
    [source('acme'), 'https://api.lever.co/v0/postings/acme?mode=json&skip=0&limit=100'],
    [
      source('acme', { config: { region: 'eu' } }),
      'https://api.eu.lever.co/v0/postings/acme?mode=json&skip=0&limit=100',
    ],
    [
      source('acme', { url: 'https://jobs.eu.lever.co/acme' }),
      'https://api.eu.lever.co/v0/postings/acme?mode=json&skip=0&limit=100',
    ],
  ])('builds the documented page URL', (ref, expected) => {
    expect(leverPageUrl(ref, 0)).toBe(expected);
  });

  it('pages with skip/limit until a short page, then answers not_modified on the hash of all pages', async () => {
    const board = sampleBoard('lever', 'acme', 2 * LEVER_PAGE_SIZE + 5);
    server = await startSampleServer(renderer, board);
    const overrides = { lever: server.origin };

    const first = await fetchBoard(http, source('acme'), null, overrides);
    if (first.status !== 'ok') throw new Error('expected ok');
    expect(first.requests).toBe(3);
    expect(server.requests.map((request) => request.query.get('skip'))).toEqual(['0', '100', '200']);
    expect(server.requests.every((request) => request.query.get('limit') === '100')).toBe(true);
    expect(server.requests.every((request) => request.query.get('mode') === 'json')).toBe(true);
    expect(server.requests[0]).toMatchObject({ host: 'api.lever.co', path: '/v0/postings/acme' });
    expect(new Set(first.postings.map((posting) => posting.externalId)).size).toBe(205);
    expect(first.postings[0]).toMatchObject({
      title: 'Senior Backend Engineer',
      locations: ['Remote - US'],
      employmentType: 'Full-time',
      postedAt: board.jobs[0]!.postedAt,
      remote: { isRemote: true, workplaceType: 'remote', countryCodes: ['US'] },
      salary: { min: 140000, max: 175000, currency: 'USD', interval: 'per-year-salary' },
    });
    expect(first.postings[3]!.remote.workplaceType).toBe('onsite');

    const second = await fetchBoard(http, source('acme'), first.validators, overrides);
    expect(second).toMatchObject({ status: 'not_modified', requests: 3 });
  });

  it('stops after one request when the first page answers 304', async () => {
    server = await startSampleServer(renderer, sampleBoard('lever', 'acme', 3), { etag: true });
    const overrides = { lever: server.origin };
    const first = await fetchBoard(http, source('acme'), null, overrides);
    const second = await fetchBoard(http, source('acme'), first.validators, overrides);
    expect(second).toMatchObject({ status: 'not_modified', httpStatus: 304, requests: 1 });
    expect(server.requests[1]!.ifNoneMatch).toBe(first.validators.etag);
  });

  it('fails instead of looping when the server ignores skip', async () => {
    const board = sampleBoard('lever', 'acme', LEVER_PAGE_SIZE);
    const ignoresSkip = {
      ...renderer,
      respond: (b: typeof board, request: SampleRequest) =>
        renderer.respond(b, { ...request, query: new URLSearchParams('mode=json') }),
    };
    server = await startSampleServer(ignoresSkip, board);
    await expect(fetchBoard(http, source('acme'), null, { lever: server.origin })).rejects.toThrow(
      /paging does not advance/,
    );
    expect(server.requests).toHaveLength(2);
  });
});

describe('lever sample renderer', () => {
  const board = sampleBoard('lever', 'acme', 3);
  const request = (path: string, query: string): SampleRequest => ({
    method: 'GET',
    host: 'api.lever.co',
    path,
    query: new URLSearchParams(query),
    body: null,
  });

  it('honours skip and limit and serves a posting by id', () => {
    const page = JSON.parse(
      renderer.respond(board, request('/v0/postings/acme', 'mode=json&skip=1&limit=1'))!.body,
    );
    expect(page.map((posting: { text: string }) => posting.text)).toEqual(['Product Designer']);
    expect(page[0].createdAt).toBe(Date.parse(board.jobs[1]!.postedAt));
    const detail = renderer.respond(board, request(`/v0/postings/acme/${page[0].id}`, 'mode=json'));
    expect(JSON.parse(detail!.body).id).toBe(page[0].id);
    expect(renderer.careersUrl(board)).toBe('https://jobs.lever.co/acme');
  });
});
