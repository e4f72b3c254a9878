/**
 * An in-memory index of the open listings, for the Postgres engine: every column a filter, a facet
 * or a sort reads, held in typed arrays (one slot per listing), so filtering, exact disjunctive facet
 * counts, sorting and paging over 100,000 listings take a few milliseconds of plain loops instead of
 * a few hundred milliseconds of GROUP BYs. Pure: no I/O. lib/search/listing-source.ts fills it from
 * Postgres and keeps it fresh; full-text matching stays in Postgres and arrives here as ids.
 *
 * Memory: about 100 bytes a listing in typed arrays, plus interned values (company ids, country
 * lists, tag sets and title terms are stored once per distinct value, not per listing).
 *
 * Orders (newest first, highest salary first) are kept sorted across updates: changed slots are
 * taken out and merged back in, so a refresh of a few rows never re-sorts 100,000.
 */
import type { JobQuery } from './query';
import { FACET_NAMES, emptyFacets, toFacetCounts, type FacetName } from './results';
import type { FacetCounts } from './engine';

/** One open listing as the index stores it. */
export interface ListingRow {
  id: number;
  companyId: number;
  workplace: string;
  worldwide: boolean;
  /** ISO codes, comma-separated ('' when none): lists repeat a lot, so they are interned whole. */
  countries: string;
  tzMin: number | null;
  tzMax: number | null;
  category: string;
  employmentType: string | null;
  seniority: string | null;
  /** Tag ids, comma-separated, sorted ('' when none). */
  tags: string;
  /** Top of the annual USD range (`coalesce(salary_usd_max, salary_usd_min)`), or null. */
  salaryTop: number | null;
  /** A salary is stated (a min or a max), whether or not it converts to USD. */
  salaryStated: boolean;
  firstSeenMs: number;
  /** Lexemes of the title (weight A of the search vector), space-separated. */
  titleTerms: string;
  /** Lexemes of the company name and tags (weight B), space-separated. */
  otherTerms: string;
  /**
   * Every lexeme of the listing's search vector, to keep loaded term fragments up to date. Required
   * once fragments are loaded (refreshes); a full load into a fresh index has none to update.
   */
  lexemes?: readonly string[];
  /** Whether the listing matches each loaded phrase fragment, by the fragment's tsquery text. */
  phraseMatches?: ReadonlyMap<string, boolean>;
}

/**
 * A leaf of a text query whose matching listings the index can hold as a bitset: a lexeme, a prefix
 * (`'typescr':*`) or a phrase (`'product' <-> 'design'`, matched by Postgres, which has positions).
 */
export interface TermFragment {
  kind: 'lexeme' | 'prefix' | 'phrase';
  /** The fragment as tsquery text, exactly as Postgres printed it. */
  tsquery: string;
  /** The lexeme (lexeme and prefix kinds). */
  lexeme: string;
}

/** The cache key of a fragment. */
export function fragmentKey(fragment: TermFragment): string {
  return fragment.kind === 'phrase' ? `phrase ${fragment.tsquery}` : `${fragment.kind} ${fragment.lexeme}`;
}

/** A word of the text query, as Postgres parsed it: a lexeme, or a prefix (`typescr:*`). */
export interface QueryTerm {
  lexeme: string;
  prefix: boolean;
}

/** What text matching found for `q`. */
export interface TextMatches {
  /** Listings matching the full-text query: a bitset by slot (from `evaluate` over this index's fragments). */
  fullText: Bitset;
  /** Listings whose title is similar to the query (typos), id -> similarity in [0, 1]; may overlap fullText. */
  fuzzy: ReadonlyMap<number, number>;
  /** The query's positive terms, for ranking. */
  terms: readonly QueryTerm[];
}

export interface IndexSearch {
  query: JobQuery;
  now: Date;
  firstSeenAfter?: Date;
  jobIds?: readonly number[];
  /** Required when `query.q` is set. */
  text?: TextMatches;
  /**
   * Only the page is wanted (feeds): no facet is counted, and unless the page is ranked by relevance
   * the pass stops at the page's last listing, so `total` only counts the matches up to there.
   */
  pageOnly?: boolean;
}

export interface IndexSearchResult {
  total: number;
  /** Database ids of the requested page, in order. */
  ids: number[];
  facets: Record<FacetName, FacetCounts>;
}

/**
 * Relevance weights, as `ts_rank`'s defaults weigh the search vector's parts: a term found in the
 * title counts most, in the company name or tags less, in the description least. Full-text hits
 * always rank above fuzzy (typo) hits, whose score is their similarity in [0, 1].
 */
const TITLE_POINTS = 10;
const OTHER_POINTS = 4;
const DESCRIPTION_POINTS = 1;

const DAY_MS = 86_400_000;
const NONE = 0;

/** Values of one column, each stored once; code 0 is reserved for null. */
class Dictionary {
  private readonly codes = new Map<string, number>();
  readonly values: (string | null)[] = [null];

  code(value: string | null): number {
    if (value === null) return NONE;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(value, code);
      this.values.push(value);
    }
    return code;
  }

  find(value: string): number | undefined {
    return this.codes.get(value);
  }

  get size(): number {
    return this.values.length;
  }

  /** A lookup table by code: 1 for the codes of `values`. */
  mask(values: readonly string[]): Uint8Array {
    const mask = new Uint8Array(this.size);
    for (const value of values) {
      const code = this.codes.get(value);
      if (code !== undefined) mask[code] = 1;
    }
    return mask;
  }

  /** Rough bytes held: the map entries and the strings. */
  bytes(): number {
    let bytes = 0;
    for (const value of this.values) bytes += 64 + (value?.length ?? 0) * 2;
    return bytes;
  }
}

/** Interned lists (country lists, tag sets, term sets): each distinct list once, as codes of its items. */
class ListDictionary {
  private readonly lists = new Dictionary();
  /** Items of each list, by list code. */
  readonly items: Int32Array[] = [new Int32Array(0)];
  /**
   * With `inverted`: the codes of the lists holding each item, by item code. Ranking asks which
   * term sets hold a query's two or three terms; walking these lists answers that in the sum of
   * their lengths, where testing every set a page's matches use took 12 ms for a phrase matching
   * 37,000 listings (their company-and-tags sets are 26,000 distinct lists).
   */
  private readonly listsByItem: number[][] | null;

  constructor(
    readonly itemDictionary: Dictionary,
    private readonly separator: string,
    options: { inverted?: boolean } = {},
  ) {
    this.listsByItem = options.inverted ? [] : null;
  }

  code(list: string): number {
    if (list === '') return NONE;
    const code = this.lists.code(list);
    if (code === this.items.length) {
      const items = Int32Array.from(list.split(this.separator), (item) => this.itemDictionary.code(item));
      this.items.push(items);
      if (this.listsByItem) for (const item of items) (this.listsByItem[item] ??= []).push(code);
    }
    return code;
  }

  get size(): number {
    return this.items.length;
  }

  /** A lookup table by list code: 1 for lists containing an item of `itemMask`. */
  anyOf(itemMask: Uint8Array): Uint8Array {
    const mask = new Uint8Array(this.size);
    for (let code = 1; code < this.items.length; code++) {
      for (const item of this.items[code]!) {
        if (itemMask[item]) {
          mask[code] = 1;
          break;
        }
      }
    }
    return mask;
  }

  /**
   * By list code, into `out` (at least `size` long): the OR of `bitsByItem`'s bits over the list's
   * items; 0 for lists holding none of them. Needs `inverted`.
   */
  itemBits(bitsByItem: ReadonlyMap<number, number>, out: Int32Array): Int32Array {
    if (!this.listsByItem) throw new Error('ListDictionary.itemBits needs an inverted dictionary');
    out.fill(0);
    for (const [item, bits] of bitsByItem) {
      for (const list of this.listsByItem[item] ?? []) out[list]! |= bits;
    }
    return out;
  }

  bytes(): number {
    const inverted = this.listsByItem?.reduce((sum, lists) => sum + 32 + lists.length * 8, 0) ?? 0;
    return this.lists.bytes() + this.items.reduce((sum, items) => sum + 48 + items.byteLength, 0) + inverted;
  }
}

const INITIAL_CAPACITY = 1024;

/** Most term fragments held; the least recently used go first. 16 kB each at 100,000 listings. */
const MAX_FRAGMENTS = 1024;

/** A set of slots, one bit each. Bits past the end are 0. */
export type Bitset = Uint32Array;

export function hasBit(bits: Bitset, slot: number): boolean {
  return ((bits[slot >>> 5] ?? 0) & (1 << (slot & 31))) !== 0;
}

function setBit(bits: Bitset, slot: number, value: boolean): void {
  const word = slot >>> 5;
  if (value) bits[word]! |= 1 << (slot & 31);
  else bits[word]! &= ~(1 << (slot & 31));
}

/** How many slots a bitset holds. */
export function popcount(bits: Bitset): number {
  let count = 0;
  for (let word of bits) {
    word -= (word >>> 1) & 0x55555555;
    word = (word & 0x33333333) + ((word >>> 2) & 0x33333333);
    count += (((word + (word >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return count;
}

export class ListingIndex {
  private capacity = 0;
  private count = 0;
  private readonly slotById = new Map<number, number>();
  private readonly freeSlots: number[] = [];

  // Columns, one entry per slot.
  private ids = new Float64Array(0);
  private alive = new Uint8Array(0);
  private company = new Int32Array(0);
  private workplace = new Int32Array(0);
  private category = new Int32Array(0);
  private employmentType = new Int32Array(0);
  private seniority = new Int32Array(0);
  private worldwide = new Uint8Array(0);
  private countries = new Int32Array(0);
  private tzMin = new Float32Array(0);
  private tzMax = new Float32Array(0);
  private tags = new Int32Array(0);
  private salaryTop = new Float64Array(0);
  private salaryStated = new Uint8Array(0);
  private firstSeen = new Float64Array(0);
  private titleTerms = new Int32Array(0);
  private otherTerms = new Int32Array(0);

  private readonly companyIds = new Dictionary();
  private readonly workplaces = new Dictionary();
  private readonly categories = new Dictionary();
  private readonly employmentTypes = new Dictionary();
  private readonly seniorities = new Dictionary();
  private readonly countryLists = new ListDictionary(new Dictionary(), ',');
  private readonly tagSets = new ListDictionary(new Dictionary(), ',');
  private readonly lexemes = new Dictionary();
  private readonly titleTermSets = new ListDictionary(this.lexemes, ' ', { inverted: true });
  private readonly otherTermSets = new ListDictionary(this.lexemes, ' ', { inverted: true });

  /**
   * Scratch buffers reused by every search (searches are synchronous, so never two at once):
   * allocating a few hundred kB of typed arrays per search would keep the garbage collector busy.
   */
  private readonly scratch = new Map<string, Int32Array>();

  /** Loaded term fragments, least recently used first. */
  private readonly fragments = new Map<string, { fragment: TermFragment; bits: Bitset }>();

  /** Company slug by company id (facet values and the company filter speak slugs). */
  private readonly companySlugs = new Map<number, string>();

  private readonly newest = new SortedSlots((a, b) => this.compareNewest(a, b));
  private readonly bySalary = new SortedSlots((a, b) => this.compareSalary(a, b));

  /** Open listings held. */
  get size(): number {
    return this.count;
  }

  has(id: number): boolean {
    return this.slotById.has(id);
  }

  /** Tell the index a company's slug (before or after its listings arrive). */
  setCompany(companyId: number, slug: string): void {
    this.companySlugs.set(companyId, slug);
  }

  hasCompany(companyId: number): boolean {
    return this.companySlugs.has(companyId);
  }

  /** Add a listing, or replace the one with the same id. */
  upsert(row: ListingRow): void {
    let slot = this.slotById.get(row.id);
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.grow();
      this.slotById.set(row.id, slot);
      this.count++;
    } else {
      this.newest.changed(slot);
      this.bySalary.changed(slot);
    }
    this.ids[slot] = row.id;
    this.alive[slot] = 1;
    this.company[slot] = this.companyIds.code(String(row.companyId));
    this.workplace[slot] = this.workplaces.code(row.workplace);
    this.category[slot] = this.categories.code(row.category);
    this.employmentType[slot] = this.employmentTypes.code(row.employmentType);
    this.seniority[slot] = this.seniorities.code(row.seniority);
    this.worldwide[slot] = row.worldwide ? 1 : 0;
    this.countries[slot] = this.countryLists.code(row.countries);
    this.tzMin[slot] = row.tzMin ?? Number.NaN;
    this.tzMax[slot] = row.tzMax ?? Number.NaN;
    this.tags[slot] = this.tagSets.code(row.tags);
    this.salaryTop[slot] = row.salaryTop ?? Number.NaN;
    this.salaryStated[slot] = row.salaryStated ? 1 : 0;
    this.firstSeen[slot] = row.firstSeenMs;
    this.titleTerms[slot] = this.titleTermSets.code(row.titleTerms);
    this.otherTerms[slot] = this.otherTermSets.code(row.otherTerms);
    this.updateFragments(slot, row);
    this.newest.added(slot);
    this.bySalary.added(slot);
  }

  /** Drop a listing (closed, turned duplicate, gone). Unknown ids are ignored. */
  remove(id: number): void {
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    this.slotById.delete(id);
    this.alive[slot] = 0;
    for (const { bits } of this.fragments.values()) setBit(bits, slot, false);
    this.freeSlots.push(slot);
    this.count--;
    this.newest.removed(slot);
    this.bySalary.removed(slot);
  }

  /** The fragments of `wanted` the index does not hold. */
  missingFragments(wanted: readonly TermFragment[]): TermFragment[] {
    return wanted.filter((fragment) => !this.fragments.has(fragmentKey(fragment)));
  }

  /** Tsquery texts of the loaded phrase fragments (a refresh must say which changed rows match them). */
  phraseFragments(): string[] {
    return [...this.fragments.values()]
      .filter(({ fragment }) => fragment.kind === 'phrase')
      .map(({ fragment }) => fragment.tsquery);
  }

  /** Hold a fragment: the ids of the open listings matching it (ids the index lacks are skipped). */
  addFragment(fragment: TermFragment, ids: Iterable<number>): void {
    const bits = this.bitsOf(ids);
    const key = fragmentKey(fragment);
    this.fragments.delete(key);
    this.fragments.set(key, { fragment, bits });
    for (const oldest of this.fragments.keys()) {
      if (this.fragments.size <= MAX_FRAGMENTS) break;
      this.fragments.delete(oldest);
    }
  }

  /** A loaded fragment's bitset (marking it recently used), or undefined. */
  fragmentBits(fragment: TermFragment): Bitset | undefined {
    const key = fragmentKey(fragment);
    const entry = this.fragments.get(key);
    if (!entry) return undefined;
    this.fragments.delete(key);
    this.fragments.set(key, entry);
    return entry.bits;
  }

  /** The listings of `ids` as a bitset (ids the index lacks are skipped). */
  bitsOf(ids: Iterable<number>): Bitset {
    const bits: Bitset = new Uint32Array(this.capacity >>> 5);
    for (const id of ids) {
      const slot = this.slotById.get(id);
      if (slot !== undefined) setBit(bits, slot, true);
    }
    return bits;
  }

  /** Every open listing, as a bitset (the universe a negation is taken against). */
  allBits(): Bitset {
    const bits: Bitset = new Uint32Array(this.capacity >>> 5);
    for (let slot = 0; slot < this.capacity; slot++) if (this.alive[slot]) setBit(bits, slot, true);
    return bits;
  }

  /** Database ids of a bitset's listings (tests, diagnostics). */
  idsOf(bits: Bitset): number[] {
    const ids: number[] = [];
    for (let slot = 0; slot < this.capacity; slot++)
      if (this.alive[slot] && hasBit(bits, slot)) ids.push(this.ids[slot]!);
    return ids;
  }

  private updateFragments(slot: number, row: ListingRow): void {
    if (this.fragments.size === 0) return;
    if (!row.lexemes) {
      // Nothing says which fragments the row matches: drop them rather than answer wrongly.
      this.fragments.clear();
      return;
    }
    const lexemes = new Set(row.lexemes);
    for (const [key, entry] of this.fragments) {
      const { fragment } = entry;
      let matches: boolean;
      if (fragment.kind === 'lexeme') {
        matches = lexemes.has(fragment.lexeme);
      } else if (fragment.kind === 'prefix') {
        matches = row.lexemes.some((lexeme) => lexeme.startsWith(fragment.lexeme));
      } else {
        const known = row.phraseMatches?.get(fragment.tsquery);
        if (known === undefined) {
          this.fragments.delete(key);
          continue;
        }
        matches = known;
      }
      if (slot >>> 5 >= entry.bits.length) {
        const grown: Bitset = new Uint32Array(this.capacity >>> 5);
        grown.set(entry.bits);
        entry.bits = grown;
      }
      setBit(entry.bits, slot, matches);
    }
  }

  /** Approximate bytes held: typed arrays plus interned values. */
  memoryBytes(): number {
    const columns = [
      this.ids,
      this.alive,
      this.company,
      this.workplace,
      this.category,
      this.employmentType,
      this.seniority,
      this.worldwide,
      this.countries,
      this.tzMin,
      this.tzMax,
      this.tags,
      this.salaryTop,
      this.salaryStated,
      this.firstSeen,
      this.titleTerms,
      this.otherTerms,
    ].reduce((sum, column) => sum + column.byteLength, 0);
    return (
      columns +
      this.slotById.size * 40 +
      [...this.fragments.values()].reduce((sum, { bits }) => sum + bits.byteLength + 100, 0) +
      this.newest.bytes() +
      this.bySalary.bytes() +
      [
        this.companyIds,
        this.workplaces,
        this.categories,
        this.employmentTypes,
        this.seniorities,
        this.lexemes,
      ].reduce((sum, dictionary) => sum + dictionary.bytes(), 0) +
      [this.countryLists, this.tagSets, this.titleTermSets, this.otherTermSets].reduce(
        (sum, lists) => sum + lists.bytes(),
        0,
      )
    );
  }

  /**
   * Run a search over the open listings: filters, exact disjunctive facets (each facet counted with
   * every filter but its own), sort and page. Text matching must already have happened in Postgres
   * (`request.text`).
   */
  search(request: IndexSearch): IndexSearchResult {
    const { query } = request;
    const filters = this.compileFilters(request);
    const relevance = query.sort === 'relevance' && request.text !== undefined;
    const order = query.sort === 'salary' ? this.bySalary : this.newest;
    const sorted = order.slots(this);
    let visit = sorted;
    if (filters.candidates) {
      // Few candidates (text matches, jobIds): visit just those, in the order's sequence.
      const positions = order.positions(this.capacity);
      const candidatePositions = new Int32Array(filters.candidates.length);
      for (let i = 0; i < filters.candidates.length; i++)
        candidatePositions[i] = positions[filters.candidates[i]!]!;
      candidatePositions.sort();
      visit = candidatePositions.map((position) => sorted[position]!);
    }

    // The hot loop: plain locals and typed arrays only (100,000 iterations per browse).
    const { candidateBits, countryMask, tz, salaryMin, statedOnly, since } = filters;
    const { worldwide, countries, tzMin, tzMax, salaryTop, salaryStated, firstSeen } = this;
    const activeFacets = filters.activeFacets;
    const activeColumns = filters.activeColumns;
    const activeMasks = filters.activeMasks;
    const activeCount = activeFacets.length;
    const pageOnly = request.pageOnly === true;
    const counts = pageOnly ? null : new FacetCounters(this);
    const offset = (query.page - 1) * query.perPage;
    const end = offset + query.perPage;
    // In the order's sequence, the page is complete once `end` listings passed.
    const stopAtEnd = pageOnly && !relevance;
    // Listings passing every filter: all of them for relevance (ranked after), else just the page.
    const passing = this.scratchBuffer('passing', relevance ? visit.length : query.perPage);
    let passed = 0;
    let total = 0;
    for (let i = 0; i < visit.length; i++) {
      const slot = visit[i]!;
      if (candidateBits !== null && ((candidateBits[slot >>> 5] ?? 0) & (1 << (slot & 31))) === 0) continue;
      if (countryMask !== null && worldwide[slot] === 0 && countryMask[countries[slot]!] === 0) continue;
      if (tz !== null) {
        const min = tzMin[slot]!;
        const max = tzMax[slot]!;
        if (min === min && max === max && (tz < min || tz > max)) continue; // x === x: not NaN
      }
      if (salaryMin !== null) {
        const top = salaryTop[slot]!;
        if (top !== top ? statedOnly : top < salaryMin) continue;
      } else if (statedOnly && salaryStated[slot] === 0) {
        continue;
      }
      if (firstSeen[slot]! < since) continue;
      let failed = -1;
      let failures = 0;
      for (let k = 0; k < activeCount; k++) {
        if (activeMasks[k]![activeColumns[k]![slot]!] === 0) {
          failed = activeFacets[k]!;
          if (++failures > 1) break;
        }
      }
      if (failures === 0) {
        counts?.countAll(slot);
        if (relevance || (total >= offset && total < end)) passing[passed++] = slot;
        total++;
        if (stopAtEnd && total >= end) break;
      } else if (failures === 1) {
        counts?.countOne(failed, slot);
      }
    }

    const matched = passing.subarray(0, passed);
    const page = relevance ? this.rankedPage(matched, request.text!, offset, query.perPage) : [...matched];
    return { total, ids: page.map((slot) => this.ids[slot]!), facets: counts?.result() ?? emptyFacets() };
  }

  // ---- Internals -------------------------------------------------------------------------------

  private grow(): number {
    if (this.count + this.freeSlots.length >= this.capacity) {
      const capacity = Math.max(INITIAL_CAPACITY, this.capacity * 2);
      const resize = <T extends Float64Array | Float32Array | Int32Array | Uint16Array | Uint8Array>(
        array: T,
        make: (length: number) => T,
      ): T => {
        const next = make(capacity);
        next.set(array);
        return next;
      };
      this.ids = resize(this.ids, (n) => new Float64Array(n));
      this.alive = resize(this.alive, (n) => new Uint8Array(n));
      this.company = resize(this.company, (n) => new Int32Array(n));
      this.workplace = resize(this.workplace, (n) => new Int32Array(n));
      this.category = resize(this.category, (n) => new Int32Array(n));
      this.employmentType = resize(this.employmentType, (n) => new Int32Array(n));
      this.seniority = resize(this.seniority, (n) => new Int32Array(n));
      this.worldwide = resize(this.worldwide, (n) => new Uint8Array(n));
      this.countries = resize(this.countries, (n) => new Int32Array(n));
      this.tzMin = resize(this.tzMin, (n) => new Float32Array(n));
      this.tzMax = resize(this.tzMax, (n) => new Float32Array(n));
      this.tags = resize(this.tags, (n) => new Int32Array(n));
      this.salaryTop = resize(this.salaryTop, (n) => new Float64Array(n));
      this.salaryStated = resize(this.salaryStated, (n) => new Uint8Array(n));
      this.firstSeen = resize(this.firstSeen, (n) => new Float64Array(n));
      this.titleTerms = resize(this.titleTerms, (n) => new Int32Array(n));
      this.otherTerms = resize(this.otherTerms, (n) => new Int32Array(n));
      this.capacity = capacity;
    }
    return this.count + this.freeSlots.length;
  }

  private compareNewest(a: number, b: number): number {
    return this.firstSeen[b]! - this.firstSeen[a]! || this.ids[b]! - this.ids[a]!;
  }

  /** Highest salary first, unstated last; then newest. */
  private compareSalary(a: number, b: number): number {
    const x = this.salaryTop[a]!;
    const y = this.salaryTop[b]!;
    const xKnown = !Number.isNaN(x);
    const yKnown = !Number.isNaN(y);
    if (xKnown !== yKnown) return xKnown ? -1 : 1;
    return (xKnown && y - x) || this.compareNewest(a, b);
  }

  isAlive(slot: number): boolean {
    return this.alive[slot] === 1;
  }

  /** Alive slots (for SortedSlots' full rebuilds). */
  aliveSlots(): Int32Array {
    const slots = new Int32Array(this.count);
    let n = 0;
    for (let slot = 0; slot < this.capacity; slot++) if (this.alive[slot]) slots[n++] = slot;
    return slots;
  }

  /** Per-query filter state: masks by code, built once, read per slot. */
  private compileFilters(request: IndexSearch): CompiledFilters {
    const { query } = request;
    // Slots a text query or jobIds allow, and the list of them when they are few.
    let candidateBits: Bitset | null = null;
    if (query.q) {
      const text = request.text;
      if (!text) throw new Error('a text query needs its matches');
      candidateBits = new Uint32Array(Math.max(text.fullText.length, this.capacity >>> 5));
      candidateBits.set(text.fullText);
      for (const id of text.fuzzy.keys()) {
        const slot = this.slotById.get(id);
        if (slot !== undefined) setBit(candidateBits, slot, true);
      }
    }
    if (request.jobIds) {
      const allowed = this.bitsOf(request.jobIds);
      if (candidateBits)
        for (let word = 0; word < allowed.length; word++) allowed[word]! &= candidateBits[word] ?? 0;
      candidateBits = allowed;
    }
    let candidates: Int32Array | null = null;
    if (candidateBits && popcount(candidateBits) < this.count / 8) {
      const slots: number[] = [];
      for (let word = 0; word < candidateBits.length; word++) {
        let bits = candidateBits[word]!;
        while (bits !== 0) {
          const low = bits & -bits;
          const slot = (word << 5) + 31 - Math.clz32(low);
          if (this.alive[slot]) slots.push(slot);
          bits ^= low;
        }
      }
      candidates = Int32Array.from(slots);
    }

    const countryMask = query.country
      ? this.countryLists.anyOf(this.countryLists.itemDictionary.mask([query.country]))
      : null;
    const since = Math.max(
      query.posted === null ? -Infinity : request.now.getTime() - query.posted * DAY_MS,
      // firstSeenAfter is strict; timestamps are whole milliseconds.
      request.firstSeenAfter ? request.firstSeenAfter.getTime() + 1 : -Infinity,
    );

    const companyMask = new Uint8Array(this.companyIds.size);
    const wantedCompanies = new Set(query.company);
    for (const [companyId, slug] of this.companySlugs) {
      if (!wantedCompanies.has(slug)) continue;
      const code = this.companyIds.find(String(companyId));
      if (code !== undefined) companyMask[code] = 1;
    }

    // Facet filters: [index in FACET_NAMES, column, mask by code], for the filtered facets only.
    const active: (readonly [facet: number, column: Int32Array, mask: Uint8Array])[] = [];
    FACET_NAMES.forEach((facet, position) => {
      const entry = this.facetFilter(facet, query, companyMask);
      if (entry) active.push([position, entry[0], entry[1]]);
    });

    return {
      candidates,
      candidateBits,
      countryMask,
      tz: query.tz,
      salaryMin: query.salaryMin,
      statedOnly: query.salary === 'stated',
      since,
      activeFacets: active.map(([facet]) => facet),
      activeColumns: active.map(([, column]) => column),
      activeMasks: active.map(([, , mask]) => mask),
    };
  }

  /** A reusable buffer of `length` (contents undefined). */
  private scratchBuffer(name: string, length: number): Int32Array {
    let buffer = this.scratch.get(name);
    if (!buffer || buffer.length < length)
      this.scratch.set(name, (buffer = new Int32Array(Math.max(length, 1024))));
    return buffer.subarray(0, length);
  }

  /** The column and accepted codes of one facet's filter, or null when the query does not filter it. */
  private facetFilter(
    facet: FacetName,
    query: JobQuery,
    companyMask: Uint8Array,
  ): readonly [Int32Array, Uint8Array] | null {
    switch (facet) {
      case 'category':
        return query.category.length > 0 ? [this.category, this.categories.mask(query.category)] : null;
      case 'type':
        return query.type.length > 0 ? [this.employmentType, this.employmentTypes.mask(query.type)] : null;
      case 'seniority':
        return query.seniority.length > 0 ? [this.seniority, this.seniorities.mask(query.seniority)] : null;
      case 'company':
        return query.company.length > 0 ? [this.company, companyMask] : null;
      case 'tag':
        return query.tag.length > 0
          ? [this.tags, this.tagSets.anyOf(this.tagSets.itemDictionary.mask(query.tag))]
          : null;
      case 'workplace':
        return [this.workplace, this.workplaces.mask(query.workplace)];
    }
  }

  /**
   * The page of `passing` (newest first) by relevance: full-text hits by score (title terms over
   * company and tag terms over description-only), then fuzzy-only hits by similarity; newest first
   * among equals. Full-text scores are small integers, so instead of sorting, this counts how many
   * listings each score has and collects just the page's listings in one more pass.
   */
  private rankedPage(passing: Int32Array, text: TextMatches, offset: number, limit: number): number[] {
    const terms = text.terms.slice(0, 30);
    const termBits = queryTermBits(this.lexemes, terms);
    const allTerms = (1 << terms.length) - 1;
    // Which query terms each title (and each company + tags) term set holds, as a bit mask.
    const titleMasks = this.titleTermSets.itemBits(
      termBits,
      this.scratchBuffer('titleMasks', this.titleTermSets.size),
    );
    const otherMasks = this.otherTermSets.itemBits(
      termBits,
      this.scratchBuffer('otherMasks', this.otherTermSets.size),
    );
    // Scores are small integers: at most TITLE_POINTS per term.
    const histogram = new Int32Array(terms.length * TITLE_POINTS + 1);
    const scores = this.scratchBuffer('scores', passing.length);
    const fuzzyOnly: number[] = [];
    for (let i = 0; i < passing.length; i++) {
      const slot = passing[i]!;
      if (!hasBit(text.fullText, slot)) {
        fuzzyOnly.push(slot);
        scores[i] = -1;
        continue;
      }
      const inTitle = titleMasks[this.titleTerms[slot]!]!;
      const inOther = inTitle === allTerms ? 0 : otherMasks[this.otherTerms[slot]!]!;
      let score = 0;
      for (let t = 0; t < terms.length; t++) {
        score += (inTitle >>> t) & 1 ? TITLE_POINTS : (inOther >>> t) & 1 ? OTHER_POINTS : DESCRIPTION_POINTS;
      }
      scores[i] = score;
      histogram[score]!++;
    }

    // How many of each score the page skips and takes, best score first.
    const skips = new Int32Array(histogram.length);
    const takes = new Int32Array(histogram.length);
    let skip = offset;
    let room = limit;
    for (let score = histogram.length - 1; score >= 0 && room > 0; score--) {
      const count = histogram[score]!;
      if (skip >= count) {
        skip -= count;
        continue;
      }
      skips[score] = skip;
      takes[score] = Math.min(room, count - skip);
      room -= takes[score]!;
      skip = 0;
    }
    const byScore: number[][] = [];
    let remaining = limit - room;
    for (let i = 0; i < passing.length && remaining > 0; i++) {
      const score = scores[i]!;
      if (score < 0 || takes[score] === 0) continue;
      if (skips[score]! > 0) {
        skips[score]!--;
        continue;
      }
      (byScore[score] ??= []).push(passing[i]!);
      takes[score]!--;
      remaining--;
    }
    const page: number[] = [];
    for (let score = byScore.length - 1; score >= 0; score--)
      if (byScore[score]) page.push(...byScore[score]!);
    if (room > 0 && fuzzyOnly.length > 0) {
      // Fuzzy-only hits after every full-text hit: by similarity, newest first among equals (stable sort).
      const similarity = new Map<number, number>();
      for (const [id, value] of text.fuzzy) {
        const slot = this.slotById.get(id);
        if (slot !== undefined) similarity.set(slot, value);
      }
      fuzzyOnly.sort((a, b) => (similarity.get(b) ?? 0) - (similarity.get(a) ?? 0));
      page.push(...fuzzyOnly.slice(skip, skip + room));
    }
    return page;
  }

  /** Facet bookkeeping needs the columns; exposed to FacetCounters only. */
  facetColumns() {
    return {
      category: [this.category, this.categories] as const,
      type: [this.employmentType, this.employmentTypes] as const,
      seniority: [this.seniority, this.seniorities] as const,
      workplace: [this.workplace, this.workplaces] as const,
      company: this.company,
      companyIds: this.companyIds,
      companySlugs: this.companySlugs,
      tags: this.tags,
      tagSets: this.tagSets,
    };
  }
}

/** What `search` needs of a query, resolved to codes and masks once. */
interface CompiledFilters {
  /** Slots to visit instead of all of them (few text matches, jobIds), or null. */
  candidates: Int32Array | null;
  /** Slots a text query or jobIds allow, or null for all. */
  candidateBits: Bitset | null;
  /** By country-list code: the list contains the wanted country. */
  countryMask: Uint8Array | null;
  tz: number | null;
  salaryMin: number | null;
  statedOnly: boolean;
  /** Earliest first-seen instant kept (ms); -Infinity for all. */
  since: number;
  /** Filtered facets: index in FACET_NAMES, column by slot, accepted codes. */
  activeFacets: number[];
  activeColumns: Int32Array[];
  activeMasks: Uint8Array[];
}

/**
 * The query terms by lexeme code: bit t for term t, on the lexeme itself, or on every lexeme it
 * begins for `prefix` terms.
 */
function queryTermBits(lexemes: Dictionary, terms: readonly QueryTerm[]): Map<number, number> {
  const bits = new Map<number, number>();
  const add = (code: number, t: number) => bits.set(code, (bits.get(code) ?? 0) | (1 << t));
  terms.forEach((term, t) => {
    if (term.prefix) {
      for (let code = 1; code < lexemes.size; code++) {
        if (lexemes.values[code]!.startsWith(term.lexeme)) add(code, t);
      }
    } else {
      const code = lexemes.find(term.lexeme);
      if (code !== undefined) add(code, t);
    }
  });
  return bits;
}

/** Counts per facet value, by code, turned into FacetCounts at the end. */
class FacetCounters {
  private readonly columns: ReturnType<ListingIndex['facetColumns']>;
  // Columns by slot, and counts by code, for each facet.
  private readonly categoryOf: Int32Array;
  private readonly typeOf: Int32Array;
  private readonly seniorityOf: Int32Array;
  private readonly workplaceOf: Int32Array;
  private readonly companyOf: Int32Array;
  private readonly tagSetOf: Int32Array;
  private readonly category: Int32Array;
  private readonly type: Int32Array;
  private readonly seniority: Int32Array;
  private readonly workplace: Int32Array;
  private readonly company: Int32Array;
  private readonly tagSet: Int32Array;

  constructor(index: ListingIndex) {
    const c = (this.columns = index.facetColumns());
    [this.categoryOf, this.typeOf, this.seniorityOf, this.workplaceOf] = [
      c.category[0],
      c.type[0],
      c.seniority[0],
      c.workplace[0],
    ];
    this.companyOf = c.company;
    this.tagSetOf = c.tags;
    this.category = new Int32Array(c.category[1].size);
    this.type = new Int32Array(c.type[1].size);
    this.seniority = new Int32Array(c.seniority[1].size);
    this.workplace = new Int32Array(c.workplace[1].size);
    this.company = new Int32Array(c.companyIds.size);
    this.tagSet = new Int32Array(c.tagSets.size);
  }

  countAll(slot: number): void {
    this.category[this.categoryOf[slot]!]!++;
    this.type[this.typeOf[slot]!]!++;
    this.seniority[this.seniorityOf[slot]!]!++;
    this.workplace[this.workplaceOf[slot]!]!++;
    this.company[this.companyOf[slot]!]!++;
    this.tagSet[this.tagSetOf[slot]!]!++;
  }

  countOne(facet: number, slot: number): void {
    switch (FACET_NAMES[facet]) {
      case 'category':
        this.category[this.categoryOf[slot]!]!++;
        break;
      case 'type':
        this.type[this.typeOf[slot]!]!++;
        break;
      case 'seniority':
        this.seniority[this.seniorityOf[slot]!]!++;
        break;
      case 'workplace':
        this.workplace[this.workplaceOf[slot]!]!++;
        break;
      case 'company':
        this.company[this.companyOf[slot]!]!++;
        break;
      case 'tag':
        this.tagSet[this.tagSetOf[slot]!]!++;
        break;
    }
  }

  result(): Record<FacetName, FacetCounts> {
    const c = this.columns;
    const byValue = (counts: Int32Array, values: readonly (string | null)[]) => {
      const entries: [string, number][] = [];
      for (let code = 1; code < counts.length; code++)
        if (counts[code]) entries.push([values[code]!, counts[code]!]);
      return toFacetCounts(entries);
    };
    const companies: [string, number][] = [];
    for (let code = 1; code < this.company.length; code++) {
      if (!this.company[code]) continue;
      const slug = c.companySlugs.get(Number(c.companyIds.values[code]));
      if (slug !== undefined) companies.push([slug, this.company[code]!]);
    }
    const tagCounts = new Int32Array(c.tagSets.itemDictionary.size);
    for (let set = 1; set < this.tagSet.length; set++) {
      if (!this.tagSet[set]) continue;
      for (const tag of c.tagSets.items[set]!) tagCounts[tag]! += this.tagSet[set]!;
    }
    return {
      category: byValue(this.category, c.category[1].values),
      type: byValue(this.type, c.type[1].values),
      seniority: byValue(this.seniority, c.seniority[1].values),
      company: toFacetCounts(companies),
      tag: byValue(tagCounts, c.tagSets.itemDictionary.values),
      workplace: byValue(this.workplace, c.workplace[1].values),
    };
  }
}

/**
 * Slots kept in one sort order. Changes are recorded and applied lazily on the next read: changed
 * slots are filtered out, sorted among themselves and merged back, O(n + k log k) for k changes.
 */
class SortedSlots {
  private order: Int32Array = new Int32Array(0);
  private positionBySlot: Int32Array | null = null;
  private readonly pending = new Set<number>();
  private stale = true;

  constructor(private readonly compare: (a: number, b: number) => number) {}

  added(slot: number): void {
    this.pending.add(slot);
  }

  changed(slot: number): void {
    this.pending.add(slot);
  }

  removed(slot: number): void {
    this.pending.add(slot);
  }

  /** The alive slots in order. */
  slots(index: ListingIndex): Int32Array {
    if (this.stale || this.pending.size > this.order.length / 8) {
      this.order = index.aliveSlots().sort(this.compare);
      this.stale = false;
      this.pending.clear();
      this.positionBySlot = null;
    } else if (this.pending.size > 0) {
      this.merge(index);
    }
    return this.order;
  }

  /** Position in the order, by slot (valid after `slots()`). */
  positions(capacity: number): Int32Array {
    if (!this.positionBySlot || this.positionBySlot.length < capacity) {
      this.positionBySlot = new Int32Array(capacity).fill(-1);
      for (let position = 0; position < this.order.length; position++)
        this.positionBySlot[this.order[position]!] = position;
    }
    return this.positionBySlot;
  }

  bytes(): number {
    return this.order.byteLength + (this.positionBySlot?.byteLength ?? 0) + this.pending.size * 16;
  }

  private merge(index: ListingIndex): void {
    const kept: number[] = [];
    for (const slot of this.order) if (!this.pending.has(slot)) kept.push(slot);
    const incoming = [...this.pending].filter((slot) => index.isAlive(slot)).sort(this.compare);
    const merged = new Int32Array(kept.length + incoming.length);
    let i = 0;
    let j = 0;
    let n = 0;
    while (i < kept.length || j < incoming.length) {
      if (j >= incoming.length || (i < kept.length && this.compare(kept[i]!, incoming[j]!) <= 0))
        merged[n++] = kept[i++]!;
      else merged[n++] = incoming[j++]!;
    }
    this.order = merged;
    this.pending.clear();
    this.positionBySlot = null;
  }
}
