import { serveSearchFeed } from '@/lib/feeds/serve';

export const dynamic = 'force-dynamic';

/** RSS 2.0 feed of any search: accepts the search parameters of `/` (and of /api/v1/jobs). */
export function GET(request: Request) {
  return serveSearchFeed(request, 'rss');
}
