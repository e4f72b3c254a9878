/**
 * The few helpers every adapter needs: turning zod failures into `InvalidPayloadError`s that name the
 * offending field, parsing saved JSON with a clear error, and deciding whether a board is unchanged.
 * Keep this file small: anything specific to one ATS belongs in that ATS's folder.
 */
import { createHash } from 'node:crypto';
import { escapeText } from 'entities';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { z } from 'zod';
import type { Http, HttpRequestOptions, HttpResponse } from '../http-types';
import { resolveSourceUrl } from '../origins';
import type { SampleResponse } from '../sandbox/types';
import {
  InvalidPayloadError,
  type BoardFetch,
  type FetchValidators,
  type RawPosting,
  type SourceKind,
  type SourceRef,
} from '../types';

/** Dotted path of a zod issue ("jobs.3.absolute_url"); null for a root-level problem. */
function dottedPath(path: readonly PropertyKey[]): string | null {
  return path.length === 0 ? null : path.map(String).join('.');
}

/**
 * Convert a zod failure to an `InvalidPayloadError` naming the first offending field.
 * @param what - What was being validated, for the message ("Greenhouse jobs response").
 */
export function zodToInvalidPayload(error: z.ZodError, what = 'payload'): InvalidPayloadError {
  const issue = error.issues[0];
  if (!issue) return new InvalidPayloadError(`Invalid ${what}`);
  const path = dottedPath(issue.path);
  return new InvalidPayloadError(`Invalid ${what}: ${path ?? '(root)'}: ${issue.message}`, path);
}

/** Validate already-parsed data against a schema, throwing `InvalidPayloadError` with the zod path. */
export function validatePayload<S extends z.ZodType>(data: unknown, schema: S, what: string): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw zodToInvalidPayload(result.error, what);
  return result.data;
}

/**
 * Parse a saved JSON response and validate it. Malformed JSON and shape errors both surface as
 * `InvalidPayloadError`, so `elsewhere parse` can report one kind of failure.
 */
export function parseJsonPayload<S extends z.ZodType>(text: string, schema: S, what: string): z.output<S> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidPayloadError(`Invalid ${what}: not JSON (${reason})`);
  }
  return validatePayload(data, schema, what);
}

/**
 * Whether a (list) response shows the board unchanged since `previous`: the server answered 304 to
 * the conditional request, or the body hashes to the remembered content hash (many ATS APIs send no
 * validators, or send fresh ones on every request).
 */
export function conditionalUnchanged(response: HttpResponse, previous: FetchValidators | null): boolean {
  if (response.notModified) return true;
  return previous?.contentHash != null && previous.contentHash === response.hash;
}

/**
 * sha256 over several response bodies (the pages of a paged list), so a board's content hash covers
 * the whole list. A single page keeps its own hash, so a one-page board can be skipped after one request.
 */
export function combinedHash(responses: readonly HttpResponse[]): string {
  if (responses.length === 1) return responses[0]!.hash;
  const hash = createHash('sha256');
  for (const response of responses) hash.update(response.hash);
  return hash.digest('hex');
}

/**
 * The validators to remember after an unchanged answer: a 304 may omit ETag/Last-Modified and has no
 * body to hash, so the previous values still describe the board.
 */
export function unchangedValidators(
  response: HttpResponse,
  previous: FetchValidators | null,
): FetchValidators {
  return {
    etag: response.headers['etag'] ?? previous?.etag ?? null,
    lastModified: response.headers['last-modified'] ?? previous?.lastModified ?? null,
    contentHash: response.notModified ? (previous?.contentHash ?? null) : response.hash,
  };
}

/** The validators to remember from a (list) response, with the board's content hash. */
export function validatorsFrom(response: HttpResponse, contentHash: string): FetchValidators {
  return {
    etag: response.headers['etag'] ?? null,
    lastModified: response.headers['last-modified'] ?? null,
    contentHash,
  };
}

/**
 * Request a real ATS URL through the kind's origin override (if any), sending the override's Host
 * header. Every adapter request goes through here so the sandbox and tests see the real paths.
 * @param overrides - Origin overrides, kind -> origin. @default env().originOverrides
 */
export function requestSource(
  http: Http,
  kind: SourceKind,
  realUrl: string,
  options: HttpRequestOptions = {},
  overrides?: Record<string, string>,
): Promise<HttpResponse> {
  const resolved = resolveSourceUrl(kind, realUrl, overrides);
  return http.request(resolved.url, { ...options, headers: { ...options.headers, ...resolved.headers } });
}

/**
 * Fetch a board published as one document (Greenhouse, Ashby, Workable, Recruitee...): one conditional
 * request; `not_modified` on 304 or an unchanged body hash; otherwise `parse` validates and maps it.
 */
export async function fetchSingleDocumentBoard(
  http: Http,
  kind: SourceKind,
  realUrl: string,
  previous: FetchValidators | null,
  parse: (text: string) => RawPosting[],
  overrides?: Record<string, string>,
): Promise<BoardFetch> {
  const response = await requestSource(
    http,
    kind,
    realUrl,
    { etag: previous?.etag ?? null, lastModified: previous?.lastModified ?? null },
    overrides,
  );
  if (conditionalUnchanged(response, previous)) {
    return {
      status: 'not_modified',
      httpStatus: response.status,
      validators: unchangedValidators(response, previous),
      requests: 1,
    };
  }
  return {
    status: 'ok',
    httpStatus: response.status,
    postings: parse(response.text),
    validators: validatorsFrom(response, response.hash),
    requests: 1,
  };
}

/** The board token of an ATS source; a source without one is a configuration error, not a payload error. */
export function requireToken(source: SourceRef): string {
  const token = source.token?.trim();
  if (!token) throw new Error(`A ${source.kind} source needs a board token`);
  return token;
}

/**
 * An ISO 8601 date-time from an ATS timestamp (ISO string, "2021-03-02 10:20:03 UTC", a date, or epoch
 * milliseconds); null when absent or unreadable. Unreadable dates are not worth failing a board over.
 */
export function isoDateTime(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Trimmed, non-empty, first-seen-order unique strings (location lists, country codes). */
export function distinctText(values: readonly (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    const text = value?.trim();
    if (text) seen.add(text);
  }
  return [...seen];
}

/** Escape plain text for an HTML text node (section titles that the ATS gives as plain text). */
export function escapeHtml(text: string): string {
  return escapeText(text);
}

/**
 * Parse a saved XML or RSS document (Personio's feed, Teamtailor's RSS) into plain objects for zod.
 * Well-formedness is checked first so a truncated or HTML body fails as an `InvalidPayloadError`
 * naming the line, instead of parsing into a half-empty object. Element text stays a string (ids
 * like "007" must not become numbers); XML and numeric character references are decoded once, so
 * RSS's entity-escaped HTML comes out as HTML. Attributes are ignored: no feed we read needs them.
 * Entity expansion is bounded by fast-xml-parser's defaults (a "billion laughs" DOCTYPE stops).
 * @param arrayPaths - Dotted element paths that may repeat ("workzag-jobs.position"), always parsed
 *   as arrays so one posting and many have the same shape.
 */
export function parseXmlPayload(text: string, what: string, arrayPaths: readonly string[]): unknown {
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line } = validation.err;
    throw new InvalidPayloadError(`Invalid ${what}: not well-formed XML (line ${line}: ${msg})`);
  }
  const repeated = new Set(arrayPaths);
  const parser = new XMLParser({
    ignoreAttributes: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    parseTagValue: false,
    htmlEntities: true,
    isArray: (_name, jpath) => typeof jpath === 'string' && repeated.has(jpath),
  });
  try {
    return parser.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidPayloadError(`Invalid ${what}: ${reason}`);
  }
}

// ---- Sample renderers (sample.ts) -------------------------------------------------------------

/** A stable positive integer with `digits` digits derived from a sample job id (Greenhouse, Recruitee ids). */
export function sampleNumber(id: string, digits = 7): number {
  const hex = createHash('sha256').update(id).digest('hex').slice(0, 12);
  const span = 9 * 10 ** (digits - 1);
  return 10 ** (digits - 1) + (parseInt(hex, 16) % span);
}

/** A stable RFC 4122-looking (v4 layout) uuid derived from a sample job id (Lever, Ashby, SmartRecruiters). */
export function sampleUuid(id: string): string {
  const hex = createHash('sha256').update(`uuid:${id}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A stable 10-character upper-case shortcode derived from a sample job id (Workable). */
export function sampleShortcode(id: string): string {
  return createHash('sha256').update(`code:${id}`).digest('hex').slice(0, 10).toUpperCase();
}

/** The English name of an ISO 3166-1 alpha-2 country ("DE" -> "Germany"). */
export function countryName(code: string): string {
  return new Intl.DisplayNames(['en'], { type: 'region' }).of(code.toUpperCase()) ?? code;
}

/** A request's host, lower-cased and without port, for routing sample requests. */
export function sampleHost(host: string): string {
  return host.toLowerCase().replace(/:\d+$/, '');
}

/** A JSON sample response. */
export function jsonResponse(body: unknown, status = 200): SampleResponse {
  return { status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) };
}

/** Plain text of trusted sample HTML, for the ATSs that also send a "Plain" variant. Not for scraped HTML. */
export function samplePlainText(html: string): string {
  return html
    .replace(/<\/(p|li|h\d|div)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
