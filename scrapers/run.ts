/**
 * The scrape pipeline of one source: fetch (adapter, through the shared HTTP client) -> validate and
 * map (adapter) -> normalize (lib/normalize) -> write (lib/jobs, one transaction) -> record the run
 * (lib/sources) -> tell the search index (lib/search/sync).
 *
 * What it guarantees:
 * - A failed fetch or an unparseable response writes no job and closes nothing; the run is `failed`
 *   and the source backs off (interval * 2^streak, capped at 24 h).
 * - An unchanged board (304 or the same body hash) is `not_modified`: no job is written; the run
 *   stamps the source's open_jobs_seen_at, a sighting of every job of it still open.
 * - Closures follow the closure rule (lib/jobs/plan-closures.ts): an implausible shrink closes
 *   nothing and the run is `suspicious`.
 * - Validators (ETag, Last-Modified, body hash) are remembered only after the postings they describe
 *   are committed, and not after a suspicious run (so the next run re-reads and re-judges the board).
 *   A process killed at any point leaves either the previous state or the new one, and the next run
 *   completes the work: rows are keyed by (source, external id), so nothing is inserted twice.
 */
import { writePreparedPostings, type WriteResult } from '../lib/jobs';
import { onJobsChanged } from '../lib/search/sync';
import {
  getDatabase,
  getSourceForScrape,
  recordRunFinish,
  recordRunStart,
  type Database,
  type RunOutcome,
  type RunStatus,
  type SourceForScrape,
} from '../lib/sources';
import { HttpError } from './http';
import type { Http } from './http-types';
import { normalizeBoard, type NormalizedBoard } from './normalize-board';
import { NormalizePool } from './normalize-pool';
import { getAdapter } from './registry';
import { InvalidPayloadError, type BoardFetch, type SourceRef } from './types';

export interface ScrapeDeps {
  /** @default the process's database (getDatabase()) */
  database?: Database;
  /** The shared HTTP client (createHttpFromEnv()). */
  http: Http;
  /** The clock: run start and end, first/last seen, closed at. @default () => new Date() */
  now?: () => Date;
  /** Warnings that do not fail the run (a search index that could not be updated). @default none */
  log?: (line: string) => void;
  /** Worker threads to normalize in. @default none: on this thread (scrapeMany brings its own) */
  normalizePool?: NormalizePool;
}

/** What one run did, as recorded in scrape_runs. */
export interface RunSummary {
  sourceId: number;
  runId: number;
  /** `host/token` or the page URL, for progress lines. */
  label: string;
  status: RunStatus;
  httpStatus: number | null;
  requests: number;
  seen: number;
  new: number;
  updated: number;
  closed: number;
  reopened: number;
  /** Postings dropped because they had no id, title or valid apply URL. */
  skipped: number;
  durationMs: number;
  /** Failure message (naming the URL or field), suspicious verdict, or skipped postings; null otherwise. */
  error: string | null;
  nextRunAt: Date;
}

/** Asked to scrape a source that does not exist, is disabled, or belongs to a closed company. */
export class SourceUnavailableError extends Error {
  constructor(
    readonly sourceId: number,
    message: string,
  ) {
    super(message);
    this.name = 'SourceUnavailableError';
  }
}

/** Skip reasons quoted in the run's message; the count says how many more there were. */
const QUOTED_SKIPS = 3;

/**
 * Scrape one source now and record the run. Resolves with the run's summary for fetch failures too
 * (status `failed`); rejects only when the run cannot be recorded at all (database unreachable) or
 * the source cannot be scraped (`SourceUnavailableError`).
 */
export async function scrapeSource(deps: ScrapeDeps, sourceId: number): Promise<RunSummary> {
  const database = deps.database ?? (await getDatabase());
  const clock = deps.now ?? (() => new Date());
  const source = await getSourceForScrape(database, sourceId);
  if (!source) throw new SourceUnavailableError(sourceId, `Source ${sourceId} does not exist`);
  if (!source.enabled) throw new SourceUnavailableError(sourceId, `Source ${sourceId} is disabled`);
  if (source.companyStatus !== 'active') {
    throw new SourceUnavailableError(
      sourceId,
      `Source ${sourceId} belongs to ${source.companyName}, which is closed`,
    );
  }

  const startedAt = clock();
  const runId = await recordRunStart(database, source.id, { now: startedAt });
  const counted = countRequests(deps.http);
  let fetched: BoardFetch;
  try {
    const adapter = getAdapter(source.kind);
    const ref: SourceRef = {
      kind: adapter.kind,
      token: source.token,
      url: source.url,
      config: source.config,
    };
    fetched = await adapter.fetchBoard(counted.http, ref, source.validators);
  } catch (error) {
    return finish(database, runId, source, {
      ...emptyOutcome(startedAt, clock()),
      status: 'failed',
      httpStatus: error instanceof HttpError ? error.status : null,
      requests: counted.count(),
      error: describeFailure(source, error),
    });
  }

  if (fetched.status === 'not_modified') {
    // Recording the run also records that its open jobs were seen (recordRunFinish): no job is written.
    return finish(database, runId, source, {
      ...emptyOutcome(startedAt, clock()),
      status: 'not_modified',
      httpStatus: fetched.httpStatus,
      requests: fetched.requests,
      validators: fetched.validators,
    });
  }

  const context = {
    companySlug: source.companySlug,
    companyName: source.companyName,
    sourceKind: source.kind,
  };
  // A fetched board that could not be applied: the run fails, nothing was written.
  const failApplying = (error: string, skipped = 0) =>
    finish(database, runId, source, {
      ...emptyOutcome(startedAt, clock()),
      status: 'failed',
      httpStatus: fetched.httpStatus,
      requests: fetched.requests,
      skipped,
      error: `${labelOf(source)}: ${error}`,
    });
  let board: NormalizedBoard;
  try {
    board = deps.normalizePool
      ? await deps.normalizePool.normalize(context, fetched.postings)
      : normalizeBoard(context, fetched.postings);
  } catch (error) {
    // normalizeBoard skips bad postings one by one; a throw here is a bug, recorded as a failed run.
    return failApplying(`normalizing ${fetched.postings.length} postings failed: ${messageOf(error)}`);
  }
  const { postings, skipReasons } = board;
  const skipped = skipReasons.length;
  let written: WriteResult;
  try {
    written = await writePreparedPostings(
      database,
      {
        id: source.id,
        companyId: source.companyId,
        companySlug: source.companySlug,
        companyName: source.companyName,
        kind: source.kind,
      },
      postings,
      { now: startedAt, suspiciousHistory: source.suspiciousHistory },
    );
  } catch (error) {
    return failApplying(`writing ${postings.length} postings failed: ${messageOf(error)}`, skipped);
  }

  try {
    await onJobsChanged(database, {
      sourceId: source.id,
      changedJobIds: written.changedJobIds,
      closedJobIds: written.closedJobIds,
    });
  } catch (error) {
    // The jobs are committed; the search engine catches up on the next write or a reindex.
    deps.log?.(`${labelOf(source)}: updating the search index failed: ${messageOf(error)}`);
  }

  const suspicious = written.closure.suspicious;
  const notes = [written.closure.reason, skipped > 0 ? describeSkips(skipped, skipReasons) : null].filter(
    (note): note is string => note !== null,
  );
  return finish(
    database,
    runId,
    source,
    {
      status: suspicious ? 'suspicious' : 'ok',
      startedAt,
      finishedAt: clock(),
      httpStatus: fetched.httpStatus,
      requests: fetched.requests,
      seen: written.seen,
      new: written.new,
      updated: written.updated,
      closed: written.closed,
      skipped,
      error: notes.length > 0 ? notes.join('; ') : null,
      validators: suspicious ? null : fetched.validators,
    },
    written.reopened,
  );
}

/** Progress of `scrapeMany`, after each source starts and finishes. */
export interface ScrapeProgress {
  event: 'started' | 'finished';
  sourceId: number;
  /** Sources finished so far, and in all. */
  done: number;
  total: number;
  /** Totals over the finished sources. */
  seen: number;
  new: number;
  closed: number;
  failures: number;
  /** The finished run (event `finished`, when it could be recorded). */
  run: RunSummary | null;
  /** Why the source could not be scraped or recorded (event `finished`). */
  error: string | null;
}

export interface ScrapeManyOptions {
  /** Sources scraped at once (the HTTP client still caps requests per host). @default 4 */
  concurrency?: number;
  onProgress?: (progress: ScrapeProgress) => void;
}

export interface ScrapeManySummary {
  total: number;
  seen: number;
  new: number;
  updated: number;
  closed: number;
  /** Runs that failed, plus sources that could not be scraped at all. */
  failures: number;
  suspicious: number;
  runs: RunSummary[];
}

/** Scrape several sources, a few at a time, reporting progress. Never rejects for one source's failure. */
export async function scrapeMany(
  deps: ScrapeDeps,
  sourceIds: readonly number[],
  options: ScrapeManyOptions = {},
): Promise<ScrapeManySummary> {
  const database = deps.database ?? (await getDatabase());
  // More than one source: normalize on another core while this thread fetches and writes.
  const ownPool =
    deps.normalizePool === undefined && sourceIds.length > 1
      ? new NormalizePool(NormalizePool.sizeForThisMachine())
      : null;
  const resolved: ScrapeDeps = {
    ...deps,
    database,
    normalizePool: deps.normalizePool ?? ownPool ?? undefined,
  };
  const summary: ScrapeManySummary = {
    total: sourceIds.length,
    seen: 0,
    new: 0,
    updated: 0,
    closed: 0,
    failures: 0,
    suspicious: 0,
    runs: [],
  };
  let next = 0;
  let done = 0;
  const progress = (
    event: ScrapeProgress['event'],
    sourceId: number,
    run: RunSummary | null,
    error: string | null,
  ) =>
    options.onProgress?.({
      event,
      sourceId,
      done,
      total: summary.total,
      seen: summary.seen,
      new: summary.new,
      closed: summary.closed,
      failures: summary.failures,
      run,
      error,
    });

  const lane = async () => {
    while (next < sourceIds.length) {
      const sourceId = sourceIds[next++]!;
      progress('started', sourceId, null, null);
      let run: RunSummary | null = null;
      let error: string | null = null;
      try {
        run = await scrapeSource(resolved, sourceId);
        summary.runs.push(run);
        summary.seen += run.seen;
        summary.new += run.new;
        summary.updated += run.updated;
        summary.closed += run.closed;
        if (run.status === 'failed') summary.failures++;
        if (run.status === 'suspicious') summary.suspicious++;
      } catch (caught) {
        error = messageOf(caught);
        summary.failures++;
      }
      done++;
      progress('finished', sourceId, run, error);
    }
  };
  const lanes = Math.max(1, Math.min(options.concurrency ?? 4, sourceIds.length));
  try {
    await Promise.all(Array.from({ length: lanes }, lane));
  } finally {
    await ownPool?.close();
  }
  return summary;
}

function emptyOutcome(startedAt: Date, finishedAt: Date): RunOutcome {
  return {
    status: 'failed',
    startedAt,
    finishedAt,
    httpStatus: null,
    requests: 0,
    seen: 0,
    new: 0,
    updated: 0,
    closed: 0,
    skipped: 0,
    error: null,
    validators: null,
  };
}

async function finish(
  database: Database,
  runId: number,
  source: SourceForScrape,
  outcome: RunOutcome,
  reopened = 0,
): Promise<RunSummary> {
  const nextRunAt = await recordRunFinish(database, runId, source, outcome);
  return {
    sourceId: source.id,
    runId,
    label: labelOf(source),
    status: outcome.status,
    httpStatus: outcome.httpStatus,
    requests: outcome.requests,
    seen: outcome.seen,
    new: outcome.new,
    updated: outcome.updated,
    closed: outcome.closed,
    reopened,
    skipped: outcome.skipped,
    durationMs: Math.max(0, outcome.finishedAt.getTime() - outcome.startedAt.getTime()),
    error: outcome.error,
    nextRunAt,
  };
}

function describeSkips(skipped: number, reasons: readonly string[]): string {
  const quoted = reasons.slice(0, QUOTED_SKIPS).join('; ');
  const more = skipped > QUOTED_SKIPS ? ` and ${skipped - QUOTED_SKIPS} more` : '';
  return `skipped ${skipped} posting${skipped === 1 ? '' : 's'}: ${quoted}${more}`;
}

/** A failure message that says which source, and where it broke: the URL (HTTP) or the field (payload). */
function describeFailure(source: SourceForScrape, error: unknown): string {
  const label = labelOf(source);
  if (error instanceof InvalidPayloadError) {
    return `${label}: ${error.message}${error.path && !error.message.includes(error.path) ? ` (at ${error.path})` : ''}`;
  }
  if (error instanceof HttpError && !error.message.includes(error.url)) {
    return `${label}: ${error.message} (${error.url})`;
  }
  return `${label}: ${messageOf(error)}`;
}

function labelOf(source: Pick<SourceForScrape, 'kind' | 'token' | 'url'>): string {
  return `${source.kind}/${source.token ?? source.url ?? '?'}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Wrap the client to count the requests a fetch made, so a failed run still records them. */
function countRequests(http: Http): { http: Http; count: () => number } {
  let count = 0;
  return {
    http: {
      request: (url, options) => {
        count++;
        return http.request(url, options);
      },
      getJson: (url, options) => {
        count++;
        return http.getJson(url, options);
      },
    },
    count: () => count,
  };
}
