import type { RawPosting } from '../lib/normalize/raw-posting';
import type { Http } from './http-types';

/**
 * The contract between source adapters and the rest of Elsewhere.
 *
 * An adapter (scrapers/ats/<kind>/) fetches one board through the shared HTTP client and maps the
 * validated response to `RawPosting`s with a pure function. It never touches the database and never
 * normalizes: eligibility, salary parsing, tags and sanitizing happen in lib/normalize.
 */

/** Every kind of source Elsewhere can read. */
export const SOURCE_KINDS = [
  'greenhouse',
  'lever',
  'ashby',
  'workable',
  'smartrecruiters',
  'recruitee',
  'personio',
  'bamboohr',
  'teamtailor',
  'breezy',
  'jsonld',
  'html',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

// The posting shape adapters produce is defined next to the normalizer that consumes it (lib may not
// import scrapers/); adapters import it from here.
export type { RawPosting, StructuredSalary } from '../lib/normalize/raw-posting';

/** What the pipeline knows about a source when it asks an adapter to fetch it. */
export interface SourceRef {
  kind: SourceKind;
  /** Board token/slug for ATS kinds (gitlab, buffer...); null for jsonld/html. */
  token: string | null;
  /** Careers page URL for jsonld/html, or a board URL when the ATS needs one (EU hosts). */
  url: string | null;
  /** Kind-specific options: html selectors, Greenhouse/Lever region ('eu'), jsonld link bound. */
  config: Record<string, unknown>;
}

/** Validators remembered from the last successful fetch of a source. */
export interface FetchValidators {
  etag: string | null;
  lastModified: string | null;
  /** sha256 of the board's raw response bodies, to skip unchanged boards even without HTTP validators. */
  contentHash: string | null;
}

export type BoardFetch =
  | { status: 'not_modified'; httpStatus: number; validators: FetchValidators; requests: number }
  | {
      status: 'ok';
      httpStatus: number;
      postings: RawPosting[];
      validators: FetchValidators;
      /** How many HTTP requests the fetch made (list + details + pages). */
      requests: number;
    };

/**
 * One source kind. Each adapter folder's index.ts exports `adapter` of this type; scrapers/registry.ts
 * lists them. `fetchBoard` performs HTTP through the shared client only; `parseSaved` is pure.
 */
export interface Adapter {
  kind: SourceKind;
  /**
   * Fetch a whole board and map it. With `previous` validators, send a conditional request and answer
   * `not_modified` (without detail requests) when the list is unchanged by ETag/Last-Modified or hash.
   */
  fetchBoard(http: Http, source: SourceRef, previous: FetchValidators | null): Promise<BoardFetch>;
  /**
   * Validate and map a saved response body (JSON, XML, RSS or HTML as the kind publishes it), for
   * `elsewhere parse`. Throws `InvalidPayloadError` naming the path of the first bad field.
   */
  parseSaved(text: string, source: SourceRef): RawPosting[];
}

/** A response that does not have the shape the source documents. */
export class InvalidPayloadError extends Error {
  constructor(
    message: string,
    /** Dotted path of the first offending field, when known ("jobs.3.absolute_url"). */
    readonly path: string | null = null,
  ) {
    super(message);
    this.name = 'InvalidPayloadError';
  }
}
