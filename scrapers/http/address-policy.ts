/**
 * Which IP addresses the scrapers may connect to, checked on the address a connection actually uses
 * (after DNS), so neither a hostile careers page nor a DNS record pointing at 127.0.0.1 can make
 * Elsewhere talk to the machine it runs on or the network around it (SSRF).
 */
import dns from 'node:dns';
import net, { BlockList, type LookupFunction, type Socket } from 'node:net';
import { buildConnector } from 'undici';

/** Special-purpose IPv4 ranges (IANA registry, RFC 6890) that are not the public internet. */
const NON_PUBLIC_IPV4: ReadonlyArray<readonly [network: string, prefix: number]> = [
  ['0.0.0.0', 8], // "this network", including the unspecified address
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata endpoints live here)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, including broadcast
];

/** Special-purpose IPv6 ranges (IANA registry). */
const NON_PUBLIC_IPV6: ReadonlyArray<readonly [network: string, prefix: number]> = [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible addresses
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments (Teredo among them)
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

const nonPublic = buildBlockList();

function buildBlockList(): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of NON_PUBLIC_IPV4) {
    list.addSubnet(network, prefix, 'ipv4');
    // BlockList already matches IPv4-mapped IPv6 (::ffff:a.b.c.d) against IPv4 rules. NAT64 and 6to4
    // addresses also carry an IPv4 address it cannot see, so translate each rule into those prefixes.
    list.addSubnet(`64:ff9b::${network}`, 96 + prefix, 'ipv6');
    const [a = 0, b = 0, c = 0, d = 0] = network.split('.').map(Number);
    const hex = (high: number, low: number) => ((high << 8) | low).toString(16);
    list.addSubnet(`2002:${hex(a, b)}:${hex(c, d)}::`, 16 + prefix, 'ipv6');
  }
  for (const [network, prefix] of NON_PUBLIC_IPV6) list.addSubnet(network, prefix, 'ipv6');
  return list;
}

/** True when `address` is an IP literal on the public internet; false for anything else. */
export function isPublicAddress(address: string): boolean {
  // Scoped addresses (fe80::1%eth0) are link-local anyway; the zone only confuses the check.
  const bare = address.replace(/^\[|\]$/g, '').split('%')[0] ?? '';
  const family = net.isIP(bare);
  if (family === 0) return false;
  return !nonPublic.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

/** Thrown (inside the connector) when a connection would reach a non-public address. */
export class BlockedAddressError extends Error {
  readonly code = 'ELSEWHERE_BLOCKED_ADDRESS';
  constructor(
    readonly hostname: string,
    readonly address: string,
  ) {
    super(
      hostname === address
        ? `${address} is not a public address`
        : `${hostname} resolves to ${address}, which is not a public address`,
    );
    this.name = 'BlockedAddressError';
  }
}

/** dns.lookup that only ever hands public addresses to net.connect (with or without `all`). */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const usable = addresses.filter((entry) => isPublicAddress(entry.address));
    const first = usable[0];
    if (!first) {
      const refused = new BlockedAddressError(hostname, addresses[0]?.address ?? 'no address');
      return callback(refused as NodeJS.ErrnoException, '', 0);
    }
    // net's LookupFunction type only describes the single-address callback; with `all` it expects the list.
    if (options.all)
      return (callback as unknown as (e: null, list: dns.LookupAddress[]) => void)(null, usable);
    callback(null, first.address, first.family);
  });
};

export interface GuardedConnectorOptions {
  /** Connect timeout in ms. */
  timeout: number;
  /** Origins (scheme://host:port) that may be private anyway: operator-configured overrides. */
  isAllowedOrigin: (origin: string) => boolean;
}

/**
 * An undici connector that refuses non-public addresses unless the origin is allowed. Names are
 * resolved by a lookup that drops non-public answers (so nothing is even dialled), IP literals are
 * checked directly, and the socket's remote address is checked again once connected.
 */
export function buildGuardedConnector(options: GuardedConnectorOptions): buildConnector.connector {
  const direct = buildConnector({ timeout: options.timeout });
  const guarded = buildConnector({ timeout: options.timeout, lookup: publicOnlyLookup });
  return (connectOptions, callback) => {
    const origin = new URL(`${connectOptions.protocol}//${connectOptions.host ?? connectOptions.hostname}`)
      .origin;
    if (options.isAllowedOrigin(origin)) return direct(connectOptions, callback);
    const hostname = connectOptions.hostname.replace(/^\[|\]$/g, '');
    if (net.isIP(hostname) && !isPublicAddress(hostname)) {
      return callback(new BlockedAddressError(hostname, hostname), null);
    }
    guarded(connectOptions, (error, socket) => {
      if (error || !socket) return callback(error ?? new Error(`could not connect to ${origin}`), null);
      const remote = (socket as Socket).remoteAddress;
      if (!remote || !isPublicAddress(remote)) {
        socket.destroy();
        return callback(new BlockedAddressError(hostname, remote ?? 'an unknown address'), null);
      }
      callback(null, socket);
    });
  };
}
