import { describe, expect, it } from 'vitest';
import { ifNoneMatchMatches, isNotModified, weakEtag } from './caching';

describe('weakEtag', () => {
  it('is weak, stable for a body and different for another', () => {
    expect(weakEtag('{"a":1}')).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect(weakEtag('{"a":1}')).toBe(weakEtag('{"a":1}'));
    expect(weakEtag('{"a":2}')).not.toBe(weakEtag('{"a":1}'));
  });
});

describe('ifNoneMatchMatches', () => {
  const etag = 'W/"abc"';
  it.each([
    [null, false],
    ['W/"abc"', true],
    ['"abc"', true],
    ['"x", W/"abc"', true],
    ['*', true],
    ['W/"abd"', false],
    ['', false],
  ])('%s -> %s', (header, expected) => {
    expect(ifNoneMatchMatches(header, etag)).toBe(expected);
  });
});

describe('isNotModified', () => {
  const lastModified = new Date('2025-03-04T09:00:00.750Z');
  const check = (headers: Record<string, string>) =>
    isNotModified(new Headers(headers), { etag: 'W/"abc"', lastModified });

  it('uses If-Modified-Since to the second', () => {
    expect(check({ 'if-modified-since': 'Tue, 04 Mar 2025 09:00:00 GMT' })).toBe(true);
    expect(check({ 'if-modified-since': 'Tue, 04 Mar 2025 08:59:59 GMT' })).toBe(false);
    expect(check({ 'if-modified-since': 'not a date' })).toBe(false);
  });

  it('lets If-None-Match win over If-Modified-Since', () => {
    expect(
      check({ 'if-none-match': 'W/"other"', 'if-modified-since': 'Tue, 04 Mar 2025 10:00:00 GMT' }),
    ).toBe(false);
    expect(check({ 'if-none-match': 'W/"abc"', 'if-modified-since': 'Mon, 01 Jan 2024 00:00:00 GMT' })).toBe(
      true,
    );
  });

  it('is false without validators in the request', () => {
    expect(check({})).toBe(false);
  });
});
