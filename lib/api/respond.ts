/**
 * The frame every public API route runs in, so each route only says what it answers:
 *
 *   rate limit (429) -> the route's handler -> JSON with CORS, ETag and Cache-Control (304 when the
 *   client's copy is current); anything the handler throws (the database or the search engine
 *   down) -> 503 with Retry-After, logged.
 */
import { env } from '../env';
import { NO_STORE, PUBLIC_CACHE_CONTROL, isNotModified, notModified, weakEtag } from './caching';
import { clientAddress } from './client-address';
import { CORS_HEADERS } from './cors';
import { errorBody, invalidParametersBody, type ApiErrorBody, type ApiErrorDetail } from './errors';
import { RateLimiter, rateLimitHeaders } from './rate-limit';

const JSON_TYPE = 'application/json; charset=utf-8';

/** Seconds a client should wait after a 503 before trying again. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 30;

/** What a route handler answers; the frame serializes it and adds the shared headers. */
export interface ApiResult {
  status: number;
  body: unknown;
  /** Extra headers (Link for paging). */
  headers?: Record<string, string>;
}

/** 200 with `body`. */
export function ok(body: unknown, headers?: Record<string, string>): ApiResult {
  return { status: 200, body, headers };
}

/** 400 naming every invalid parameter. */
export function invalidParameters(errors: readonly ApiErrorDetail[]): ApiResult {
  return { status: 400, body: invalidParametersBody(errors) };
}

/** 404 with a message saying what was not found. */
export function notFound(message: string): ApiResult {
  return { status: 404, body: errorBody(message) satisfies ApiErrorBody };
}

let limiter: RateLimiter | null | undefined;

/**
 * The process's API rate limiter, from ELSEWHERE_API_RATE_LIMIT (requests per minute per client,
 * bursts of half of it); null when the limit is 0 (off).
 */
export function apiRateLimiter(): RateLimiter | null {
  if (limiter === undefined) {
    const perMinute = env().ELSEWHERE_API_RATE_LIMIT ?? 120;
    limiter =
      perMinute === 0 ? null : new RateLimiter({ perMinute, burst: Math.max(1, Math.ceil(perMinute / 2)) });
  }
  return limiter;
}

function jsonResponse(status: number, body: unknown, headers: Record<string, string>): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...headers, 'Content-Type': JSON_TYPE } });
}

/**
 * Wrap a GET handler of the public API: rate limit, CORS, caching validators and the error shape.
 *
 * @example export const GET = apiGet(async (request) => ok(await listSomething()));
 */
export function apiGet<Context>(
  handler: (request: Request, context: Context) => Promise<ApiResult>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    const headers: Record<string, string> = { ...CORS_HEADERS };
    const rateLimiter = apiRateLimiter();
    if (rateLimiter) {
      const client = clientAddress(request.headers, { trustProxy: env().ELSEWHERE_TRUST_PROXY });
      const decision = rateLimiter.take(client);
      Object.assign(headers, rateLimitHeaders(decision, rateLimiter.perMinute));
      if (!decision.allowed) {
        return jsonResponse(
          429,
          errorBody(
            `Too many requests: the API allows ${rateLimiter.perMinute} a minute per client, in bursts of up to ${rateLimiter.burst}. Retry in ${decision.retryAfterSeconds} s.`,
          ),
          { ...headers, 'Cache-Control': NO_STORE },
        );
      }
    }

    let result: ApiResult;
    try {
      result = await handler(request, context);
    } catch (error) {
      console.error(`[api] ${new URL(request.url).pathname} failed:`, error);
      return jsonResponse(
        503,
        errorBody('The job index is unavailable right now. Please try again shortly.'),
        { ...headers, 'Cache-Control': NO_STORE, 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
      );
    }

    Object.assign(headers, result.headers);
    if (result.status !== 200) {
      return jsonResponse(result.status, result.body, { ...headers, 'Cache-Control': NO_STORE });
    }
    const body = JSON.stringify(result.body);
    const etag = weakEtag(body);
    Object.assign(headers, { ETag: etag, 'Cache-Control': PUBLIC_CACHE_CONTROL });
    if (isNotModified(request.headers, { etag })) return notModified(headers);
    return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': JSON_TYPE } });
  };
}
