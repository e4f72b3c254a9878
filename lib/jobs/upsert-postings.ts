/**
 * The one writer of jobs: one source's successful fetch, applied in one transaction.
 *
 *   new            inserted: random public id, slug from title + company, first_seen_at = now
 *   still listed   last_seen_at = now; the stored fields rewritten only when their content hash changed
 *   closed, back   reopened (closed_at = null), same row, same public id and slug
 *   not listed     closed_at = now when the closure rule allows (plan-closures.ts); never deleted
 *
 * Then duplicates across the company's sources are relinked (dedupe.ts) and `sources.open_jobs`
 * recounted. Everything is a handful of set-based statements whatever the board's size, never one
 * round trip per row: the postings to insert or rewrite are copied (COPY, lib/jobs/copy-rows.ts) into
 * a temporary staging table, then merged into `jobs` by one INSERT ... ON CONFLICT.
 *
 * Values travel as text: the shared postgres.js client is set up by drizzle, which turns off its own
 * Date and JSON serializers, so timestamps are sent as ISO strings.
 *
 * Writes of one company are serialized with a transaction-scoped advisory lock, so two processes
 * writing the same source (a CLI scrape beside the worker), or two sources of one company racing to
 * claim the same duplicate group, cannot interleave.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type postgres from 'postgres';
import type { Database } from '../db/client';
import { relinkDuplicates } from './dedupe';
import { touchJobs } from './mark-seen';
import { planClosures, type ClosurePlan, type SuspiciousHistory } from './plan-closures';
import {
  newPublicId,
  prepareBoard,
  STAGE_COLUMNS,
  type PostingRow,
  type PostingToWrite,
  type PreparedPosting,
} from './posting-row';
import { SEARCH_DESCRIPTION_CHARS, SEARCH_TEXT_CONFIG } from './search-vector';

export type { PostingToWrite, PreparedPosting } from './posting-row';

/** The source being written, with what the rows need of its company. */
export interface SourceForWrite {
  id: number;
  companyId: number;
  companySlug: string;
  companyName: string;
  kind: string;
}

export interface WriteOptions {
  /** The time written to first_seen_at / last_seen_at / closed_at. @default new Date() */
  now?: Date;
  /** The source's recent suspicious runs, for the closure rule. @default no streak */
  suspiciousHistory?: SuspiciousHistory;
}

export interface WriteResult {
  /** Distinct postings written (a posting listed twice by the board counts once). */
  seen: number;
  new: number;
  /** Postings still listed whose stored fields changed. */
  updated: number;
  /** Postings still listed and identical: only last_seen_at moved. */
  unchanged: number;
  closed: number;
  /** Closed jobs that came back (also counted neither as new nor as updated). */
  reopened: number;
  /** Open jobs of the source after the write. */
  openJobs: number;
  /** The closure rule's verdict (suspicious: nothing was closed). */
  closure: ClosurePlan;
  /** Jobs whose stored fields, open state or duplicate link changed (for search engines). */
  changedJobIds: number[];
  closedJobIds: number[];
}

/**
 * The staging table, one per connection: created by the first write on it, emptied by every commit
 * or rollback. Its columns are `STAGE_COLUMNS`. Its long columns are stored uncompressed: rows only
 * pass through it, and compressing a description twice (here, then in `jobs`) doubled the cost of
 * writing it. (`STORAGE` in CREATE TABLE needs PostgreSQL 16, hence the ALTER.)
 */
const LONG_COLUMNS = ['description_html', 'description_text', 'raw'] satisfies (keyof PostingRow)[];
const CREATE_STAGE = `do $$ begin
  if to_regclass('pg_temp.job_stage') is null then
    create temp table job_stage (${STAGE_COLUMNS.map(([column, type]) => `${column} ${type}`).join(', ')})
      on commit delete rows;
    alter table job_stage ${LONG_COLUMNS.map((column) => `alter column ${column} set storage external`).join(', ')};
  end if;
end $$`;

/** Lock class of the per-company write lock (the second key is the company id). "JOBS". */
const COMPANY_WRITE_LOCK = 0x4a4f4253;

/** A fresh batch of random public ids collides with an existing one about once per 10^7 rows: retry. */
const PUBLIC_ID_ATTEMPTS = 3;

/**
 * Apply one successful fetch of a source: insert, update, reopen and (when the closure rule allows)
 * close its jobs, relink duplicates, recount `sources.open_jobs`. All or nothing.
 *
 * Postings must be normalized and valid (lib/normalize throws for the invalid ones; skip those before).
 */
export function writeSourcePostings(
  database: Database,
  source: SourceForWrite,
  postings: readonly PostingToWrite[],
  options: WriteOptions = {},
): Promise<WriteResult> {
  const prepared = prepareBoard(postings, { slug: source.companySlug, name: source.companyName });
  return writePreparedPostings(database, source, prepared, options);
}

/**
 * `writeSourcePostings` for postings already prepared (`prepareBoard`, with this source's company),
 * as the scrape's normalizing threads hand them over.
 */
export async function writePreparedPostings(
  database: Database,
  source: SourceForWrite,
  postings: readonly PreparedPosting[],
  options: WriteOptions = {},
): Promise<WriteResult> {
  const now = options.now ?? new Date();
  for (let attempt = 1; ; attempt++) {
    try {
      return await database.sql.begin((tx) => writeInTransaction(tx, source, postings, now, options));
    } catch (error) {
      // The ids are drawn again on the next attempt (stageRows).
      if (attempt < PUBLIC_ID_ATTEMPTS && isPublicIdCollision(error)) continue;
      throw error;
    }
  }
}

interface ExistingJob {
  id: string;
  external_id: string;
  content_hash: string;
  closed: boolean;
}

async function writeInTransaction(
  tx: postgres.TransactionSql,
  source: SourceForWrite,
  postings: readonly PreparedPosting[],
  now: Date,
  options: WriteOptions,
): Promise<WriteResult> {
  const at = now.toISOString();
  await tx`select pg_advisory_xact_lock(${COMPANY_WRITE_LOCK}::int, ${source.companyId % 2_147_483_647}::int)`;

  const existing = await tx<ExistingJob[]>`
    select id, external_id, content_hash, closed_at is not null as closed
    from jobs where source_id = ${source.id}`;
  const byExternalId = new Map(existing.map((job) => [job.external_id, job]));

  const toUpsert: PreparedPosting[] = [];
  const unchangedIds: number[] = [];
  const listed = new Set<string>();
  let reopened = 0;
  for (const posting of postings) {
    // A board listing the same id twice would make one INSERT touch a row twice; the first wins.
    if (listed.has(posting.externalId)) continue;
    listed.add(posting.externalId);
    const current = byExternalId.get(posting.externalId);
    if (current && !current.closed && current.content_hash === posting.contentHash) {
      unchangedIds.push(Number(current.id));
      continue;
    }
    if (current?.closed) reopened++;
    toUpsert.push(posting);
  }

  const openBefore = existing.filter((job) => !job.closed);
  const closure = planClosures(openBefore.length, listed.size, options.suspiciousHistory, now);

  let inserted = 0;
  let updated = 0;
  const changedJobIds: number[] = [];
  if (toUpsert.length > 0) {
    await stageRows(tx, toUpsert);
    for (const row of await upsertStagedRows(tx, source, now)) {
      changedJobIds.push(Number(row.id));
      if (row.inserted) inserted++;
      else updated++;
    }
  }

  if (unchangedIds.length > 0) {
    await touchJobs(tx, unchangedIds, now);
  }

  let closedJobIds: number[] = [];
  const missingIds = openBefore.filter((job) => !listed.has(job.external_id)).map((job) => Number(job.id));
  if (closure.closeMissing && missingIds.length > 0) {
    // A closed job no longer reads its source's sighting of open jobs (sources.open_jobs_seen_at,
    // lib/search/results.ts): it keeps the last one in its own row.
    const closedRows = await tx<{ id: string }[]>`
      update jobs set closed_at = ${at}::timestamptz, updated_at = ${at}::timestamptz,
        last_seen_at = greatest(last_seen_at, (select open_jobs_seen_at from sources where id = ${source.id}))
      where id = any(${missingIds}::bigint[]) and closed_at is null
      returning id`;
    closedJobIds = closedRows.map((row) => Number(row.id));
  }

  const relinked = await relinkDuplicates(tx, source.companyId, now);

  const [counted] = await tx<{ open_jobs: number }[]>`
    update sources set open_jobs = (
      select count(*)::int from jobs where source_id = ${source.id} and closed_at is null
    ), updated_at = ${at}::timestamptz
    where id = ${source.id}
    returning open_jobs`;

  return {
    seen: listed.size,
    new: inserted,
    // A reopened job is counted as reopened, not as an update of its fields.
    updated: Math.max(0, updated - reopened),
    unchanged: unchangedIds.length,
    closed: closedJobIds.length,
    reopened,
    openJobs: counted?.open_jobs ?? 0,
    closure,
    changedJobIds: [...new Set([...changedJobIds, ...relinked])],
    closedJobIds,
  };
}

/** Bytes of COPY data per message: large enough to amortize each write, small enough to stream. */
const COPY_CHUNK_BYTES = 256 * 1024;

/**
 * Copy the rows into this transaction's (empty) staging table, each with a fresh public id appended
 * (used only if the row is inserted).
 */
async function stageRows(tx: postgres.TransactionSql, rows: readonly PreparedPosting[]): Promise<void> {
  await tx.unsafe(CREATE_STAGE);
  const chunks = (function* () {
    for (let start = 0; start < rows.length;) {
      const parts: Uint8Array[] = [];
      let bytes = 0;
      for (; start < rows.length && bytes < COPY_CHUNK_BYTES; start++) {
        const tail = Buffer.from(`${newPublicId()}\n`);
        parts.push(rows[start]!.stageRow, tail);
        bytes += rows[start]!.stageRow.length + tail.length;
      }
      yield Buffer.concat(parts, bytes);
    }
  })();
  await pipeline(Readable.from(chunks), await tx`copy job_stage from stdin`.writable());
}

/**
 * Insert new postings and rewrite changed or returning ones, from the staging table, in one
 * statement. On conflict the row keeps its id, public_id, slug and first_seen_at: identity never
 * changes after the first insert.
 */
function upsertStagedRows(
  tx: postgres.TransactionSql,
  source: SourceForWrite,
  now: Date,
): Promise<{ id: string; inserted: boolean }[]> {
  const at = now.toISOString();
  return tx<{ id: string; inserted: boolean }[]>`
    insert into jobs (
      public_id, slug, source_id, company_id, external_id, dedupe_key, title, apply_url, location_text,
      workplace, worldwide, countries, tz_min, tz_max, evidence, employment_type, seniority, category,
      tags, salary_min, salary_max, salary_currency, salary_period, salary_usd_min, salary_usd_max,
      description_html, description_text, posted_at, first_seen_at, last_seen_at, closed_at,
      content_hash, raw, search, created_at, updated_at
    )
    select
      r.public_id, r.slug, ${source.id}, ${source.companyId}, r.external_id, r.dedupe_key, r.title,
      r.apply_url, r.location_text, r.workplace, r.worldwide, r.countries, r.tz_min, r.tz_max,
      r.evidence, r.employment_type, r.seniority, r.category, r.tags, r.salary_min, r.salary_max,
      r.salary_currency, r.salary_period, r.salary_usd_min, r.salary_usd_max, r.description_html,
      r.description_text, r.posted_at, ${at}::timestamptz, ${at}::timestamptz, null, r.content_hash, r.raw,
      setweight(to_tsvector(${SEARCH_TEXT_CONFIG}::regconfig, r.title), 'A')
        || setweight(to_tsvector(${SEARCH_TEXT_CONFIG}::regconfig,
             ${source.companyName} || ' ' || array_to_string(r.tags, ' ')), 'B')
        || setweight(to_tsvector(${SEARCH_TEXT_CONFIG}::regconfig,
             left(r.description_text, ${SEARCH_DESCRIPTION_CHARS}::int)), 'C'),
      ${at}::timestamptz, ${at}::timestamptz
    from job_stage r
    on conflict (source_id, external_id) do update set
      company_id = excluded.company_id,
      dedupe_key = excluded.dedupe_key,
      title = excluded.title,
      apply_url = excluded.apply_url,
      location_text = excluded.location_text,
      workplace = excluded.workplace,
      worldwide = excluded.worldwide,
      countries = excluded.countries,
      tz_min = excluded.tz_min,
      tz_max = excluded.tz_max,
      evidence = excluded.evidence,
      employment_type = excluded.employment_type,
      seniority = excluded.seniority,
      category = excluded.category,
      tags = excluded.tags,
      salary_min = excluded.salary_min,
      salary_max = excluded.salary_max,
      salary_currency = excluded.salary_currency,
      salary_period = excluded.salary_period,
      salary_usd_min = excluded.salary_usd_min,
      salary_usd_max = excluded.salary_usd_max,
      description_html = excluded.description_html,
      description_text = excluded.description_text,
      posted_at = excluded.posted_at,
      last_seen_at = excluded.last_seen_at,
      closed_at = null,
      content_hash = excluded.content_hash,
      raw = excluded.raw,
      search = excluded.search,
      updated_at = excluded.updated_at
    returning id, (xmax = 0) as inserted`;
}

function isPublicIdCollision(error: unknown): boolean {
  const { code, constraint_name } = (error ?? {}) as { code?: string; constraint_name?: string };
  return code === '23505' && constraint_name === 'jobs_public_id_unique';
}
