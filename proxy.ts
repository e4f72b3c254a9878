/**
 * Closed jobs answer 410 Gone. A page cannot set its own status in the App Router, so the proxy
 * asks the database whether the job a /jobs/<slug> path names is closed and, if so, lets the same
 * page render (it says the job is closed and marks itself noindex) with status 410 and an
 * X-Robots-Tag. Client-side navigations (RSC requests) are left alone: the status matters to
 * crawlers and HTTP clients, and an error status would make the client router fall back to a full load.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { getJobListingState } from './lib/site/job-page';

export async function proxy(request: NextRequest): Promise<NextResponse> {
  if (request.headers.get('rsc') === '1') return NextResponse.next();
  const slug = request.nextUrl.pathname.slice('/jobs/'.length);
  let state: Awaited<ReturnType<typeof getJobListingState>>;
  try {
    state = await getJobListingState(decodeURIComponent(slug));
  } catch {
    // The page itself reports a database failure; the proxy must not turn it into a 410.
    return NextResponse.next();
  }
  if (state !== 'closed') return NextResponse.next();
  return NextResponse.rewrite(request.nextUrl, { status: 410, headers: { 'X-Robots-Tag': 'noindex' } });
}

export const config = { matcher: '/jobs/:slug' };
