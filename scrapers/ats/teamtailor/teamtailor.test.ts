import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../http';
import { InvalidPayloadError, type SourceRef } from '../../types';
import { sampleBoard, startSampleServer, type SampleServer } from '../test-support';
import { fetchBoard, parseTeamtailorFeed, teamtailorFeedUrl } from './client';
import { renderer } from './sample';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const source: SourceRef = { kind: 'teamtailor', token: 'northwind', url: null, config: {} };

function invalid(text: string): InvalidPayloadError {
  try {
    parseTeamtailorFeed(text, source);
  } catch (error) {
    if (error instanceof InvalidPayloadError) return error;
    throw error;
  }
  throw new Error('expected an InvalidPayloadError');
}

const rss = (items: string) =>
  `<rss version="2.0" xmlns:tt="https://teamtailor.com/locations"><channel>${items}</channel></rss>`;

describe('parseTeamtailorFeed on the current feed shape', () => {
  const [engineer, platform, office, support] = parseTeamtailorFeed(
    fixture('teamtailor_current_shape.rss'),
    source,
  );

  it('takes the job number from the link as the id, on any domain', () => {
    expect([engineer, platform, office, support].map((p) => p!.externalId)).toEqual([
      '7733995',
      '7000001',
      '7000002',
      '7000003',
    ]);
    expect(platform!.applyUrl).toBe('https://careers.northwind.se/jobs/7000001-platform-engineer');
  });

  it('decodes the escaped HTML once and carries it, hostile parts included, for the sanitizer', () => {
    expect(engineer!.title).toBe('Senior Backend Engineer & Mentor');
    expect(engineer!.descriptionHtml).toBe(
      '<p>Build <strong>payments</strong> in Elixir.&nbsp;EU time zones.</p><img src=x onerror="alert(1)">',
    );
    expect(platform!.descriptionHtml).toBe('<p>Kubernetes, Terraform.</p>');
    expect(office!.descriptionHtml).toBeNull();
  });

  it('lists "City, Country" per location, or the name when there is no city or country', () => {
    expect(engineer!.locations).toEqual(['Stockholm, Sweden', 'Berlin, Germany']);
    expect(platform!.locations).toEqual([]);
    expect(office!.locations).toEqual(['Spain']);
    expect(support!.locations).toEqual(['Lisbon hub']);
  });

  it.each([
    ['hybrid', 0, { isRemote: false, workplaceType: 'hybrid' }],
    ['fully', 1, { isRemote: true, workplaceType: 'remote' }],
    ['none', 2, { isRemote: false, workplaceType: 'onsite' }],
    ['temporary (tt:remoteStatus)', 3, { isRemote: false, workplaceType: null }],
  ])('maps remote status %s', (_status, index, remote) => {
    expect([engineer, platform, office, support][index]!.remote).toEqual({ ...remote, countryCodes: [] });
  });

  it('carries department, role, division and the publication date', () => {
    expect(engineer).toMatchObject({
      department: 'Engineering',
      postedAt: '2026-05-13T15:12:26.000Z',
      metadata: { remoteStatus: 'hybrid', role: 'Software Engineering', division: 'Product' },
    });
    expect(support!.postedAt).toBeNull();
  });

  it('accepts a feed with a single item or none', () => {
    const one = rss('<item><title>Solo</title><link>https://a.teamtailor.com/jobs/5-solo</link></item>');
    expect(parseTeamtailorFeed(one, source).map((p) => p.externalId)).toEqual(['5']);
    expect(parseTeamtailorFeed(rss('<title>Empty</title>'), source)).toEqual([]);
    expect(parseTeamtailorFeed('<rss><channel></channel></rss>', source)).toEqual([]);
  });
});

describe('parseTeamtailorFeed on malformed input', () => {
  it.each([
    ['an item without a link', rss('<item><title>A</title></item>'), 'rss.channel.item.0.link'],
    [
      'a javascript: link',
      rss(
        '<item><title>A</title><link>https://a.teamtailor.com/jobs/1</link></item><item><title>B</title><link>javascript:alert(1)</link></item>',
      ),
      'rss.channel.item.1.link',
    ],
    [
      'an item without a title',
      rss('<item><link>https://a.teamtailor.com/jobs/1</link></item>'),
      'rss.channel.item.0.title',
    ],
    ['an HTML page', '<html><body></body></html>', 'rss'],
  ])('rejects %s with the path', (_name, xml, path) => {
    expect(invalid(xml).path).toBe(path);
  });

  it('rejects a truncated feed', () => {
    expect(invalid(rss('<item><title>A</title>').slice(0, -10)).message).toMatch(/not well-formed XML/);
  });
});

describe('teamtailorFeedUrl', () => {
  it.each([
    [source, 'https://northwind.teamtailor.com/jobs.rss'],
    [
      { ...source, url: 'https://careers.northwind.se/jobs?department=x' },
      'https://careers.northwind.se/jobs.rss',
    ],
    [
      { ...source, token: null, url: 'https://northwind.teamtailor.com/' },
      'https://northwind.teamtailor.com/jobs.rss',
    ],
  ])('builds the real feed URL', (ref, url) => {
    expect(teamtailorFeedUrl(ref)).toBe(url);
  });
});

describe('teamtailor client against a local server', () => {
  let server: SampleServer | null = null;
  const http = new HttpClient({ allowPrivateHosts: true, maxRequestRetries: 0 });
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  afterAll(() => http.close());

  it('fetches the RSS feed at its real path, then answers not_modified on the ETag', async () => {
    server = await startSampleServer(renderer, sampleBoard('teamtailor', 'acme'), { etag: true });
    const overrides = { teamtailor: server.origin };
    const acme = { ...source, token: 'acme' };
    const first = await fetchBoard(http, acme, null, overrides);
    if (first.status !== 'ok') throw new Error('expected ok');
    expect(server.requests[0]).toMatchObject({ host: 'acme.teamtailor.com', path: '/jobs.rss' });
    expect(first.postings).toHaveLength(4);
    expect(first.postings[0]).toMatchObject({
      title: 'Senior Backend Engineer',
      locations: ['United States'],
      department: 'Engineering',
      remote: { isRemote: true, workplaceType: 'remote' },
      descriptionHtml:
        '<p>Sample posting: build our APIs &amp; data pipelines.</p><ul><li>Go</li><li>Postgres</li></ul>',
      postedAt: '2024-01-01T09:30:00.000Z',
      metadata: { remoteStatus: 'fully', role: 'Platform' },
    });
    expect(first.postings[0]!.externalId).toMatch(/^\d{7}$/);
    expect(first.postings[1]!.locations).toEqual([]);
    expect(first.postings[2]).toMatchObject({
      locations: ['Berlin, Germany'],
      remote: { workplaceType: 'hybrid' },
    });
    expect(first.postings[3]).toMatchObject({
      locations: ['Toronto, Canada'],
      remote: { workplaceType: 'onsite' },
    });

    const second = await fetchBoard(http, acme, first.validators, overrides);
    expect(second).toMatchObject({ status: 'not_modified', httpStatus: 304, requests: 1 });
  });
});
