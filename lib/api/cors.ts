/**
 * CORS for the public API: any origin may read it. There are no cookies or keys, so `*` exposes
 * nothing a server-side client could not fetch anyway.
 */

/** Headers scripts on other origins may read besides the CORS-safelisted ones. */
const EXPOSED_HEADERS = [
  'ETag',
  'Link',
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'RateLimit-Policy',
];

/** Headers every API response carries. */
export const CORS_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': EXPOSED_HEADERS.join(', '),
});

/**
 * The answer to a CORS preflight. Only reads are allowed; the request headers a conditional GET
 * needs are allowed so browsers can revalidate with If-None-Match from scripts. Browsers may cache
 * the preflight for a day.
 */
export function preflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
      'Access-Control-Allow-Headers': 'Accept, If-None-Match, If-Modified-Since, Cache-Control',
      'Access-Control-Max-Age': '86400',
      Allow: 'GET, HEAD, OPTIONS',
      'Cache-Control': 'public, max-age=86400',
      // Caches must not hand one origin's preflight to a request with other request headers.
      Vary: 'Access-Control-Request-Headers',
    },
  });
}
