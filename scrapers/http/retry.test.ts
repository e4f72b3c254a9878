import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryableNetworkError, isRetryableStatus, parseRetryAfter } from './retry';

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Sat, 01 Mar 2025 12:00:30 GMT', 30_000],
    ['Sat, 01 Mar 2025 11:00:00 GMT', 0],
    ['soon', null],
    ['-5', null],
    ['', null],
    [undefined, null],
  ])('%o -> %o ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('isRetryableStatus', () => {
  it.each([
    [429, true],
    [500, true],
    [503, true],
    [400, false],
    [403, false],
    [404, false],
    [410, false],
  ])('%i -> %s', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });
});

describe('isRetryableNetworkError', () => {
  const withCode = (code: string) => Object.assign(new Error(code), { code });
  it.each([
    ['a reset connection', withCode('ECONNRESET'), true],
    ['an undici headers timeout', withCode('UND_ERR_HEADERS_TIMEOUT'), true],
    ['a wrapped timeout', new Error('fetch failed', { cause: withCode('ETIMEDOUT') }), true],
    ['Happy Eyeballs failing on every address', new AggregateError([withCode('ECONNREFUSED')]), true],
    ['a name that does not resolve', withCode('ENOTFOUND'), false],
    ['a programming error', new TypeError('x is undefined'), false],
  ])('%s -> %s', (_name, error, expected) => {
    expect(isRetryableNetworkError(error)).toBe(expected);
  });
});

describe('backoffDelay', () => {
  it('doubles per attempt, keeps half of it fixed, and stops at the cap', () => {
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, 100, 10_000, () => 0))).toEqual([
      50, 100, 200, 400,
    ]);
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, 100, 10_000, () => 1))).toEqual([
      100, 200, 400, 800,
    ]);
    expect(backoffDelay(20, 100, 10_000, () => 1)).toBe(10_000);
  });
});
