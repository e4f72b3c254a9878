/**
 * A per-client token bucket, kept in this process's memory.
 *
 * Each client (an IP address) has a bucket of `burst` tokens refilled at `perMinute / 60` a second;
 * a request takes one token, and a request finding the bucket empty is answered 429 with the
 * seconds until a token is back. Steady use up to the rate never waits; a burst of `burst` requests
 * right away is fine too.
 *
 * Memory is bounded: at most `maxClients` buckets, least recently used dropped first. A dropped
 * bucket would have been refilled anyway unless it was used very recently, so under a flood of
 * distinct addresses the limiter forgets the oldest clients, never grows without end.
 *
 * Limits are per process: behind several site processes or machines each counts on its own, so a
 * client gets N times the rate. Multi-machine deployments should rate-limit at the reverse proxy
 * (nginx `limit_req`, Caddy `rate_limit`, Traefik `ratelimit`) and may turn this one off.
 */

/** @see RateLimiter */
export interface RateLimitOptions {
  /** Sustained requests per minute per client. @default 120 */
  perMinute?: number;
  /** Requests a client may make at once before the rate applies. @default 60 */
  burst?: number;
  /** Buckets kept at most (least recently used dropped first). @default 10000 */
  maxClients?: number;
  /** Clock in milliseconds, for tests. @default Date.now */
  now?: () => number;
}

/** The verdict for one request, and what to tell the client in RateLimit headers. */
export interface RateLimitDecision {
  allowed: boolean;
  /** Bucket size. */
  limit: number;
  /** Whole tokens left after this request. */
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** Seconds until one token is back (0 when allowed). */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  readonly perMinute: number;
  readonly burst: number;
  private readonly maxClients: number;
  private readonly now: () => number;
  /** Map iteration order is insertion order: re-inserting on use keeps the LRU at the front. */
  private readonly buckets = new Map<string, Bucket>();

  constructor(options: RateLimitOptions = {}) {
    this.perMinute = options.perMinute ?? 120;
    this.burst = options.burst ?? 60;
    this.maxClients = options.maxClients ?? 10_000;
    this.now = options.now ?? Date.now;
    if (!(this.perMinute > 0) || !(this.burst >= 1) || !(this.maxClients >= 1)) {
      throw new RangeError('RateLimiter needs perMinute > 0, burst >= 1 and maxClients >= 1');
    }
  }

  /** Tokens per millisecond. */
  private get refillRate(): number {
    return this.perMinute / 60_000;
  }

  /** Take a token for `client`, if there is one. */
  take(client: string): RateLimitDecision {
    const now = this.now();
    const bucket = this.buckets.get(client);
    let tokens = this.burst;
    if (bucket) {
      const elapsed = Math.max(0, now - bucket.updatedAt);
      tokens = Math.min(this.burst, bucket.tokens + elapsed * this.refillRate);
      this.buckets.delete(client);
    }
    const allowed = tokens >= 1;
    if (allowed) tokens -= 1;
    this.buckets.set(client, { tokens, updatedAt: now });
    this.evict();
    return {
      allowed,
      limit: this.burst,
      remaining: Math.floor(tokens),
      resetSeconds: Math.ceil((this.burst - tokens) / this.refillRate / 1000),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - tokens) / this.refillRate / 1000)),
    };
  }

  /** Buckets currently kept. */
  get size(): number {
    return this.buckets.size;
  }

  private evict(): void {
    for (const client of this.buckets.keys()) {
      if (this.buckets.size <= this.maxClients) return;
      this.buckets.delete(client);
    }
  }
}

/**
 * RateLimit header fields (IETF httpapi draft, the widely implemented `RateLimit-*` trio) plus
 * Retry-After on a refusal.
 */
export function rateLimitHeaders(decision: RateLimitDecision, perMinute: number): Record<string, string> {
  const headers: Record<string, string> = {
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(decision.remaining),
    'RateLimit-Reset': String(decision.resetSeconds),
    'RateLimit-Policy': `${perMinute};w=60;burst=${decision.limit}`,
  };
  if (!decision.allowed) headers['Retry-After'] = String(decision.retryAfterSeconds);
  return headers;
}
