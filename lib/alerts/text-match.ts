/**
 * Which of the window's new jobs each distinct text (`q`) of the saved searches matches, by the
 * Postgres engine's rules, in a fixed handful of round trips however many texts there are.
 *
 * Asking the engine once per text costs a full search each (parse, index refresh, ranking, loading a
 * page of jobs), then another per hundred hits: tens of milliseconds a text, and a digest run has
 * thousands of texts. The new jobs are only a few thousand, so this evaluates each text against them
 * here, exactly as lib/search/postgres.ts does over its listing index (lib/search/text-query.ts):
 *
 * 1. Postgres parses every text at once (`websearch_to_tsquery`, plus the last-word prefix query of
 *    plain texts): stemming and stop words stay Postgres's.
 * 2. The new jobs' lexemes (`tsvector_to_array(search)`) arrive in one query; a lexeme leaf matches
 *    the jobs holding that lexeme, a prefix leaf those holding one starting with it, and phrase
 *    leaves (which need positions) are asked of Postgres, all phrases in one query. And, or and not
 *    are bit operations over the window, as in the engine.
 * 3. Typo matches (`q <<% title`) join plain texts whose full-text matches among ALL open listings
 *    are fewer than FUZZY_BELOW, as in the engine. A text with that many matches among the new jobs
 *    alone needs no check; the others are counted (stopping at FUZZY_BELOW) and, when few, get
 *    their typo matches among the new jobs, all in one query.
 *
 * alerts.int.test.ts compares the result with the engine's own answers for varied texts.
 */
import type postgres from 'postgres';
import { popcount, type Bitset, type TermFragment } from '../search/listing-index';
import {
  FUZZY_BELOW,
  evaluateTsquery,
  fragmentsOf,
  parseTextQueries,
  parseTsquery,
  type TsqueryNode,
} from '../search/text-query';
import type { JobWindow } from './window';

/** What `matchTextsInPostgres` found. */
export interface WindowTextMatches {
  /** By text: the window's jobs matching it, as a bitset over the window's positions. */
  matches: Map<string, Bitset>;
  /** Database round trips spent. */
  queries: number;
}

/** The window's jobs matching each text. */
export async function matchTextsInPostgres(
  sql: postgres.Sql,
  texts: readonly string[],
  window: JobWindow,
): Promise<WindowTextMatches> {
  const result = new Map<string, Bitset>();
  const found = { matches: result, queries: 0 };
  if (texts.length === 0 || window.size === 0) return found;
  const ids = window.jobs.map((job) => job.id);
  const [parsed, lexemes] = await Promise.all([parseTextQueries(sql, texts), WindowLexemes.load(sql, ids)]);
  found.queries += 2;

  const phrases = new Set<string>();
  for (const text of parsed) {
    for (const fragment of fragmentsOf(text)) if (fragment.kind === 'phrase') phrases.add(fragment.tsquery);
  }
  if (phrases.size > 0 && (await lexemes.loadPhrases(sql, [...phrases]))) found.queries++;

  for (const text of parsed) {
    const bits = new Uint32Array(lexemes.words);
    for (const node of [text.query, text.prefix]) {
      if (!node) continue;
      const matched = lexemes.evaluate(node);
      for (let word = 0; word < bits.length; word++) bits[word]! |= matched[word]!;
    }
    result.set(text.q, bits);
  }

  // Typo matches, for plain texts that may have fewer than FUZZY_BELOW full-text matches overall.
  const fuzzyCandidates = parsed.filter((text) => text.plain && popcount(result.get(text.q)!) < FUZZY_BELOW);
  if (fuzzyCandidates.length > 0) {
    // Typo matches among the window first: the count over every open listing (stopping at
    // FUZZY_BELOW) is only needed for texts that have some.
    const rows = await sql<{ n: number; ids: number[]; full_text: number }[]>`
      select t.n::int as n, f.ids, c.full_text
        from unnest(${sql.array(fuzzyCandidates.map((text) => text.q))}::text[],
                    ${sql.array(fuzzyCandidates.map((text) => text.queryText))}::text[],
                    ${sql.array(fuzzyCandidates.map((text) => text.prefixText))}::text[])
             with ordinality as t(q, query, prefix, n)
       cross join lateral (
         select array_agg(j.id::float8) as ids from jobs j
          where j.id = any(${sql.array(ids)}::bigint[])
            and j.closed_at is null and j.duplicate_of_id is null and t.q <<% j.title) as f
       cross join lateral (
         select count(*)::int as full_text from (
           select 1 from jobs j
            where f.ids is not null and j.closed_at is null and j.duplicate_of_id is null
              and (j.search @@ nullif(t.query, '')::tsquery or j.search @@ nullif(t.prefix, '')::tsquery)
            limit ${FUZZY_BELOW}) as hits) as c
       where f.ids is not null`;
    found.queries++;
    for (const row of rows) {
      if (row.full_text >= FUZZY_BELOW) continue;
      const bits = result.get(fuzzyCandidates[row.n - 1]!.q)!;
      for (const id of row.ids) lexemes.setJob(bits, id);
    }
  }
  return found;
}

/** The window's jobs by lexeme (and by loaded phrase), as bitsets over the window's positions. */
class WindowLexemes {
  private readonly byLexeme = new Map<string, Bitset>();
  /** Every lexeme of the window, sorted (prefix leaves are ranges of it). */
  private readonly vocabulary: string[];
  private readonly byPrefix = new Map<string, Bitset>();
  private readonly byPhrase = new Map<string, Bitset>();
  private readonly all: Bitset;
  readonly words: number;

  private constructor(
    /** Job ids by window position. */
    private readonly ids: readonly number[],
    private readonly positionById: ReadonlyMap<number, number>,
    lexemesById: ReadonlyMap<number, string>,
  ) {
    const size = ids.length;
    this.words = (size + 31) >>> 5;
    this.all = new Uint32Array(this.words);
    for (let position = 0; position < size; position++) this.all[position >>> 5]! |= 1 << (position & 31);
    for (const [id, lexemes] of lexemesById) {
      const position = positionById.get(id);
      if (position === undefined || lexemes === '') continue;
      for (const lexeme of lexemes.split(' ')) {
        let bits = this.byLexeme.get(lexeme);
        if (!bits) this.byLexeme.set(lexeme, (bits = new Uint32Array(this.words)));
        bits[position >>> 5]! |= 1 << (position & 31);
      }
    }
    this.vocabulary = [...this.byLexeme.keys()].sort();
  }

  /**
   * The lexemes of the window's jobs (`ids`, by window position), one space-separated string a job:
   * the english parser never yields a lexeme with whitespace (lib/search/listing-source.ts reads
   * title terms the same way), and one string parses far faster than a text[] of hundreds of elements.
   */
  static async load(sql: postgres.Sql, ids: readonly number[]): Promise<WindowLexemes> {
    const rows = await sql<{ id: number; lexemes: string }[]>`
      select j.id::float8 as id, array_to_string(tsvector_to_array(j.search), ' ') as lexemes
        from jobs j where j.id = any(${sql.array([...ids])}::bigint[])`;
    return new WindowLexemes(
      ids,
      new Map(ids.map((id, position) => [id, position])),
      new Map(rows.map((row) => [row.id, row.lexemes])),
    );
  }

  /**
   * Ask Postgres which of the window's jobs match each phrase (tsquery text): phrases need word
   * positions, which only Postgres has. A job matching a phrase holds every word of it, so only those
   * jobs are asked about (as pairs), not every job for every phrase. Returns whether it queried.
   */
  async loadPhrases(sql: postgres.Sql, phrases: readonly string[]): Promise<boolean> {
    const pairs: { phrase: number[]; id: number[] } = { phrase: [], id: [] };
    phrases.forEach((phrase, n) => {
      this.byPhrase.set(phrase, new Uint32Array(this.words));
      // The phrase with its followed-by operators as "and": a superset of its matches.
      const words = parseTsquery(phrase.replace(/<(?:-|\d+)>/g, '&'));
      const candidates = words ? this.evaluate(words, { negationKeepsAll: true }) : this.all;
      for (let word = 0; word < candidates.length; word++) {
        let rest = candidates[word]!;
        while (rest !== 0) {
          const low = rest & -rest;
          pairs.phrase.push(n + 1);
          pairs.id.push(this.ids[(word << 5) + 31 - Math.clz32(low)]!);
          rest ^= low;
        }
      }
    });
    if (pairs.id.length === 0) return false;
    const rows = await sql<{ n: number; id: number }[]>`
      select p.n::int as n, p.id::float8 as id
        from unnest(${sql.array(pairs.phrase)}::int[], ${sql.array(pairs.id)}::bigint[]) as p(n, id)
        join jobs j on j.id = p.id
       where j.search @@ (${sql.array([...phrases])}::text[])[p.n]::tsquery`;
    for (const row of rows) this.setJob(this.byPhrase.get(phrases[row.n - 1]!)!, row.id);
    return true;
  }

  /** Add a job (by id) to `bits`; ids outside the window are ignored. */
  setJob(bits: Bitset, id: number): void {
    const position = this.positionById.get(id);
    if (position !== undefined) bits[position >>> 5]! |= 1 << (position & 31);
  }

  /**
   * The jobs matching a parsed tsquery: leaves as above, and/or/not as bit operations, by the
   * engine's own evaluator (`evaluateTsquery`; `negationKeepsAll` is described there).
   */
  evaluate(node: TsqueryNode, options: { negationKeepsAll?: boolean } = {}): Bitset {
    // Every leaf is known here (a missing phrase throws), so the result is never null.
    return evaluateTsquery(
      node,
      (fragment) => this.leaf(fragment),
      () => this.all,
      options,
    )!;
  }

  private leaf(fragment: TermFragment): Bitset {
    const empty = () => new Uint32Array(this.words);
    switch (fragment.kind) {
      case 'lexeme':
        return this.byLexeme.get(fragment.lexeme) ?? empty();
      case 'phrase': {
        const bits = this.byPhrase.get(fragment.tsquery);
        if (!bits) throw new Error(`phrase ${fragment.tsquery} was not loaded`);
        return bits;
      }
      case 'prefix': {
        let bits = this.byPrefix.get(fragment.lexeme);
        if (!bits) {
          bits = empty();
          // The lexemes starting with the prefix are a contiguous range of the sorted vocabulary.
          let low = 0;
          let high = this.vocabulary.length;
          while (low < high) {
            const middle = (low + high) >>> 1;
            if (this.vocabulary[middle]! < fragment.lexeme) low = middle + 1;
            else high = middle;
          }
          for (
            let i = low;
            i < this.vocabulary.length && this.vocabulary[i]!.startsWith(fragment.lexeme);
            i++
          ) {
            const matched = this.byLexeme.get(this.vocabulary[i]!)!;
            for (let word = 0; word < bits.length; word++) bits[word]! |= matched[word]!;
          }
          this.byPrefix.set(fragment.lexeme, bits);
        }
        return bits;
      }
    }
  }
}
