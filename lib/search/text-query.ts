/**
 * Text matching for the Postgres engine.
 *
 * Postgres parses the query (`websearch_to_tsquery`: quotes, `-exclude`, `or`, English stemming) and
 * knows which listings contain each lexeme (the GIN index on `jobs.search`). The listing index holds
 * the answer per query leaf (a lexeme, a prefix, a phrase) as a bitset, loaded from Postgres the first
 * time a leaf is used and kept up to date by every refresh; the query's and/or/not are then bit
 * operations. So a broad word matching 60,000 listings costs Postgres one index scan the first time
 * it is searched, and a few microseconds after that, instead of reading 60,000 rows every time.
 *
 * For plain queries (no operators) two more branches widen recall: the last word as a prefix
 * ("typescr" finds TypeScript), and title trigram similarity (`<<%`, strict word similarity, so
 * "kubernetis" finds "Kubernetes" without "rust" matching "Trust"). Typo matching is a fallback: it
 * runs when the words themselves match fewer than FUZZY_BELOW listings, because typo hits rank below
 * every full-text hit anyway, and finding them for a word that matches half the listings costs
 * Postgres a trigram comparison per title. Operator queries skip both, so `-senior` really excludes.
 */
import type postgres from 'postgres';
import { SEARCH_TEXT_CONFIG } from '../jobs';
import type { Bitset, ListingIndex, QueryTerm, TermFragment } from './listing-index';

/** Plain queries whose full-text matches are fewer than this also get typo (trigram) matches. */
export const FUZZY_BELOW = 100;

/** Plain words, no websearch operators: quotes, a leading minus, or the word "or". */
export function isPlainTextQuery(q: string): boolean {
  return !/["]|(?:^|\s)-|(?:^|\s)or(?:\s|$)/i.test(q);
}

/**
 * `to_tsquery` text for a plain query with its last word as a prefix: "senior typescr" ->
 * `'senior' & 'typescr':*`. Words are reduced to letters and digits, so the text is always valid
 * tsquery syntax. Null when no word is left, or the last one is too short to be a useful prefix.
 */
export function prefixTsquery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  const last = words.at(-1);
  if (!last || last.length < 3) return null;
  return words.map((word, index) => `'${word}'${index === words.length - 1 ? ':*' : ''}`).join(' & ');
}

/** A parsed tsquery. Phrases are leaves: Postgres matches them (it has the positions). */
export type TsqueryNode =
  | { kind: 'fragment'; fragment: TermFragment }
  | { kind: 'not'; operand: TsqueryNode }
  | { kind: 'and' | 'or'; left: TsqueryNode; right: TsqueryNode };

interface Token {
  type: 'term' | '!' | '&' | '|' | '(' | ')' | 'phrase';
  start: number;
  end: number;
  lexeme?: string;
  prefix?: boolean;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === ' ') {
      i++;
    } else if (char === "'") {
      const { lexeme, end } = readQuoted(text, i);
      // Optional `:*` and weight letters.
      const suffix = /^:[*ABCDabcd]+/.exec(text.slice(end));
      const stop = end + (suffix?.[0].length ?? 0);
      tokens.push({ type: 'term', start: i, end: stop, lexeme, prefix: suffix?.[0].includes('*') ?? false });
      i = stop;
    } else if (char === '<') {
      const close = text.indexOf('>', i);
      tokens.push({ type: 'phrase', start: i, end: close + 1 });
      i = close + 1;
    } else if ('!&|()'.includes(char)) {
      tokens.push({ type: char as Token['type'], start: i, end: i + 1 });
      i++;
    } else {
      throw new Error(`unexpected ${JSON.stringify(char)} in tsquery ${JSON.stringify(text)}`);
    }
  }
  return tokens;
}

/**
 * Parse a tsquery as Postgres prints it (`'senior' & !'junior'`, `'product' <-> 'design'`,
 * `'typescr':*`). Precedence, loosest first: `|`, `&`, `<->`, `!`. Null for an empty query (only
 * stop words).
 */
export function parseTsquery(text: string): TsqueryNode | null {
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  let position = 0;
  const peek = () => tokens[position];

  const or = (): TsqueryNode => {
    let left = and();
    while (peek()?.type === '|') {
      position++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  const and = (): TsqueryNode => {
    let left = phrase();
    while (peek()?.type === '&') {
      position++;
      left = { kind: 'and', left, right: phrase() };
    }
    return left;
  };
  const phrase = (): TsqueryNode => {
    const start = peek()!.start;
    const first = unary();
    if (peek()?.type !== 'phrase') return first;
    while (peek()?.type === 'phrase') {
      position++;
      unary();
    }
    // The whole phrase, as Postgres printed it, is one leaf.
    const tsquery = text.slice(start, tokens[position - 1]!.end);
    return { kind: 'fragment', fragment: { kind: 'phrase', tsquery, lexeme: '' } };
  };
  const unary = (): TsqueryNode => {
    const token = tokens[position++];
    if (!token) throw new Error(`truncated tsquery ${JSON.stringify(text)}`);
    if (token.type === '!') return { kind: 'not', operand: unary() };
    if (token.type === '(') {
      const inner = or();
      if (tokens[position++]?.type !== ')') throw new Error(`unbalanced tsquery ${JSON.stringify(text)}`);
      return inner;
    }
    if (token.type !== 'term') throw new Error(`unexpected ${token.type} in tsquery ${JSON.stringify(text)}`);
    return {
      kind: 'fragment',
      fragment: {
        kind: token.prefix ? 'prefix' : 'lexeme',
        tsquery: text.slice(token.start, token.end),
        lexeme: token.lexeme!,
      },
    };
  };

  const node = or();
  if (position !== tokens.length) throw new Error(`trailing tokens in tsquery ${JSON.stringify(text)}`);
  return node;
}

/**
 * The positive terms of a tsquery's text form, for ranking: negated lexemes and negated groups are
 * left out, lexemes inside phrases count, duplicates are dropped.
 */
export function positiveTerms(tsquery: string): QueryTerm[] {
  const terms = new Map<string, QueryTerm>();
  const visit = (node: TsqueryNode | null) => {
    if (!node || node.kind === 'not') return;
    if (node.kind !== 'fragment') {
      visit(node.left);
      visit(node.right);
    } else if (node.fragment.kind === 'phrase') {
      visit(parseTsquery(node.fragment.tsquery.replace(/<(?:-|\d+)>/g, '&')));
    } else {
      const prefix = node.fragment.kind === 'prefix';
      const key = `${node.fragment.lexeme}${prefix ? ':*' : ''}`;
      if (!terms.has(key)) terms.set(key, { lexeme: node.fragment.lexeme, prefix });
    }
  };
  visit(parseTsquery(tsquery));
  return [...terms.values()];
}

/** A quoted lexeme starting at `start` (its opening quote); quotes inside are doubled. */
function readQuoted(text: string, start: number): { lexeme: string; end: number } {
  let lexeme = '';
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === "'") {
      if (text[i + 1] === "'") {
        lexeme += "'";
        i += 2;
        continue;
      }
      return { lexeme, end: i + 1 };
    }
    if (text[i] === '\\' && i + 1 < text.length) i++;
    lexeme += text[i];
    i++;
  }
  return { lexeme, end: i };
}

/** A text query, parsed by Postgres. */
export interface ParsedText {
  q: string;
  /** No websearch operators: the prefix and typo branches apply. */
  plain: boolean;
  /** Full-text matches are `query` or `prefix`. */
  query: TsqueryNode | null;
  prefix: TsqueryNode | null;
  terms: QueryTerm[];
}

/** A parsed text with the tsquery texts Postgres printed, for statements that send them back. */
export interface PrintedText extends ParsedText {
  /** `query` as Postgres printed it ('' when only stop words). */
  queryText: string;
  /** `prefix` as Postgres printed it ('' when there is none). */
  prefixText: string;
}

/** Parse `q` with Postgres (stemming, stop words, websearch syntax): one round trip. */
export async function parseTextQuery(sql: postgres.Sql, q: string): Promise<ParsedText> {
  return (await parseTextQueries(sql, [q]))[0]!;
}

/** Parse every text with Postgres, in order, in one round trip however many there are. */
export async function parseTextQueries(sql: postgres.Sql, texts: readonly string[]): Promise<PrintedText[]> {
  const plain = texts.map(isPlainTextQuery);
  const prefixes = texts.map((q, i) => (plain[i] ? (prefixTsquery(q) ?? '') : ''));
  const config = sql`${SEARCH_TEXT_CONFIG}::regconfig`;
  const rows = await sql<{ query: string; prefix: string | null }[]>`
    select websearch_to_tsquery(${config}, t.q)::text as query,
           case when t.prefix = '' then null else to_tsquery(${config}, t.prefix)::text end as prefix
      from unnest(${sql.array([...texts])}::text[], ${sql.array(prefixes)}::text[]) with ordinality as t(q, prefix, n)
     order by t.n`;
  return rows.map((row, i) => {
    const terms = positiveTerms(row.query);
    for (const term of row.prefix ? positiveTerms(row.prefix) : []) {
      if (!terms.some((known) => known.lexeme === term.lexeme && known.prefix === term.prefix))
        terms.push(term);
    }
    return {
      q: texts[i]!,
      plain: plain[i]!,
      query: parseTsquery(row.query),
      prefix: row.prefix ? parseTsquery(row.prefix) : null,
      terms,
      queryText: row.query,
      prefixText: row.prefix ?? '',
    };
  });
}

/** The leaves a parsed query needs the listing index to hold. */
export function fragmentsOf(parsed: ParsedText): TermFragment[] {
  const fragments: TermFragment[] = [];
  const visit = (node: TsqueryNode | null) => {
    if (!node) return;
    if (node.kind === 'fragment') fragments.push(node.fragment);
    else if (node.kind === 'not') visit(node.operand);
    else {
      visit(node.left);
      visit(node.right);
    }
  };
  visit(parsed.query);
  visit(parsed.prefix);
  return fragments;
}

/**
 * A parsed tsquery over bitsets: leaves from `leaf` (a leaf it cannot give, null or undefined, makes
 * the result null), and/or/not as bit operations, "not" relative to `universe()`. With
 * `negationKeepsAll` every "not" counts as true, which gives a superset (a phrase's candidates: a
 * phrase may negate a word at one position only). The engine's index and the alerts' window of new
 * jobs (lib/alerts/text-match.ts) both evaluate texts with it, so they agree by construction.
 */
export function evaluateTsquery(
  node: TsqueryNode,
  leaf: (fragment: TermFragment) => Bitset | null | undefined,
  universe: () => Bitset,
  options: { negationKeepsAll?: boolean } = {},
): Bitset | null {
  switch (node.kind) {
    case 'fragment':
      return leaf(node.fragment) ?? null;
    case 'not': {
      if (options.negationKeepsAll) return universe();
      const operand = evaluateTsquery(node.operand, leaf, universe);
      if (!operand) return null;
      const result = universe().slice();
      for (let word = 0; word < result.length; word++) result[word]! &= ~(operand[word] ?? 0);
      return result;
    }
    case 'and':
    case 'or': {
      const left = evaluateTsquery(node.left, leaf, universe, options);
      const right = evaluateTsquery(node.right, leaf, universe, options);
      if (!left || !right) return null;
      const result: Bitset = new Uint32Array(Math.max(left.length, right.length));
      for (let word = 0; word < result.length; word++) {
        result[word] =
          node.kind === 'and'
            ? (left[word] ?? 0) & (right[word] ?? 0)
            : (left[word] ?? 0) | (right[word] ?? 0);
      }
      return result;
    }
  }
}

/**
 * The listings matching a parsed query, as a bitset over `index`'s slots, or null when a fragment it
 * needs is not loaded.
 */
export function evaluateText(parsed: ParsedText, index: ListingIndex): Bitset | null {
  let all: Bitset | null = null;
  const leaf = (fragment: TermFragment) => index.fragmentBits(fragment);
  const universe = () => (all ??= index.allBits());
  const empty: Bitset = new Uint32Array(0);
  const query = parsed.query ? evaluateTsquery(parsed.query, leaf, universe) : empty;
  const prefix = parsed.prefix ? evaluateTsquery(parsed.prefix, leaf, universe) : empty;
  if (!query || !prefix) return null;
  const result: Bitset = new Uint32Array(Math.max(query.length, prefix.length));
  for (let word = 0; word < result.length; word++) result[word] = (query[word] ?? 0) | (prefix[word] ?? 0);
  return result;
}

/**
 * Open listings matching each fragment, from Postgres. The planner would read a broad word with a
 * sequential scan that decompresses every search vector; the GIN index's bitmap only needs the
 * (narrow) heap rows, so sequential scans are turned off for this one transaction.
 */
export async function fetchFragments(
  sql: postgres.Sql,
  fragments: readonly TermFragment[],
): Promise<[TermFragment, number[]][]> {
  if (fragments.length === 0) return [];
  const rows = await sql.begin(async (tx) => {
    await tx`set local enable_seqscan = off`;
    return tx<{ n: number; ids: string }[]>`
      select f.n::int as n,
             (select coalesce(string_agg(j.id::text, ','), '') from jobs j
               where j.closed_at is null and j.duplicate_of_id is null and j.search @@ f.query::tsquery) as ids
        from unnest(${sql.array(fragments.map((fragment) => fragment.tsquery))}::text[]) with ordinality as f(query, n)`;
  });
  return rows.map((row) => [fragments[row.n - 1]!, row.ids === '' ? [] : row.ids.split(',').map(Number)]);
}

/** Open listings whose title is similar to `q` (typos), id -> strict word similarity. */
export async function fuzzyTitleMatches(sql: postgres.Sql, q: string): Promise<Map<number, number>> {
  const rows = await sql<{ id: number; similarity: number }[]>`
    select j.id::float8 as id, strict_word_similarity(${q}, j.title)::float8 as similarity
      from jobs j
     where j.closed_at is null and j.duplicate_of_id is null and ${q} <<% j.title`;
  return new Map(rows.map((row) => [row.id, row.similarity]));
}
