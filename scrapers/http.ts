/**
 * Elsewhere's HTTP client: the only code that talks to the network (rules in scrapers/README.md).
 *
 * Every request is polite (per-host and global concurrency, per-host delay, robots.txt for pages, a
 * User-Agent with a contact URL, conditional requests) and defensive (timeouts, a decompressed size
 * cap, manually checked redirects, no private addresses unless the operator allows them).
 */
import { createHash } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request as undiciRequest } from 'undici';
import type { IncomingHttpHeaders } from 'undici/types/header';
import { env, type Env } from '../lib/env';
import { BlockedAddressError, buildGuardedConnector } from './http/address-policy';
import { ACCEPT_ENCODING, BodyTooLargeError, decodeContent, readBody } from './http/body';
import { decodeText } from './http/charset';
import { HttpError, InvalidResponseError, NonRetryableError } from './http/errors';
import { HostLimiter } from './http/host-limiter';
import { backoffDelay, isRetryableNetworkError, isRetryableStatus, parseRetryAfter } from './http/retry';
import { isMissingRobotsTxt, ROBOTS_MAX_BYTES, RobotsCache } from './http/robots';
import type { Http, HttpRequestOptions, HttpResponse } from './http-types';
import { configuredOrigins } from './origins';

export { HttpError, InvalidResponseError, NonRetryableError } from './http/errors';
export type { Http, HttpRequestOptions, HttpResponse } from './http-types';

/** Where site owners can read what Elsewhere is, when ELSEWHERE_CONTACT_URL is not set. */
export const DEFAULT_CONTACT_URL = 'https://github.com/elsewhere-jobs/elsewhere';

/** The User-Agent Elsewhere sends: its name, version and a way to reach the operator. */
export function userAgentFor(contact: string = DEFAULT_CONTACT_URL): string {
  return `Elsewhere/0.1 (+${contact})`;
}

/** Timeouts of one request attempt, in ms. */
export interface HttpTimeouts {
  /** Establishing the TCP (and TLS) connection. @default 10_000 */
  connectMs: number;
  /** From sending the request to receiving the complete response headers. @default 20_000 */
  headersMs: number;
  /** Receiving the whole body, from the headers on (also the longest pause between two chunks). @default 60_000 */
  bodyMs: number;
}

export interface HttpClientOptions {
  /** Retries after the first attempt, for network errors, 429 and 5xx only. @default 3 */
  maxRequestRetries?: number;
  /** Requests in flight to one host. @default 2 */
  perHostConcurrency?: number;
  /** Requests in flight in total. @default 32 */
  globalConcurrency?: number;
  /** Minimum time between two request starts to one host, in ms. @default 0 */
  perHostDelayMs?: number;
  timeouts?: Partial<HttpTimeouts>;
  /** Largest body accepted, counted after decompression, in bytes. @default 20 MiB */
  maxBodyBytes?: number;
  /** Redirects followed before giving up. @default 5 */
  maxRedirects?: number;
  /** Let requests reach loopback, private, link-local and other non-public addresses. @default false */
  allowPrivateHosts?: boolean;
  /**
   * Origins allowed even when they resolve to a non-public address: the operator's
   * ELSEWHERE_ORIGIN_<KIND> overrides (see `configuredOrigins()`). @default []
   */
  allowedOrigins?: readonly string[];
  /** @default `Elsewhere/0.1 (+https://github.com/elsewhere-jobs/elsewhere)` */
  userAgent?: string;
  /** First retry waits about this long; each next one twice as long (jittered). @default 1000 */
  retryBaseDelayMs?: number;
  /** Longest backoff between two attempts, in ms. @default 30_000 */
  maxRetryDelayMs?: number;
  /**
   * Longest Retry-After the client waits for. A server asking for more gets no retry: the request
   * fails and the next scheduled run tries again. @default 60_000
   */
  maxRetryAfterMs?: number;
}

const DEFAULT_TIMEOUTS: HttpTimeouts = { connectMs: 10_000, headersMs: 20_000, bodyMs: 60_000 };
const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const HTML_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8';
/** Headers that must not follow a redirect to another origin. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/** One request on the way to a response: the URL connected to, and what is sent there. */
interface Hop {
  url: URL;
  method: 'GET' | 'POST';
  /** Lowercase names. A `host` entry means an origin override: the site's real host. */
  headers: Record<string, string>;
  body: string | null;
}

/** What one attempt at a hop produced, when it did not throw. */
type Outcome =
  | { kind: 'response'; response: HttpResponse }
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'retry'; status: number; retryAfterMs: number | null };

/**
 * The `Http` implementation over undici. One instance per process (it owns the connection pool, the
 * per-host queues and the robots.txt cache); `close()` it on shutdown.
 */
export class HttpClient implements Http {
  private readonly agent: Agent;
  private readonly limiter: HostLimiter;
  private readonly robots = new RobotsCache();
  private readonly timeouts: HttpTimeouts;
  private readonly maxRequestRetries: number;
  private readonly maxBodyBytes: number;
  private readonly maxRedirects: number;
  private readonly userAgent: string;
  private readonly retryBaseDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly maxRetryAfterMs: number;

  constructor(options: HttpClientOptions = {}) {
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.maxRequestRetries = options.maxRequestRetries ?? 3;
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.maxRedirects = options.maxRedirects ?? 5;
    this.userAgent = options.userAgent ?? userAgentFor();
    this.retryBaseDelayMs = options.retryBaseDelayMs ?? 1000;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 30_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.limiter = new HostLimiter({
      perHost: options.perHostConcurrency ?? 2,
      global: options.globalConcurrency ?? 32,
      perHostDelayMs: options.perHostDelayMs ?? 0,
    });
    const allowedOrigins = new Set((options.allowedOrigins ?? []).map((origin) => new URL(origin).origin));
    this.agent = new Agent({
      connect: options.allowPrivateHosts
        ? { timeout: this.timeouts.connectMs }
        : buildGuardedConnector({
            timeout: this.timeouts.connectMs,
            isAllowedOrigin: (origin) => allowedOrigins.has(origin),
          }),
      headersTimeout: this.timeouts.headersMs,
      // undici's body timeout is the longest pause between chunks; readBody adds a total deadline.
      bodyTimeout: this.timeouts.bodyMs,
    });
  }

  async request(url: string, options: HttpRequestOptions = {}): Promise<HttpResponse> {
    const maxBodyBytes = options.maxBodyBytes ?? this.maxBodyBytes;
    let hop = this.firstHop(url, options);
    const visited = new Set<string>();
    for (let redirects = 0; ; redirects += 1) {
      visited.add(hopKey(hop));
      if (options.purpose === 'html') await this.checkRobots(hop);
      const outcome = await this.attemptWithRetries(hop, maxBodyBytes);
      if (outcome.kind === 'response') return outcome.response;
      const next = this.redirectHop(hop, outcome.status, outcome.location);
      if (visited.has(hopKey(next))) {
        throw new NonRetryableError(
          `${describe(hop)} redirects in a loop (back to ${next.url.href}); the site is misconfigured, check the source's URL`,
          hop.url.href,
          outcome.status,
        );
      }
      if (redirects >= this.maxRedirects) {
        throw new NonRetryableError(
          `${describe(hop)} was redirected more than ${this.maxRedirects} times; use the final URL as the source's URL`,
          hop.url.href,
          outcome.status,
        );
      }
      hop = next;
    }
  }

  async getJson(
    url: string,
    options: HttpRequestOptions = {},
  ): Promise<{ response: HttpResponse; data: unknown }> {
    const response = await this.request(url, {
      ...options,
      headers: { accept: 'application/json', ...options.headers },
    });
    // A 304 has no body: the caller kept the data from last time.
    if (response.notModified) return { response, data: null };
    try {
      return { response, data: JSON.parse(response.text) as unknown };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new InvalidResponseError(
        `${response.url} did not answer valid JSON (${why}); the API may have changed or be failing, check the URL in a browser`,
        response.url,
        response.status,
        { cause: error },
      );
    }
  }

  /** Release the connection pool. In-flight requests finish first. */
  async close(): Promise<void> {
    await this.agent.close();
  }

  private firstHop(url: string, options: HttpRequestOptions): Hop {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new NonRetryableError(`"${url}" is not a valid URL`, url, null);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new NonRetryableError(
        `${url} is not an http(s) URL; Elsewhere only fetches web pages and APIs`,
        url,
        null,
      );
    }
    parsed.hash = '';
    const method = options.method ?? (options.json === undefined ? 'GET' : 'POST');
    if (method === 'GET' && options.json !== undefined) throw new TypeError('a JSON body needs method POST');
    const headers: Record<string, string> = {
      'user-agent': this.userAgent,
      accept: options.purpose === 'html' ? HTML_ACCEPT : '*/*',
      'accept-encoding': ACCEPT_ENCODING,
    };
    if (options.json !== undefined) headers['content-type'] = 'application/json';
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;
    for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
    if (headers.host !== undefined) {
      headers.host = headers.host.trim().toLowerCase();
      if (!isHostValue(parsed.protocol, headers.host)) {
        throw new NonRetryableError(`"${headers.host}" is not a valid Host header for ${url}`, url, null);
      }
      // A Host header that only repeats the URL's host is no override; dropping it keeps redirects simple.
      if (headers.host === parsed.host) delete headers.host;
    }
    const body = options.json === undefined ? null : JSON.stringify(options.json);
    return { url: parsed, method, headers, body };
  }

  /** The next hop of a redirect, or a NonRetryableError when the Location cannot be followed. */
  private redirectHop(hop: Hop, status: number, location: string): Hop {
    const site = siteUrl(hop);
    let target: URL;
    try {
      // Relative to the URL the site thinks it served, so an overridden origin resolves like the real one.
      target = new URL(location, site);
    } catch {
      throw new NonRetryableError(
        `${describe(hop)} redirects to an invalid URL "${location}"`,
        hop.url.href,
        status,
      );
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      throw new NonRetryableError(
        `${describe(hop)} redirects to ${target.href}, which is not http(s)`,
        hop.url.href,
        status,
      );
    }
    target.hash = '';
    const headers = { ...hop.headers };
    let url: URL;
    if (target.origin === site.origin) {
      // Same site: stay on the connected (possibly overridden) origin and keep its Host header.
      url = new URL(target.pathname + target.search, hop.url);
    } else {
      url = target;
      delete headers.host;
      for (const name of CREDENTIAL_HEADERS) delete headers[name];
    }
    // 303 always, and 301/302 after a POST (as every browser does), turn into a GET without a body.
    const toGet = status === 303 || ((status === 301 || status === 302) && hop.method === 'POST');
    if (toGet) delete headers['content-type'];
    return { url, method: toGet ? 'GET' : hop.method, headers, body: toGet ? null : hop.body };
  }

  private async checkRobots(hop: Hop): Promise<void> {
    const host = hop.headers.host;
    const verdict = await this.robots.check(siteUrl(hop).href, async () => {
      try {
        const response = await this.request(new URL('/robots.txt', hop.url).href, {
          headers: host === undefined ? {} : { host },
          maxBodyBytes: ROBOTS_MAX_BYTES,
        });
        return response.text;
      } catch (error) {
        if (isMissingRobotsTxt(error)) return null;
        throw error;
      }
    });
    if (!verdict.allowed) {
      throw new NonRetryableError(
        `${describe(hop)} refused: ${verdict.reason}; use the site's ATS API or feed as the source instead`,
        hop.url.href,
        null,
      );
    }
  }

  /** Run one hop, retrying network failures, 429 and 5xx with backoff; throw when out of attempts. */
  private async attemptWithRetries(
    hop: Hop,
    maxBodyBytes: number,
  ): Promise<Exclude<Outcome, { kind: 'retry' }>> {
    for (let attempt = 0; ; attempt += 1) {
      const attempts = attempt + 1;
      const isLast = attempt >= this.maxRequestRetries;
      const backoff = backoffDelay(attempt, this.retryBaseDelayMs, this.maxRetryDelayMs);
      let outcome: Outcome;
      try {
        outcome = await this.limiter.run(hop.url.host, () => this.attempt(hop, maxBodyBytes));
      } catch (error) {
        // Only transport failures are retried; a refusal, a 4xx or a broken body would fail the same way.
        if (isLast || !isRetryableNetworkError(error)) throw this.classifyFailure(hop, error, attempts);
        await sleep(backoff);
        continue;
      }
      if (outcome.kind !== 'retry') return outcome;
      const { status, retryAfterMs } = outcome;
      const answered = `${describe(hop)} answered ${status} ${STATUS_CODES[status] ?? ''}`.trimEnd();
      if (retryAfterMs !== null && retryAfterMs > this.maxRetryAfterMs) {
        throw new HttpError(
          `${answered} and asked to wait ${Math.ceil(retryAfterMs / 1000)} s (Retry-After), longer than Elsewhere waits; the next scheduled run will try again`,
          hop.url.href,
          status,
        );
      }
      if (isLast) {
        throw new HttpError(
          `${answered} ${attempts === 1 ? 'once' : `${attempts} times`}; the site may be down or rate-limiting, the next scheduled run will try again`,
          hop.url.href,
          status,
        );
      }
      await sleep(Math.max(retryAfterMs ?? 0, backoff));
    }
  }

  /** Turn an error from one attempt into the HttpError to throw: NonRetryableError when retrying cannot help. */
  private classifyFailure(hop: Hop, error: unknown, attempts: number): HttpError {
    if (error instanceof HttpError) return error;
    const blocked = findCause(error, BlockedAddressError);
    if (blocked) {
      return new NonRetryableError(
        `${describe(hop)} refused: ${blocked.message}. To fetch from a local server, set ELSEWHERE_ALLOW_PRIVATE_HOSTS=1 or point ELSEWHERE_ORIGIN_<KIND> at it`,
        hop.url.href,
        null,
        { cause: error },
      );
    }
    if (error instanceof BodyTooLargeError) {
      return new NonRetryableError(
        `${describe(hop)} stopped: the ${error.message}; if the source is really that big, raise maxBodyBytes for it`,
        hop.url.href,
        null,
        { cause: error },
      );
    }
    const why = this.describeNetworkError(error);
    const message = `${describe(hop)} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${why}; check that the site is reachable from this machine`;
    return isRetryableNetworkError(error)
      ? new HttpError(message, hop.url.href, null, { cause: error })
      : new NonRetryableError(message, hop.url.href, null, { cause: error });
  }

  private describeNetworkError(error: unknown): string {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    switch (code) {
      case 'UND_ERR_CONNECT_TIMEOUT':
        return `no connection within ${this.timeouts.connectMs} ms`;
      case 'UND_ERR_HEADERS_TIMEOUT':
        return `no response headers within ${this.timeouts.headersMs} ms`;
      case 'UND_ERR_BODY_TIMEOUT':
      case 'ELSEWHERE_BODY_DEADLINE':
        return `the body did not arrive within ${this.timeouts.bodyMs} ms`;
      case 'ECONNREFUSED':
        return 'connection refused';
      case 'ENOTFOUND':
        return 'the host name does not resolve';
      default:
        return error instanceof Error ? error.message : String(error);
    }
  }

  /** One request/response exchange. Throws on network failures, 4xx and oversized or corrupt bodies. */
  private async attempt(hop: Hop, maxBodyBytes: number): Promise<Outcome> {
    const {
      statusCode: status,
      headers: rawHeaders,
      body,
    } = await undiciRequest(hop.url, {
      dispatcher: this.agent,
      method: hop.method,
      headers: hop.headers,
      body: hop.body,
    });
    const headers = flattenHeaders(rawHeaders);
    if (REDIRECT_STATUSES.has(status) && headers.location) {
      await body.dump();
      return { kind: 'redirect', status, location: headers.location };
    }
    if (isRetryableStatus(status)) {
      await body.dump();
      return { kind: 'retry', status, retryAfterMs: parseRetryAfter(headers['retry-after']) };
    }
    if (status === 304) {
      await body.dump();
      return { kind: 'response', response: buildResponse(hop, status, headers, Buffer.alloc(0)) };
    }
    if (status < 200 || status >= 300) {
      await body.dump();
      throw new NonRetryableError(
        `${describe(hop)} answered ${status} ${STATUS_CODES[status] ?? ''}; check the source's URL or board token`,
        hop.url.href,
        status,
      );
    }
    const declaredLength = Number(headers['content-length']);
    if (declaredLength > maxBodyBytes) {
      body.destroy();
      throw new BodyTooLargeError(maxBodyBytes);
    }
    const raw = await readBody(body, maxBodyBytes, this.timeouts.bodyMs);
    let decoded: Buffer;
    try {
      decoded = await decodeContent(raw, headers['content-encoding'], maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) throw error;
      const why = error instanceof Error ? error.message : String(error);
      throw new InvalidResponseError(
        `${describe(hop)} sent a body that could not be decompressed (${why}); the server is misbehaving, try again later`,
        hop.url.href,
        status,
        { cause: error },
      );
    }
    return { kind: 'response', response: buildResponse(hop, status, headers, decoded) };
  }
}

/**
 * A client configured from the environment (lib/env.ts): concurrency, delay, private hosts, contact
 * URL, and the ELSEWHERE_ORIGIN_<KIND> overrides as allowed origins.
 */
export function createHttpFromEnv(environment: Env = env()): HttpClient {
  return new HttpClient({
    perHostConcurrency: environment.ELSEWHERE_HTTP_PER_HOST,
    globalConcurrency: environment.ELSEWHERE_HTTP_GLOBAL,
    perHostDelayMs: environment.ELSEWHERE_HTTP_DELAY_MS,
    allowPrivateHosts: environment.ELSEWHERE_ALLOW_PRIVATE_HOSTS,
    allowedOrigins: configuredOrigins(environment.originOverrides),
    userAgent: userAgentFor(environment.ELSEWHERE_CONTACT_URL ?? DEFAULT_CONTACT_URL),
  });
}

function buildResponse(
  hop: Hop,
  status: number,
  headers: Record<string, string>,
  body: Buffer,
): HttpResponse {
  return {
    url: hop.url.href,
    status,
    notModified: status === 304,
    headers,
    body,
    text: decodeText(body, headers['content-type']),
    hash: createHash('sha256').update(body).digest('hex'),
  };
}

/** The URL as the site knows it: the connected URL with the real host when an origin is overridden. */
function siteUrl(hop: Hop): URL {
  const host = hop.headers.host;
  // Not `url.host = host`: the URL host setter keeps the old port when the new host has none.
  return host === undefined
    ? new URL(hop.url)
    : new URL(hop.url.pathname + hop.url.search, `${hop.url.protocol}//${host}`);
}

/** True when `host` is exactly a host[:port], nothing more (no path, no credentials). */
function isHostValue(protocol: string, host: string): boolean {
  try {
    return new URL(`${protocol}//${host}`).host === host;
  } catch {
    return false;
  }
}

function hopKey(hop: Hop): string {
  return `${hop.method} ${hop.url.href} ${hop.headers.host ?? ''}`;
}

/** "GET https://..." for messages, naming the real host when the origin is overridden. */
function describe(hop: Hop): string {
  const host = hop.headers.host;
  return `${hop.method} ${hop.url.href}${host === undefined ? '' : ` (Host: ${host})`}`;
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** The first error of class `type` in a chain of causes (and AggregateError members). */
function findCause<T extends Error>(error: unknown, type: new (...args: never[]) => T): T | null {
  if (error instanceof type) return error;
  if (error instanceof AggregateError) {
    for (const member of error.errors) {
      const found = findCause(member, type);
      if (found) return found;
    }
  }
  return error instanceof Error && error.cause !== undefined ? findCause(error.cause, type) : null;
}
