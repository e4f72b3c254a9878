import { describe, expect, it } from 'vitest';
import { UNIDENTIFIED_CLIENT, clientAddress } from './client-address';

const address = (forwarded: string | null, trustProxy: boolean) =>
  clientAddress(new Headers(forwarded === null ? {} : { 'x-forwarded-for': forwarded }), { trustProxy });

describe('clientAddress', () => {
  it.each([
    // [X-Forwarded-For, trusted proxy, client key]
    ['203.0.113.7', false, '203.0.113.7'],
    ['::ffff:203.0.113.7', false, '203.0.113.7'],
    ['2001:DB8::1', false, '2001:db8::1'],
    ['203.0.113.7:5123', false, '203.0.113.7'],
    ['[2001:db8::1]:443', false, '2001:db8::1'],
    ['1.1.1.1, 203.0.113.7', false, UNIDENTIFIED_CLIENT],
    ['not-an-ip', false, UNIDENTIFIED_CLIENT],
    [null, false, UNIDENTIFIED_CLIENT],
    ['1.1.1.1, 203.0.113.7', true, '203.0.113.7'],
    ['spoofed, 198.51.100.4 ', true, '198.51.100.4'],
    ['203.0.113.7, garbage', true, UNIDENTIFIED_CLIENT],
  ])('%s (trusted proxy: %s) -> %s', (forwarded, trustProxy, expected) => {
    expect(address(forwarded, trustProxy)).toBe(expected);
  });
});
