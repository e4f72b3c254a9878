import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HttpClient, HttpError } from '../../http';
import type { SampleRenderer } from '../../sandbox/types';
import { InvalidPayloadError, type SourceRef } from '../../types';
import { parseJsonPayload } from '../shared';
import { sampleBoard, startSampleServer, type SampleServer } from '../test-support';
import { bambooDetailSchema, bambooListSchema } from './api-types';
import { bambooDetailUrl, bambooListUrl, fetchBoard, parseBambooList } from './client';
import { mapBambooBoard } from './mapper';
import { renderer } from './sample';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const source: SourceRef = { kind: 'bamboohr', token: 'acme', url: null, config: {} };

function invalid(text: string): InvalidPayloadError {
  try {
    parseBambooList(text, source);
  } catch (error) {
    if (error instanceof InvalidPayloadError) return error;
    throw error;
  }
  throw new Error('expected an InvalidPayloadError');
}

describe('parseBambooList on the recorded demo list', () => {
  const [posting] = parseBambooList(fixture('bamboohr_demo_careers_list.json'), source);

  it('maps the job with its id, title and careers URL', () => {
    expect(posting).toMatchObject({
      externalId: '1',
      title: 'Accounting',
      applyUrl: 'https://acme.bamboohr.com/careers/1',
      department: 'Accounting',
      employmentType: 'Full-time',
    });
  });

  it('trims the city and skips the all-null ATS location', () => {
    expect(posting!.locations).toEqual(['provo, Utah']);
  });

  it('reads locationType "0" as on-site and leaves the list without description or date', () => {
    expect(posting!.remote).toEqual({ isRemote: false, workplaceType: 'onsite', countryCodes: [] });
    expect(posting!.descriptionHtml).toBeNull();
    expect(posting!.postedAt).toBeNull();
  });
});

describe('mapBambooBoard on the current list and detail shape', () => {
  const list = parseJsonPayload(fixture('bamboohr_current_list.json'), bambooListSchema, 'list');
  const detail = parseJsonPayload(fixture('bamboohr_current_detail_41.json'), bambooDetailSchema, 'detail');
  const [data, success, warehouse] = mapBambooBoard(
    list,
    new Map([['41', detail.result.jobOpening]]),
    'acme',
  );

  it('takes description, date, experience and pay text from the detail', () => {
    expect(data).toMatchObject({
      externalId: '41',
      descriptionHtml:
        '<p><strong>About the role</strong></p><ul><li>Own our dbt models</li></ul><p>US residents only.</p>',
      postedAt: '2026-09-14T00:00:00.000Z',
      seniority: 'Senior Level',
      salaryText: '$150,000 - $175,000 USD per year',
      salary: null,
    });
  });

  it.each([
    ['a remote job', 0, { isRemote: true, workplaceType: 'remote', countryCodes: [] }, ['United States']],
    [
      'a hybrid job',
      1,
      { isRemote: false, workplaceType: 'hybrid', countryCodes: [] },
      ['Lehi, Utah, United States'],
    ],
    [
      'an on-site job',
      2,
      { isRemote: false, workplaceType: 'onsite', countryCodes: [] },
      ['Toronto, Ontario, Canada'],
    ],
  ])('maps the remote signals and locations of %s', (_name, index, remote, locations) => {
    const posting = [data, success, warehouse][index]!;
    expect(posting.remote).toEqual(remote);
    expect(posting.locations).toEqual(locations);
  });

  it('maps jobs without a detail from the list alone', () => {
    expect(success!.descriptionHtml).toBeNull();
    expect(warehouse!.department).toBeNull();
    expect(warehouse!.employmentType).toBe('Part-Time');
  });
});

describe('parseBambooList on malformed input', () => {
  it.each([
    ['a missing result list', '{"meta":{}}', 'result'],
    [
      'a job without a title',
      '{"result":[{"id":"1","jobOpeningName":"A"},{"id":"2"}]}',
      'result.1.jobOpeningName',
    ],
    ['a non-numeric id', '{"result":[{"id":"../x","jobOpeningName":"A"}]}', 'result.0.id'],
    [
      'a remote flag that is not a boolean',
      '{"result":[{"id":"1","jobOpeningName":"A","isRemote":"yes"}]}',
      'result.0.isRemote',
    ],
  ])('rejects %s with the path', (_name, json, path) => {
    expect(invalid(json).path).toBe(path);
  });

  it('rejects a body that is not JSON', () => {
    expect(invalid('<html>Try BambooHR free</html>').message).toMatch(/not JSON/);
  });
});

describe('BambooHR URLs', () => {
  it('builds the real list and detail URLs', () => {
    expect(bambooListUrl({ ...source, token: 'Acme' })).toBe('https://acme.bamboohr.com/careers/list');
    expect(bambooDetailUrl(source, '41')).toBe('https://acme.bamboohr.com/careers/41/detail');
  });
});

describe('bamboohr client against a local server', () => {
  let server: SampleServer | null = null;
  const http = new HttpClient({ allowPrivateHosts: true, maxRequestRetries: 0 });
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  afterAll(() => http.close());

  it('fetches the list and every detail, then answers not_modified without detail requests', async () => {
    server = await startSampleServer(renderer, sampleBoard('bamboohr', 'acme'), { etag: true });
    const overrides = { bamboohr: server.origin };
    const first = await fetchBoard(http, source, null, overrides);
    if (first.status !== 'ok') throw new Error('expected ok');
    expect(first.requests).toBe(5);
    expect(server.requests.map((r) => [r.host, r.path.replace(/\d+/, 'ID')])).toEqual([
      ['acme.bamboohr.com', '/careers/list'],
      ...Array.from({ length: 4 }, () => ['acme.bamboohr.com', '/careers/ID/detail']),
    ]);
    expect(first.postings[0]).toMatchObject({
      title: 'Senior Backend Engineer',
      locations: ['United States'],
      remote: { isRemote: true, workplaceType: 'remote' },
      employmentType: 'Full-Time',
      salaryText: '$140,000 - $175,000 USD per year',
      postedAt: '2024-01-01T00:00:00.000Z',
      descriptionHtml: expect.stringContaining('Sample posting'),
    });
    expect(first.postings[0]!.applyUrl).toMatch(/^https:\/\/acme\.bamboohr\.com\/careers\/\d+$/);
    expect(first.postings[2]).toMatchObject({
      locations: ['Berlin, Germany'],
      remote: { isRemote: false, workplaceType: 'hybrid' },
    });

    const second = await fetchBoard(http, source, first.validators, overrides);
    expect(second).toMatchObject({ status: 'not_modified', httpStatus: 304, requests: 1 });
    expect(server.requests).toHaveLength(6);
  });

  it('maps a job whose detail is gone from the list alone, and fails on other detail errors', async () => {
    const board = sampleBoard('bamboohr', 'acme', 2);
    const list = renderer.respond(board, {
      method: 'GET',
      host: 'acme.bamboohr.com',
      path: '/careers/list',
      query: new URLSearchParams(),
      body: null,
    });
    const closedId: string = JSON.parse(list!.body).result[1].id;
    let detailStatus = 404;
    const flaky: SampleRenderer = {
      ...renderer,
      respond: (sample, request) =>
        request.path === `/careers/${closedId}/detail`
          ? { status: detailStatus, contentType: 'application/json', body: '{"error":"gone"}' }
          : renderer.respond(sample, request),
    };
    server = await startSampleServer(flaky, board);
    const overrides = { bamboohr: server.origin };
    const result = await fetchBoard(http, source, null, overrides);
    if (result.status !== 'ok') throw new Error('expected ok');
    expect(result.postings.map((p) => p.descriptionHtml === null)).toEqual([false, true]);

    detailStatus = 403;
    await expect(fetchBoard(http, source, null, overrides)).rejects.toBeInstanceOf(HttpError);
  });
});
