/**
 * POST /api/v1/alerts {email, query, frequency, timezone}: ask for an email alert. Answers 202 and
 * sends a confirmation email; the answer is the same whether or not the address is known. The site's
 * form calls the same `requestAlert`.
 */
import { clientAddress } from '../../../../lib/api/client-address';
import { errorBody, invalidParametersBody } from '../../../../lib/api/errors';
import { CHECK_INBOX_MESSAGE, requestAlert } from '../../../../lib/alerts';
import { env } from '../../../../lib/env';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

export async function POST(request: Request): Promise<Response> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json(errorBody('The body should be JSON: {"email", "query", "frequency", "timezone"}.'), {
      status: 400,
      headers: NO_STORE,
    });
  }
  const ip = clientAddress(request.headers, { trustProxy: env().ELSEWHERE_TRUST_PROXY });
  try {
    const result = await requestAlert(body, { ip });
    switch (result.status) {
      case 'accepted':
        return Response.json(
          { status: 'pending', message: CHECK_INBOX_MESSAGE },
          { status: 202, headers: NO_STORE },
        );
      case 'invalid':
        return Response.json(
          invalidParametersBody(
            result.errors.map(({ field, message, allowed }) => ({
              parameter: field,
              message,
              ...(allowed ? { allowed } : {}),
            })),
          ),
          { status: 400, headers: NO_STORE },
        );
      case 'rate-limited':
        return Response.json(errorBody(`Too many alert requests. Retry in ${result.retryAfterSeconds} s.`), {
          status: 429,
          headers: { ...NO_STORE, 'Retry-After': String(result.retryAfterSeconds) },
        });
    }
  } catch (error) {
    console.error('[alerts] subscribe failed:', error);
    return Response.json(
      errorBody('The confirmation email could not be sent right now. Please try again shortly.'),
      {
        status: 503,
        headers: { ...NO_STORE, 'Retry-After': '60' },
      },
    );
  }
}
