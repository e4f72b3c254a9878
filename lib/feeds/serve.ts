/**
 * Serving feeds: parse the query (400 on invalid parameters, never an empty feed), load, build,
 * and answer with the format's Content-Type, an ETag and Last-Modified, Cache-Control, and 304 to
 * conditional requests. The route files only pick the format.
 *
 * Feeds are not rate-limited like the API: feed reader services poll thousands of feeds from a few
 * addresses, and caching (validators, Cache-Control) is what keeps their polling cheap.
 */
import { NO_STORE, httpDate, isNotModified, notModified, weakEtag } from '../api/caching';
import { CORS_HEADERS } from '../api/cors';
import { formatParameterErrors } from '../api/errors';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../api/respond';
import { getCompanyBySlug } from '../catalog/companies';
import { env } from '../env';
import {
  DEFAULT_PER_PAGE,
  describeJobQuery,
  jobQueryToSearchParams,
  parseJobQuery,
  type JobQuery,
} from '../search/query';
import { FEED_CONTENT_TYPES, buildFeed, feedLastModified, type FeedFormat, type FeedInput } from './build';
import { FEED_SIZE, feedQuery, loadFeedJobs } from './load';

/** Readers may reuse a feed for five minutes, and serve it stale for ten more while revalidating. */
export const FEED_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=600';

/** Where each format of the search feed is served. */
export const SEARCH_FEED_PATHS: Readonly<Record<FeedFormat, string>> = {
  rss: '/feed.xml',
  atom: '/feed.atom',
  json: '/feed.json',
};

/** Path of a company's feed (RSS). */
export function companyFeedPath(slug: string): string {
  return `/companies/${slug}/feed.xml`;
}

/**
 * The URL parameters that change what a feed lists, in canonical form: sort, page, perPage and
 * status are accepted but do not change a feed, so they are left out of its links and ids.
 */
export function feedSearchParams(query: JobQuery): URLSearchParams {
  const params = jobQueryToSearchParams({ ...query, page: 1, perPage: DEFAULT_PER_PAGE, status: 'open' });
  params.delete('sort');
  return params;
}

function withParams(url: string, params: URLSearchParams): string {
  const search = params.toString();
  return search ? `${url}?${search}` : url;
}

function textResponse(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(`${text}\n`, {
    status,
    headers: {
      ...CORS_HEADERS,
      'Cache-Control': NO_STORE,
      'Content-Type': 'text/plain; charset=utf-8',
      ...headers,
    },
  });
}

/** Start of the current UTC day: the `updated` of an empty feed, stable for a day. */
function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Load, build and answer; engine failures answer 503. */
async function respond(
  request: Request,
  format: FeedFormat,
  query: JobQuery,
  meta: Omit<FeedInput, 'jobs' | 'emptyUpdated' | 'siteUrl'>,
): Promise<Response> {
  let body: string;
  let lastModified: Date | null;
  try {
    const jobs = await loadFeedJobs(query);
    lastModified = feedLastModified(jobs);
    body = buildFeed(
      { ...meta, jobs, siteUrl: env().publicUrl, emptyUpdated: startOfUtcDay(new Date()) },
      format,
    );
  } catch (error) {
    console.error(`[feeds] ${new URL(request.url).pathname} failed:`, error);
    return textResponse(503, 'The job index is unavailable right now. Please try again shortly.', {
      'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS),
    });
  }
  const etag = weakEtag(body);
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    ETag: etag,
    'Cache-Control': FEED_CACHE_CONTROL,
  };
  if (lastModified) headers['Last-Modified'] = httpDate(lastModified);
  if (isNotModified(request.headers, { etag, lastModified })) return notModified(headers);
  return new Response(body, {
    status: 200,
    headers: { ...headers, 'Content-Type': FEED_CONTENT_TYPES[format] },
  });
}

const FEED_DESCRIPTION = `The newest ${FEED_SIZE} matching remote jobs on Elsewhere, straight from the companies' own careers pages.`;

/** `/feed.xml`, `/feed.atom`, `/feed.json`: the feed of any search. */
export async function serveSearchFeed(request: Request, format: FeedFormat): Promise<Response> {
  const parsed = parseJobQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return textResponse(400, formatParameterErrors(parsed.errors));
  const query = feedQuery(parsed.query);
  const { publicUrl } = env();
  const params = feedSearchParams(query);
  return respond(request, format, query, {
    title: describeJobQuery(query),
    description: FEED_DESCRIPTION,
    homeUrl: withParams(`${publicUrl}/`, params),
    selfUrl: withParams(`${publicUrl}${SEARCH_FEED_PATHS[format]}`, params),
    id: withParams(`${publicUrl}${SEARCH_FEED_PATHS.atom}`, params),
  });
}

/**
 * `/companies/[slug]/feed.xml`: one company's jobs. Accepts the search parameters too (to narrow it
 * down, or to include hybrid jobs); `company` is always the company of the path. 404 for an unknown
 * company.
 */
export async function serveCompanyFeed(request: Request, slug: string): Promise<Response> {
  const parsed = parseJobQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return textResponse(400, formatParameterErrors(parsed.errors));
  let company: Awaited<ReturnType<typeof getCompanyBySlug>>;
  try {
    company = await getCompanyBySlug(slug);
  } catch (error) {
    console.error(`[feeds] company ${slug} failed:`, error);
    return textResponse(503, 'The job index is unavailable right now. Please try again shortly.', {
      'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS),
    });
  }
  if (!company) return textResponse(404, `No company has the slug ${JSON.stringify(slug)}.`);
  const query = feedQuery({ ...parsed.query, company: [company.slug] });
  const { publicUrl } = env();
  const params = feedSearchParams({ ...query, company: [] });
  const selfUrl = withParams(`${publicUrl}${companyFeedPath(company.slug)}`, params);
  return respond(request, 'rss', query, {
    title: `${company.name}: ${describeJobQuery({ ...query, company: [] })}`,
    description: `The newest ${FEED_SIZE} jobs at ${company.name} on Elsewhere, straight from its careers pages.`,
    homeUrl: company.url,
    selfUrl,
    id: selfUrl,
  });
}
