import { describe, expect, it } from 'vitest';
import { isPublicAddress } from './address-policy';

describe('isPublicAddress', () => {
  it.each([
    // IPv4
    ['8.8.8.8', true],
    ['1.1.1.1', true],
    ['172.32.0.1', true],
    ['100.128.0.1', true],
    ['0.0.0.0', false],
    ['127.0.0.1', false],
    ['127.255.255.254', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['172.31.255.255', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['100.127.255.255', false],
    ['192.0.2.10', false],
    ['198.18.0.1', false],
    ['224.0.0.251', false],
    ['255.255.255.255', false],
    // IPv6
    ['2606:4700:4700::1111', true],
    ['2a00:1450:4001:80b::200e', true],
    ['::', false],
    ['::1', false],
    ['[::1]', false],
    ['fe80::1', false],
    ['fe80::1%eth0', false],
    ['fd12:3456:789a::1', false],
    ['fc00::1', false],
    ['ff02::1', false],
    ['2001:db8::1', false],
    // IPv4 inside IPv6
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['::ffff:10.0.0.1', false],
    ['::ffff:8.8.8.8', true],
    ['::127.0.0.1', false],
    ['64:ff9b::10.0.0.1', false],
    ['64:ff9b::a9fe:a9fe', false],
    ['64:ff9b::8.8.8.8', true],
    ['2002:7f00:1::1', false],
    ['2002:c0a8:101::1', false],
    ['2002:808:808::1', true],
    // Not addresses at all
    ['localhost', false],
    ['example.com', false],
    ['', false],
  ])('%s -> %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});
