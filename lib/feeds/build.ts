/**
 * Feeds from jobs, in RSS 2.0, Atom 1.0 and JSON Feed 1.1, with the `feed` package. Pure: the
 * caller loads the jobs (load.ts) and serves the text (serve.ts).
 *
 * Each item: the job's page URL as its id (stable across re-scrapes: the slug and public id never
 * change after the first insert), "Title — Company (eligibility)" as title, a summary with
 * eligibility, salary and tags, published = first seen, updated = last change of its content, the
 * category and tags as categories.
 *
 * The three formats encode text differently, so each gets its own `Feed`:
 * - RSS item titles are plain text in CDATA; descriptions are HTML in CDATA.
 * - Atom titles and summaries are `type="html"`: escaped HTML, which also means no `]]>` can occur.
 * - JSON Feed: plain strings; `feed` writes JSON Feed 1.0, upgraded here to 1.1.
 */
import { Feed, type Item } from 'feed';
import type { JobSummary } from '../search/engine';
import { categoryLabel, feedItemTitle, jobEligibilityLabel, salaryLabel, tagLabel } from './labels';
import { escapeHtml, feedCdataText, feedText, stripXmlInvalidCharacters } from './xml-text';

export const FEED_FORMATS = ['rss', 'atom', 'json'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

/** Content-Type of each format. */
export const FEED_CONTENT_TYPES: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

export interface FeedInput {
  /** "Remote Rust jobs open to Portugal". */
  title: string;
  description: string;
  /** The page the feed follows (the search, the company page). */
  homeUrl: string;
  /** This document's URL (the self link). */
  selfUrl: string;
  /** The feed's permanent id (Atom), the same in every format: its Atom URL where it has one. */
  id: string;
  /** The site's base URL. */
  siteUrl: string;
  /** Each item's "updated" is the job's `updatedAt` (never before it was first seen). */
  jobs: readonly JobSummary[];
  /** Feed-level updated time when there are no jobs (so an empty feed's body is stable too). */
  emptyUpdated: Date;
}

/** The newest change any item reflects, or null for an empty feed. */
export function feedLastModified(jobs: readonly JobSummary[]): Date | null {
  let newest: number | null = null;
  for (const job of jobs) {
    const time = Math.max(Date.parse(job.updatedAt), Date.parse(job.firstSeenAt));
    if (newest === null || time > newest) newest = time;
  }
  return newest === null ? null : new Date(newest);
}

interface Summary {
  html: string;
  text: string;
}

/** The item summary: eligibility (with the phrase it came from), salary, tags, where to apply. */
function summarize(job: JobSummary): Summary {
  const clean = stripXmlInvalidCharacters;
  const facts: [string, string][] = [];
  const eligibility = jobEligibilityLabel(job);
  const evidence = job.evidence ? clean(job.evidence) : null;
  facts.push(['Where', evidence ? `${eligibility} (“${evidence}”)` : eligibility]);
  const salary = salaryLabel(job.salary);
  facts.push(['Salary', salary ?? 'not stated']);
  if (job.tags.length > 0) facts.push(['Tags', job.tags.map(tagLabel).join(', ')]);
  const company = clean(job.company.name);
  const html = [
    ...facts.map(([label, value]) => `<p><strong>${label}:</strong> ${escapeHtml(value)}</p>`),
    `<p><a href="${escapeHtml(job.url)}">${escapeHtml(clean(job.title))}</a> at ${escapeHtml(company)}` +
      // Only web links: a scraped `javascript:` URL must never become a link in someone's reader.
      (/^https?:\/\//i.test(job.applyUrl)
        ? ` · <a href="${escapeHtml(clean(job.applyUrl))}">Apply on ${escapeHtml(company)}’s site</a></p>`
        : '</p>'),
  ].join('\n');
  const text = facts.map(([label, value]) => `${label}: ${value}`).join(' · ');
  return { html, text };
}

function categories(job: JobSummary, encode: (text: string) => string): Item['category'] {
  // Names are vocabulary labels (lib/normalize), never scraped text: Atom writes them into
  // attributes, where the `feed` package escapes `&` and `"` but not `<` (none occurs in them).
  return [
    { name: encode(categoryLabel(job.category)), term: job.category },
    ...job.tags.map((tag) => ({ name: encode(tagLabel(tag)), term: tag })),
  ];
}

function newFeed(input: FeedInput, format: FeedFormat, updated: Date): Feed {
  const text = format === 'json' ? stripXmlInvalidCharacters : feedText;
  return new Feed({
    id: input.id,
    title: text(input.title),
    description: text(input.description),
    link: input.homeUrl,
    language: 'en',
    updated,
    generator: 'Elsewhere',
    ttl: 60,
    feedLinks: { [format]: input.selfUrl },
    author: { name: 'Elsewhere', link: input.siteUrl },
  });
}

function item(job: JobSummary, format: FeedFormat, siteUrl: string): Item {
  const title = stripXmlInvalidCharacters(feedItemTitle(job));
  const summary = summarize(job);
  const firstSeen = new Date(job.firstSeenAt);
  const updatedAt = new Date(job.updatedAt);
  const updated = updatedAt.getTime() > firstSeen.getTime() ? updatedAt : firstSeen;
  const companyName = stripXmlInvalidCharacters(job.company.name);
  const companyUrl = `${siteUrl}/companies/${job.company.slug}`;
  switch (format) {
    case 'rss':
      // No id: the link becomes the guid with isPermaLink="true", which it is.
      return {
        title: feedCdataText(title),
        link: job.url,
        date: updated,
        published: firstSeen,
        description: summary.html,
        category: categories(job, feedText),
      };
    case 'atom':
      return {
        title: escapeHtml(title),
        id: job.url,
        link: job.url,
        date: updated,
        published: firstSeen,
        description: summary.html,
        author: [{ name: feedText(companyName), link: companyUrl }],
        category: categories(job, (name) => name),
      };
    case 'json':
      return {
        title,
        id: job.url,
        link: job.url,
        date: updated,
        published: firstSeen,
        description: summary.text,
        content: summary.html,
        author: [{ name: companyName, link: companyUrl }],
        category: categories(job, (name) => name),
      };
  }
}

/** JSON Feed 1.0 as `feed` writes it, brought to 1.1: version, `authors` arrays, `language`, `external_url`. */
function toJsonFeed11(json: string, jobs: readonly JobSummary[]): string {
  const document = JSON.parse(json) as Record<string, unknown> & { items: Record<string, unknown>[] };
  const { author, ...rest } = document;
  const upgraded: Record<string, unknown> = {
    ...rest,
    version: JSON_FEED_VERSION,
    language: 'en',
    ...(author ? { authors: [author] } : {}),
  };
  upgraded.items = document.items.map((entry, index) => {
    const { author: itemAuthor, ...itemRest } = entry;
    const job = jobs[index];
    return {
      ...itemRest,
      ...(itemAuthor ? { authors: [itemAuthor] } : {}),
      ...(job ? { external_url: job.applyUrl } : {}),
    };
  });
  return JSON.stringify(upgraded, null, 2);
}

/** The feed document in `format`. */
export function buildFeed(input: FeedInput, format: FeedFormat): string {
  const updated = feedLastModified(input.jobs) ?? input.emptyUpdated;
  const feed = newFeed(input, format, updated);
  for (const entry of input.jobs) feed.addItem(item(entry, format, input.siteUrl));
  switch (format) {
    case 'rss':
      return feed.rss2();
    case 'atom':
      return feed.atom1();
    case 'json':
      return toJsonFeed11(feed.json1(), input.jobs);
  }
}
