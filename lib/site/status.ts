/**
 * The /status page's read model: every source with its last run, failing ones first, like a cron
 * monitor. One query over sources, their companies and each source's latest finished run.
 */
import type { SourceHealth, SourceRow } from '../companies/read';
import { getDatabase } from '../db/client';
import { toDate } from './dates';

/**
 * How a source stands, for sorting and the summary. Coarser than a company profile's
 * `SourceStatusState` (lib/companies/read.ts): a monitor only asks "is it failing", so a suspicious
 * run counts as failing, and a source without a last status has never run.
 */
export type SourceStatusState = 'failing' | 'never-run' | 'ok' | 'disabled';

/** A source's bookkeeping as a company profile reads it, with its company and latest run. */
export interface SourceStatusRow extends Omit<SourceHealth, 'token' | 'url' | 'state'> {
  companySlug: string;
  companyName: string;
  /** Board token or page URL. */
  board: string;
  state: SourceStatusState;
  /** The source is enabled and its company still active. */
  enabled: boolean;
  /** Counts of the latest finished run, or null before the first one. */
  lastRun: {
    seen: number;
    new: number;
    updated: number;
    closed: number;
    durationMs: number | null;
  } | null;
}

export interface StatusReport {
  /** When the report was read: "next run in 2 h" counts from here. */
  generatedAt: Date;
  summary: Record<SourceStatusState, number> & { total: number };
  /** Failing first (longest streak first), then never run, then ok, then disabled. */
  sources: SourceStatusRow[];
}

/** Runs ending in these states count as failing. */
const FAILING_STATUSES = new Set(['failed', 'suspicious']);

function stateOf(row: {
  enabled: boolean;
  last_status: string | null;
  failure_streak: number;
}): SourceStatusState {
  if (!row.enabled) return 'disabled';
  if (row.last_status === null) return 'never-run';
  if (FAILING_STATUSES.has(row.last_status) || row.failure_streak > 0) return 'failing';
  return 'ok';
}

const STATE_ORDER: Record<SourceStatusState, number> = { failing: 0, 'never-run': 1, ok: 2, disabled: 3 };

/** Every source's health, failing ones first. */
export async function getStatusReport(): Promise<StatusReport> {
  const { sql } = await getDatabase();
  const rows = await sql<
    (SourceRow & {
      company_slug: string;
      company_name: string;
      seen_count: number | null;
      new_count: number | null;
      updated_count: number | null;
      closed_count: number | null;
      duration_ms: number | null;
    })[]
  >`
    select s.id, c.slug as company_slug, c.name as company_name, s.kind, s.token, s.url,
           s.enabled and c.status = 'active' as enabled, s.last_status, s.last_error, s.last_run_at,
           s.last_success_at, s.next_run_at, s.failure_streak, s.open_jobs,
           r.seen_count, r.new_count, r.updated_count, r.closed_count, r.duration_ms
      from sources s
      join companies c on c.id = s.company_id
      left join lateral (
        select seen_count, new_count, updated_count, closed_count, duration_ms from scrape_runs
         where source_id = s.id and finished_at is not null
         order by started_at desc limit 1
      ) r on true`;
  const sources = rows.map((row): SourceStatusRow => ({
    id: Number(row.id),
    companySlug: row.company_slug,
    companyName: row.company_name,
    kind: row.kind,
    board: row.token ?? row.url ?? '',
    state: stateOf(row),
    enabled: row.enabled,
    lastStatus: row.last_status,
    lastError: row.last_error,
    lastRunAt: toDate(row.last_run_at),
    lastSuccessAt: toDate(row.last_success_at),
    nextRunAt: toDate(row.next_run_at),
    failureStreak: row.failure_streak,
    openJobs: row.open_jobs,
    lastRun:
      row.seen_count === null
        ? null
        : {
            seen: row.seen_count,
            new: row.new_count ?? 0,
            updated: row.updated_count ?? 0,
            closed: row.closed_count ?? 0,
            durationMs: row.duration_ms,
          },
  }));
  sources.sort(
    (a, b) =>
      STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
      b.failureStreak - a.failureStreak ||
      a.companyName.localeCompare(b.companyName, 'en') ||
      a.id - b.id,
  );
  const summary = { total: sources.length, failing: 0, 'never-run': 0, ok: 0, disabled: 0 };
  for (const source of sources) summary[source.state] += 1;
  return { generatedAt: new Date(), summary, sources };
}
