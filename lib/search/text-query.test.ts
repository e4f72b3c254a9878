import { describe, expect, it } from 'vitest';
import { ListingIndex, type TermFragment } from './listing-index';
import {
  evaluateText,
  isPlainTextQuery,
  parseTsquery,
  positiveTerms,
  prefixTsquery,
  type ParsedText,
} from './text-query';

describe('isPlainTextQuery', () => {
  it.each([
    ['senior rust engineer', true],
    ['c++ developer', true],
    ['front-end', true],
    ['"platform engineer"', false],
    ['engineer -senior', false],
    ['rust or go', false],
    ['oracle dba', true],
  ])('%s -> %s', (q, plain) => {
    expect(isPlainTextQuery(q)).toBe(plain);
  });
});

describe('prefixTsquery', () => {
  it.each([
    ['senior typescr', "'senior' & 'typescr':*"],
    ['frontend devel', "'frontend' & 'devel':*"],
    ["o'reilly", "'o' & 'reilly':*"],
    ['go', null],
    ['!!!', null],
  ])('%s -> %s', (q, tsquery) => {
    expect(prefixTsquery(q)).toBe(tsquery);
  });
});

describe('positiveTerms', () => {
  it.each([
    ["'senior' & 'backend' & 'engin'", ['senior', 'backend', 'engin']],
    ["'engin' & !'senior'", ['engin']],
    ["'product' <-> 'design'", ['product', 'design']],
    ["'engin' & !( 'platform' <-> 'engin' )", ['engin']],
    ["!( 'a' <-> 'b' ) & 'c'", ['c']],
    ["'rust' | 'go'", ['rust', 'go']],
    ["'o''reilly'", ["o'reilly"]],
    ["'engin' & 'engin'", ['engin']],
    ['', []],
  ])('%s -> %j', (tsquery, lexemes) => {
    expect(positiveTerms(tsquery).map((term) => term.lexeme)).toEqual(lexemes);
  });

  it('marks prefix terms', () => {
    expect(positiveTerms("'senior' & 'typescr':*")).toEqual([
      { lexeme: 'senior', prefix: false },
      { lexeme: 'typescr', prefix: true },
    ]);
  });
});

describe('parseTsquery', () => {
  it('keeps phrases whole, as Postgres printed them', () => {
    expect(parseTsquery("'engin' & !( 'platform' <-> 'engin' )")).toEqual({
      kind: 'and',
      left: { kind: 'fragment', fragment: { kind: 'lexeme', tsquery: "'engin'", lexeme: 'engin' } },
      right: {
        kind: 'not',
        operand: {
          kind: 'fragment',
          fragment: { kind: 'phrase', tsquery: "'platform' <-> 'engin'", lexeme: '' },
        },
      },
    });
  });

  it('binds & tighter than |', () => {
    expect(parseTsquery("'a' | 'b' & 'c'")).toMatchObject({ kind: 'or', right: { kind: 'and' } });
  });

  it('returns null for an empty query (only stop words)', () => {
    expect(parseTsquery('')).toBeNull();
  });
});

describe('evaluateText', () => {
  const fragment = (lexeme: string): TermFragment => ({ kind: 'lexeme', tsquery: `'${lexeme}'`, lexeme });

  function setup() {
    const index = new ListingIndex();
    const ids = [1, 2, 3, 4];
    for (const id of ids) {
      index.upsert({
        id,
        companyId: 1,
        workplace: 'remote',
        worldwide: true,
        countries: '',
        tzMin: null,
        tzMax: null,
        category: 'engineering',
        employmentType: null,
        seniority: null,
        tags: '',
        salaryTop: null,
        salaryStated: false,
        firstSeenMs: id,
        titleTerms: '',
        otherTerms: '',
      });
    }
    index.addFragment(fragment('engin'), [1, 2, 3]);
    index.addFragment(fragment('senior'), [2]);
    index.addFragment(fragment('typescr'), []);
    index.addFragment({ kind: 'prefix', tsquery: "'typescr':*", lexeme: 'typescr' }, [4]);
    return index;
  }

  const parsed = (query: string, prefix: string | null = null): ParsedText => ({
    q: query,
    plain: prefix !== null,
    query: parseTsquery(query),
    prefix: prefix === null ? null : parseTsquery(prefix),
    terms: [],
  });

  it.each([
    ["'engin' & !'senior'", null, [1, 3]],
    ["'senior' | 'engin'", null, [1, 2, 3]],
    ["'engin' & 'senior'", null, [2]],
    ["'typescr'", "'typescr':*", [4]],
    ['', null, []],
  ])('%s (prefix %s) -> %j', (query, prefix, ids) => {
    const index = setup();
    expect(index.idsOf(evaluateText(parsed(query, prefix), index)!).sort()).toEqual(ids);
  });

  it('says when a fragment it needs is not loaded', () => {
    expect(evaluateText(parsed("'rust'"), setup())).toBeNull();
  });
});
