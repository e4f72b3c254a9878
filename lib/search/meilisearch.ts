/**
 * The Meilisearch engine, used when MEILI_URL and MEILI_MASTER_KEY are set.
 *
 * Meilisearch finds ids, the total and facet counts; the jobs themselves are loaded from Postgres
 * (results.ts), so both engines return identical jobs. The index holds open listings only: the
 * scrape pipeline upserts changed jobs and deletes closed ones after every write (sync.ts), and
 * `status=closed` searches are answered by the Postgres engine.
 *
 * Facets are disjunctive like the Postgres engine's: one multi-search (one HTTP round trip) with
 * the main query plus, for each facet that has a filter, the same query without that facet's
 * filter asking only for that facet's counts.
 *
 * Everything that maps (settings, documents, query -> search parameters) is a pure function, unit
 * tested without a server. Every write waits for its task and throws when the task failed:
 * Meilisearch reports most errors (a bad setting, a malformed document) only in the task.
 */
import {
  Meilisearch,
  MeilisearchApiError,
  type EnqueuedTaskPromise,
  type MultiSearchQuery,
  type Settings,
  type Task,
} from 'meilisearch';
import type postgres from 'postgres';
import type { Database } from '../db/client';
import type { MeiliConnection, RebuildProgress, SearchEngine, SearchOptions, SearchResult } from './engine';
import { PostgresSearchEngine } from './postgres';
import { MAX_PAGE, MAX_PER_PAGE, type JobQuery } from './query';
import {
  FACET_NAMES,
  MAX_FACET_VALUES,
  emptyFacets,
  emptyResult,
  loadJobSummaries,
  toFacetCounts,
  type FacetName,
  type Timestamp,
} from './results';
import { TAG_VOCABULARY } from '../normalize/tags';

/** @default 'jobs' */
export const DEFAULT_MEILI_INDEX = 'jobs';

/** Documents per addDocuments call during a rebuild. */
export const MEILI_BATCH_SIZE = 1_000;

/** Description characters indexed: Meilisearch only indexes the first 65,535 words of a field anyway. */
const DESCRIPTION_CHARS = 20_000;

/** How long one task may take before we give up waiting (a rebuild batch on a busy server). */
const TASK_TIMEOUT_MS = 120_000;

const DAY_MS = 86_400_000;

/** One job as Meilisearch stores it. Dates are epoch milliseconds so they filter and sort as numbers. */
export interface MeiliJobDocument {
  /** jobs.id (database id), the primary key. */
  id: number;
  title: string;
  companyName: string;
  companySlug: string;
  tags: string[];
  descriptionText: string;
  countries: string[];
  worldwide: boolean;
  workplace: string;
  category: string;
  type: string | null;
  seniority: string | null;
  salaryUsdMin: number | null;
  salaryUsdMax: number | null;
  /** Top of the range in annual USD (max, else min): what `salaryMin` and `sort=salary` compare. */
  salaryUsdTop: number | null;
  /** The posting states a salary (even in a currency we cannot convert). */
  hasSalary: boolean;
  firstSeenAt: number;
  tzMin: number | null;
  tzMax: number | null;
  closed: boolean;
}

/** The columns `toMeiliDocument` reads: a jobs row joined with its company. */
export interface MeiliSourceRow {
  id: number | string;
  title: string;
  company_name: string;
  company_slug: string;
  tags: string[];
  description_text: string;
  countries: string[];
  worldwide: boolean;
  workplace: string;
  category: string;
  employment_type: string | null;
  seniority: string | null;
  salary_min: number | null;
  salary_max: number | null;
  salary_usd_min: number | null;
  salary_usd_max: number | null;
  first_seen_at: Timestamp;
  tz_min: number | null;
  tz_max: number | null;
  closed_at: Timestamp | null;
}

/** The document for one job row. Pure. */
export function toMeiliDocument(row: MeiliSourceRow): MeiliJobDocument {
  return {
    id: Number(row.id),
    title: row.title,
    companyName: row.company_name,
    companySlug: row.company_slug,
    tags: row.tags,
    descriptionText: row.description_text.slice(0, DESCRIPTION_CHARS),
    countries: row.countries,
    worldwide: row.worldwide,
    workplace: row.workplace,
    category: row.category,
    type: row.employment_type,
    seniority: row.seniority,
    salaryUsdMin: row.salary_usd_min,
    salaryUsdMax: row.salary_usd_max,
    salaryUsdTop: row.salary_usd_max ?? row.salary_usd_min,
    hasSalary: row.salary_min !== null || row.salary_max !== null,
    firstSeenAt: new Date(row.first_seen_at).getTime(),
    tzMin: row.tz_min,
    tzMax: row.tz_max,
    closed: row.closed_at !== null,
  };
}

/** Which document attribute each facet counts. */
export const MEILI_FACET_ATTRIBUTES: Readonly<Record<FacetName, keyof MeiliJobDocument>> = {
  category: 'category',
  type: 'type',
  seniority: 'seniority',
  company: 'companySlug',
  tag: 'tags',
  workplace: 'workplace',
};

/** Spellings people search for that documents write differently. Mutual within each group. */
const EXTRA_SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['frontend', 'front-end', 'front end'],
  ['backend', 'back-end', 'back end'],
  ['fullstack', 'full-stack', 'full stack'],
  ['devops', 'dev ops'],
  ['sre', 'site reliability engineer', 'site reliability engineering'],
  ['ml', 'machine learning'],
  ['ai', 'artificial intelligence'],
  ['ux', 'user experience'],
  ['qa', 'quality assurance'],
  ['py', 'python'],
];

/**
 * Synonyms: every spelling of a vocabulary tag (id, label, aliases: js/javascript, k8s/kubernetes,
 * golang/go, postgres/postgresql, ts/typescript, ...) is a synonym of the others, plus a few role
 * words. Mutual: Meilisearch synonyms are one-way unless listed both ways.
 */
export function meiliSynonyms(): Record<string, string[]> {
  const groups = [
    ...TAG_VOCABULARY.map((entry) => [entry.tag, entry.label, ...(entry.aliases ?? [])]),
    ...EXTRA_SYNONYM_GROUPS,
  ];
  const synonyms = new Map<string, Set<string>>();
  for (const group of groups) {
    // Only words a query can contain: Meilisearch splits "c++" or "c#" into separators anyway.
    const words = [...new Set(group.map((word) => word.toLowerCase().trim()))].filter((word) =>
      /^[\p{L}\p{N}][\p{L}\p{N} .-]*$/u.test(word),
    );
    for (const word of words) {
      for (const other of words) {
        if (other === word) continue;
        let set = synonyms.get(word);
        if (!set) synonyms.set(word, (set = new Set()));
        set.add(other);
      }
    }
  }
  return Object.fromEntries(
    [...synonyms].sort(([a], [b]) => (a < b ? -1 : 1)).map(([word, set]) => [word, [...set].sort()]),
  );
}

/** Index settings, applied before every rebuild and on first write. Pure. */
export function meiliSettings(): Settings {
  return {
    // Order is importance: a title hit beats a description hit.
    searchableAttributes: ['title', 'companyName', 'tags', 'descriptionText'],
    // Jobs are loaded from Postgres; Meilisearch only needs to hand back ids.
    displayedAttributes: ['id'],
    filterableAttributes: [
      'id',
      'countries',
      'worldwide',
      'workplace',
      'category',
      'type',
      'seniority',
      'companySlug',
      'tags',
      'salaryUsdMin',
      'salaryUsdMax',
      'salaryUsdTop',
      'hasSalary',
      'firstSeenAt',
      'tzMin',
      'tzMax',
      'closed',
    ],
    sortableAttributes: ['firstSeenAt', 'salaryUsdTop', 'salaryUsdMax', 'id'],
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
      // Tag ids are exact vocabulary: "go" must not match "gin" by a typo.
      disableOnAttributes: ['tags'],
    },
    faceting: { maxValuesPerFacet: MAX_FACET_VALUES, sortFacetValuesBy: { '*': 'count' } },
    // Deepest reachable result, so totals are exact for every page the query model allows.
    pagination: { maxTotalHits: MAX_PAGE * MAX_PER_PAGE },
    synonyms: meiliSynonyms(),
  };
}

/** A string value in a Meilisearch filter: double-quoted, backslashes and quotes escaped. */
export function meiliString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function meiliList(values: readonly string[]): string {
  return `[${values.map(meiliString).join(', ')}]`;
}

/** Each facet's filter clause for a query, or null when the query does not filter on it. */
function facetClauses(query: JobQuery): Map<FacetName, string> {
  const clauses = new Map<FacetName, string>();
  const add = (facet: FacetName, values: readonly string[]) => {
    if (values.length > 0) clauses.set(facet, `${MEILI_FACET_ATTRIBUTES[facet]} IN ${meiliList(values)}`);
  };
  add('category', query.category);
  add('type', query.type);
  add('seniority', query.seniority);
  add('company', query.company);
  add('tag', query.tag);
  add('workplace', query.workplace);
  return clauses;
}

/**
 * The filter string for a query: every non-facet filter, plus every facet filter except
 * `withoutFacet`'s (disjunctive facet counts). Pure.
 */
export function toMeiliFilter(
  query: JobQuery,
  options: SearchOptions = {},
  withoutFacet?: FacetName,
): string {
  const now = options.now ?? new Date();
  const clauses: string[] = [query.status === 'closed' ? 'closed = true' : 'closed = false'];
  if (query.country) clauses.push(`(worldwide = true OR countries = ${meiliString(query.country)})`);
  if (query.tz !== null) {
    clauses.push(`(tzMin IS NULL OR tzMax IS NULL OR (tzMin <= ${query.tz} AND tzMax >= ${query.tz}))`);
  }
  if (query.salaryMin !== null) {
    clauses.push(
      query.salary === 'stated'
        ? `salaryUsdTop >= ${query.salaryMin}`
        : `(salaryUsdTop >= ${query.salaryMin} OR salaryUsdTop IS NULL)`,
    );
  } else if (query.salary === 'stated') {
    clauses.push('hasSalary = true');
  }
  if (query.posted !== null) clauses.push(`firstSeenAt >= ${now.getTime() - query.posted * DAY_MS}`);
  if (options.firstSeenAfter) clauses.push(`firstSeenAt > ${options.firstSeenAfter.getTime()}`);
  if (options.jobIds) clauses.push(`id IN [${options.jobIds.map((id) => Math.trunc(id)).join(', ')}]`);
  for (const [facet, clause] of facetClauses(query)) if (facet !== withoutFacet) clauses.push(clause);
  return clauses.join(' AND ');
}

/** Meilisearch search parameters for the page of a query (the main query of `toMeiliMultiSearch`). */
export interface MeiliSearchParams {
  q: string;
  filter: string;
  facets: string[];
  sort: string[] | undefined;
  page: number;
  hitsPerPage: number;
}

/** The sort of a query; undefined keeps Meilisearch's relevance ranking. */
function meiliSort(query: JobQuery): string[] | undefined {
  if (query.sort === 'relevance' && query.q) return undefined;
  if (query.sort === 'salary') return ['salaryUsdTop:desc', 'firstSeenAt:desc', 'id:desc'];
  return ['firstSeenAt:desc', 'id:desc'];
}

/**
 * Search parameters for a query's page. Its facets are those the query does not filter on (their
 * counts are exact here); `toMeiliMultiSearch` adds one query per filtered facet. Pure.
 */
export function toMeiliSearchParams(query: JobQuery, options: SearchOptions = {}): MeiliSearchParams {
  const filtered = facetClauses(query);
  return {
    q: query.q ?? '',
    filter: toMeiliFilter(query, options),
    facets: options.pageOnly
      ? []
      : FACET_NAMES.filter((facet) => !filtered.has(facet)).map((facet) => MEILI_FACET_ATTRIBUTES[facet]),
    sort: meiliSort(query),
    page: query.page,
    hitsPerPage: query.perPage,
  };
}

/** One multi-search query and the facet whose counts it supplies (null: the page itself). */
export interface MeiliFacetQuery {
  facet: FacetName | null;
  params: MultiSearchQuery;
}

/** The page query plus one count-only query per filtered facet, for one multi-search call. Pure. */
export function toMeiliMultiSearch(
  query: JobQuery,
  options: SearchOptions = {},
  indexUid: string = DEFAULT_MEILI_INDEX,
): MeiliFacetQuery[] {
  const main = toMeiliSearchParams(query, options);
  const queries: MeiliFacetQuery[] = [
    { facet: null, params: { indexUid, ...main, sort: main.sort, attributesToRetrieve: ['id'] } },
  ];
  for (const facet of options.pageOnly ? [] : facetClauses(query).keys()) {
    queries.push({
      facet,
      params: {
        indexUid,
        q: main.q,
        filter: toMeiliFilter(query, options, facet),
        facets: [MEILI_FACET_ATTRIBUTES[facet]],
        page: 1,
        hitsPerPage: 0,
      },
    });
  }
  return queries;
}

/** A Meilisearch task that ended in any state but `succeeded`. */
export class MeiliTaskError extends Error {
  constructor(
    readonly task: Task,
    what: string,
  ) {
    const reason = task.error ? `${task.error.code}: ${task.error.message}` : `task ${task.status}`;
    super(`Meilisearch ${what} failed (task ${task.uid}): ${reason}`);
    this.name = 'MeiliTaskError';
  }
}

/** Wait for a task and throw when it did not succeed. */
async function settle(enqueued: EnqueuedTaskPromise, what: string): Promise<Task> {
  const task = await enqueued.waitTask({ timeout: TASK_TIMEOUT_MS });
  if (task.status !== 'succeeded') throw new MeiliTaskError(task, what);
  return task;
}

/** Meilisearch says the index does not exist, synchronously (API error) or in the task. */
function isIndexNotFound(error: unknown): boolean {
  if (error instanceof MeilisearchApiError) return error.cause?.code === 'index_not_found';
  return error instanceof MeiliTaskError && error.task.error?.code === 'index_not_found';
}

export class MeiliSearchEngine implements SearchEngine {
  readonly name = 'meilisearch';
  private readonly client: Meilisearch;
  private readonly indexUid: string;
  private readonly postgres: PostgresSearchEngine;
  private settingsApplied: Promise<void> | null = null;

  constructor(
    private readonly database: Database,
    connection: MeiliConnection,
  ) {
    this.client = new Meilisearch({ host: connection.url, apiKey: connection.apiKey });
    this.indexUid = connection.indexUid ?? DEFAULT_MEILI_INDEX;
    this.postgres = new PostgresSearchEngine(database);
  }

  async search(query: JobQuery, options: SearchOptions = {}): Promise<SearchResult> {
    // Closed jobs are deleted from the index as they close: the archive lives in Postgres.
    if (query.status === 'closed') return this.postgres.search(query, options);
    if (options.jobIds?.length === 0) return emptyResult(query.page, query.perPage);
    const queries = toMeiliMultiSearch(query, options, this.indexUid);
    let response;
    try {
      response = await this.client.multiSearch({ queries: queries.map((entry) => entry.params) });
    } catch (error) {
      if (isIndexNotFound(error)) {
        throw new Error(
          `Meilisearch index "${this.indexUid}" does not exist yet: run \`npx elsewhere reindex\``,
          {
            cause: error,
          },
        );
      }
      throw error;
    }
    const [main, ...facetResults] = response.results;
    if (!main) throw new Error('Meilisearch answered a multi-search without results');
    const ids = main.hits.map((hit) => Number(hit.id));
    const facets = emptyFacets();
    const distributionOf = (facet: FacetName, result: typeof main) =>
      toFacetCounts(Object.entries(result.facetDistribution?.[MEILI_FACET_ATTRIBUTES[facet]] ?? {}));
    for (const facet of FACET_NAMES) facets[facet] = distributionOf(facet, main);
    facetResults.forEach((result, index) => {
      const facet = queries[index + 1]?.facet;
      if (facet) facets[facet] = distributionOf(facet, result);
    });
    return {
      total: main.totalHits ?? main.estimatedTotalHits ?? 0,
      page: query.page,
      perPage: query.perPage,
      jobs: await loadJobSummaries(this.database, ids),
      facets,
      internalIds: ids,
    };
  }

  async indexJobs(jobIds: readonly number[]): Promise<void> {
    if (jobIds.length === 0) return;
    await this.applySettingsOnce();
    const index = this.client.index<MeiliJobDocument>(this.indexUid);
    for (let start = 0; start < jobIds.length; start += MEILI_BATCH_SIZE) {
      const batch = jobIds.slice(start, start + MEILI_BATCH_SIZE);
      const rows = await this.loadRows(
        this.database.sql`j.id = any(${this.database.sql.array([...batch])}::bigint[])`,
      );
      const documents = rows.map(toMeiliDocument);
      const indexed = new Set(documents.map((document) => document.id));
      // Jobs that closed, became duplicates or vanished leave the index.
      const gone = batch.filter((id) => !indexed.has(id));
      if (documents.length > 0)
        await settle(index.addDocuments(documents, { primaryKey: 'id' }), 'adding documents');
      if (gone.length > 0) await settle(index.deleteDocuments([...gone]), 'deleting documents');
    }
  }

  async removeJobs(jobIds: readonly number[]): Promise<void> {
    if (jobIds.length === 0) return;
    const index = this.client.index(this.indexUid);
    try {
      await settle(index.deleteDocuments([...jobIds]), 'deleting documents');
    } catch (error) {
      // Nothing to remove from an index that was never built.
      if (isIndexNotFound(error)) return;
      throw error;
    }
  }

  /**
   * Build a fresh index beside the live one, then swap them atomically: searches keep being
   * answered from the old index until the new one is complete.
   */
  async rebuild(onProgress?: (progress: RebuildProgress) => void): Promise<void> {
    const { sql } = this.database;
    const staging = `${this.indexUid}_rebuild`;
    try {
      // A staging index left by an interrupted rebuild: start over.
      await settle(this.client.deleteIndex(staging), `deleting index ${staging}`);
    } catch (error) {
      if (!isIndexNotFound(error)) throw error;
    }
    await settle(this.client.createIndex(staging, { primaryKey: 'id' }), `creating index ${staging}`);
    await settle(this.client.index(staging).updateSettings(meiliSettings()), 'updating settings');

    const [count] = await sql<{ n: number }[]>`
      select count(*)::int as n from jobs where duplicate_of_id is null and closed_at is null`;
    const total = count?.n ?? 0;
    let done = 0;
    let after = 0;
    onProgress?.({ done, total });
    for (;;) {
      const rows = await this.loadRows(sql`j.id > ${after}`, MEILI_BATCH_SIZE);
      if (rows.length === 0) break;
      await settle(this.client.index(staging).addDocuments(rows.map(toMeiliDocument)), 'adding documents');
      after = Number(rows.at(-1)!.id);
      done += rows.length;
      onProgress?.({ done, total });
    }

    try {
      await this.client.getIndex(this.indexUid);
    } catch (error) {
      if (!isIndexNotFound(error)) throw error;
      await settle(
        this.client.createIndex(this.indexUid, { primaryKey: 'id' }),
        `creating index ${this.indexUid}`,
      );
    }
    await settle(
      this.client.swapIndexes([{ indexes: [this.indexUid, staging], rename: false }]),
      'swapping indexes',
    );
    await settle(this.client.index(staging).delete(), `deleting index ${staging}`);
    this.settingsApplied = Promise.resolve();
  }

  /** Open listings matching `where`, in id order, as rows for `toMeiliDocument`. */
  private loadRows(where: postgres.Fragment, limit?: number): Promise<MeiliSourceRow[]> {
    const { sql } = this.database;
    return sql<MeiliSourceRow[]>`
      select j.id, j.title, c.name as company_name, c.slug as company_slug, j.tags, j.description_text,
             j.countries, j.worldwide, j.workplace, j.category, j.employment_type, j.seniority,
             j.salary_min, j.salary_max, j.salary_usd_min, j.salary_usd_max, j.first_seen_at,
             j.tz_min, j.tz_max, j.closed_at
        from jobs j join companies c on c.id = j.company_id
       where j.duplicate_of_id is null and j.closed_at is null and ${where}
       order by j.id
       ${limit === undefined ? sql`` : sql`limit ${limit}`}`;
  }

  /** Settings go out once per process before the first write, so a fresh server gets them too. */
  private applySettingsOnce(): Promise<void> {
    this.settingsApplied ??= settle(
      this.client.index(this.indexUid).updateSettings(meiliSettings()),
      'updating settings',
    )
      .then(() => undefined)
      .catch((error: unknown) => {
        this.settingsApplied = null;
        throw error;
      });
    return this.settingsApplied;
  }
}
