/**
 * Matching due saved searches against new jobs, in batch (10,000 searches against 1,000 new jobs
 * in well under the 5 s the issue allows; `npm run bench:alerts` measures it).
 *
 * Asking the engine once per saved search costs a full faceted search each: a minute for 10,000.
 * Instead:
 *
 * 1. One query loads the window: open listings first seen after the earliest window start and up
 *    to the cutoff, newest first, with the fields the structured filters read (`JobWindow` holds
 *    them as bitsets by value).
 * 2. Text (`q`) is the one filter that needs the engine's analyzers. With the Postgres engine,
 *    text-match.ts evaluates every distinct text against the window's jobs by that engine's rules in
 *    a few round trips. With Meilisearch (its own tokenizer and typo rules), the engine itself runs
 *    once per distinct text, restricted to the window's job ids with every other filter neutral:
 *    alerts must match what the site shows for the same query, whichever engine serves it.
 * 3. The structured filters (workplace, category, country, salary...) run in memory, per distinct
 *    query (`JobWindow.match`, the engine's rules for one row).
 *    alerts.int.test.ts checks that the result equals the engine's own answer to each full query,
 *    so the two cannot drift apart silently.
 * 4. Each saved search keeps the matches first seen after its own window start and not yet
 *    delivered to it.
 */
import type { Database } from '../db/client';
import type { SearchEngine } from '../search/engine';
import { defaultJobQuery, QUERY_WORKPLACES, type JobQuery } from '../search/query';
import type { Bitset } from '../search/listing-index';
import { savedQueryKey, type SavedQueryRecord } from './saved-query';
import { matchTextsInPostgres } from './text-match';
import { JobWindow } from './window';

/** A saved search to match, with the start of its window. */
export interface SearchToMatch {
  id: number;
  query: JobQuery;
  record: SavedQueryRecord;
  /** Jobs first seen strictly after this are new for the search. */
  windowStart: Date;
}

/** New, undelivered matches of one saved search, newest first. */
export interface SearchMatches {
  jobIds: number[];
}

/** A job of the window, with what the structured filters read. */
export interface CandidateJob {
  id: number;
  firstSeenMs: number;
  workplace: string;
  category: string;
  employmentType: string | null;
  seniority: string | null;
  companySlug: string;
  tags: string[];
  worldwide: boolean;
  countries: string[];
  tzMin: number | null;
  tzMax: number | null;
  /** Top of the annual USD range (max, else min). */
  salaryTop: number | null;
  hasSalary: boolean;
}

/** Engine searches at once (Meilisearch: one per distinct text); the pool has 10 connections. */
const ENGINE_CONCURRENCY = 6;
const ENGINE_PAGE_SIZE = 100;

interface CandidateRow {
  id: string;
  first_seen_ms: number;
  workplace: string;
  category: string;
  employment_type: string | null;
  seniority: string | null;
  company_slug: string;
  tags: string[];
  worldwide: boolean;
  countries: string[];
  tz_min: number | null;
  tz_max: number | null;
  salary_top: number | null;
  has_salary: boolean;
}

/** Open listings first seen in (after, cutoff], newest first (the engine's `newest` order). */
export async function loadCandidateJobs(
  database: Database,
  after: Date,
  cutoff: Date,
): Promise<CandidateJob[]> {
  const rows = await database.sql<CandidateRow[]>`
    select j.id, (extract(epoch from j.first_seen_at) * 1000)::float8 as first_seen_ms, j.workplace, j.category,
           j.employment_type, j.seniority, c.slug as company_slug, j.tags, j.worldwide, j.countries,
           j.tz_min, j.tz_max, coalesce(j.salary_usd_max, j.salary_usd_min) as salary_top,
           (j.salary_min is not null or j.salary_max is not null) as has_salary
      from jobs j join companies c on c.id = j.company_id
     where j.duplicate_of_id is null and j.closed_at is null
       and j.first_seen_at > ${after.toISOString()}::timestamptz
       and j.first_seen_at <= ${cutoff.toISOString()}::timestamptz
     order by j.first_seen_at desc, j.id desc`;
  return rows.map((row) => ({
    id: Number(row.id),
    firstSeenMs: Number(row.first_seen_ms),
    workplace: row.workplace,
    category: row.category,
    employmentType: row.employment_type,
    seniority: row.seniority,
    companySlug: row.company_slug,
    tags: row.tags,
    worldwide: row.worldwide,
    countries: row.countries,
    tzMin: row.tz_min,
    tzMax: row.tz_max,
    salaryTop: row.salary_top === null ? null : Number(row.salary_top),
    hasSalary: row.has_salary,
  }));
}

export interface MatchOptions {
  /** Jobs first seen after this are left for the next run (see SETTLE_MS in send-due.ts). */
  cutoff: Date;
  now: Date;
  engine: SearchEngine;
}

/** Statistics of one matching pass, for logs and the benchmark. */
export interface MatchStats {
  /** Jobs in the window. */
  candidates: number;
  /** Distinct queries among the searches. */
  groups: number;
  /** Distinct texts (`q`) among the queries. */
  texts: number;
  /**
   * Round trips spent matching texts: a few database queries with the Postgres engine; with
   * Meilisearch, engine searches (one per distinct text, more when a text matches over 100 new jobs).
   */
  textQueries: number;
}

/** The result of a matching pass. */
export interface MatchOutcome {
  /** New, undelivered matches per saved search id (searches without any are absent). */
  matches: Map<number, SearchMatches>;
  /** Every job of the window by id (company, first seen...), for capping digests. */
  jobs: Map<number, CandidateJob>;
  stats: MatchStats;
}

/** Match saved searches against the jobs first seen in their windows. */
export async function matchSavedSearches(
  database: Database,
  searches: readonly SearchToMatch[],
  options: MatchOptions,
): Promise<MatchOutcome> {
  const matches = new Map<number, SearchMatches>();
  const stats: MatchStats = { candidates: 0, groups: 0, texts: 0, textQueries: 0 };
  if (searches.length === 0) return { matches, jobs: new Map(), stats };
  const earliest = new Date(Math.min(...searches.map((search) => search.windowStart.getTime())));
  const candidates = await loadCandidateJobs(database, earliest, options.cutoff);
  const jobs = new Map(candidates.map((job) => [job.id, job]));
  stats.candidates = candidates.length;
  if (candidates.length === 0) return { matches, jobs, stats };

  const groups = new Map<string, SearchToMatch[]>();
  for (const search of searches) {
    const key = savedQueryKey(search.record);
    const group = groups.get(key);
    if (group) group.push(search);
    else groups.set(key, [search]);
  }
  stats.groups = groups.size;

  const window = new JobWindow(candidates);
  const texts = new Set<string>();
  for (const [first] of groups.values()) if (first!.query.q) texts.add(first!.query.q);
  stats.texts = texts.size;
  let textMatches: Map<string, Bitset>;
  if (options.engine.name === 'postgres') {
    const found = await matchTextsInPostgres(database.sql, [...texts], window);
    textMatches = found.matches;
    stats.textQueries = found.queries;
  } else {
    textMatches = await matchTextsWithEngine(
      options.engine,
      [...texts],
      window,
      earliest,
      options.now,
      stats,
    );
  }

  for (const members of groups.values()) {
    const query = members[0]!.query;
    const start = Math.min(...members.map((member) => member.windowStart.getTime()));
    // Positions ascending: newest first, as candidates are; every list below keeps that order.
    const matched = window.match(query, start, options.now, query.q ? textMatches.get(query.q)! : null);
    if (matched.length === 0) continue;
    const matchedIds = matched.map((position) => candidates[position]!.id);
    for (const member of members) {
      // Jobs first seen after the member's own start are a prefix of the window, so of `matched`.
      const newer = window.countAfter(member.windowStart.getTime());
      let count = 0;
      while (count < matched.length && matched[count]! < newer) count++;
      // Members with the group's start share its list: nothing downstream modifies one.
      if (count > 0)
        matches.set(member.id, {
          jobIds: count === matchedIds.length ? matchedIds : matchedIds.slice(0, count),
        });
    }
  }

  await dropDelivered(
    database,
    matches,
    candidates.map((job) => job.id),
  );
  return { matches, jobs, stats };
}

/**
 * Which window jobs each text matches, by the engine (Meilisearch: its own analyzers and typo
 * rules), all other filters neutral: one search per text and page of 100.
 */
async function matchTextsWithEngine(
  engine: SearchEngine,
  texts: readonly string[],
  window: JobWindow,
  after: Date,
  now: Date,
  stats: MatchStats,
): Promise<Map<string, Bitset>> {
  const result = new Map<string, Bitset>();
  const jobIds = window.jobs.map((job) => job.id);
  const neutral: JobQuery = {
    ...defaultJobQuery(),
    workplace: [...QUERY_WORKPLACES],
    sort: 'newest',
    perPage: ENGINE_PAGE_SIZE,
  };
  await runWithConcurrency(
    texts.map((q) => async () => {
      const ids = new Set<number>();
      for (let page = 1; ; page++) {
        stats.textQueries++;
        const found = await engine.search({ ...neutral, q, page }, { jobIds, firstSeenAfter: after, now });
        for (const id of found.internalIds) ids.add(id);
        if (found.internalIds.length < ENGINE_PAGE_SIZE || ids.size >= found.total) break;
      }
      result.set(
        q,
        window.bitsWhere((job) => ids.has(job.id)),
      );
    }),
    ENGINE_CONCURRENCY,
  );
  return result;
}

/** Remove jobs already delivered to a search (a window moved back by hand, a replayed run). */
async function dropDelivered(
  database: Database,
  matches: Map<number, SearchMatches>,
  windowJobIds: number[],
): Promise<void> {
  if (matches.size === 0) return;
  const searchIds = [...matches.keys()];
  const delivered = await database.sql<{ saved_search_id: string; job_id: string }[]>`
    select saved_search_id, job_id from alert_deliveries
     where saved_search_id = any(${database.sql.array(searchIds)}::bigint[])
       and job_id = any(${database.sql.array(windowJobIds)}::bigint[])`;
  if (delivered.length === 0) return;
  const done = new Set(delivered.map((row) => `${row.saved_search_id}:${row.job_id}`));
  for (const [searchId, match] of matches) {
    const jobIds = match.jobIds.filter((id) => !done.has(`${searchId}:${id}`));
    if (jobIds.length === 0) matches.delete(searchId);
    else matches.set(searchId, { jobIds });
  }
}

/** Run tasks with at most `limit` in flight; rejects with the first failure once all settled. */
export async function runWithConcurrency(
  tasks: readonly (() => Promise<void>)[],
  limit: number,
): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++]!;
      try {
        await task();
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  if (errors.length > 0) throw errors[0];
}
