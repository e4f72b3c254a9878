import { describe, expect, it, vi } from 'vitest';
import { apiGet, invalidParameters, notFound, ok } from './respond';

const request = (headers: Record<string, string> = {}) =>
  new Request('http://localhost:3000/api/v1/things', {
    headers: { 'x-forwarded-for': '198.51.100.9', ...headers },
  });

describe('apiGet', () => {
  it('answers 503 with Retry-After and the error shape when the handler throws', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const handler = apiGet(async () => {
      throw new Error('connection refused');
    });
    const response = await handler(request(), undefined);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toEqual({ error: { message: expect.stringMatching(/unavailable/) } });
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it('serializes errors without caching and successes with validators', async () => {
    const missing = await apiGet(async () => notFound('No such thing.'))(request(), undefined);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');
    expect(missing.headers.get('etag')).toBeNull();

    const invalid = await apiGet(async () =>
      invalidParameters([{ parameter: 'x', message: 'bad', allowed: ['a'] }]),
    )(request(), undefined);
    expect(await invalid.json()).toEqual({
      error: { parameter: 'x', message: 'Invalid parameter x: bad', allowed: ['a'] },
      errors: [{ parameter: 'x', message: 'bad', allowed: ['a'] }],
    });

    const found = await apiGet(async () => ok({ a: 1 }, { Link: '<x>; rel="next"' }))(request(), undefined);
    expect(found.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(found.headers.get('link')).toBe('<x>; rel="next"');
    expect(found.headers.get('ratelimit-limit')).toBe('60');
    const etag = found.headers.get('etag')!;
    const again = await apiGet(async () => ok({ a: 1 }))(request({ 'if-none-match': etag }), undefined);
    expect(again.status).toBe(304);
  });
});
