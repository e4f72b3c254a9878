/**
 * The offline sandbox serves sample boards of every kind at the real request paths. Each adapter folder
 * has a `sample.ts` that renders a `SampleBoard` into its ATS's documented response shape; the sandbox
 * server (scrapers/sandbox/server.ts) routes requests to those renderers by Host header and path.
 * Every payload is marked as a sample (company names end in "(sample)", descriptions say so).
 */
import type { SourceKind } from '../types';

export interface SampleJob {
  /** Stable id for the board; renderers derive the ATS's own id format from it (number, uuid, shortcode). */
  id: string;
  title: string;
  department: string;
  team: string | null;
  /** A location string as the company would write it: "Remote - US", "Remote (EMEA)", "Berlin, Germany". */
  location: string;
  workplace: 'remote' | 'hybrid' | 'onsite';
  /** ISO alpha-2 of the location's country, when it has one. */
  countryCode: string | null;
  city: string | null;
  employmentType: 'full-time' | 'part-time' | 'contract' | 'internship' | 'temporary';
  salary: { min: number; max: number; currency: string; period: 'hour' | 'month' | 'year' } | null;
  /** Safe sample HTML (paragraphs, lists), clearly marked as sample text. */
  descriptionHtml: string;
  /** ISO 8601 */
  postedAt: string;
}

export interface SampleBoard {
  kind: SourceKind;
  /** Board token / subdomain / careers page slug. */
  token: string;
  companyName: string;
  /** The sandbox's own origin (http://127.0.0.1:4010), for absolute URLs in jsonld/html pages. */
  origin: string;
  jobs: SampleJob[];
}

export interface SampleRequest {
  method: string;
  /** Host header as received (the real ATS host when the client used an origin override). */
  host: string;
  /** Path without query string. */
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export interface SampleResponse {
  status: number;
  contentType: string;
  body: string;
}

/** A kind's sample renderer. */
export interface SampleRenderer {
  kind: SourceKind;
  /**
   * Answer a request for this board, or null when the request is not for it. Must honour the real
   * paging parameters (Lever skip/limit, SmartRecruiters offset/limit) and detail paths.
   */
  respond(board: SampleBoard, request: SampleRequest): SampleResponse | null;
  /** The careers URL a person would paste for this board (for `companies add` and the seed). */
  careersUrl(board: SampleBoard): string;
}
