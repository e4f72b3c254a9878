/**
 * Sending due digests: `sendDueAlerts` is what the worker runs every few minutes and what
 * `npx elsewhere alerts send [--dry-run]` runs now.
 *
 * Delivery guarantees:
 * - A digest is recorded (alert_deliveries rows + the window moved) only after the SMTP server
 *   accepted it, in one transaction. A failed send records an attempt and a backoff; the next run
 *   retries with the same window, so an outage loses nothing and a retry duplicates nothing.
 *   (If the process dies between acceptance and the record, that one digest is sent again: email
 *   is at-least-once; alert_deliveries keeps it to once per job whenever the record is written.)
 * - One run at a time: a Postgres advisory lock, so the worker and the CLI never both send.
 * - Only confirmed, active searches of subscribed addresses are ever considered.
 */
import { and, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import { getDatabase, type Database } from '../db/client';
import { alertDeliveries, savedSearches, subscribers } from '../db/schema';
import { env } from '../env';
import { getSearchEngine, type JobSummary, type SearchEngine } from '../search/engine';
import { loadJobSummaries } from '../search/results';
import { describeJobQuery } from '../search/query';
import { digestEmail, selectDigestJobs } from './compose';
import { getMailer, type Mailer } from './mailer';
import { matchSavedSearches, runWithConcurrency, type MatchStats, type SearchToMatch } from './match';
import { fromSavedQuery, savedQueryKey, searchPageUrl } from './saved-query';
import { nextDeliveryAt, type AlertFrequency } from './schedule';
import { issueManageToken, listUnsubscribeHeaders, recipientLinks } from './subscriptions';

/**
 * Jobs first seen in the last 2 minutes wait for the next run: the jobs writer stamps first_seen_at
 * when its transaction starts, so a scrape still committing could otherwise slip behind the window.
 */
export const SETTLE_MS = 2 * 60_000;
/** Retry delays after failed sends: 5 min, 10, 20... capped at 6 hours. */
export const RETRY_BASE_MS = 5 * 60_000;
export const RETRY_MAX_MS = 6 * 3_600_000;
/** Consecutive failed sends after which a saved search is paused (a dead mailbox, a refused address). */
export const MAX_DELIVERY_ATTEMPTS = 12;
/** Jobs loaded per query for the digests. */
const SUMMARY_BATCH = 1_000;
/** Emails sent at once. */
const SEND_CONCURRENCY = 4;
/** "elsewhere-alerts": one sendDueAlerts at a time across processes. */
const SEND_LOCK_KEY = 7_210_402_115;

export interface SendDueAlertsOptions {
  /** @default new Date() */
  now?: Date;
  /** Match and compose, log what would be sent, change nothing and send nothing. @default false */
  dryRun?: boolean;
  /** Progress lines. */
  log?: (line: string) => void;
  mailer?: Mailer;
  database?: Database;
  engine?: SearchEngine;
}

export interface SendDueAlertsResult {
  /** Due saved searches processed. */
  searches: number;
  /** Emails sent (in a dry run: that would be sent). */
  emails: number;
  /** Jobs listed in those emails. */
  jobs: number;
  /** Sends that failed (retried later). */
  failures: number;
  /** False when another run held the lock and this one did nothing. */
  ran: boolean;
  match?: MatchStats;
}

/** Delay before retry number `attempts` (1-based). */
export function retryDelayMs(attempts: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

interface DueRow {
  id: number;
  subscriberId: number;
  email: string;
  query: Record<string, string | string[]>;
  frequency: string;
  timezone: string;
  lastDeliveredAt: Date | null;
  confirmedAt: Date | null;
  deliveryAttempts: number;
}

/** Send every digest that is due. */
export async function sendDueAlerts(options: SendDueAlertsOptions = {}): Promise<SendDueAlertsResult> {
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});
  const database = options.database ?? (await getDatabase());
  const result: SendDueAlertsResult = { searches: 0, emails: 0, jobs: 0, failures: 0, ran: false };

  const lock = await database.sql.reserve();
  try {
    const [locked] = await lock<
      { ok: boolean }[]
    >`select pg_try_advisory_lock(${SEND_LOCK_KEY}::bigint) as ok`;
    if (!locked?.ok) {
      log('Another alerts run is in progress; nothing to do.');
      return result;
    }
    try {
      result.ran = true;
      await runDue(database, now, options.dryRun ?? false, log, options, result);
    } finally {
      await lock`select pg_advisory_unlock(${SEND_LOCK_KEY}::bigint)`;
    }
  } finally {
    lock.release();
  }
  return result;
}

async function runDue(
  database: Database,
  now: Date,
  dryRun: boolean,
  log: (line: string) => void,
  options: SendDueAlertsOptions,
  result: SendDueAlertsResult,
): Promise<void> {
  const { db } = database;
  const due: DueRow[] = await db
    .select({
      id: savedSearches.id,
      subscriberId: savedSearches.subscriberId,
      email: subscribers.email,
      query: savedSearches.query,
      frequency: savedSearches.frequency,
      timezone: savedSearches.timezone,
      lastDeliveredAt: savedSearches.lastDeliveredAt,
      confirmedAt: savedSearches.confirmedAt,
      deliveryAttempts: savedSearches.deliveryAttempts,
    })
    .from(savedSearches)
    .innerJoin(subscribers, eq(subscribers.id, savedSearches.subscriberId))
    .where(
      and(
        eq(savedSearches.status, 'active'),
        lte(savedSearches.nextDeliveryAt, now),
        isNotNull(subscribers.confirmedAt),
        isNull(subscribers.unsubscribedAt),
      ),
    )
    .orderBy(savedSearches.nextDeliveryAt);
  result.searches = due.length;
  // Nothing due is the common case of a sweep every 2 minutes: no log line for it.
  if (due.length === 0) return;

  const cutoff = new Date(now.getTime() - SETTLE_MS);
  const toMatch: SearchToMatch[] = [];
  const unusable: DueRow[] = [];
  // Many searches share a query (a popular tag, a country): parse each distinct one once.
  const parsed = new Map<string, ReturnType<typeof fromSavedQuery>>();
  for (const row of due) {
    const key = savedQueryKey(row.query);
    let query = parsed.get(key);
    if (query === undefined) parsed.set(key, (query = fromSavedQuery(row.query)));
    const windowStart = row.lastDeliveredAt ?? row.confirmedAt ?? now;
    if (!query) unusable.push(row);
    else
      toMatch.push({
        id: row.id,
        query,
        record: row.query,
        windowStart: windowStart < cutoff ? windowStart : cutoff,
      });
  }
  for (const row of unusable)
    log(`Saved search ${row.id} no longer parses (${JSON.stringify(row.query)}); skipped.`);

  const engine = options.engine ?? (await getSearchEngine());
  const started = performance.now();
  const { matches, jobs, stats } = await matchSavedSearches(database, toMatch, { cutoff, now, engine });
  result.match = stats;
  log(
    `Matched ${toMatch.length} due searches (${stats.groups} distinct queries, ${stats.texts} texts in ${stats.textQueries} queries) ` +
      `against ${stats.candidates} new jobs in ${Math.round(performance.now() - started)} ms.`,
  );

  const byId = new Map(due.map((row) => [row.id, row]));
  const queries = new Map(toMatch.map((search) => [search.id, search.query]));
  // Searches with nothing new just move on: their window to the cutoff, their schedule to the next slot.
  const quiet = due.filter((row) => !matches.has(row.id));
  if (!dryRun && quiet.length > 0) await advanceQuiet(database, quiet, cutoff, now);

  // Cap each digest, then load every listed job once (the same job is in many digests).
  const digests = [...matches].map(([searchId, match]) => ({
    searchId,
    total: match.jobIds.length,
    shownIds: selectDigestJobs(match.jobIds, (id) => jobs.get(id)!.companySlug),
  }));
  const listed = [...new Set(digests.flatMap((digest) => digest.shownIds))];
  const { publicUrl } = env();
  const summaries = await loadSummaries(database, listed, publicUrl);

  const mailer = options.mailer ?? (dryRun ? null : getMailer());
  const sends = digests.map(({ searchId, total, shownIds }) => async () => {
    const row = byId.get(searchId)!;
    const query = queries.get(searchId)!;
    const shown = shownIds.filter((id) => summaries.has(id));
    if (shown.length === 0) return;
    if (dryRun || !mailer) {
      log(
        `Would send ${shown.length} of ${total} new jobs to saved search ${searchId} (${maskEmail(row.email)}).`,
      );
      result.emails++;
      result.jobs += shown.length;
      return;
    }
    const manageToken = await issueManageToken(db, row.subscriberId, now);
    const content = digestEmail({
      description: describeJobQuery(query),
      jobs: shown.map((id) => summaries.get(id)!),
      total,
      // The search narrowed to recent jobs, newest first: its top is what this digest is about.
      searchUrl: searchPageUrl(publicUrl, {
        ...query,
        posted: query.posted ?? (row.frequency === 'weekly' ? 7 : 1),
      }),
      links: recipientLinks(manageToken, publicUrl),
    });
    let messageId: string;
    try {
      ({ messageId } = await mailer.send({
        to: row.email,
        ...content,
        headers: listUnsubscribeHeaders(manageToken, publicUrl),
      }));
    } catch (error) {
      result.failures++;
      await recordFailure(database, row, error, now);
      log(
        `Sending to saved search ${searchId} failed (attempt ${row.deliveryAttempts + 1}): ${describeError(error)}`,
      );
      return;
    }
    await recordDelivery(database, row, shown, messageId, cutoff, now);
    result.emails++;
    result.jobs += shown.length;
    log(`Sent ${shown.length} of ${total} new jobs to saved search ${searchId}.`);
  });
  await runWithConcurrency(sends, SEND_CONCURRENCY);
}

/** Job summaries by database id: one query, in chunks so the id list stays a sane parameter. */
async function loadSummaries(
  database: Database,
  ids: readonly number[],
  publicUrl: string,
): Promise<Map<number, JobSummary>> {
  const summaries = new Map<number, JobSummary>();
  for (let start = 0; start < ids.length; start += SUMMARY_BATCH) {
    const chunk = ids.slice(start, start + SUMMARY_BATCH);
    const loaded = await loadJobSummaries(database, chunk, publicUrl);
    // loadJobSummaries keeps the given order and skips ids that no longer exist (jobs are never
    // deleted, so that is theoretical); fall back to one by one rather than mislabel a job.
    if (loaded.length === chunk.length) {
      chunk.forEach((id, index) => summaries.set(id, loaded[index]!));
    } else {
      for (const id of chunk) {
        const [one] = await loadJobSummaries(database, [id], publicUrl);
        if (one) summaries.set(id, one);
      }
    }
  }
  return summaries;
}

async function advanceQuiet(
  database: Database,
  rows: readonly DueRow[],
  cutoff: Date,
  now: Date,
): Promise<void> {
  const ids = rows.map((row) => row.id);
  const nexts = rows.map((row) =>
    nextDeliveryAt(row.frequency as AlertFrequency, row.timezone, now).toISOString(),
  );
  // One statement for all: `status = 'active'` so a search paused meanwhile stays untouched.
  await database.sql`
    update saved_searches s
       set last_delivered_at = greatest(coalesce(s.last_delivered_at, s.confirmed_at), ${cutoff.toISOString()}::timestamptz),
           next_delivery_at = u.next_at, updated_at = ${now.toISOString()}::timestamptz
      from unnest(${database.sql.array(ids)}::bigint[], ${database.sql.array(nexts)}::timestamptz[]) as u(id, next_at)
     where s.id = u.id and s.status = 'active'`;
}

/** The digest was accepted: its jobs are delivered and its window moves, in one transaction. */
async function recordDelivery(
  database: Database,
  row: DueRow,
  jobIds: readonly number[],
  messageId: string,
  cutoff: Date,
  now: Date,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    if (jobIds.length > 0) {
      await tx
        .insert(alertDeliveries)
        .values(jobIds.map((jobId) => ({ savedSearchId: row.id, jobId, sentAt: now, messageId })))
        .onConflictDoNothing({ target: [alertDeliveries.savedSearchId, alertDeliveries.jobId] });
    }
    await tx
      .update(savedSearches)
      .set({
        lastDeliveredAt: cutoff,
        nextDeliveryAt: nextDeliveryAt(row.frequency as AlertFrequency, row.timezone, now),
        deliveryAttempts: 0,
        lastDeliveryError: null,
        updatedAt: now,
      })
      .where(eq(savedSearches.id, row.id));
  });
}

async function recordFailure(database: Database, row: DueRow, error: unknown, now: Date): Promise<void> {
  const attempts = row.deliveryAttempts + 1;
  const giveUp = attempts >= MAX_DELIVERY_ATTEMPTS;
  await database.db
    .update(savedSearches)
    .set({
      deliveryAttempts: attempts,
      lastDeliveryError: describeError(error).slice(0, 500),
      nextDeliveryAt: new Date(now.getTime() + retryDelayMs(attempts)),
      ...(giveUp ? { status: 'paused' } : {}),
      updatedAt: now,
    })
    .where(and(eq(savedSearches.id, row.id), inArray(savedSearches.status, ['active'])));
}

function describeError(error: unknown): string {
  if (error && typeof error === 'object') {
    const { response, message } = error as { response?: string; message?: string };
    return (response ?? message ?? String(error)).split('\n')[0]!;
  }
  return String(error);
}

/** a***@example.com: logs need to tell searches apart, not to hold addresses. */
function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return at <= 1 ? `*${email.slice(at)}` : `${email[0]}***${email.slice(at)}`;
}
