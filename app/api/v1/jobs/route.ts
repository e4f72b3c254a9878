import { preflightResponse } from '@/lib/api/cors';
import { apiGet, invalidParameters, ok } from '@/lib/api/respond';
import { env } from '@/lib/env';
import { getSearchEngine } from '@/lib/search/engine';
import { jobQueryToSearchParams, parseJobQuery, type JobQuery } from '@/lib/search/query';

export const dynamic = 'force-dynamic';

/**
 * RFC 8288 links to the neighbouring pages, with the query in canonical form, on PUBLIC_URL (behind
 * a proxy the request's own URL is the internal one).
 */
function pageLinks(query: JobQuery, total: number): Record<string, string> {
  const link = (page: number, rel: string) => {
    const search = jobQueryToSearchParams({ ...query, page }).toString();
    return `<${env().publicUrl}/api/v1/jobs${search ? `?${search}` : ''}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (query.page > 1) links.push(link(query.page - 1, 'prev'));
  if (query.page * query.perPage < total) links.push(link(query.page + 1, 'next'));
  return links.length > 0 ? { Link: links.join(', ') } : {};
}

/** `GET /api/v1/jobs?<query>`: one page of matching jobs with facet counts. */
export const GET = apiGet(async (request: Request) => {
  const parsed = parseJobQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return invalidParameters(parsed.errors);
  const engine = await getSearchEngine();
  // internalIds are database ids: for alerts, never for the public.
  const { internalIds: _internalIds, ...result } = await engine.search(parsed.query);
  return ok(result, pageLinks(parsed.query, result.total));
});

export const OPTIONS = preflightResponse;
