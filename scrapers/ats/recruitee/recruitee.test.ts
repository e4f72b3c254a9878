import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../http';
import type { SourceRef } from '../../types';
import { sampleBoard, startSampleServer, type SampleServer } from '../test-support';
import { recruiteeOffersResponseSchema } from './api-types';
import { fetchBoard, recruiteeOffersUrl } from './client';
import { adapter } from './index';
import { mapRecruitee } from './mapper';
import { renderer } from './sample';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const source = (token: string): SourceRef => ({ kind: 'recruitee', token, url: null, config: {} });
const map = (name: string) =>
  mapRecruitee(recruiteeOffersResponseSchema.parse(JSON.parse(fixture(name))), source('x'));

describe('mapRecruitee', () => {
  it('maps remote flags, country codes, string salaries, tags and Recruitee timestamps', () => {
    const [remote] = map('current-shape.hand-written.json');
    expect(remote).toMatchObject({
      externalId: '1478523',
      title: 'Frontend Engineer (Remote)',
      applyUrl: 'https://exampleremote.recruitee.com/o/frontend-engineer-remote',
      locations: ['Amsterdam, Netherlands', 'Amsterdam, North Holland, Netherlands', 'Germany'],
      descriptionHtml: '<p>Build our web app.</p><ul><li>TypeScript</li></ul>',
      department: 'Engineering',
      employmentType: 'fulltime_permanent',
      seniority: 'experienced',
      postedAt: '2024-02-01T09:30:00.000Z',
      updatedAt: '2024-02-03T12:00:00.000Z',
      remote: { isRemote: true, workplaceType: 'remote', countryCodes: ['NL', 'DE'] },
      salary: { min: 55000, max: 70000, currency: 'EUR', interval: 'year' },
      tags: ['TypeScript', 'React'],
    });
  });

  it('maps an on-site offer with an empty salary object', () => {
    const [, onsite] = map('current-shape.hand-written.json');
    expect(onsite).toMatchObject({
      locations: ['Utrecht, Netherlands'],
      descriptionHtml: '<p>Coffee.</p>',
      department: null,
      updatedAt: null,
      remote: { isRemote: false, workplaceType: 'onsite', countryCodes: ['NL'] },
      salary: null,
      tags: [],
    });
  });
});

describe('recruitee parseSaved', () => {
  it('rejects an offer whose id is not a number, naming the path', () => {
    const body = JSON.stringify({ offers: [{ id: 'x', title: 'a', careers_url: 'https://x' }] });
    expect(() => adapter.parseSaved(body, source('x'))).toThrowError(
      expect.objectContaining({ name: 'InvalidPayloadError', path: 'offers.0.id' }),
    );
  });
});

describe('recruitee client', () => {
  let server: SampleServer | null = null;
  const http = new HttpClient({ allowPrivateHosts: true, maxRequestRetries: 0 });
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  afterAll(() => http.close());

  it('builds the documented offers URL on the company host, refusing tokens that are not host labels', () => {
    expect(recruiteeOffersUrl(source('Acme'))).toBe('https://acme.recruitee.com/api/offers/');
    expect(() => recruiteeOffersUrl(source('evil.com/x'))).toThrow(/not a valid subdomain/);
  });

  it('fetches offers from a local server by the company Host, then answers not_modified', async () => {
    server = await startSampleServer(renderer, sampleBoard('recruitee', 'acme'), { etag: true });
    const overrides = { recruitee: server.origin };
    const first = await fetchBoard(http, source('acme'), null, overrides);
    if (first.status !== 'ok') throw new Error('expected ok');
    expect(server.requests[0]).toMatchObject({ host: 'acme.recruitee.com', path: '/api/offers/' });
    expect(first.postings[0]).toMatchObject({
      locations: ['Remote - US', 'United States'],
      employmentType: 'fulltime_permanent',
      postedAt: '2024-01-01T09:30:00.000Z',
      remote: { isRemote: true, workplaceType: 'remote', countryCodes: ['US'] },
      salary: { min: 140000, max: 175000, currency: 'USD', interval: 'year' },
    });
    expect(first.postings[2]!.remote).toEqual({
      isRemote: false,
      workplaceType: 'hybrid',
      countryCodes: ['DE'],
    });

    const second = await fetchBoard(http, source('acme'), first.validators, overrides);
    expect(second).toMatchObject({ status: 'not_modified', httpStatus: 304, requests: 1 });
  });

  it('gets a 404 for another company on the same server', async () => {
    server = await startSampleServer(renderer, sampleBoard('recruitee', 'acme', 1));
    await expect(
      fetchBoard(http, source('globex'), null, { recruitee: server.origin }),
    ).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('recruitee sample renderer', () => {
  it('serves one offer by slug and gives the careers URL', () => {
    const board = sampleBoard('recruitee', 'acme', 2);
    const response = renderer.respond(board, {
      method: 'GET',
      host: 'acme.recruitee.com',
      path: '/api/offers/product-designer',
      query: new URLSearchParams(),
      body: null,
    });
    expect(JSON.parse(response!.body).offer.title).toBe('Product Designer');
    expect(renderer.careersUrl(board)).toBe('https://acme.recruitee.com');
  });
});
