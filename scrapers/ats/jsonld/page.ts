/**
 * Reading one careers page: its schema.org JobPosting objects and the links on it that look like job
 * pages on the same site. Pure (cheerio parses; nothing runs): scraped HTML is hostile, so scripts are
 * never executed and links are only ever resolved, filtered and returned as URLs.
 */
import * as cheerio from 'cheerio';
import { z } from 'zod';
import { InvalidPayloadError } from '../../types';
import { validatePayload } from '../shared';
import { jobPostingSchema, type JobPosting } from './api-types';

/** What one page holds. */
export interface JsonLdPage {
  /** Validated JobPostings in page order (top level, in arrays, in `@graph`, in ItemLists). */
  postings: JobPosting[];
  /** Absolute same-site URLs (no fragment) of links that look like job pages, in page order, unique. */
  jobLinks: string[];
  /** `<script type="application/ld+json">` blocks that were not JSON even after repair. */
  malformedBlocks: number;
}

/** How deep JobPostings are looked for inside one JSON-LD block (graph -> list -> item...). */
const MAX_DEPTH = 6;

const SCHEMA_PREFIX = /^(?:https?:\/\/schema\.org\/|schema:)/i;

/** Whether a JSON-LD node says it is a JobPosting. */
function isJobPosting(node: Record<string, unknown>): boolean {
  const type = node['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some(
    (value) => typeof value === 'string' && value.replace(SCHEMA_PREFIX, '') === 'JobPosting',
  );
}

/** Collect JobPosting nodes from a parsed JSON-LD value, in document order. */
function collectJobPostings(node: unknown, found: unknown[], depth = 0): void {
  if (depth > MAX_DEPTH || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) collectJobPostings(child, found, depth + 1);
    return;
  }
  const object = node as Record<string, unknown>;
  if (isJobPosting(object)) {
    found.push(object);
    return;
  }
  // Containers pages use: { "@graph": [...] }, ItemList { itemListElement: [ListItem { item }] }.
  for (const key of ['@graph', 'itemListElement', 'item', 'mainEntity']) {
    if (key in object) collectJobPostings(object[key], found, depth + 1);
  }
}

/**
 * JSON.parse, forgiving the one mistake hand-written JSON-LD makes most: raw line breaks and tabs
 * inside strings (templates pasting a multi-line description). Control characters are never valid
 * in JSON, inside or outside strings, so replacing them with spaces changes nothing else.
 */
function parseJsonLd(text: string): { ok: true; value: unknown } | { ok: false } {
  for (const candidate of [text, text.replace(/[\u0000-\u001f]+/g, ' ')]) {
    try {
      return { ok: true, value: JSON.parse(candidate) as unknown };
    } catch {
      // Try the repaired text, then give up on this block.
    }
  }
  return { ok: false };
}

/** Hostnames compared without a leading "www.", lower-cased. */
export function siteOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^www\./, '');
}

/** Path segments that mark a job page in a URL (English and the usual European careers words). */
const JOB_PATH =
  /\/(?:jobs?|careers?|positions?|openings?|vacanc(?:y|ies)|roles?|opportunit(?:y|ies)|postings?|stellen(?:angebote)?|karriere|vacatures?|offres?|empleos?|lavora-con-noi)\/[^/]+/i;
const ASSET = /\.(?:pdf|docx?|png|jpe?g|gif|svg|webp|css|js|json|xml|rss|ico|zip)$/i;

/**
 * Whether `link` looks like a job page reachable from the careers page `page`: same site, http(s),
 * a job-like path below (not above or equal to) the page, not a file.
 */
export function looksLikeJobLink(link: URL, page: URL): boolean {
  if (link.protocol !== 'https:' && link.protocol !== 'http:') return false;
  if (siteOf(link) !== siteOf(page)) return false;
  const path = link.pathname.replace(/\/+$/, '');
  const pagePath = page.pathname.replace(/\/+$/, '');
  // The page itself, its pagination and its parents ("/careers" from "/careers/acme") are not jobs.
  if (path === pagePath || pagePath.startsWith(`${path}/`)) return false;
  return JOB_PATH.test(`${path}/`) && !ASSET.test(path);
}

/** A URL without its fragment, for comparing and fetching. */
export function withoutFragment(url: URL): string {
  const copy = new URL(url);
  copy.hash = '';
  return copy.toString();
}

/** The unvalidated JobPosting nodes of a loaded page, and how many ld+json blocks were not JSON. */
function jobPostingNodes($: cheerio.CheerioAPI): { nodes: unknown[]; malformedBlocks: number } {
  const nodes: unknown[] = [];
  let malformedBlocks = 0;
  $('script[type]').each((_index, element) => {
    const type = ($(element).attr('type') ?? '').trim().toLowerCase();
    if (!type.startsWith('application/ld+json')) return;
    const parsed = parseJsonLd($(element).text());
    if (parsed.ok) collectJobPostings(parsed.value, nodes);
    else malformedBlocks += 1;
  });
  return { nodes, malformedBlocks };
}

/** How many JobPosting nodes a page embeds, valid or not (for detecting a jsonld source). */
export function countJobPostings(html: string): number {
  return jobPostingNodes(cheerio.load(html)).nodes.length;
}

/**
 * Read a page's JobPostings and job links. Throws `InvalidPayloadError` (path `{n}.{field}`, n counting
 * the page's JobPostings) when a JobPosting lacks what we need, so a broken page fails loudly.
 * @param pageUrl - The page's final URL, for resolving relative links.
 */
export function readJsonLdPage(html: string, pageUrl: string): JsonLdPage {
  const $ = cheerio.load(html);
  const { nodes: found, malformedBlocks } = jobPostingNodes($);
  const postings = validatePayload(found, z.array(jobPostingSchema), `JobPosting JSON-LD on ${pageUrl}`);

  const page = new URL(pageUrl);
  // A <base href> changes what relative links mean, as it does in a browser.
  let base = page;
  const baseHref = $('base[href]').first().attr('href');
  if (baseHref) {
    try {
      base = new URL(baseHref, page);
    } catch {
      // An unusable <base> is ignored, as browsers do.
    }
  }
  const jobLinks = new Set<string>();
  $('a[href]').each((_index, element) => {
    let link: URL;
    try {
      link = new URL(($(element).attr('href') ?? '').trim(), base);
    } catch {
      return;
    }
    if (looksLikeJobLink(link, page)) jobLinks.add(withoutFragment(link));
  });
  return { postings, jobLinks: [...jobLinks], malformedBlocks };
}

/** `readJsonLdPage` for a saved page: a page whose only JSON-LD is unreadable is an error, not "no jobs". */
export function readSavedJsonLdPage(html: string, pageUrl: string): JsonLdPage {
  const page = readJsonLdPage(html, pageUrl);
  if (page.postings.length === 0 && page.malformedBlocks > 0) {
    throw new InvalidPayloadError(
      `Invalid JobPosting JSON-LD on ${pageUrl}: ${page.malformedBlocks} ld+json block(s) are not valid JSON`,
    );
  }
  return page;
}
