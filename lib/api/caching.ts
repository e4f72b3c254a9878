/**
 * HTTP caching for the API and the feeds: weak ETags from a hash of the body, `Cache-Control`, and
 * conditional requests (RFC 9110 section 13) answered with 304.
 *
 * ETags are weak (`W/"..."`) because the same JSON may be served compressed or not by a proxy in
 * front; weak comparison is what If-None-Match uses anyway.
 */
import { createHash } from 'node:crypto';

/**
 * Shared caches and browsers may reuse a response for a minute and serve it stale for five more
 * while revalidating: listings change a few times a day, and a burst of identical requests (a link
 * shared on a forum, a feed reader fleet) then costs one search.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

/** Errors and throttled answers are never cached: the next attempt may succeed. */
export const NO_STORE = 'no-store';

/** A weak entity tag for a body: `W/"<27 base64url characters of SHA-1>"`. */
export function weakEtag(body: string | Uint8Array): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** The opaque part of an entity tag, weak or strong ("W/\"x\"" and "\"x\"" compare equal, weakly). */
function opaqueTag(tag: string): string {
  return tag.trim().replace(/^W\//, '');
}

/**
 * Whether an If-None-Match header matches `etag` by weak comparison: `*`, or any listed tag with
 * the same opaque value.
 */
export function ifNoneMatchMatches(header: string | null, etag: string): boolean {
  if (header === null) return false;
  const value = header.trim();
  if (value === '*') return true;
  const wanted = opaqueTag(etag);
  // Entity tags cannot contain commas or quotes inside the quotes, so splitting on commas is safe.
  return value.split(',').some((tag) => opaqueTag(tag) === wanted);
}

/** What a response would be validated by. */
export interface Validators {
  etag: string;
  /** The newest change the body reflects; HTTP dates have whole seconds. */
  lastModified?: Date | null;
}

/**
 * Whether a GET may be answered 304 Not Modified. If-None-Match wins over If-Modified-Since when
 * both are sent (RFC 9110 section 13.2.2): the tag is exact, the date only as fine as a second.
 */
export function isNotModified(headers: Headers, validators: Validators): boolean {
  const ifNoneMatch = headers.get('if-none-match');
  if (ifNoneMatch !== null) return ifNoneMatchMatches(ifNoneMatch, validators.etag);
  const ifModifiedSince = headers.get('if-modified-since');
  if (ifModifiedSince === null || !validators.lastModified) return false;
  const since = Date.parse(ifModifiedSince);
  if (Number.isNaN(since)) return false;
  return Math.floor(validators.lastModified.getTime() / 1000) * 1000 <= since;
}

/** An HTTP date ("Tue, 15 Nov 1994 08:12:31 GMT"). */
export function httpDate(date: Date): string {
  return date.toUTCString();
}

/**
 * The 304 for a conditional request: no body, and the headers a cache needs to refresh its copy
 * (RFC 9110 section 15.4.5: ETag, Cache-Control, Last-Modified... as the 200 would have them).
 */
export function notModified(headers: HeadersInit): Response {
  return new Response(null, { status: 304, headers });
}
