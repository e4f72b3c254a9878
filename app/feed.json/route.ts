import { serveSearchFeed } from '@/lib/feeds/serve';

export const dynamic = 'force-dynamic';

/** JSON Feed 1.1 feed of any search: accepts the search parameters of `/` (and of /api/v1/jobs). */
export function GET(request: Request) {
  return serveSearchFeed(request, 'json');
}
