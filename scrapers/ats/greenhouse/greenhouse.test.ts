import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../http';
import type { SampleRequest } from '../../sandbox/types';
import { InvalidPayloadError, type SourceRef } from '../../types';
import { sampleBoard, startSampleServer, type SampleServer } from '../test-support';
import { greenhouseJobsResponseSchema } from './api-types';
import { fetchBoard, greenhouseJobsUrl } from './client';
import { adapter } from './index';
import { mapGreenhouse } from './mapper';
import { renderer } from './sample';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const source = (token: string, extra: Partial<SourceRef> = {}): SourceRef => ({
  kind: 'greenhouse',
  token,
  url: null,
  config: {},
  ...extra,
});
const map = (name: string) =>
  mapGreenhouse(greenhouseJobsResponseSchema.parse(JSON.parse(fixture(name))), source('x'));

describe('mapGreenhouse', () => {
  it('maps the 2013 embed shape, keeping content entity-escaped', () => {
    const [first, second] = map('generalassembly_embed_jobs_content_2013.json');
    expect(first).toMatchObject({
      externalId: '721',
      title: 'Application developer',
      applyUrl: 'http://boards.greenhouse.io/generalassembly/jobs/721',
      locations: ['New York, NY'],
      department: null,
      postedAt: null,
      updatedAt: '2013-09-12T21:01:50.000Z',
      remote: { isRemote: null, workplaceType: null, countryCodes: [] },
      salary: null,
      metadata: {},
    });
    expect(first!.descriptionHtml).toMatch(/^&lt;h3&gt;Who this job is right for&lt;\/h3&gt;/);
    expect(first!.descriptionHtml).toContain('Required skills &amp;amp; experience');
    expect(second).toMatchObject({ externalId: '722', locations: ['New York'], department: 'Finance' });
  });

  it('maps the current shape: offices, metadata and the workplace type custom field', () => {
    const [remote, office] = map('current-shape.hand-written.json');
    expect(remote).toMatchObject({
      externalId: '4520001',
      title: 'Senior Site Reliability Engineer',
      applyUrl: 'https://example-remote.com/careers/job?gh_jid=4520001',
      locations: ['Remote - US', 'Remote', 'New York'],
      department: 'Infrastructure',
      postedAt: '2024-02-19T14:03:12.000Z',
      updatedAt: '2024-03-05T16:20:41.000Z',
      remote: { isRemote: true, workplaceType: 'remote', countryCodes: [] },
      metadata: {
        'Workplace Type': 'Remote',
        'Hiring Regions': 'United States, Canada',
        'Target Salary': '150000.0 USD',
      },
    });
    expect(remote!.descriptionHtml).toContain('&lt;div class=&quot;content-pay-transparency&quot;&gt;');
    expect(office).toMatchObject({
      locations: ['Berlin, Germany', 'Berlin'],
      postedAt: null,
      remote: { isRemote: false, workplaceType: null },
      metadata: { Remote: 'No' },
    });
  });

  it.each([
    ['Workplace Type', 'Hybrid', { isRemote: false, workplaceType: 'hybrid' }],
    ['Work Location', 'On-site', { isRemote: false, workplaceType: 'onsite' }],
    ['Location Type', 'Fully Remote', { isRemote: true, workplaceType: 'remote' }],
    ['Remote?', 'Yes', { isRemote: true, workplaceType: 'remote' }],
    ['Remote', 'Hybrid', { isRemote: false, workplaceType: 'hybrid' }],
    ['Team size', 'Remote', { isRemote: null, workplaceType: null }],
  ])('reads custom field %s = %s as a remote signal', (name, value, expected) => {
    const payload = greenhouseJobsResponseSchema.parse({
      jobs: [
        {
          id: 1,
          title: 't',
          absolute_url: 'https://x',
          metadata: [{ id: 1, name, value, value_type: 'single_select' }],
        },
      ],
    });
    expect(mapGreenhouse(payload, source('x'))[0]!.remote).toMatchObject(expected);
  });
});

describe('greenhouse parseSaved', () => {
  it('rejects a job without absolute_url, naming the path', () => {
    const body = JSON.stringify({
      jobs: [
        { id: 1, title: 'a', absolute_url: 'https://x' },
        { id: 2, title: 'b' },
      ],
    });
    expect(() => adapter.parseSaved(body, source('x'))).toThrowError(
      expect.objectContaining({ name: 'InvalidPayloadError', path: 'jobs.1.absolute_url' }),
    );
  });

  it('rejects text that is not JSON', () => {
    expect(() => adapter.parseSaved('<html>', source('x'))).toThrow(InvalidPayloadError);
  });

  it('maps a saved response like the mapper', () => {
    const text = fixture('current-shape.hand-written.json');
    expect(adapter.parseSaved(text, source('x'))).toEqual(map('current-shape.hand-written.json'));
  });
});

describe('greenhouse client', () => {
  let server: SampleServer | null = null;
  const http = new HttpClient({ allowPrivateHosts: true, maxRequestRetries: 0 });
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  afterAll(() => http.close());

  it.each([
    [source('acme'), 'https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true'],
    [
      source('hotjar', { config: { region: 'eu' } }),
      'https://boards-api.eu.greenhouse.io/v1/boards/hotjar/jobs?content=true',
    ],
    [
      source('hotjar', { url: 'https://job-boards.eu.greenhouse.io/hotjar' }),
      'https://boards-api.eu.greenhouse.io/v1/boards/hotjar/jobs?content=true',
    ],
  ])('builds the documented jobs URL', (ref, expected) => {
    expect(greenhouseJobsUrl(ref)).toBe(expected);
  });

  it('fetches a board from a local server, then answers not_modified on the ETag', async () => {
    const board = sampleBoard('greenhouse', 'acme');
    server = await startSampleServer(renderer, board, { etag: true });
    const overrides = { greenhouse: server.origin };

    const first = await fetchBoard(http, source('acme'), null, overrides);
    if (first.status !== 'ok') throw new Error('expected ok');
    expect(first.requests).toBe(1);
    expect(first.postings.map((posting) => posting.title)).toEqual(board.jobs.map((job) => job.title));
    expect(first.postings[0]).toMatchObject({
      locations: ['Remote - US', 'Remote'],
      department: 'Engineering',
      postedAt: board.jobs[0]!.postedAt,
      remote: { isRemote: true, workplaceType: 'remote' },
    });
    expect(first.postings[0]!.descriptionHtml).toMatch(/^&lt;p&gt;Sample posting/);
    expect(first.postings[0]!.descriptionHtml).toContain('$140,000');
    expect(first.postings[2]!.remote.workplaceType).toBe('hybrid');
    expect(first.validators.etag).toMatch(/^"/);
    expect(server.requests[0]).toMatchObject({
      host: 'boards-api.greenhouse.io',
      path: '/v1/boards/acme/jobs',
    });
    expect(server.requests[0]!.query.get('content')).toBe('true');

    const second = await fetchBoard(http, source('acme'), first.validators, overrides);
    expect(second).toMatchObject({ status: 'not_modified', httpStatus: 304, requests: 1 });
    expect(second.validators.contentHash).toBe(first.validators.contentHash);
    expect(server.requests[1]!.ifNoneMatch).toBe(first.validators.etag);
  });

  it('answers not_modified on an unchanged body hash when the server sends no validators', async () => {
    server = await startSampleServer(renderer, sampleBoard('greenhouse', 'acme'));
    const overrides = { greenhouse: server.origin };
    const first = await fetchBoard(http, source('acme'), null, overrides);
    expect(first.validators.etag).toBeNull();
    const second = await fetchBoard(http, source('acme'), first.validators, overrides);
    expect(second).toMatchObject({ status: 'not_modified', httpStatus: 200, requests: 1 });
  });

  it('sends EU boards to the EU host', async () => {
    server = await startSampleServer(renderer, sampleBoard('greenhouse', 'hotjar', 1));
    const result = await fetchBoard(http, source('hotjar', { config: { region: 'eu' } }), null, {
      greenhouse: server.origin,
    });
    expect(result.status).toBe('ok');
    expect(server.requests[0]!.host).toBe('boards-api.eu.greenhouse.io');
  });
});

describe('greenhouse sample renderer', () => {
  const board = sampleBoard('greenhouse', 'acme', 2);
  const request = (path: string, query = ''): SampleRequest => ({
    method: 'GET',
    host: 'boards-api.greenhouse.io',
    path,
    query: new URLSearchParams(query),
    body: null,
  });

  it('leaves out content unless content=true, like the real API', () => {
    const plain = JSON.parse(renderer.respond(board, request('/v1/boards/acme/jobs'))!.body);
    expect(plain.jobs[0]).not.toHaveProperty('content');
    expect(plain.meta).toEqual({ total: 2 });
  });

  it('serves a job detail and ignores other boards and hosts', () => {
    const list = JSON.parse(renderer.respond(board, request('/v1/boards/acme/jobs'))!.body);
    const detail = renderer.respond(board, request(`/v1/boards/acme/jobs/${list.jobs[1].id}`));
    expect(JSON.parse(detail!.body).title).toBe('Product Designer');
    expect(renderer.respond(board, request('/v1/boards/other/jobs'))).toBeNull();
    expect(renderer.respond(board, { ...request('/v1/boards/acme/jobs'), host: 'api.lever.co' })).toBeNull();
    expect(renderer.careersUrl(board)).toBe('https://boards.greenhouse.io/acme');
  });
});
