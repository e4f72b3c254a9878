/**
 * The default engine: Postgres holds the data and answers full text; an in-process index of the open
 * listings answers everything else.
 *
 * Open listings (the site, the API, feeds, alerts): text matching runs in Postgres over the weighted
 * `jobs.search` tsvector (title A, company and tags B, description C; written by lib/jobs) and the
 * title trigram index (lib/search/text-query.ts), returning ids; filters, exact disjunctive facets,
 * relevance ranking, sorting and paging run over the `ListingIndex` (lib/search/listing-index.ts),
 * which every search first brings up to date with the rows changed since it last looked
 * (lib/search/listing-source.ts). Then one query loads the page's jobs.
 *
 * Why not all in SQL: exact disjunctive facets mean grouping every row a broad query covers, each
 * facet with every filter but its own; at 100,000 listings that was 100-300 ms a search in Postgres
 * and is 1-5 ms over typed arrays (bench/search.ts measures it).
 *
 * The archive (status=closed) grows without bound and is searched rarely, so it is not held in
 * memory: it runs as one SQL statement (below) computing the page, the total and every facet.
 */
import type postgres from 'postgres';
import type { Database } from '../db/client';
import type { FacetCounts, SearchEngine, SearchOptions, SearchResult } from './engine';
import { popcount, type ListingIndex, type TextMatches } from './listing-index';
import { LiveListingIndex } from './listing-source';
import type { JobQuery } from './query';
import {
  FACET_NAMES,
  MAX_FACET_VALUES,
  emptyFacets,
  emptyResult,
  loadJobSummaries,
  toFacetCounts,
  type FacetName,
} from './results';
import {
  FUZZY_BELOW,
  evaluateText,
  fragmentsOf,
  fuzzyTitleMatches,
  isPlainTextQuery,
  parseTextQuery,
  prefixTsquery,
  type ParsedText,
} from './text-query';

type Sql = postgres.Sql;
type Fragment = postgres.Fragment;

const DAY_MS = 86_400_000;

export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres';
  private readonly listings: LiveListingIndex;

  constructor(private readonly database: Database) {
    this.listings = new LiveListingIndex(database);
  }

  async search(query: JobQuery, options: SearchOptions = {}): Promise<SearchResult> {
    if (options.jobIds?.length === 0) return emptyResult(query.page, query.perPage);
    if (query.status === 'closed') return this.searchArchive(query, options);
    // The index refresh and parsing the text are independent round trips: run them together.
    const [current, parsed] = await Promise.all([
      this.listings.current(),
      query.q ? parseTextQuery(this.database.sql, query.q) : undefined,
    ]);
    let index = current;
    let text: TextMatches | undefined;
    if (parsed) ({ index, text } = await this.matchText(index, parsed));
    // Synchronously from here: the text bitsets are over the index's slots as they are now.
    const found = index.search({
      query,
      now: options.now ?? new Date(),
      firstSeenAfter: options.firstSeenAfter,
      jobIds: options.jobIds,
      text,
      pageOnly: options.pageOnly,
    });
    return {
      total: found.total,
      page: query.page,
      perPage: query.perPage,
      jobs: await loadJobSummaries(this.database, found.ids),
      facets: found.facets,
      internalIds: found.ids,
    };
  }

  /** Full-text (and, when few, typo) matches of a parsed query over the index. */
  private async matchText(
    current: ListingIndex,
    parsed: ParsedText,
  ): Promise<{ index: ListingIndex; text: TextMatches }> {
    const fragments = fragmentsOf(parsed);
    let index = current;
    let fuzzy = new Map<number, number>();
    let fuzzyChecked = false;
    // Each await may let a refresh run (or evict a fragment): evaluate again after it.
    for (let attempt = 0; attempt < 3; attempt++) {
      if (index.missingFragments(fragments).length > 0) index = await this.listings.current(fragments);
      const fullText = evaluateText(parsed, index);
      if (!fullText) continue;
      if (!fuzzyChecked && parsed.plain && popcount(fullText) < FUZZY_BELOW) {
        fuzzy = await fuzzyTitleMatches(this.database.sql, parsed.q);
        fuzzyChecked = true;
        continue;
      }
      return { index, text: { fullText, fuzzy, terms: parsed.terms } };
    }
    throw new Error(`search index: could not hold the fragments of ${JSON.stringify(parsed.q)}`);
  }

  /** Bytes the in-process index of open listings holds (loading it if needed). */
  async indexMemoryBytes(): Promise<number> {
    return (await this.listings.current()).memoryBytes();
  }

  /** Nothing to do: every search reads the rows changed since the index last looked. */
  async indexJobs(_jobIds: readonly number[]): Promise<void> {}

  /** Nothing to do: closed and duplicate jobs leave the index on the next search's refresh. */
  async removeJobs(_jobIds: readonly number[]): Promise<void> {}

  /** Refresh the planner's statistics and reload the index of open listings from scratch. */
  async rebuild(onProgress?: (progress: { done: number; total: number }) => void): Promise<void> {
    await this.database.sql`analyze jobs`;
    this.listings.invalidate();
    const index = await this.listings.current();
    onProgress?.({ done: index.size, total: index.size });
  }

  /**
   * Closed listings, in one statement (one round trip for ids + total + facets, then one to load the
   * page's jobs):
   * - `base`: closed listings matching every non-facet filter (text, country, time zone, salary,
   *   dates), and failing at most one facet filter. Facets are disjunctive, so a row failing only
   *   the category filter still counts towards the category facet; a row failing two counts nowhere.
   * - the page and the total: rows of `base` passing every facet filter.
   * - facets: one pass over `base` with grouping sets (category, type, seniority, company,
   *   workplace), each count filtered by every facet filter but its own, plus one unnest for tags.
   * Full-text matches always rank above fuzzy-only ones.
   */
  private async searchArchive(query: JobQuery, options: SearchOptions): Promise<SearchResult> {
    const { sql } = this.database;
    const plan = planArchiveSearch(sql, query, options);
    const [row] = await sql<
      { total: number; ids: (number | string)[]; facets: [FacetName, string, number][] }[]
    >`
      with terms as materialized (select ${plan.termsSelect}),
      base as materialized (
        select j.id, j.company_id, j.category, j.employment_type, j.seniority, j.workplace, j.tags,
               j.first_seen_at, coalesce(j.salary_usd_max, j.salary_usd_min) as salary_top,
               ${plan.rank} as rank, ${plan.matchColumns}
          from terms t, jobs j
         where ${plan.where}
      ),
      facet_rows as (
        select coalesce(category, employment_type, seniority, workplace) as value, company_id,
               case when grouping(category) = 0 then 'category'
                    when grouping(employment_type) = 0 then 'type'
                    when grouping(seniority) = 0 then 'seniority'
                    when grouping(company_id) = 0 then 'company'
                    else 'workplace' end as facet,
               case when grouping(category) = 0 then count(*) filter (where ${plan.allExcept('category')})
                    when grouping(employment_type) = 0 then count(*) filter (where ${plan.allExcept('type')})
                    when grouping(seniority) = 0 then count(*) filter (where ${plan.allExcept('seniority')})
                    when grouping(company_id) = 0 then count(*) filter (where ${plan.allExcept('company')})
                    else count(*) filter (where ${plan.allExcept('workplace')}) end as n
          from base
         group by grouping sets ((category), (employment_type), (seniority), (company_id), (workplace))
        union all
        select tag, null, 'tag', count(*)
          from base, unnest(base.tags) as tag
         where ${plan.allExcept('tag')}
         group by tag
      ),
      ranked_facets as (
        select facet, value, company_id, n, row_number() over (partition by facet order by n desc, value) as position
          from facet_rows
         where n > 0 and (value is not null or company_id is not null)
      )
      select
        (select count(*)::int from base where ${plan.all}) as total,
        (select coalesce(json_agg(page.id order by ${plan.order}), '[]'::json)
           from (select id, rank, first_seen_at, salary_top from base where ${plan.all}
                  order by ${plan.order} limit ${query.perPage} offset ${(query.page - 1) * query.perPage}) as page) as ids,
        (select coalesce(json_agg(json_build_array(f.facet, coalesce(f.value, c.slug), f.n)), '[]'::json)
           from ranked_facets f left join companies c on c.id = f.company_id
          where f.position <= ${MAX_FACET_VALUES}) as facets`;
    if (!row) throw new Error('search returned no row');
    const ids = row.ids.map(Number);
    const grouped = new Map<FacetName, [string, number][]>(FACET_NAMES.map((name) => [name, []]));
    for (const [facet, value, count] of row.facets) grouped.get(facet)?.push([value, Number(count)]);
    const facets = emptyFacets();
    for (const name of FACET_NAMES)
      facets[name] = toFacetCounts(grouped.get(name) ?? []) satisfies FacetCounts;
    return {
      total: row.total,
      page: query.page,
      perPage: query.perPage,
      jobs: await loadJobSummaries(this.database, ids),
      facets,
      internalIds: ids,
    };
  }
}

interface SearchPlan {
  termsSelect: Fragment;
  rank: Fragment;
  /** `m_<facet>` boolean columns of `base`, one per active facet filter. */
  matchColumns: Fragment;
  where: Fragment;
  /** Rows passing every facet filter. */
  all: Fragment;
  /** Rows passing every facet filter except `facet`'s. */
  allExcept(facet: FacetName): Fragment;
  order: Fragment;
}

function joinFragments(sql: Sql, fragments: readonly Fragment[], separator: 'and' | 'or' | ','): Fragment {
  if (fragments.length === 0) return separator === 'or' ? sql`false` : sql`true`;
  return fragments.reduce((joined, fragment) =>
    separator === ','
      ? sql`${joined}, ${fragment}`
      : separator === 'and'
        ? sql`${joined} and ${fragment}`
        : sql`${joined} or ${fragment}`,
  );
}

function planArchiveSearch(sql: Sql, query: JobQuery, options: SearchOptions): SearchPlan {
  const now = options.now ?? new Date();
  const texts = (values: readonly string[]) => sql`${sql.array([...values])}::text[]`;
  // ISO text with a cast: the connection sends parameters as text, and a Date would not serialize.
  const timestamp = (date: Date) => sql`${date.toISOString()}::timestamptz`;

  // Facet filters (disjunctive): evaluated once per row into m_<facet> columns of `base`.
  const facetFilters = new Map<FacetName, Fragment>();
  facetFilters.set('workplace', sql`j.workplace = any(${texts(query.workplace)})`);
  if (query.category.length > 0)
    facetFilters.set('category', sql`j.category = any(${texts(query.category)})`);
  if (query.type.length > 0) facetFilters.set('type', sql`j.employment_type = any(${texts(query.type)})`);
  if (query.seniority.length > 0)
    facetFilters.set('seniority', sql`j.seniority = any(${texts(query.seniority)})`);
  if (query.company.length > 0) {
    facetFilters.set(
      'company',
      sql`j.company_id = any(array(select id from companies where slug = any(${texts(query.company)})))`,
    );
  }
  if (query.tag.length > 0) facetFilters.set('tag', sql`j.tags && ${texts(query.tag)}`);
  const active = [...facetFilters.keys()];
  const matchColumn = (facet: FacetName) => sql.unsafe(`m_${facet}`);

  const conditions: Fragment[] = [sql`j.duplicate_of_id is null`];
  conditions.push(sql`j.closed_at is not null`);

  let rank: Fragment = sql`0::real`;
  let termsSelect: Fragment = sql`null::tsquery as wq`;
  if (query.q) {
    const plain = isPlainTextQuery(query.q);
    const prefix = plain ? prefixTsquery(query.q) : null;
    termsSelect = sql`
      websearch_to_tsquery('english', ${query.q}) as wq,
      ${prefix === null ? sql`null::tsquery` : sql`to_tsquery('english', ${prefix})`} as pq,
      ${query.q}::text as q`;
    const textMatch = prefix === null ? sql`j.search @@ t.wq` : sql`(j.search @@ t.wq or j.search @@ t.pq)`;
    if (plain) {
      conditions.push(sql`(${textMatch} or t.q <<% j.title)`);
      // Full-text hits rank in (1, 2]; fuzzy title-only hits by similarity in [0, 1].
      rank = sql`case when ${textMatch} then 1 + ts_rank_cd(j.search, ${prefix === null ? sql`t.wq` : sql`t.wq || t.pq`}, 32)
                      else strict_word_similarity(t.q, j.title) end`;
    } else {
      conditions.push(textMatch);
      rank = sql`ts_rank_cd(j.search, t.wq, 32)`;
    }
  }
  if (query.country) {
    conditions.push(sql`(j.worldwide or j.countries @> array[${query.country}]::text[])`);
  }
  if (query.tz !== null) {
    conditions.push(
      sql`(j.tz_min is null or j.tz_max is null or ${query.tz}::real between j.tz_min and j.tz_max)`,
    );
  }
  const salaryTop = sql`coalesce(j.salary_usd_max, j.salary_usd_min)`;
  if (query.salaryMin !== null) {
    conditions.push(
      query.salary === 'stated'
        ? sql`${salaryTop} >= ${query.salaryMin}`
        : sql`(${salaryTop} >= ${query.salaryMin} or ${salaryTop} is null)`,
    );
  } else if (query.salary === 'stated') {
    conditions.push(sql`(j.salary_min is not null or j.salary_max is not null)`);
  }
  if (query.posted !== null) {
    conditions.push(sql`j.first_seen_at >= ${timestamp(new Date(now.getTime() - query.posted * DAY_MS))}`);
  }
  if (options.firstSeenAfter) conditions.push(sql`j.first_seen_at > ${timestamp(options.firstSeenAfter)}`);
  if (options.jobIds) conditions.push(sql`j.id = any(${sql.array(options.jobIds)}::bigint[])`);

  // At most one facet filter may fail: such a row still counts for that one facet.
  if (active.length >= 2) {
    const passedCount = active
      .map((facet) => sql`(${facetFilters.get(facet)!})::int`)
      .reduce((sum, term) => sql`${sum} + ${term}`);
    conditions.push(sql`(${passedCount}) >= ${active.length - 1}`);
  }

  const allExcept = (excluded: FacetName | null) =>
    joinFragments(sql, active.filter((facet) => facet !== excluded).map(matchColumn), 'and');

  const order =
    query.sort === 'relevance' && query.q
      ? sql`rank desc, first_seen_at desc, id desc`
      : query.sort === 'salary'
        ? sql`salary_top desc nulls last, first_seen_at desc, id desc`
        : sql`first_seen_at desc, id desc`;

  return {
    termsSelect,
    rank,
    matchColumns: joinFragments(
      sql,
      active.map((facet) => sql`${facetFilters.get(facet)!} as ${matchColumn(facet)}`),
      ',',
    ),
    where: joinFragments(sql, conditions, 'and'),
    all: allExcept(null),
    allExcept: (facet) => allExcept(facet),
    order,
  };
}
