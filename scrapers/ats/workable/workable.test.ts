import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../http';
import type { SourceRef } from '../../types';
import { sampleBoard, startSampleServer, type SampleServer } from '../test-support';
import { workableAccountResponseSchema } from './api-types';
import { fetchBoard, workableAccountUrl } from './client';
import { adapter } from './index';
import { mapWorkable } from './mapper';
import { renderer } from './sample';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const source = (token: string): SourceRef => ({ kind: 'workable', token, url: null, config: {} });
const map = (name: string) =>
  mapWorkable(workableAccountResponseSchema.parse(JSON.parse(fixture(name))), source('x'));

describe('mapWorkable', () => {
  it('maps visible locations, telecommuting, experience and country codes', () => {
    const [remote] = map('current-shape.hand-written.json');
    expect(remote).toMatchObject({
      externalId: '5F3A9C21B0',
      title: 'Customer Success Manager',
      applyUrl: 'https://apply.workable.com/j/5F3A9C21B0',
      locations: ['Athens, Attica, Greece', 'Portugal'],
      descriptionHtml: '<p>Help our customers succeed.</p>',
      department: 'Customer Success',
      employmentType: 'Full-time',
      seniority: 'Mid-Senior level',
      postedAt: '2024-02-20T00:00:00.000Z',
      remote: { isRemote: true, workplaceType: 'remote', countryCodes: ['GR', 'PT'] },
      metadata: { function: 'Customer Service', industry: 'Computer Software' },
    });
  });

  it('treats empty strings as unset and falls back to city/state/country and created_at', () => {
    const [, onsite] = map('current-shape.hand-written.json');
    expect(onsite).toMatchObject({
      locations: ['Reno, Nevada, United States'],
      descriptionHtml: null,
      department: null,
      employmentType: null,
      seniority: null,
      postedAt: '2024-01-15T00:00:00.000Z',
      // telecommuting: false is "not marked remote", not "on-site".
      remote: { isRemote: false, workplaceType: null, countryCodes: [] },
      metadata: { education: 'High School or equivalent' },
    });
  });
});

describe('workable parseSaved', () => {
  it('rejects a job without shortcode, naming the path', () => {
    const body = JSON.stringify({ name: 'x', jobs: [{ title: 'a', url: 'https://x' }] });
    expect(() => adapter.parseSaved(body, source('x'))).toThrowError(
      expect.objectContaining({ name: 'InvalidPayloadError', path: 'jobs.0.shortcode' }),
    );
  });

  it('rejects telecommuting that is not a boolean', () => {
    const body = JSON.stringify({
      jobs: [{ title: 'a', shortcode: 'A', url: 'https://x', telecommuting: 'yes' }],
    });
    expect(() => adapter.parseSaved(body, source('x'))).toThrowError(
      expect.objectContaining({ path: 'jobs.0.telecommuting' }),
    );
  });
});

describe('workable client', () => {
  let server: SampleServer | null = null;
  const http = new HttpClient({ allowPrivateHosts: true, maxRequestRetries: 0 });
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  afterAll(() => http.close());

  it('builds the documented widget URL', () => {
    expect(workableAccountUrl(source('doist'))).toBe(
      'https://apply.workable.com/api/v1/widget/accounts/doist?details=true',
    );
  });

  it('fetches an account with details from a local server, then answers not_modified', async () => {
    server = await startSampleServer(renderer, sampleBoard('workable', 'acme'), { etag: true });
    const overrides = { workable: server.origin };
    const first = await fetchBoard(http, source('acme'), null, overrides);
    if (first.status !== 'ok') throw new Error('expected ok');
    expect(server.requests[0]).toMatchObject({
      host: 'apply.workable.com',
      path: '/api/v1/widget/accounts/acme',
    });
    expect(server.requests[0]!.query.get('details')).toBe('true');
    expect(first.postings[0]).toMatchObject({
      title: 'Senior Backend Engineer',
      locations: ['United States'],
      employmentType: 'Full-time',
      postedAt: '2024-01-01T00:00:00.000Z',
      remote: { isRemote: true, workplaceType: 'remote', countryCodes: ['US'] },
    });
    expect(first.postings[0]!.descriptionHtml).toContain('Compensation:');
    expect(first.postings[2]).toMatchObject({ locations: ['Berlin, Germany'], remote: { isRemote: false } });

    const second = await fetchBoard(http, source('acme'), first.validators, overrides);
    expect(second).toMatchObject({ status: 'not_modified', httpStatus: 304, requests: 1 });
  });
});

describe('workable sample renderer', () => {
  it('adds descriptions only with details=true', () => {
    const board = sampleBoard('workable', 'acme', 1);
    const response = renderer.respond(board, {
      method: 'GET',
      host: 'apply.workable.com',
      path: '/api/v1/widget/accounts/acme',
      query: new URLSearchParams(),
      body: null,
    });
    expect(JSON.parse(response!.body).jobs[0]).not.toHaveProperty('description');
    expect(renderer.careersUrl(board)).toBe('https://apply.workable.com/acme');
  });
});
