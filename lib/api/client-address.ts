/**
 * Which client a request comes from, for the rate limiter.
 *
 * A route handler never sees the socket. `next start` writes the peer address into
 * X-Forwarded-For only when the request has none, and keeps a header the client sent. So:
 *
 * - ELSEWHERE_TRUST_PROXY=1 (a reverse proxy in front that sets or appends X-Forwarded-For): the
 *   client is the last entry, the address the proxy saw. Entries before it came from the client
 *   and could be anything.
 * - otherwise: one valid address is taken as the peer (that is what Next writes). A list, or
 *   anything that is not an IP address, came from a proxy we were not told to trust or from the
 *   client itself: all such requests share one bucket, so a client cannot mint itself fresh
 *   buckets by rewriting the header. A client can still claim one made-up address per request;
 *   this limiter keeps honest scripts polite, it is not a defence against a flood (use the proxy).
 */
import { isIP } from 'node:net';

/** The bucket of requests whose forwarding header cannot be trusted. */
export const UNIDENTIFIED_CLIENT = 'unidentified';

/** The client key of a request. */
export function clientAddress(headers: Headers, options: { trustProxy: boolean }): string {
  const forwarded = headers.get('x-forwarded-for');
  if (forwarded === null) return UNIDENTIFIED_CLIENT;
  const entries = forwarded
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const candidate = options.trustProxy ? entries.at(-1) : entries.length === 1 ? entries[0] : undefined;
  const address = candidate === undefined ? null : normalizeAddress(candidate);
  return address ?? UNIDENTIFIED_CLIENT;
}

/** A bare IP address from an X-Forwarded-For entry ("[::1]:443", "1.2.3.4:5678", "::ffff:1.2.3.4"). */
function normalizeAddress(entry: string): string | null {
  let value = entry;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  value = value.toLowerCase();
  if (isIP(value) === 0) return null;
  // An IPv4 client reaching a dual-stack socket shows up as ::ffff:a.b.c.d: one client, one key.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(value);
  return mapped ? mapped[1]! : value;
}
