import { describe, expect, it } from 'vitest';
import { RateLimiter, rateLimitHeaders } from './rate-limit';

function limiter(options: { perMinute?: number; burst?: number; maxClients?: number } = {}) {
  let now = 0;
  const rateLimiter = new RateLimiter({ ...options, now: () => now });
  return { rateLimiter, advance: (ms: number) => (now += ms) };
}

describe('RateLimiter', () => {
  it('allows a burst, then refuses with the seconds until a token is back', () => {
    const { rateLimiter } = limiter({ perMinute: 120, burst: 60 });
    const decisions = Array.from({ length: 61 }, () => rateLimiter.take('a'));
    expect(decisions.slice(0, 60).every((decision) => decision.allowed)).toBe(true);
    expect(decisions[59]!.remaining).toBe(0);
    expect(decisions[60]).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 1, limit: 60 });
  });

  it('refills at the sustained rate', () => {
    const { rateLimiter, advance } = limiter({ perMinute: 60, burst: 2 });
    rateLimiter.take('a');
    rateLimiter.take('a');
    expect(rateLimiter.take('a').allowed).toBe(false);
    advance(999);
    expect(rateLimiter.take('a').allowed).toBe(false);
    advance(1001);
    expect(rateLimiter.take('a').allowed).toBe(true);
    advance(60_000);
    expect(rateLimiter.take('a')).toMatchObject({ allowed: true, remaining: 1, resetSeconds: 1 });
  });

  it('keeps clients apart', () => {
    const { rateLimiter } = limiter({ burst: 1 });
    expect(rateLimiter.take('a').allowed).toBe(true);
    expect(rateLimiter.take('a').allowed).toBe(false);
    expect(rateLimiter.take('b').allowed).toBe(true);
  });

  it('keeps at most maxClients buckets, dropping the least recently used', () => {
    const { rateLimiter } = limiter({ burst: 1, maxClients: 2 });
    rateLimiter.take('a');
    rateLimiter.take('b');
    rateLimiter.take('a'); // a is now the most recent (and empty)
    rateLimiter.take('c'); // evicts b
    expect(rateLimiter.size).toBe(2);
    expect(rateLimiter.take('a').allowed).toBe(false);
    expect(rateLimiter.take('b').allowed).toBe(true); // forgotten, so full again
  });

  it('rejects nonsensical settings', () => {
    expect(() => new RateLimiter({ perMinute: 0 })).toThrow(RangeError);
    expect(() => new RateLimiter({ burst: 0 })).toThrow(RangeError);
  });
});

describe('rateLimitHeaders', () => {
  it('states the bucket, and Retry-After only on a refusal', () => {
    const allowed = rateLimitHeaders(
      { allowed: true, limit: 60, remaining: 59, resetSeconds: 1, retryAfterSeconds: 0 },
      120,
    );
    expect(allowed).toEqual({
      'RateLimit-Limit': '60',
      'RateLimit-Remaining': '59',
      'RateLimit-Reset': '1',
      'RateLimit-Policy': '120;w=60;burst=60',
    });
    const refused = rateLimitHeaders(
      { allowed: false, limit: 60, remaining: 0, resetSeconds: 30, retryAfterSeconds: 1 },
      120,
    );
    expect(refused['Retry-After']).toBe('1');
  });
});
