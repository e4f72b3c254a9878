/**
 * The search page's headline numbers (open jobs, hiring companies, directory size), from memory.
 *
 * Counting them (lib/stats/overview.ts) takes two passes over every open listing: about 200 ms at
 * 100,000 listings, most of a search page's render time, paid on every page view. They are a lede,
 * not a search result, so a minute-old count is fine: the site keeps the last count and, once it is
 * older than `maxAgeMs`, serves it one more time while a single background recount replaces it
 * (stale-while-revalidate). Only the first page of a process waits for a count.
 */
import { getOverview, type Overview } from '../stats/overview';

/** How old the served count may grow before a page view starts a recount. */
export const OVERVIEW_MAX_AGE_MS = 60_000;

export interface CachedLoaderOptions {
  /** @default OVERVIEW_MAX_AGE_MS */
  maxAgeMs?: number;
  /** Milliseconds clock, for tests. @default Date.now */
  now?: () => number;
  /** Where a failed background recount is reported (the stale value keeps being served). */
  onBackgroundError?: (error: unknown) => void;
}

/**
 * `load` behind a stale-while-revalidate cache: the first call waits for `load`; later calls answer
 * at once with the last value, and the first call after it is `maxAgeMs` old starts one reload.
 * Concurrent calls share one load. A failed first load rejects its callers and the next call retries.
 */
export function cachedLoader<T>(load: () => Promise<T>, options: CachedLoaderOptions = {}): () => Promise<T> {
  const maxAgeMs = options.maxAgeMs ?? OVERVIEW_MAX_AGE_MS;
  const now = options.now ?? Date.now;
  const onBackgroundError =
    options.onBackgroundError ??
    ((error: unknown) =>
      console.error(`overview: recount failed: ${error instanceof Error ? error.message : String(error)}`));
  let cached: { value: T; at: number } | null = null;
  let loading: Promise<T> | null = null;

  const reload = (): Promise<T> => {
    loading ??= (async () => {
      try {
        const value = await load();
        cached = { value, at: now() };
        return value;
      } finally {
        loading = null;
      }
    })();
    return loading;
  };

  return async () => {
    if (!cached) return reload();
    if (now() - cached.at > maxAgeMs && !loading) reload().catch(onBackgroundError);
    return cached.value;
  };
}

/** The overview the search page shows: at most about a minute old, counted in the background. */
export const getSiteOverview: () => Promise<Overview> = cachedLoader(getOverview);
