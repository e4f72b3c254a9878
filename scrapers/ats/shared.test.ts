import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { HttpResponse } from '../http-types';
import {
  combinedHash,
  conditionalUnchanged,
  distinctText,
  isoDateTime,
  parseJsonPayload,
  unchangedValidators,
} from './shared';

const response = (overrides: Partial<HttpResponse>): HttpResponse => ({
  url: 'https://example.test/',
  status: 200,
  notModified: false,
  headers: {},
  body: Buffer.from(''),
  text: '',
  hash: 'a'.repeat(64),
  ...overrides,
});

describe('parseJsonPayload', () => {
  const schema = z.object({ jobs: z.array(z.object({ id: z.number() })) });

  it('names the path of the first bad field', () => {
    expect(() => parseJsonPayload('{"jobs":[{"id":1},{"id":"2"}]}', schema, 'jobs response')).toThrowError(
      expect.objectContaining({
        name: 'InvalidPayloadError',
        path: 'jobs.1.id',
        message: expect.stringMatching(/^Invalid jobs response: jobs\.1\.id: /),
      }),
    );
  });

  it('reports text that is not JSON as an invalid payload without a path', () => {
    expect(() => parseJsonPayload('<!doctype html>', schema, 'jobs response')).toThrowError(
      expect.objectContaining({
        name: 'InvalidPayloadError',
        path: null,
        message: expect.stringContaining('not JSON'),
      }),
    );
  });
});

describe('isoDateTime', () => {
  it.each([
    ['2024-03-05T11:20:41-05:00', '2024-03-05T16:20:41.000Z'],
    ['2021-03-02 10:20:03 UTC', '2021-03-02T10:20:03.000Z'],
    ['2024-02-20', '2024-02-20T00:00:00.000Z'],
    [1400615799666, '2014-05-20T19:56:39.666Z'],
    ['', null],
    ['soon', null],
    [null, null],
  ])('reads %s as %s', (input, expected) => {
    expect(isoDateTime(input)).toBe(expected);
  });
});

describe('conditional fetch helpers', () => {
  const previous = { etag: '"v1"', lastModified: null, contentHash: 'a'.repeat(64) };

  it('sees a 304 or an equal body hash as unchanged, anything else as changed', () => {
    expect(
      conditionalUnchanged(response({ status: 304, notModified: true, hash: 'e'.repeat(64) }), previous),
    ).toBe(true);
    expect(conditionalUnchanged(response({}), previous)).toBe(true);
    expect(conditionalUnchanged(response({ hash: 'b'.repeat(64) }), previous)).toBe(false);
    expect(conditionalUnchanged(response({}), null)).toBe(false);
  });

  it('keeps the remembered validators when a 304 omits them', () => {
    const notModified = response({ status: 304, notModified: true, hash: 'e'.repeat(64) });
    expect(unchangedValidators(notModified, previous)).toEqual(previous);
  });

  it('hashes several pages into one, order mattering, and keeps a single page hash', () => {
    const one = response({ hash: '1'.repeat(64) });
    const two = response({ hash: '2'.repeat(64) });
    expect(combinedHash([one])).toBe(one.hash);
    expect(combinedHash([one, two])).toMatch(/^[0-9a-f]{64}$/);
    expect(combinedHash([one, two])).not.toBe(combinedHash([two, one]));
  });
});

describe('distinctText', () => {
  it('trims, drops empties and keeps first-seen order', () => {
    expect(distinctText([' Remote ', '', null, 'Berlin', 'Remote', undefined])).toEqual(['Remote', 'Berlin']);
  });
});
