import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../http';
import type { SourceRef } from '../../types';
import { sampleBoard, startSampleServer, type SampleServer } from '../test-support';
import { ashbyJobBoardResponseSchema } from './api-types';
import { ashbyBoardUrl, fetchBoard } from './client';
import { adapter } from './index';
import { mapAshby } from './mapper';
import { renderer } from './sample';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const source = (token: string): SourceRef => ({ kind: 'ashby', token, url: null, config: {} });
const map = (name: string) =>
  mapAshby(ashbyJobBoardResponseSchema.parse(JSON.parse(fixture(name))), source('x'));

describe('mapAshby', () => {
  it('maps the documented shape and drops unlisted jobs', () => {
    const postings = map('current-shape.hand-written.json');
    expect(postings.map((posting) => posting.title)).toEqual(['Product Designer', 'Sales Lead']);
    expect(postings[0]).toMatchObject({
      externalId: '4c1a2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b',
      applyUrl: 'https://jobs.ashbyhq.com/exampleremote/4c1a2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b',
      locations: ['Remote (EMEA)', 'Lisbon'],
      descriptionHtml: '<p>Design the product people use every day.</p>',
      department: 'Design',
      team: 'Core Product',
      employmentType: 'FullTime',
      postedAt: '2024-02-12T14:05:09.123Z',
      updatedAt: null,
      remote: { isRemote: true, workplaceType: 'remote', countryCodes: [] },
      // Both tiers' salaries, in one currency and interval, widen to one range; equity is ignored.
      salary: { min: 70000, max: 95000, currency: 'EUR', interval: '1 YEAR' },
      salaryText: '€70K – €95K • Offers Equity • Multiple Ranges',
    });
  });

  it('keeps pay the company hides on its postings out of the posting', () => {
    const sales = map('current-shape.hand-written.json')[1];
    expect(sales).toMatchObject({
      employmentType: 'Contract',
      remote: { isRemote: false, workplaceType: 'hybrid' },
      salary: null,
      salaryText: null,
    });
  });

  it('uses the first tier when tiers disagree on currency', () => {
    const payload = ashbyJobBoardResponseSchema.parse({
      jobs: [
        {
          id: 'a',
          title: 't',
          jobUrl: 'https://jobs.ashbyhq.com/x/a',
          compensation: {
            compensationTiers: [
              {
                components: [
                  {
                    compensationType: 'Salary',
                    interval: '1 YEAR',
                    currencyCode: 'USD',
                    minValue: 100,
                    maxValue: 200,
                  },
                ],
              },
              {
                components: [
                  {
                    compensationType: 'Salary',
                    interval: '1 YEAR',
                    currencyCode: 'GBP',
                    minValue: 50,
                    maxValue: 300,
                  },
                ],
              },
            ],
          },
        },
      ],
    });
    expect(mapAshby(payload, source('x'))[0]!.salary).toEqual({
      min: 100,
      max: 200,
      currency: 'USD',
      interval: '1 YEAR',
    });
  });
});

describe('ashby parseSaved', () => {
  it('rejects a job without jobUrl, naming the path', () => {
    const body = JSON.stringify({ apiVersion: '1', jobs: [{ id: 'a', title: 'Engineer' }] });
    expect(() => adapter.parseSaved(body, source('x'))).toThrowError(
      expect.objectContaining({ name: 'InvalidPayloadError', path: 'jobs.0.jobUrl' }),
    );
  });

  it('rejects a compensation component without a type, naming the path', () => {
    const body = JSON.stringify({
      jobs: [
        {
          id: 'a',
          title: 'E',
          jobUrl: 'https://x',
          compensation: { compensationTiers: [{ components: [{}] }] },
        },
      ],
    });
    expect(() => adapter.parseSaved(body, source('x'))).toThrowError(
      expect.objectContaining({
        path: 'jobs.0.compensation.compensationTiers.0.components.0.compensationType',
      }),
    );
  });
});

describe('ashby client', () => {
  let server: SampleServer | null = null;
  const http = new HttpClient({ allowPrivateHosts: true, maxRequestRetries: 0 });
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  afterAll(() => http.close());

  it('builds the documented board URL', () => {
    expect(ashbyBoardUrl(source('buffer'))).toBe(
      'https://api.ashbyhq.com/posting-api/job-board/buffer?includeCompensation=true',
    );
  });

  it('fetches a board with compensation from a local server, then answers not_modified', async () => {
    const board = sampleBoard('ashby', 'acme');
    server = await startSampleServer(renderer, board, { etag: true });
    const overrides = { ashby: server.origin };
    const first = await fetchBoard(http, source('acme'), null, overrides);
    if (first.status !== 'ok') throw new Error('expected ok');
    expect(server.requests[0]).toMatchObject({
      host: 'api.ashbyhq.com',
      path: '/posting-api/job-board/acme',
    });
    expect(server.requests[0]!.query.get('includeCompensation')).toBe('true');
    expect(first.postings).toHaveLength(4);
    expect(first.postings[0]).toMatchObject({
      locations: ['Remote - US'],
      employmentType: 'FullTime',
      remote: { isRemote: true, workplaceType: 'remote' },
      salary: { min: 140000, max: 175000, currency: 'USD', interval: '1 YEAR' },
      salaryText: '$140K – $175K • Offers Equity',
    });
    expect(first.postings[2]).toMatchObject({
      remote: { isRemote: false, workplaceType: 'hybrid' },
      salary: { min: 25, max: 32, currency: 'EUR', interval: '1 HOUR' },
    });
    expect(first.postings[3]!.remote.workplaceType).toBe('onsite');

    const second = await fetchBoard(http, source('acme'), first.validators, overrides);
    expect(second).toMatchObject({ status: 'not_modified', httpStatus: 304, requests: 1 });
  });

  it('answers not_modified on an unchanged hash without validators', async () => {
    server = await startSampleServer(renderer, sampleBoard('ashby', 'acme', 2));
    const overrides = { ashby: server.origin };
    const first = await fetchBoard(http, source('acme'), null, overrides);
    const second = await fetchBoard(http, source('acme'), first.validators, overrides);
    expect(second).toMatchObject({ status: 'not_modified', httpStatus: 200 });
  });
});

describe('ashby sample renderer', () => {
  it('adds compensation only when asked, and answers only its own board', () => {
    const board = sampleBoard('ashby', 'acme', 1);
    const request = (path: string, query: string) => ({
      method: 'GET',
      host: 'api.ashbyhq.com',
      path,
      query: new URLSearchParams(query),
      body: null,
    });
    const plain = JSON.parse(renderer.respond(board, request('/posting-api/job-board/acme', ''))!.body);
    expect(plain.jobs[0]).not.toHaveProperty('compensation');
    expect(renderer.respond(board, request('/posting-api/job-board/other', ''))).toBeNull();
    expect(renderer.careersUrl(board)).toBe('https://jobs.ashbyhq.com/acme');
  });
});
