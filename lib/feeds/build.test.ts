import { decodeHTML } from 'entities';
import { describe, expect, it } from 'vitest';
import type { JobSummary } from '../search/engine';
import { testJobSummary } from '../search/testing/job-summary';
import { JSON_FEED_VERSION, buildFeed, feedLastModified, type FeedInput } from './build';
import { feedItemTitle } from './labels';
import { assertWellFormedXml, feedXmlParser } from './testing/xml';
import { stripXmlInvalidCharacters } from './xml-text';

const SITE = 'https://jobs.example';

function job(overrides: Partial<JobSummary> = {}): JobSummary {
  return testJobSummary({
    id: 'abcd2345',
    slug: 'senior-rust-engineer-acme-abcd2345',
    url: `${SITE}/jobs/senior-rust-engineer-acme-abcd2345`,
    applyUrl: 'https://boards.example/acme/jobs/1?a=1&b=2',
    title: 'Senior Rust Engineer',
    evidence: 'Remote - anywhere',
    type: 'full-time',
    seniority: 'senior',
    salary: {
      min: 150_000,
      max: 180_000,
      currency: 'USD',
      period: 'year',
      annualUsdMin: 150_000,
      annualUsdMax: 180_000,
    },
    tags: ['rust', 'typescript'],
    firstSeenAt: '2025-03-01T10:00:00.000Z',
    lastSeenAt: '2025-03-05T10:00:00.000Z',
    updatedAt: '2025-03-02T10:00:00.000Z',
    sources: [{ kind: 'greenhouse', url: 'https://boards.example/acme/jobs/1' }],
    ...overrides,
  });
}

/** Every kind of text that breaks naive XML: markup, entities, CDATA ends, controls, bidi marks. */
const HOSTILE_TITLE =
  'R&D <Lead> & "Ops" ]]> ]]> engineer &amp; \u0000\u0007\u000B\u000C\u001F\uFFFE\uFFFF\uD800 ok \u200F\u202Eمهندس\u202C 🚀';
const HOSTILE_COMPANY = 'Acme &amp; Sons <b>]]></b>\u0001';

const hostile = job({
  id: 'hhhh2345',
  slug: 'hostile-hhhh2345',
  url: `${SITE}/jobs/hostile-hhhh2345`,
  title: HOSTILE_TITLE,
  company: { slug: 'acme', name: HOSTILE_COMPANY },
  evidence: 'Must live in <EU> & be ]]> ok\u0008',
  applyUrl: 'javascript:alert(1)',
  countries: ['PT', 'ES'],
  worldwide: false,
  tags: [],
});

function input(jobs: JobSummary[]): FeedInput {
  return {
    title: 'Remote jobs matching “R&D ]]> <x>\u0000”',
    description: 'The newest jobs & more',
    homeUrl: `${SITE}/?q=a&tag=rust`,
    selfUrl: `${SITE}/feed.xml?q=a&tag=rust`,
    id: `${SITE}/feed.atom?q=a&tag=rust`,
    siteUrl: SITE,
    jobs,
    emptyUpdated: new Date('2025-03-10T00:00:00Z'),
  };
}

const entries: JobSummary[] = [
  job({ updatedAt: '2025-03-04T09:00:00.000Z' }),
  { ...hostile, updatedAt: '2025-02-01T00:00:00.000Z' },
];

describe('buildFeed (RSS 2.0)', () => {
  const xml = buildFeed(input(entries), 'rss');
  const channel = feedXmlParser().parse(xml).rss.channel;

  it('is well-formed XML even with hostile text', () => {
    expect(() => assertWellFormedXml(xml)).not.toThrow();
  });

  it('keeps &, <, ]]> and right-to-left marks exactly, without the characters XML forbids', () => {
    const title = channel.item[1].title as string;
    expect(title).toBe(stripXmlInvalidCharacters(feedItemTitle(hostile)));
    expect(title).toContain('R&D <Lead> & "Ops" ]]> ]]> engineer &amp;');
    expect(title).toContain('\u200F\u202Eمهندس\u202C 🚀');
    expect(title).toContain('Acme &amp; Sons <b>]]></b>');
    expect(channel.title).toBe('Remote jobs matching “R&D ]]> <x>”');
  });

  it('describes each job: title, link, guid, first seen, summary and categories', () => {
    const item = channel.item[0];
    expect(item.title).toBe('Senior Rust Engineer — Acme (Worldwide)');
    expect(item.link).toEqual([`${SITE}/jobs/senior-rust-engineer-acme-abcd2345`]);
    expect(item.guid).toEqual({ '#text': item.link[0], '@_isPermaLink': 'true' });
    expect(new Date(item.pubDate).toISOString()).toBe('2025-03-01T10:00:00.000Z');
    expect(item.description).toContain('<strong>Salary:</strong> $150,000–$180,000 a year');
    expect(item.description).toContain('<strong>Tags:</strong> Rust, TypeScript');
    expect(item.description).toContain('href="https://boards.example/acme/jobs/1?a=1&amp;b=2"');
    expect(item.category).toEqual(['Engineering', 'Rust', 'TypeScript']);
  });

  it('escapes hostile text in summaries and never links a non-web apply URL', () => {
    const description = channel.item[1].description as string;
    expect(description).toContain('Must live in &lt;EU&gt; &amp; be ]]&gt; ok');
    expect(description).not.toContain('javascript:');
  });

  it('dates the channel by its newest change, so the same jobs give the same bytes', () => {
    expect(new Date(channel.lastBuildDate).toISOString()).toBe('2025-03-04T09:00:00.000Z');
    expect(buildFeed(input(entries), 'rss')).toBe(xml);
  });

  it.each([0, 1, 2, 3])('round-trips a title with %i CDATA terminators', (count) => {
    const title = `a${']]>b'.repeat(count)}`;
    const one = buildFeed(input([job({ title, updatedAt: '2025-03-01T10:00:00.000Z' })]), 'rss');
    assertWellFormedXml(one);
    expect(feedXmlParser().parse(one).rss.channel.item[0].title).toBe(`${title} — Acme (Worldwide)`);
  });
});

describe('buildFeed (Atom 1.0)', () => {
  const xml = buildFeed(input(entries), 'atom');
  const feed = feedXmlParser().parse(xml).feed;

  it('is well-formed XML even with hostile text', () => {
    expect(() => assertWellFormedXml(xml)).not.toThrow();
  });

  it('gives each entry a stable id, html title, dates, author and categories', () => {
    const [first, second] = feed.entry;
    expect(first.id).toBe(`${SITE}/jobs/senior-rust-engineer-acme-abcd2345`);
    expect(first.title['@_type']).toBe('html');
    expect(decodeHTML(first.title['#text'])).toBe('Senior Rust Engineer — Acme (Worldwide)');
    expect(first.published).toBe('2025-03-01T10:00:00.000Z');
    expect(first.updated).toBe('2025-03-04T09:00:00.000Z');
    expect(first.author[0]).toEqual({ name: 'Acme', uri: `${SITE}/companies/acme` });
    expect(first.category.map((category: { '@_term': string }) => category['@_term'])).toEqual([
      'engineering',
      'rust',
      'typescript',
    ]);
    expect(decodeHTML(second.title['#text'])).toBe(stripXmlInvalidCharacters(feedItemTitle(hostile)));
    expect(second.author[0].name).toBe('Acme &amp; Sons <b>]]></b>');
    // Updated is never before first seen.
    expect(second.updated).toBe(hostile.firstSeenAt);
  });

  it('names the feed, its self link and its id', () => {
    expect(feed.id).toBe(`${SITE}/feed.atom?q=a&tag=rust`);
    expect(feed.title).toBe('Remote jobs matching “R&D ]]> <x>”');
    expect(feed.updated).toBe('2025-03-04T09:00:00.000Z');
  });
});

describe('buildFeed (JSON Feed 1.1)', () => {
  const document = JSON.parse(buildFeed(input(entries), 'json'));

  it('has the fields JSON Feed 1.1 requires', () => {
    expect(document.version).toBe(JSON_FEED_VERSION);
    expect(document.title).toBe('Remote jobs matching “R&D ]]> <x>”');
    expect(document.feed_url).toBe(`${SITE}/feed.xml?q=a&tag=rust`);
    expect(document.home_page_url).toBe(`${SITE}/?q=a&tag=rust`);
    expect(document).not.toHaveProperty('author');
    expect(document.authors).toEqual([{ name: 'Elsewhere', url: SITE }]);
    for (const item of document.items) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_html).toBe('string');
    }
  });

  it('describes each job', () => {
    const [first, second] = document.items;
    expect(first).toMatchObject({
      id: `${SITE}/jobs/senior-rust-engineer-acme-abcd2345`,
      url: `${SITE}/jobs/senior-rust-engineer-acme-abcd2345`,
      external_url: 'https://boards.example/acme/jobs/1?a=1&b=2',
      title: 'Senior Rust Engineer — Acme (Worldwide)',
      date_published: '2025-03-01T10:00:00.000Z',
      date_modified: '2025-03-04T09:00:00.000Z',
      tags: ['Engineering', 'Rust', 'TypeScript'],
      authors: [{ name: 'Acme', url: `${SITE}/companies/acme` }],
    });
    expect(first.summary).toBe(
      'Where: Worldwide (“Remote - anywhere”) · Salary: $150,000–$180,000 a year · Tags: Rust, TypeScript',
    );
    expect(second.title).toBe(stripXmlInvalidCharacters(feedItemTitle(hostile)));
  });
});

describe('buildFeed (empty)', () => {
  it.each(['rss', 'atom'] as const)('writes a well-formed empty %s feed dated by emptyUpdated', (format) => {
    const xml = buildFeed(input([]), format);
    assertWellFormedXml(xml);
    expect(xml).toContain(format === 'rss' ? 'Mon, 10 Mar 2025 00:00:00 GMT' : '2025-03-10T00:00:00.000Z');
  });
});

describe('feedLastModified', () => {
  it('is the newest of each job’s first seen and updated times', () => {
    expect(feedLastModified(entries)?.toISOString()).toBe('2025-03-04T09:00:00.000Z');
    expect(
      feedLastModified([
        job({ firstSeenAt: '2025-04-01T00:00:00.000Z', updatedAt: '1970-01-01T00:00:00.000Z' }),
      ])?.toISOString(),
    ).toBe('2025-04-01T00:00:00.000Z');
    expect(feedLastModified([])).toBeNull();
  });
});
