/**
 * What the scrape pipeline reads and records about a source: the source with its company, the
 * scrape_runs row of each attempt, and the source's schedule and status after it.
 *
 * The pipeline (scrapers/run.ts) may not import lib/db; these verbs are its only way to the tables
 * other than the jobs writer (lib/jobs).
 *
 * Timestamps are sent as ISO strings and read back as strings: drizzle turns off the shared
 * postgres.js client's Date serializers and parsers.
 */
import os from 'node:os';
import { withoutFlushWait } from '../db/async-commit';
import type { Database } from '../db/client';
import { CONFIRMING_RUNS, type SuspiciousHistory } from '../jobs/plan-closures';
import { nextRunAt } from './schedule';

/** The validators of a source's last successful fetch (same shape as the scrapers' FetchValidators). */
export interface SourceValidators {
  etag: string | null;
  lastModified: string | null;
  contentHash: string | null;
}

/** A source as the scrape pipeline needs it. */
export interface SourceForScrape {
  id: number;
  kind: string;
  token: string | null;
  url: string | null;
  config: Record<string, unknown>;
  enabled: boolean;
  intervalMinutes: number;
  failureStreak: number;
  companyId: number;
  companySlug: string;
  companyName: string;
  /** active | closed (a closed company is never scraped). */
  companyStatus: string;
  /** Null when the source never fetched successfully. */
  validators: SourceValidators | null;
  suspiciousHistory: SuspiciousHistory;
}

export type RunStatus = 'ok' | 'not_modified' | 'failed' | 'suspicious';

/** How one run ended, as recorded in scrape_runs and on the source. */
export interface RunOutcome {
  status: RunStatus;
  startedAt: Date;
  finishedAt: Date;
  httpStatus: number | null;
  requests: number;
  seen: number;
  new: number;
  updated: number;
  closed: number;
  skipped: number;
  /** What went wrong (failed), why closures were held back (suspicious), or skipped postings. */
  error: string | null;
  /**
   * Validators to remember. Pass them only once the fetch's postings are written (or the board was
   * unchanged): validators saved before the write would make the next run skip a board whose postings
   * never reached the database.
   */
  validators: SourceValidators | null;
}

/** `host:pid` of this process, recorded on each run. */
export const WORKER_LABEL = `${os.hostname()}:${process.pid}`;

/** Load a source with its company, validators and recent suspicious runs; null when it does not exist. */
export async function getSourceForScrape(
  database: Database,
  sourceId: number,
): Promise<SourceForScrape | null> {
  // Both reads at once, not one after the other: the history does not need the source row.
  const [[row], history] = await Promise.all([
    database.sql<
      {
        id: string;
        kind: string;
        token: string | null;
        url: string | null;
        config: Record<string, unknown> | null;
        enabled: boolean;
        interval_minutes: number;
        failure_streak: number;
        company_id: string;
        company_slug: string;
        company_name: string;
        company_status: string;
        etag: string | null;
        last_modified: string | null;
        content_hash: string | null;
      }[]
    >`
    select s.id, s.kind, s.token, s.url, s.config, s.enabled, s.interval_minutes, s.failure_streak,
      s.etag, s.last_modified, s.content_hash,
      c.id as company_id, c.slug as company_slug, c.name as company_name, c.status as company_status
    from sources s join companies c on c.id = s.company_id
    where s.id = ${sourceId}`,
    suspiciousHistory(database, sourceId),
  ]);
  if (!row) return null;
  const hasValidators = row.etag !== null || row.last_modified !== null || row.content_hash !== null;
  return {
    id: Number(row.id),
    kind: row.kind,
    token: row.token,
    url: row.url,
    config: row.config ?? {},
    enabled: row.enabled,
    intervalMinutes: row.interval_minutes,
    failureStreak: row.failure_streak,
    companyId: Number(row.company_id),
    companySlug: row.company_slug,
    companyName: row.company_name,
    companyStatus: row.company_status,
    validators: hasValidators
      ? { etag: row.etag, lastModified: row.last_modified, contentHash: row.content_hash }
      : null,
    suspiciousHistory: history,
  };
}

/**
 * The source's latest suspicious runs in a row. Only runs that fetched and judged the board count:
 * failures and unchanged boards say nothing about whether the shrink is real.
 */
async function suspiciousHistory(database: Database, sourceId: number): Promise<SuspiciousHistory> {
  const runs = await database.sql<{ status: string; started_at: string }[]>`
    select status, started_at from scrape_runs
    where source_id = ${sourceId} and status in ('ok', 'suspicious')
    order by started_at desc, id desc
    limit ${CONFIRMING_RUNS * 4}`;
  let streak = 0;
  let since: Date | null = null;
  for (const run of runs) {
    if (run.status !== 'suspicious') break;
    streak++;
    since = new Date(run.started_at);
  }
  return { streak, since };
}

/**
 * Open a scrape_runs row (status running) and return its id. A run of the same source still marked
 * running belongs to a process that died mid-scrape (sources never run twice at once): it is marked
 * failed, so the history does not show a run that never ends.
 */
export async function recordRunStart(
  database: Database,
  sourceId: number,
  options: { now?: Date; worker?: string } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  // One round trip for the three statements (pipelined), plus BEGIN and COMMIT.
  const [, , [run]] = await database.sql.begin((tx) => [
    withoutFlushWait(tx),
    tx`
      update scrape_runs set status = 'failed', finished_at = ${now.toISOString()}::timestamptz,
        error = 'interrupted: the process running it stopped before it finished'
      where source_id = ${sourceId} and status = 'running'`,
    tx<{ id: string }[]>`
      insert into scrape_runs (source_id, started_at, status, worker)
      values (${sourceId}, ${now.toISOString()}::timestamptz, 'running', ${options.worker ?? WORKER_LABEL})
      returning id`,
  ]);
  return Number(run!.id);
}

/**
 * Close a run: its scrape_runs row, and the source's status, failure streak, validators (when given),
 * next run (interval, or backoff after failures; see schedule.ts) and, for an unchanged board, when
 * its open jobs were last seen. Returns the next run time.
 */
export async function recordRunFinish(
  database: Database,
  runId: number,
  source: Pick<SourceForScrape, 'id' | 'intervalMinutes' | 'failureStreak'>,
  outcome: RunOutcome,
): Promise<Date> {
  const failed = outcome.status === 'failed';
  const failureStreak = failed ? source.failureStreak + 1 : 0;
  const next = nextRunAt({ now: outcome.finishedAt, intervalMinutes: source.intervalMinutes, failureStreak });
  const durationMs = Math.max(0, outcome.finishedAt.getTime() - outcome.startedAt.getTime());
  const validators = outcome.validators;
  // An unchanged board proves every job of the source still open is listed: its jobs' "last seen"
  // moves with the source's open_jobs_seen_at (read in lib/search/results.ts), not row by row.
  const unchanged = outcome.status === 'not_modified';
  // Pipelined: one round trip for the statements, plus BEGIN and COMMIT.
  await database.sql.begin((tx) => [
    withoutFlushWait(tx),
    tx`
      update scrape_runs set
        status = ${outcome.status}, finished_at = ${outcome.finishedAt.toISOString()}::timestamptz, duration_ms = ${durationMs},
        http_status = ${outcome.httpStatus}, requests = ${outcome.requests},
        seen_count = ${outcome.seen}, new_count = ${outcome.new}, updated_count = ${outcome.updated},
        closed_count = ${outcome.closed}, skipped_count = ${outcome.skipped}, error = ${outcome.error}
      where id = ${runId}`,
    tx`
      update sources set
        last_run_at = ${outcome.finishedAt.toISOString()}::timestamptz,
        last_success_at = ${failed ? tx`last_success_at` : tx`${outcome.finishedAt.toISOString()}::timestamptz`},
        last_status = ${outcome.status},
        last_error = ${outcome.error},
        failure_streak = ${failureStreak},
        next_run_at = ${next.toISOString()}::timestamptz,
        etag = ${validators ? tx`${validators.etag}::text` : tx`etag`},
        last_modified = ${validators ? tx`${validators.lastModified}::text` : tx`last_modified`},
        content_hash = ${validators ? tx`${validators.contentHash}::text` : tx`content_hash`},
        open_jobs_seen_at = ${unchanged ? tx`${outcome.startedAt.toISOString()}::timestamptz` : tx`open_jobs_seen_at`},
        updated_at = ${outcome.finishedAt.toISOString()}::timestamptz
      where id = ${source.id}`,
  ]);
  return next;
}

/** Sources due now: enabled, of an active company, next run unset or past. Oldest due first. */
export async function listDueSources(
  database: Database,
  options: { now?: Date; limit?: number } = {},
): Promise<number[]> {
  const now = options.now ?? new Date();
  const rows = await database.sql<{ id: string }[]>`
    select s.id from sources s join companies c on c.id = s.company_id
    where s.enabled and c.status = 'active' and (s.next_run_at is null or s.next_run_at <= ${now.toISOString()}::timestamptz)
    order by s.next_run_at nulls first, s.id
    limit ${options.limit ?? 10_000}`;
  return rows.map((row) => Number(row.id));
}

/**
 * Claim due sources for running: their next_run_at moves to now + lease in the same statement that
 * selects them (skipping rows another scheduler is claiming), so two schedulers never both enqueue a
 * source, and a source whose worker died is due again once the lease passes. The run itself sets the
 * real next run when it finishes.
 */
export async function claimDueSources(
  database: Database,
  options: { now?: Date; leaseMinutes: number; limit?: number },
): Promise<number[]> {
  const now = options.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + options.leaseMinutes * 60_000);
  const rows = await database.sql<{ id: string }[]>`
    with due as (
      select s.id from sources s join companies c on c.id = s.company_id
      where s.enabled and c.status = 'active' and (s.next_run_at is null or s.next_run_at <= ${now.toISOString()}::timestamptz)
      order by s.next_run_at nulls first, s.id
      limit ${options.limit ?? 1_000}
      for update of s skip locked
    )
    update sources set next_run_at = ${leaseUntil.toISOString()}::timestamptz from due where sources.id = due.id
    returning sources.id`;
  return rows.map((row) => Number(row.id));
}
