/**
 * Origin overrides: `ELSEWHERE_ORIGIN_<KIND>=http://127.0.0.1:4010` sends a kind's requests to another
 * server while keeping the real path and query string. The real host travels in the Host header, so
 * one local server can tell `acme.recruitee.com` from `globex.recruitee.com` as the real ATS would.
 */
import { env } from '../lib/env';
import type { SourceKind } from './types';

export interface ResolvedUrl {
  /** The URL to connect to. */
  url: string;
  /** Extra headers (Host) when the origin was overridden. */
  headers: Record<string, string>;
}

/** Apply the kind's origin override, if any, to a real ATS URL. */
export function resolveSourceUrl(
  kind: SourceKind,
  realUrl: string,
  overrides: Record<string, string> = env().originOverrides,
): ResolvedUrl {
  const override = overrides[kind];
  if (!override) return { url: realUrl, headers: {} };
  const real = new URL(realUrl);
  const target = new URL(real.pathname + real.search, override);
  return { url: target.toString(), headers: { host: real.host } };
}

/** Origins the operator configured explicitly; the HTTP client lets these through even when private. */
export function configuredOrigins(overrides: Record<string, string> = env().originOverrides): string[] {
  return Object.values(overrides);
}
