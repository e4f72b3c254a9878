/**
 * The search page's headline numbers (open jobs, hiring companies, directory size), cached briefly.
 *
 * Counting them (lib/stats/overview.ts) takes two passes over every open listing: about 200 ms at
 * 100,000 listings, most of a search page's render time if paid on every view. A count a few seconds
 * old is as good for a headline, so the site keeps the last one for `OVERVIEW_MAX_AGE_MS`; the first
 * view after that waits for a recount, shared by every view that arrives meanwhile. A headline never
 * lags a scrape by more than that (serving an old count until some later recount finished could show
 * "0 jobs" for a minute beside a page of results after a first scrape).
 */
import { getOverview, type Overview } from '../stats/overview';

/** How old a served count may be. */
export const OVERVIEW_MAX_AGE_MS = 5_000;

export interface CachedLoaderOptions {
  /** @default OVERVIEW_MAX_AGE_MS */
  maxAgeMs?: number;
  /** Milliseconds clock, for tests. @default Date.now */
  now?: () => number;
  /** Where a failed recount is reported when an older value can be served instead. */
  onStaleError?: (error: unknown) => void;
}

/**
 * `load` behind a short-lived cache: calls answer from memory while the last value is younger than
 * `maxAgeMs`, else wait for one shared reload. When a reload fails, its callers get the last value
 * (if any; the failure is reported) and the next call tries again.
 */
export function cachedLoader<T>(load: () => Promise<T>, options: CachedLoaderOptions = {}): () => Promise<T> {
  const maxAgeMs = options.maxAgeMs ?? OVERVIEW_MAX_AGE_MS;
  const now = options.now ?? Date.now;
  const onStaleError =
    options.onStaleError ??
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
      } catch (error) {
        if (!cached) throw error;
        onStaleError(error);
        return cached.value;
      } finally {
        loading = null;
      }
    })();
    return loading;
  };

  return async () => (cached && now() - cached.at < maxAgeMs ? cached.value : reload());
}

/** The overview the search page shows: at most `OVERVIEW_MAX_AGE_MS` old. */
export const getSiteOverview: () => Promise<Overview> = cachedLoader(getOverview);
