/**
 * POST /api/v1/alerts/unsubscribe?token=...: RFC 8058 one-click unsubscribe, the target of every
 * email's List-Unsubscribe header. Mail clients POST `List-Unsubscribe=One-Click` with no cookies
 * and no login; the token in the URL is the credential. Only POST: a GET (link scanners, prefetch)
 * must never unsubscribe anyone, and the page at /alerts/unsubscribe asks before it does.
 */
import { errorBody } from '../../../../../lib/api/errors';
import { unsubscribeAll } from '../../../../../lib/alerts';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

export async function POST(request: Request): Promise<Response> {
  const token = new URL(request.url).searchParams.get('token');
  try {
    if (!(await unsubscribeAll(token))) {
      return Response.json(errorBody('This unsubscribe link is not valid.'), {
        status: 404,
        headers: NO_STORE,
      });
    }
  } catch (error) {
    console.error('[alerts] one-click unsubscribe failed:', error);
    return Response.json(errorBody('Unsubscribing failed; please try again shortly.'), {
      status: 503,
      headers: { ...NO_STORE, 'Retry-After': '60' },
    });
  }
  return Response.json({ status: 'unsubscribed' }, { status: 200, headers: NO_STORE });
}
