/**
 * Careers URL -> source kind and board token, for `elsewhere companies add <careers-url>`.
 *
 * First the URL itself (boards.greenhouse.io/gitlab, acme.bamboohr.com/careers...); failing that, the
 * page it points to: an embedded board (Greenhouse's embed script, an iframe, links to a board), or
 * schema.org JobPosting JSON-LD on the page or on the job pages it links to.
 */
import * as cheerio from 'cheerio';
import { countJobPostings, readJsonLdPage } from './ats/jsonld/page';
import { SOURCE_KIND_LABELS } from '../lib/sources/kind-labels';
import type { Http } from './http-types';
import type { SourceKind } from './types';

/** A source found for a careers URL, in the shape of `SourceRef` without what the operator adds. */
export interface DetectedSource {
  kind: SourceKind;
  /** Board token; null for jsonld. */
  token: string | null;
  /** The board or careers page URL when the source needs it (EU hosts, custom domains, jsonld). */
  url?: string;
  /** Kind-specific options (`region: 'eu'`, Personio `domain: 'com'`). */
  config?: Record<string, unknown>;
}

/** What `detectSource` found, with a sentence saying so for the operator. */
export interface Detection {
  source: DetectedSource | null;
  description: string;
}

/** Subdomains of ATS hosts that are the vendor's own (marketing, app, CDN), never a company. */
const VENDOR_SUBDOMAINS = new Set([
  'www',
  'app',
  'api',
  'apply',
  'help',
  'support',
  'blog',
  'status',
  'assets',
  'assets-cdn',
  'cdn',
  'static',
  'marketing',
  'developers',
  'docs',
  'partners',
]);

/** A board token in a path segment: letters, digits, dots, dashes, underscores (Ashby: spaces too). */
const PATH_TOKEN = /^[\w.-][\w .-]*$/;
/** Path segments on board hosts that are not company tokens. */
const NON_TOKEN_SEGMENTS = new Set([
  'embed',
  'j',
  'api',
  'v1',
  'jobs',
  'widget',
  'static',
  'assets',
  'oneclick-ui',
]);

function parseUrl(input: string): URL | null {
  const text = input.trim();
  if (!text) return null;
  try {
    // People paste "boards.greenhouse.io/gitlab" without a scheme.
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** The first path segment, decoded, when it can be a board token. */
function firstSegment(url: URL): string | null {
  const raw = url.pathname.split('/').find((segment) => segment !== '');
  if (!raw) return null;
  let segment: string;
  try {
    segment = decodeURIComponent(raw).trim();
  } catch {
    return null;
  }
  if (!PATH_TOKEN.test(segment) || NON_TOKEN_SEGMENTS.has(segment.toLowerCase())) return null;
  return segment;
}

/** The company label of `{company}.{suffix}` (one label only), unless it is the vendor's own. */
function subdomainOf(host: string, suffix: string): string | null {
  if (!host.endsWith(`.${suffix}`)) return null;
  const label = host.slice(0, -(suffix.length + 1));
  if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(label) || VENDOR_SUBDOMAINS.has(label)) return null;
  return label;
}

/** Greenhouse board URLs: `/{token}`, `/embed/job_board?for={token}`, `/embed/job_board/js?for={token}`. */
function greenhouseToken(url: URL): string | null {
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments[0] === 'embed') {
    const token = url.searchParams.get('for')?.trim();
    return token && PATH_TOKEN.test(token) ? token : null;
  }
  return firstSegment(url);
}

/**
 * The source a careers URL names by its host and path, or null. Paths after the token, query strings
 * (except Greenhouse's embed `for=`) and `www.` are ignored.
 */
export function detectSourceFromUrl(input: string): DetectedSource | null {
  const url = parseUrl(input);
  if (!url) return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');

  switch (host) {
    case 'boards.greenhouse.io':
    case 'job-boards.greenhouse.io': {
      const token = greenhouseToken(url);
      return token ? { kind: 'greenhouse', token } : null;
    }
    case 'boards.eu.greenhouse.io':
    case 'job-boards.eu.greenhouse.io': {
      const token = greenhouseToken(url);
      return token
        ? {
            kind: 'greenhouse',
            token,
            url: `https://job-boards.eu.greenhouse.io/${token}`,
            config: { region: 'eu' },
          }
        : null;
    }
    case 'boards-api.greenhouse.io':
    case 'boards-api.eu.greenhouse.io': {
      const match = /^\/v1\/boards\/([^/]+)/.exec(url.pathname);
      if (!match?.[1]) return null;
      return host.includes('.eu.')
        ? {
            kind: 'greenhouse',
            token: match[1],
            url: `https://job-boards.eu.greenhouse.io/${match[1]}`,
            config: { region: 'eu' },
          }
        : { kind: 'greenhouse', token: match[1] };
    }
    case 'jobs.lever.co': {
      const token = firstSegment(url);
      return token ? { kind: 'lever', token } : null;
    }
    case 'jobs.eu.lever.co': {
      const token = firstSegment(url);
      return token
        ? { kind: 'lever', token, url: `https://jobs.eu.lever.co/${token}`, config: { region: 'eu' } }
        : null;
    }
    case 'jobs.ashbyhq.com': {
      const token = firstSegment(url);
      return token ? { kind: 'ashby', token } : null;
    }
    case 'apply.workable.com': {
      const token = firstSegment(url);
      return token ? { kind: 'workable', token } : null;
    }
    case 'careers.smartrecruiters.com':
    case 'jobs.smartrecruiters.com': {
      const token = firstSegment(url);
      return token ? { kind: 'smartrecruiters', token } : null;
    }
  }

  const personio = /^([a-z0-9-]+)\.jobs\.personio\.(de|com)$/.exec(host);
  if (personio?.[1] && !VENDOR_SUBDOMAINS.has(personio[1])) {
    const [, token, domain] = personio;
    return domain === 'com'
      ? { kind: 'personio', token, url: `https://${token}.jobs.personio.com/`, config: { domain: 'com' } }
      : { kind: 'personio', token };
  }
  // Teamtailor sites also live one level down (acme.career.teamtailor.com): keep the site's origin.
  const teamtailor = /^([a-z0-9-]+)\.(?:[a-z0-9-]+\.)?teamtailor\.com$/.exec(host);
  if (teamtailor?.[1] && !VENDOR_SUBDOMAINS.has(teamtailor[1])) {
    return { kind: 'teamtailor', token: teamtailor[1], url: `https://${host}/` };
  }
  const bySubdomain: [SourceKind, string][] = [
    ['recruitee', 'recruitee.com'],
    ['bamboohr', 'bamboohr.com'],
    ['breezy', 'breezy.hr'],
    ['workable', 'workable.com'],
  ];
  for (const [kind, suffix] of bySubdomain) {
    const token = subdomainOf(host, suffix);
    if (token) return { kind, token };
  }
  return null;
}

/** A stable key for counting how often a page points at one board. */
const boardKey = (source: DetectedSource) => `${source.kind}:${source.token?.toLowerCase()}`;

/**
 * The source a fetched careers page embeds or points at, or null.
 *
 * Embeds (a board's script or iframe) are deliberate and win; otherwise the board most linked to (so a
 * single "Powered by" or partner link does not outvote the company's own board); otherwise JobPosting
 * JSON-LD on the page makes it a jsonld source at the page URL.
 */
export function detectSourceFromPage(pageUrl: string, html: string): DetectedSource | null {
  const $ = cheerio.load(html);
  const resolve = (value: string | undefined): string | null => {
    if (!value) return null;
    try {
      return new URL(value.trim(), pageUrl).toString();
    } catch {
      return null;
    }
  };

  for (const element of $('script[src], iframe[src]').toArray()) {
    const src = resolve($(element).attr('src'));
    const source = src ? detectSourceFromUrl(src) : null;
    if (source) return source;
  }

  const counts = new Map<string, { source: DetectedSource; count: number }>();
  for (const element of $('a[href], link[href]').toArray()) {
    const href = resolve($(element).attr('href'));
    const source = href ? detectSourceFromUrl(href) : null;
    if (!source) continue;
    const entry = counts.get(boardKey(source));
    if (entry) entry.count += 1;
    else counts.set(boardKey(source), { source, count: 1 });
  }
  let best: { source: DetectedSource; count: number } | null = null;
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  if (best) return best.source;

  if (countJobPostings(html) > 0) return { kind: 'jsonld', token: null, url: pageUrl };
  return null;
}

export { SOURCE_KIND_LABELS };

function describeBoard(source: DetectedSource): string {
  return `a ${SOURCE_KIND_LABELS[source.kind]} board '${source.token}'`;
}

/** Pages checked for JobPosting JSON-LD when the careers page has none itself. */
const JOB_PAGES_TO_PROBE = 1;

/**
 * Detect the source behind a careers URL: from the URL alone when it is a board URL; else fetch the
 * page (as an HTML page: robots.txt applies) and look at what it embeds, links to or marks up; else
 * look at the first job page it links to for JobPosting JSON-LD. HTTP failures propagate.
 */
export async function detectSource(http: Http, url: string): Promise<Detection> {
  const direct = detectSourceFromUrl(url);
  if (direct) return { source: direct, description: `Found ${describeBoard(direct)} at ${url}` };

  const parsed = parseUrl(url);
  if (!parsed) return { source: null, description: `${url} is not an http(s) URL` };
  const response = await http.request(parsed.toString(), { purpose: 'html' });
  const pageUrl = response.url;
  const found = detectSourceFromPage(pageUrl, response.text);
  if (found?.kind === 'jsonld') {
    const count = countJobPostings(response.text);
    return {
      source: found,
      description: `Found ${count} JobPosting ${count === 1 ? 'entry' : 'entries'} (schema.org JSON-LD) on ${pageUrl}`,
    };
  }
  if (found) return { source: found, description: `Found ${describeBoard(found)} embedded in ${pageUrl}` };

  // Many sites mark up only the job pages: probe the first one the careers page links to.
  let jobLinks: string[] = [];
  try {
    jobLinks = readJsonLdPage(response.text, pageUrl).jobLinks;
  } catch {
    // A broken JobPosting on the careers page itself would have been counted above; nothing to probe.
  }
  for (const link of jobLinks.slice(0, JOB_PAGES_TO_PROBE)) {
    const jobPage = await http.request(link, { purpose: 'html' });
    if (countJobPostings(jobPage.text) > 0) {
      return {
        source: { kind: 'jsonld', token: null, url: pageUrl },
        description: `Found JobPosting data (schema.org JSON-LD) on the job pages linked from ${pageUrl}, e.g. ${link}`,
      };
    }
  }
  return { source: null, description: `Found no known job board or JobPosting data on ${pageUrl}` };
}
