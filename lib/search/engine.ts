/**
 * The search engine interface and the result shape every engine returns, so pages, the JSON API,
 * feeds and alerts never care which engine answered.
 *
 * - postgres (default): text matched in Postgres (weighted tsvector + pg_trgm), filters, facets and
 *   ranking over an in-process index of the open listings (lib/search/postgres.ts, README.md).
 * - meilisearch: when MEILI_URL and MEILI_MASTER_KEY are set (lib/search/meilisearch.ts). It finds
 *   ids and facet counts; the jobs themselves are always read from Postgres, so both engines return
 *   byte-identical jobs.
 *
 * Facets are disjunctive (as Algolia and Meilisearch UIs do it): each facet's counts apply every
 * filter except the facet's own, so ticking "engineering" still shows how many "design" jobs there
 * are. Values within one facet are OR-ed (`tag=rust&tag=go` means Rust or Go); facets are AND-ed.
 */
import { getDatabase, type Database } from '../db/client';
import { env } from '../env';
import type { Category, EmploymentType, SalaryPeriod, Seniority, Workplace } from '../normalize/types';
import { MeiliSearchEngine } from './meilisearch';
import { PostgresSearchEngine } from './postgres';
import type { JobQuery } from './query';
import { processState } from '../process-state';
import type { FacetName } from './results';

export { FACET_NAMES, MAX_FACET_VALUES, jobPath, type FacetName } from './results';

/** Facet value -> number of jobs; only values with at least one job, the most frequent first. */
export type FacetCounts = Record<string, number>;

/** One job as the public API returns it. Timestamps are ISO 8601 strings. */
export interface JobSummary {
  /** Public id (random, stable). */
  id: string;
  /** Last path segment of the job's page: `<title-company>-<publicId>`. */
  slug: string;
  /** Absolute URL of the job's page on this site. */
  url: string;
  applyUrl: string;
  title: string;
  company: { slug: string; name: string };
  locationText: string;
  workplace: Workplace;
  worldwide: boolean;
  /** ISO 3166-1 alpha-2 codes someone may live in; empty when worldwide or unknown. */
  countries: string[];
  timezone: { minUtcOffset: number; maxUtcOffset: number } | null;
  /** The phrase that decided eligibility. */
  evidence: string | null;
  category: Category;
  type: EmploymentType | null;
  seniority: Seniority | null;
  salary: {
    min: number | null;
    max: number | null;
    currency: string;
    period: SalaryPeriod;
    annualUsdMin: number | null;
    annualUsdMax: number | null;
  } | null;
  tags: string[];
  postedAt: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  /**
   * Last change of the listing's content (jobs.updated_at). Unlike `lastSeenAt`, a scrape that finds
   * it unchanged does not move it: feeds and API clients use it to tell what changed.
   */
  updatedAt: string;
  closedAt: string | null;
  /** Where the job is listed: the listing's own source first, then open duplicates. */
  sources: { kind: string; url: string }[];
}

export interface SearchResult {
  total: number;
  page: number;
  perPage: number;
  jobs: JobSummary[];
  facets: Record<FacetName, FacetCounts>;
  /**
   * Database ids of `jobs`, in the same order (alerts record deliveries by them). Not part of the
   * public API: strip it before serializing (`const { internalIds, ...body } = result`).
   */
  internalIds: number[];
}

export interface SearchOptions {
  /** Only jobs first seen strictly after this instant (alerts: "new since the last delivery"). */
  firstSeenAfter?: Date;
  /** Only these jobs (database ids). */
  jobIds?: number[];
  /** The clock `posted` counts back from. @default new Date() */
  now?: Date;
  /**
   * Only the page's jobs are wanted (feeds): every facet comes back empty, and `total` may count only
   * the matches up to the page's last one, so a feed of the newest 50 jobs need not visit the other
   * 99,950 listings. @default false
   */
  pageOnly?: boolean;
}

/** Progress of a rebuild, reported after each batch. */
export interface RebuildProgress {
  done: number;
  total: number;
}

export interface SearchEngine {
  readonly name: 'postgres' | 'meilisearch';
  /** Run a query. Throws on engine failures (the caller answers 503), never on an empty result. */
  search(query: JobQuery, options?: SearchOptions): Promise<SearchResult>;
  /** Bring these jobs up to date in the engine's index: open listings upserted, the others removed. */
  indexJobs(jobIds: readonly number[]): Promise<void>;
  /** Drop these jobs from the engine's index. */
  removeJobs(jobIds: readonly number[]): Promise<void>;
  /** Rebuild the whole index from the database (`npx elsewhere reindex`). */
  rebuild(onProgress?: (progress: RebuildProgress) => void): Promise<void>;
}

/** How to reach Meilisearch; null selects the Postgres engine. */
export interface MeiliConnection {
  url: string;
  apiKey: string;
  /** @default 'jobs' */
  indexUid?: string;
}

/** The Meilisearch connection env() describes, or null when MEILI_URL or MEILI_MASTER_KEY is unset. */
export function meiliConnectionFromEnv(): MeiliConnection | null {
  const { MEILI_URL, MEILI_MASTER_KEY } = env();
  return MEILI_URL && MEILI_MASTER_KEY ? { url: MEILI_URL, apiKey: MEILI_MASTER_KEY } : null;
}

/** An engine over `database`: Meilisearch when a connection is given, else Postgres. */
export function createSearchEngine(database: Database, meili: MeiliConnection | null = null): SearchEngine {
  return meili ? new MeiliSearchEngine(database, meili) : new PostgresSearchEngine(database);
}

/** The process's engine (and so its one listing index), shared by every copy of this module. */
const shared = processState('searchEngine', () => ({ current: null as Promise<SearchEngine> | null }));

/** The process's engine: Meilisearch when MEILI_URL and MEILI_MASTER_KEY are set, else Postgres. */
export function getSearchEngine(): Promise<SearchEngine> {
  shared.current ??= getDatabase()
    .then((database) => createSearchEngine(database, meiliConnectionFromEnv()))
    .catch((error: unknown) => {
      shared.current = null;
      throw error;
    });
  return shared.current;
}
