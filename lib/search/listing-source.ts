/**
 * Keeps a `ListingIndex` of the open listings in step with Postgres, and asks Postgres which
 * listings match a text query.
 *
 * Freshness: every search first asks Postgres for the rows changed since the index last looked (one
 * indexed query, usually answering nothing), so a search sees every write committed before it
 * started, whichever process wrote it. Changes are found by transaction id, not by timestamp:
 * migration 0004 stamps each row with the transaction that last changed an indexed column
 * (`search_change_xid`), and the index remembers the oldest transaction still running when it last
 * read (its snapshot's xmin). Every transaction the index could not see then has an id at or above
 * that mark, so `search_change_xid >= mark` finds every change, however long the writing transaction
 * ran and whatever clock the writer used. Rows seen twice are simply upserted twice.
 *
 * Concurrent searches share refreshes: a search arriving while one is in flight waits for it and
 * then for one more (that one started after the search did), shared by everyone who arrived meanwhile.
 *
 * The whole index is rebuilt from scratch every few hours in the background (the old one keeps
 * serving meanwhile), which drops interned values nothing uses any more and picks up renamed
 * companies.
 */
import type postgres from 'postgres';
import type { Database } from '../db/client';
import { SEARCH_TEXT_CONFIG } from '../jobs';
import { ListingIndex, fragmentKey, type ListingRow, type TermFragment } from './listing-index';
import { fetchFragments } from './text-query';

/** Age after which the index is rebuilt from scratch in the background. */
const FULL_REBUILD_MS = 6 * 60 * 60 * 1000;

interface ListingRecord {
  id: number;
  company_id: number;
  company_slug: string;
  workplace: string;
  worldwide: boolean;
  countries: string;
  tz_min: number | null;
  tz_max: number | null;
  category: string;
  employment_type: string | null;
  seniority: string | null;
  tags: string;
  salary_top: number | null;
  salary_stated: boolean;
  first_seen_ms: number;
  title_terms: string;
  other_terms: string;
}

/** The columns of a `ListingRow`, from `jobs j join companies c`. */
function listingColumns(sql: postgres.Sql | postgres.TransactionSql): postgres.Fragment {
  return sql`
    j.id::float8 as id, j.company_id::float8 as company_id, c.slug as company_slug, j.workplace,
    j.worldwide, array_to_string(j.countries, ',') as countries, j.tz_min, j.tz_max, j.category,
    j.employment_type, j.seniority, array_to_string(j.tags, ',') as tags,
    coalesce(j.salary_usd_max, j.salary_usd_min)::float8 as salary_top,
    (j.salary_min is not null or j.salary_max is not null) as salary_stated,
    (extract(epoch from j.first_seen_at) * 1000)::float8 as first_seen_ms,
    array_to_string(tsvector_to_array(to_tsvector(${SEARCH_TEXT_CONFIG}::regconfig, j.title)), ' ') as title_terms,
    array_to_string(tsvector_to_array(to_tsvector(${SEARCH_TEXT_CONFIG}::regconfig,
      c.name || ' ' || array_to_string(j.tags, ' '))), ' ') as other_terms`;
}

function toListingRow(record: ListingRecord): ListingRow {
  return {
    id: record.id,
    companyId: record.company_id,
    workplace: record.workplace,
    worldwide: record.worldwide,
    countries: record.countries,
    tzMin: record.tz_min,
    tzMax: record.tz_max,
    category: record.category,
    employmentType: record.employment_type,
    seniority: record.seniority,
    tags: record.tags,
    salaryTop: record.salary_top,
    salaryStated: record.salary_stated,
    firstSeenMs: record.first_seen_ms,
    titleTerms: record.title_terms,
    otherTerms: record.other_terms,
  };
}

interface Loaded {
  index: ListingIndex;
  /** xmin of the snapshot the index last read (xid8 as a decimal string). */
  watermark: string;
  loadedAt: number;
}

export class LiveListingIndex {
  private loaded: Loaded | null = null;
  private running: Promise<ListingIndex> | null = null;
  private queued: Promise<ListingIndex> | null = null;
  private rebuilding: Promise<Loaded> | null = null;
  private rebuilt: Loaded | null = null;
  /** Fragments searches waiting for the next refresh need loaded. */
  private wanted = new Map<string, TermFragment>();

  constructor(
    private readonly database: Database,
    private readonly options: { fullRebuildMs?: number } = {},
  ) {}

  /**
   * The index, up to date with every change committed before this call, holding `fragments` (the
   * text query's leaves; loaded from Postgres if needed).
   */
  current(fragments: readonly TermFragment[] = []): Promise<ListingIndex> {
    for (const fragment of fragments) this.wanted.set(fragmentKey(fragment), fragment);
    if (!this.running) return this.start();
    // The refresh in flight may have read before this call: queue one more, shared.
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.running ?? this.start();
      });
    return this.queued;
  }

  /** Drop the index; the next search loads it again from scratch. */
  invalidate(): void {
    this.loaded = null;
    this.rebuilt = null;
  }

  private start(): Promise<ListingIndex> {
    const running = this.refresh().finally(() => {
      if (this.running === running) this.running = null;
    });
    this.running = running;
    return running;
  }

  private async refresh(): Promise<ListingIndex> {
    if (this.rebuilt) {
      this.loaded = this.rebuilt;
      this.rebuilt = null;
    }
    if (!this.loaded) {
      this.loaded = await this.load();
    } else {
      await this.applyChanges(this.loaded);
    }
    // Fragments are loaded inside the refresh, after its changes: anything committed after the
    // fragment's snapshot has a transaction id at or above the watermark, so the next refresh
    // applies it to the fragment too.
    const wanted = [...this.wanted.values()];
    this.wanted.clear();
    const index = this.loaded.index;
    for (const [fragment, ids] of await fetchFragments(this.database.sql, index.missingFragments(wanted))) {
      index.addFragment(fragment, ids);
    }
    const age = Date.now() - this.loaded.loadedAt;
    if (age > (this.options.fullRebuildMs ?? FULL_REBUILD_MS) && !this.rebuilding) {
      // Build a fresh index beside the serving one; the next refresh swaps it in and catches it up.
      this.rebuilding = this.load()
        .then((fresh) => (this.rebuilt = fresh))
        .finally(() => (this.rebuilding = null));
      this.rebuilding.catch((error: unknown) => {
        console.error(
          `search index: background rebuild failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    }
    return this.loaded.index;
  }

  /** Every open listing, read in one repeatable-read snapshot whose xmin becomes the watermark. */
  private async load(): Promise<Loaded> {
    const index = new ListingIndex();
    const loadedAt = Date.now();
    const watermark = await this.database.sql.begin(
      'isolation level repeatable read read only',
      async (tx) => {
        const [snapshot] = await tx<
          { xmin: string }[]
        >`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`;
        const companies = await tx<
          { id: number; slug: string }[]
        >`select id::float8 as id, slug from companies`;
        for (const company of companies) index.setCompany(company.id, company.slug);
        const records = await tx<ListingRecord[]>`
        select ${listingColumns(tx)}
          from jobs j join companies c on c.id = j.company_id
         where j.closed_at is null and j.duplicate_of_id is null`;
        for (const record of records) index.upsert(toListingRow(record));
        return snapshot!.xmin;
      },
    );
    return { index, watermark, loadedAt };
  }

  /** Apply the rows changed at or after the watermark, and move it. */
  private async applyChanges(loaded: Loaded): Promise<void> {
    const { sql } = this.database;
    const phrases = loaded.index.phraseFragments();
    const rows = await sql<ChangedRecord[]>`
      select w.watermark, j.id::float8 as changed_id, j.closed_at is null and j.duplicate_of_id is null as open,
             ${listingColumns(sql)},
             tsvector_to_array(j.search) as lexemes,
             array(select j.search @@ p.query::tsquery
                     from unnest(${sql.array(phrases)}::text[]) with ordinality as p(query, n) order by p.n) as phrase_matches
        from (select pg_snapshot_xmin(pg_current_snapshot())::text as watermark) w
        left join jobs j on j.search_change_xid >= ${loaded.watermark}::bigint
        left join companies c on c.id = j.company_id`;
    for (const row of rows) {
      if (row.changed_id === null) continue;
      if (row.open) {
        loaded.index.setCompany(row.company_id!, row.company_slug!);
        loaded.index.upsert({
          ...toListingRow(row as ListingRecord),
          lexemes: row.lexemes ?? [],
          phraseMatches: new Map(phrases.map((phrase, i) => [phrase, row.phrase_matches?.[i] ?? false])),
        });
      } else {
        loaded.index.remove(row.changed_id);
      }
    }
    if (rows[0]) loaded.watermark = rows[0].watermark;
  }
}

type ChangedRecord = Partial<ListingRecord> & {
  watermark: string;
  changed_id: number | null;
  open: boolean | null;
  lexemes: string[] | null;
  phrase_matches: boolean[] | null;
};
