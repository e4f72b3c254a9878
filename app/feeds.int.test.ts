/**
 * The feed routes over a real database: every format parsed with a real parser, hostile text,
 * conditional requests, invalid parameters and the per-company feed.
 */
import { decodeHTML } from 'entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase } from '@/lib/db/client';
import { posting, seedCompany, seedPostings } from '@/lib/catalog/testing/seed';
import { assertWellFormedXml, feedXmlParser } from '@/lib/feeds/testing/xml';
import { resetDatabase } from '@/tests/db';
import { GET as companyFeed } from './companies/[slug]/feed.xml/route';
import { GET as atomFeed } from './feed.atom/route';
import { GET as jsonFeed } from './feed.json/route';
import { GET as rssFeed } from './feed.xml/route';

const DAY = 86_400_000;
const HOSTILE_TITLE = 'R&D <Lead> "Ops" ]]> ]]> &amp; \u200F\u202Eمهندس\u202C';

const get = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://localhost:3000${path}`, { headers });
const company = (slug: string, path = `/companies/${slug}/feed.xml`, headers: Record<string, string> = {}) =>
  companyFeed(get(path, headers), { params: Promise.resolve({ slug }) });

beforeAll(async () => {
  const database = await resetDatabase();
  const now = new Date();
  const acme = await seedCompany(database, { slug: 'acme', name: 'Acme & Co' });
  const bulk = await seedCompany(database, { slug: 'bulk', name: 'Bulk' });
  await seedPostings(database, acme, [
    posting({ externalId: 'a1', title: 'Senior Rust Engineer', tags: ['rust'], seniority: 'senior' }),
    posting({
      externalId: 'a2',
      title: 'Designer in Portugal',
      category: 'design',
      worldwide: false,
      countries: ['PT'],
    }),
    posting({ externalId: 'a3', title: HOSTILE_TITLE, evidence: 'Remote <EU> & ]]> \u200F' }),
    posting({ externalId: 'a4', title: 'Closed Rust Engineer', tags: ['rust'] }),
  ]);
  await seedPostings(
    database,
    bulk,
    Array.from({ length: 55 }, (_, index) =>
      posting({ externalId: `b${index}`, title: `Support Agent ${index}`, category: 'support' }),
    ),
  );
  // Distinct ages so "newest" has one answer; one closed job.
  await database.sql`
    update jobs set first_seen_at = ${new Date(now.getTime() - 30 * DAY).toISOString()}::timestamptz
                                    + (id * interval '1 minute')`;
  await database.sql`update jobs set first_seen_at = ${now.toISOString()}::timestamptz where title = 'Senior Rust Engineer'`;
  await database.sql`update jobs set closed_at = ${now.toISOString()}::timestamptz where title = 'Closed Rust Engineer'`;
});

afterAll(closeDatabase);

describe('/feed.xml (RSS 2.0)', () => {
  it('lists the newest 50 matching open jobs, well-formed, with the right headers', async () => {
    const response = await rssFeed(get('/feed.xml'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(response.headers.get('etag')).toMatch(/^W\/".+"$/);
    expect(response.headers.get('last-modified')).toMatch(/GMT$/);
    expect(response.headers.get('cache-control')).toContain('public');
    const xml = await response.text();
    assertWellFormedXml(xml);
    const channel = feedXmlParser().parse(xml).rss.channel;
    expect(channel.title).toBe('Remote jobs');
    expect(channel.item).toHaveLength(50);
    expect(channel.item[0].title).toBe('Senior Rust Engineer — Acme & Co (Worldwide)');
    const titles = channel.item.map((item: { title: string }) => item.title);
    expect(titles.some((title: string) => title.startsWith('Closed'))).toBe(false);
  });

  it('describes the search in its title and follows every search parameter', async () => {
    const response = await rssFeed(get('/feed.xml?tag=rust&country=pt&sort=relevance&page=3&perPage=5'));
    const channel = feedXmlParser().parse(await response.text()).rss.channel;
    expect(channel.title).toBe('Remote Rust jobs open to Portugal');
    expect(channel.item.map((item: { title: string }) => item.title)).toEqual([
      'Senior Rust Engineer — Acme & Co (Worldwide)',
    ]);
    expect(channel.link).toEqual(['http://localhost:3000/?country=PT&tag=rust']);
    expect(channel['atom:link']['@_href']).toBe('http://localhost:3000/feed.xml?country=PT&tag=rust');
  });

  it('keeps hostile titles intact and the document well-formed', async () => {
    const xml = await (await rssFeed(get('/feed.xml?company=acme'))).text();
    assertWellFormedXml(xml);
    const titles = feedXmlParser()
      .parse(xml)
      .rss.channel.item.map((item: { title: string }) => item.title);
    expect(titles).toContain(`${HOSTILE_TITLE} — Acme & Co (Worldwide)`);
  });

  it('answers 304 to a repeated conditional request, by ETag or by date', async () => {
    const first = await rssFeed(get('/feed.xml?category=support'));
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    const byTag = await rssFeed(get('/feed.xml?category=support', { 'if-none-match': etag }));
    expect(byTag.status).toBe(304);
    expect(byTag.headers.get('etag')).toBe(etag);
    expect(await byTag.text()).toBe('');
    const byDate = await rssFeed(get('/feed.xml?category=support', { 'if-modified-since': lastModified }));
    expect(byDate.status).toBe(304);
    const older = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await rssFeed(get('/feed.xml?category=support', { 'if-modified-since': older }))).status).toBe(
      200,
    );
    expect((await rssFeed(get('/feed.xml?category=design', { 'if-none-match': etag }))).status).toBe(200);
  });
});

describe('/feed.atom (Atom 1.0)', () => {
  it('is well-formed Atom with stable ids and the search as its title', async () => {
    const response = await atomFeed(get('/feed.atom?company=acme'));
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await response.text();
    assertWellFormedXml(xml);
    const feed = feedXmlParser().parse(xml).feed;
    expect(feed.title).toBe('Remote jobs at acme');
    expect(feed.id).toBe('http://localhost:3000/feed.atom?company=acme');
    expect(feed.entry).toHaveLength(3);
    for (const entry of feed.entry) expect(entry.id).toMatch(/^http:\/\/localhost:3000\/jobs\/[a-z0-9-]+$/);
    expect(
      feed.entry.map((entry: { title: { '#text': string } }) => decodeHTML(entry.title['#text'])),
    ).toContain(`${HOSTILE_TITLE} — Acme & Co (Worldwide)`);
  });

  it('keeps entry ids across requests', async () => {
    const ids = async () =>
      feedXmlParser()
        .parse(await (await atomFeed(get('/feed.atom?company=acme'))).text())
        .feed.entry.map((entry: { id: string }) => entry.id);
    expect(await ids()).toEqual(await ids());
  });
});

describe('/feed.json (JSON Feed 1.1)', () => {
  it('has the required fields of JSON Feed 1.1', async () => {
    const response = await jsonFeed(get('/feed.json?category=design'));
    expect(response.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    const feed = await response.json();
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('Remote design jobs');
    expect(feed.feed_url).toBe('http://localhost:3000/feed.json?category=design');
    expect(feed.items).toHaveLength(1);
    const [item] = feed.items;
    expect(item.id).toMatch(/^http:\/\/localhost:3000\/jobs\//);
    expect(item.title).toBe('Designer in Portugal — Acme & Co (Portugal)');
    expect(item.content_html).toContain('<strong>Where:</strong> Portugal');
    expect(item.date_published).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(item.tags).toEqual(['Design']);
  });
});

describe('invalid parameters', () => {
  it.each([
    [rssFeed, '/feed.xml?country=ZZ', 'country'],
    [atomFeed, '/feed.atom?category=astrology', 'category'],
    [jsonFeed, '/feed.json?perPage=1000', 'perPage'],
  ])('answer 400 naming the parameter, not an empty feed (%#)', async (handler, path, parameter) => {
    const response = await handler(get(path));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toContain(`Invalid parameter ${parameter}`);
  });
});

describe('/companies/[slug]/feed.xml', () => {
  it("lists the company's open jobs", async () => {
    const response = await company('acme');
    expect(response.status).toBe(200);
    const xml = await response.text();
    assertWellFormedXml(xml);
    const channel = feedXmlParser().parse(xml).rss.channel;
    expect(channel.title).toBe('Acme & Co: Remote jobs');
    expect(channel.link).toEqual(['http://localhost:3000/companies/acme']);
    expect(channel.item).toHaveLength(3);
  });

  it('narrows with search parameters but keeps the company of the path', async () => {
    const channel = feedXmlParser().parse(
      await (await company('acme', '/companies/acme/feed.xml?category=design&company=bulk')).text(),
    ).rss.channel;
    expect(channel.item.map((item: { title: string }) => item.title)).toEqual([
      'Designer in Portugal — Acme & Co (Portugal)',
    ]);
  });

  it('answers 404 for an unknown company and 400 for invalid parameters', async () => {
    expect((await company('umbrella')).status).toBe(404);
    expect((await company('acme', '/companies/acme/feed.xml?posted=2')).status).toBe(400);
  });
});
