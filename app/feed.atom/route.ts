import { serveSearchFeed } from '@/lib/feeds/serve';

export const dynamic = 'force-dynamic';

/** Atom 1.0 feed of any search: accepts the search parameters of `/` (and of /api/v1/jobs). */
export function GET(request: Request) {
  return serveSearchFeed(request, 'atom');
}
