import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../http';
import { InvalidPayloadError, type SourceRef } from '../../types';
import { sampleBoard, startSampleServer, type SampleServer } from '../test-support';
import { breezyFeedUrl, fetchBoard, parseBreezyFeed } from './client';
import { renderer } from './sample';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const source: SourceRef = { kind: 'breezy', token: 'northwind', url: null, config: {} };

function invalid(text: string): InvalidPayloadError {
  try {
    parseBreezyFeed(text, source);
  } catch (error) {
    if (error instanceof InvalidPayloadError) return error;
    throw error;
  }
  throw new Error('expected an InvalidPayloadError');
}

describe('parseBreezyFeed on the current feed shape', () => {
  const [developer, setter, manager, lead] = parseBreezyFeed(fixture('breezy_current_shape.json'), source);

  it('maps ids, titles and position URLs, building one when the URL is relative', () => {
    expect([developer, setter, manager, lead].map((p) => [p!.externalId, p!.title, p!.applyUrl])).toEqual([
      [
        '18df3ec23bf9',
        'Integration Developer (Remote Opportunity)',
        'https://northwind.breezy.hr/p/18df3ec23bf9-integration-developer',
      ],
      ['2d861561c6f2', 'Appointment Setter', 'https://northwind.breezy.hr/p/2d861561c6f2-appointment-setter'],
      ['c0ffee000003', 'Office Manager', 'https://northwind.breezy.hr/p/c0ffee000003-office-manager'],
      ['c0ffee000004', 'Sales Lead', 'https://northwind.breezy.hr/p/c0ffee000004-sales-lead'],
    ]);
  });

  it('lists every location by its display name, or composed from its parts', () => {
    expect(developer!.locations).toEqual(['Tampa, FL', 'Toronto, ON']);
    expect(setter!.locations).toEqual(['Worldwide']);
    expect(manager!.locations).toEqual(['Austin, Texas, United States']);
  });

  it.each([
    ['remote within a location', 0, { isRemote: true, workplaceType: 'remote', countryCodes: ['US', 'CA'] }],
    ['remote anywhere', 1, { isRemote: true, workplaceType: 'remote', countryCodes: [] }],
    ['on-site', 2, { isRemote: false, workplaceType: 'onsite', countryCodes: ['US'] }],
    [
      'hybrid, although is_remote is true',
      3,
      { isRemote: false, workplaceType: 'hybrid', countryCodes: ['GB'] },
    ],
  ])('maps %s', (_name, index, remote) => {
    expect([developer, setter, manager, lead][index]!.remote).toEqual(remote);
  });

  it('carries salary text uninterpreted, employment type, dates and department', () => {
    expect(developer).toMatchObject({
      salaryText: '$115,000 – $145,000 / year',
      salary: null,
      employmentType: 'Full-Time',
      postedAt: '2026-09-03T14:21:05.113Z',
      department: null,
      metadata: { remoteDetails: 'remote-location' },
    });
    expect(setter).toMatchObject({
      salaryText: null,
      department: 'Sales & Support',
      employmentType: 'Part-Time',
    });
    expect(manager).toMatchObject({ employmentType: 'Full-Time', postedAt: '2026-07-01T00:00:00.000Z' });
    expect(lead!.descriptionHtml).toBe('<p>Lead our UK sales team.</p>');
    expect(developer!.descriptionHtml).toBeNull();
  });

  it('accepts an empty board', () => {
    expect(parseBreezyFeed('[]', source)).toEqual([]);
  });
});

describe('parseBreezyFeed on malformed input', () => {
  it.each([
    ['an object instead of the array', '{"error":"not found"}', null],
    ['a position without a URL', '[{"id":"a","name":"A"}]', '0.url'],
    [
      'a position without a title',
      '[{"id":"a","name":"A","url":"https://x.breezy.hr/p/a"},{"id":"b","url":"u"}]',
      '1.name',
    ],
    [
      'a country of the wrong type',
      '[{"id":"a","name":"A","url":"u","location":{"country":7}}]',
      '0.location.country',
    ],
  ])('rejects %s with the path', (_name, json, path) => {
    expect(invalid(json).path).toBe(path);
  });
});

describe('breezyFeedUrl', () => {
  it('builds the real feed URL', () => {
    expect(breezyFeedUrl({ ...source, token: 'NorthWind' })).toBe('https://northwind.breezy.hr/json');
  });
});

describe('breezy client against a local server', () => {
  let server: SampleServer | null = null;
  const http = new HttpClient({ allowPrivateHosts: true, maxRequestRetries: 0 });
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  afterAll(() => http.close());

  it('fetches the board at its real path, then answers not_modified on the ETag', async () => {
    server = await startSampleServer(renderer, sampleBoard('breezy', 'acme'), { etag: true });
    const overrides = { breezy: server.origin };
    const acme = { ...source, token: 'acme' };
    const first = await fetchBoard(http, acme, null, overrides);
    if (first.status !== 'ok') throw new Error('expected ok');
    expect(server.requests[0]).toMatchObject({ host: 'acme.breezy.hr', path: '/json' });
    expect(first.postings).toHaveLength(4);
    expect(first.postings[0]).toMatchObject({
      title: 'Senior Backend Engineer',
      locations: ['Remote - US'],
      employmentType: 'Full-Time',
      remote: { isRemote: true, workplaceType: 'remote', countryCodes: ['US'] },
      salaryText: '$140,000 – $175,000 / year',
      postedAt: '2024-01-01T09:30:00.000Z',
    });
    expect(first.postings[0]!.applyUrl).toMatch(
      /^https:\/\/acme\.breezy\.hr\/p\/[0-9a-f]{12}-senior-backend-engineer$/,
    );
    expect(first.postings[2]!.remote).toEqual({
      isRemote: false,
      workplaceType: 'hybrid',
      countryCodes: ['DE'],
    });
    expect(first.postings[3]!.remote).toEqual({
      isRemote: false,
      workplaceType: 'onsite',
      countryCodes: ['CA'],
    });

    const second = await fetchBoard(http, acme, first.validators, overrides);
    expect(second).toMatchObject({ status: 'not_modified', httpStatus: 304, requests: 1 });
  });
});
