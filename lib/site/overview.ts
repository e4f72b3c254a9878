/**
 * The search page's headline numbers (open jobs, hiring companies, directory size), cached briefly.
 *
 * Counting them (lib/stats/overview.ts) is a pass over every open listing: 80 ms of PostgreSQL at
 * 100,000 listings, more than the rest of a search page's queries together. A count a few seconds
 * old is as good for a headline, so views are answered from memory: while the last count is younger
 * than `OVERVIEW_MAX_AGE_MS` nothing happens; after that the view still gets it, and one recount
 * starts in the background for the views after it. No view waits for a recount unless there is no
 * count yet or the last one is older than `OVERVIEW_MAX_STALE_MS` (a site idle for a while), so a
 * headline never lags a scrape by more than a minute (an idle site's next view waits instead of
 * showing "0 jobs" beside a page of results after a first scrape).
 */
import { getOverview, type Overview } from '../stats/overview';

/** How old a count may be before a view starts a recount. */
export const OVERVIEW_MAX_AGE_MS = 5_000;
/** How old a count may be served while its recount runs; older ones are waited for. */
export const OVERVIEW_MAX_STALE_MS = 60_000;

export interface CachedLoaderOptions {
  /** @default OVERVIEW_MAX_AGE_MS */
  maxAgeMs?: number;
  /** @default OVERVIEW_MAX_STALE_MS */
  maxStaleMs?: number;
  /** Milliseconds clock, for tests. @default Date.now */
  now?: () => number;
  /** Where a failed recount is reported when an older value can be served instead. */
  onStaleError?: (error: unknown) => void;
}

/**
 * `load` behind a short-lived cache: calls answer from memory while the last value is younger than
 * `maxAgeMs`; up to `maxStaleMs` they still do, and start one shared reload in the background;
 * older (or no) values wait for that reload. When a reload fails, its callers get the last value
 * (if any; the failure is reported) and the next call tries again.
 */
export function cachedLoader<T>(load: () => Promise<T>, options: CachedLoaderOptions = {}): () => Promise<T> {
  const maxAgeMs = options.maxAgeMs ?? OVERVIEW_MAX_AGE_MS;
  const maxStaleMs = Math.max(maxAgeMs, options.maxStaleMs ?? OVERVIEW_MAX_STALE_MS);
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

  return async () => {
    const age = cached ? now() - cached.at : Infinity;
    if (age < maxAgeMs) return cached!.value;
    if (age < maxStaleMs) {
      // Served now; the recount is for the views after this one (its failure is reported there).
      void reload();
      return cached!.value;
    }
    return reload();
  };
}

/** The overview the search page shows: recounted every `OVERVIEW_MAX_AGE_MS` under traffic. */
export const getSiteOverview: () => Promise<Overview> = cachedLoader(getOverview);
