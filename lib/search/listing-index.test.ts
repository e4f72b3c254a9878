import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ListingIndex, type ListingRow, type TermFragment, type TextMatches } from './listing-index';
import { parseJobQuery, type JobQuery } from './query';
import { FACET_NAMES, emptyFacets, toFacetCounts, type FacetName } from './results';

const NOW = new Date('2026-03-02T12:00:00Z');
const DAY_MS = 86_400_000;

function query(params: string): JobQuery {
  const parsed = parseJobQuery(new URLSearchParams(params));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.query;
}

let nextId = 1;
function row(overrides: Partial<ListingRow> = {}): ListingRow {
  return {
    id: nextId++,
    companyId: 1,
    workplace: 'remote',
    worldwide: true,
    countries: '',
    tzMin: null,
    tzMax: null,
    category: 'engineering',
    employmentType: 'full-time',
    seniority: 'senior',
    tags: '',
    salaryTop: null,
    salaryStated: false,
    firstSeenMs: NOW.getTime() - DAY_MS,
    titleTerms: 'engin',
    otherTerms: 'acm',
    ...overrides,
  };
}

function indexOf(rows: readonly ListingRow[]): ListingIndex {
  const index = new ListingIndex();
  index.setCompany(1, 'acme');
  index.setCompany(2, 'globex');
  index.setCompany(3, 'initech');
  for (const listing of rows) index.upsert(listing);
  return index;
}

// ---- A reference model: the SQL engine's semantics, written as plainly as possible --------------

const SLUGS: Record<number, string> = { 1: 'acme', 2: 'globex', 3: 'initech' };

function facetValues(listing: ListingRow, facet: FacetName): string[] {
  switch (facet) {
    case 'category':
      return [listing.category];
    case 'type':
      return listing.employmentType ? [listing.employmentType] : [];
    case 'seniority':
      return listing.seniority ? [listing.seniority] : [];
    case 'company':
      return [SLUGS[listing.companyId]!];
    case 'tag':
      return listing.tags ? listing.tags.split(',') : [];
    case 'workplace':
      return [listing.workplace];
  }
}

function facetFilter(q: JobQuery, facet: FacetName): string[] {
  return facet === 'type' ? q.type : facet === 'tag' ? q.tag : (q[facet] as string[]);
}

function referenceSearch(rows: readonly ListingRow[], q: JobQuery) {
  const base = rows.filter((listing) => {
    if (q.country && !listing.worldwide && !listing.countries.split(',').includes(q.country)) return false;
    if (
      q.tz !== null &&
      listing.tzMin !== null &&
      listing.tzMax !== null &&
      (q.tz < listing.tzMin || q.tz > listing.tzMax)
    )
      return false;
    if (q.salaryMin !== null) {
      if (listing.salaryTop === null ? q.salary === 'stated' : listing.salaryTop < q.salaryMin) return false;
    } else if (q.salary === 'stated' && !listing.salaryStated) return false;
    if (q.posted !== null && listing.firstSeenMs < NOW.getTime() - q.posted * DAY_MS) return false;
    return true;
  });
  const passes = (listing: ListingRow, facet: FacetName) => {
    const wanted = facetFilter(q, facet);
    return wanted.length === 0 || facetValues(listing, facet).some((value) => wanted.includes(value));
  };
  const passing = base.filter((listing) => FACET_NAMES.every((facet) => passes(listing, facet)));
  const newest = (a: ListingRow, b: ListingRow) => b.firstSeenMs - a.firstSeenMs || b.id - a.id;
  passing.sort(
    q.sort === 'salary'
      ? (a, b) =>
          (a.salaryTop === null ? 1 : 0) - (b.salaryTop === null ? 1 : 0) ||
          (b.salaryTop ?? 0) - (a.salaryTop ?? 0) ||
          newest(a, b)
      : newest,
  );
  const facets = Object.fromEntries(
    FACET_NAMES.map((facet) => {
      const counts = new Map<string, number>();
      for (const listing of base) {
        if (!FACET_NAMES.every((other) => other === facet || passes(listing, other))) continue;
        for (const value of facetValues(listing, facet)) counts.set(value, (counts.get(value) ?? 0) + 1);
      }
      return [facet, toFacetCounts(counts)];
    }),
  );
  const offset = (q.page - 1) * q.perPage;
  return { total: passing.length, ids: passing.slice(offset, offset + q.perPage).map((l) => l.id), facets };
}

// ------------------------------------------------------------------------------------------------

describe('ListingIndex', () => {
  it('lists remote listings newest first with facets over them', () => {
    const rows = [
      row({ firstSeenMs: NOW.getTime() - 3 * DAY_MS, category: 'design', tags: 'figma' }),
      row({ firstSeenMs: NOW.getTime() - DAY_MS, tags: 'go,rust' }),
      row({ workplace: 'hybrid', tags: 'rust' }),
    ];
    const result = indexOf(rows).search({ query: query(''), now: NOW });
    expect(result.ids).toEqual([rows[1]!.id, rows[0]!.id]);
    expect(result.total).toBe(2);
    expect(result.facets.tag).toEqual({ figma: 1, go: 1, rust: 1 });
    expect(result.facets.workplace).toEqual({ remote: 2, hybrid: 1 });
  });

  it('counts each facet with every filter but its own', () => {
    const rows = [
      row({ category: 'engineering', seniority: 'senior' }),
      row({ category: 'design', seniority: 'senior' }),
      row({ category: 'engineering', seniority: 'junior' }),
      row({ category: 'design', seniority: 'junior' }),
    ];
    const result = indexOf(rows).search({ query: query('category=engineering&seniority=senior'), now: NOW });
    expect(result.ids).toEqual([rows[0]!.id]);
    expect(result.facets.category).toEqual({ design: 1, engineering: 1 });
    expect(result.facets.seniority).toEqual({ junior: 1, senior: 1 });
    expect(result.facets.type).toEqual({ 'full-time': 1 });
  });

  it('drops removed listings and replaces upserted ones', () => {
    const rows = [row(), row(), row()];
    const index = indexOf(rows);
    index.remove(rows[1]!.id);
    index.upsert({ ...rows[2]!, category: 'data' });
    const result = index.search({ query: query(''), now: NOW });
    expect(result.total).toBe(2);
    expect(result.facets.category).toEqual({ data: 1, engineering: 1 });
    expect(index.size).toBe(2);
  });

  it('keeps only the given jobIds and jobs first seen after firstSeenAfter', () => {
    const rows = [
      row({ firstSeenMs: NOW.getTime() - 5 * DAY_MS }),
      row({ firstSeenMs: NOW.getTime() - DAY_MS }),
      row(),
    ];
    const index = indexOf(rows);
    expect(index.search({ query: query(''), now: NOW, jobIds: [rows[0]!.id, 999] }).ids).toEqual([
      rows[0]!.id,
    ]);
    const after = new Date(rows[1]!.firstSeenMs);
    // Strictly after: the listing first seen at that instant is not new.
    expect(index.search({ query: query(''), now: NOW, firstSeenAfter: after }).total).toBe(0);
    expect(
      index.search({ query: query(''), now: NOW, firstSeenAfter: new Date(after.getTime() - 1) }).total,
    ).toBe(2);
  });

  it('ranks title hits above company or tag hits above description hits, fuzzy hits last', () => {
    const description = row({ titleTerms: 'design', otherTerms: 'acm', firstSeenMs: NOW.getTime() });
    const tag = row({ titleTerms: 'design', otherTerms: 'acm rust' });
    const title = row({
      titleTerms: 'rust engin',
      otherTerms: 'acm',
      firstSeenMs: NOW.getTime() - 9 * DAY_MS,
    });
    const fuzzy = row({ titleTerms: 'trust offic' });
    const index = indexOf([description, tag, title, fuzzy]);
    const text: TextMatches = {
      fullText: index.bitsOf([description.id, tag.id, title.id]),
      fuzzy: new Map([[fuzzy.id, 0.6]]),
      terms: [{ lexeme: 'rust', prefix: false }],
    };
    const result = index.search({ query: query('q=rust'), now: NOW, text });
    expect(result.ids).toEqual([title.id, tag.id, description.id, fuzzy.id]);
    expect(result.total).toBe(4);
  });

  it('matches prefix terms against title lexemes', () => {
    const hit = row({ titleTerms: 'typescript develop' });
    const other = row({ titleTerms: 'design', firstSeenMs: NOW.getTime() });
    const index = indexOf([hit, other]);
    const text: TextMatches = {
      fullText: index.bitsOf([hit.id, other.id]),
      fuzzy: new Map(),
      terms: [{ lexeme: 'typescr', prefix: true }],
    };
    expect(index.search({ query: query('q=typescr'), now: NOW, text }).ids).toEqual([hit.id, other.id]);
  });

  it('agrees with a plain reference implementation on random listings and queries', () => {
    const listing = fc.record({
      companyId: fc.integer({ min: 1, max: 3 }),
      workplace: fc.constantFrom('remote', 'hybrid', 'onsite'),
      worldwide: fc.boolean(),
      countries: fc.constantFrom('', 'PT', 'DE,PT', 'US', 'CA,US'),
      tz: fc.option(fc.tuple(fc.integer({ min: -8, max: 0 }), fc.integer({ min: 0, max: 8 }))),
      category: fc.constantFrom('engineering', 'design', 'data'),
      employmentType: fc.constantFrom('full-time', 'contract', null),
      seniority: fc.constantFrom('junior', 'senior', null),
      tags: fc.constantFrom('', 'go', 'go,rust', 'python', 'rust'),
      salaryTop: fc.option(fc.integer({ min: 30, max: 200 }).map((k) => k * 1000)),
      day: fc.integer({ min: 0, max: 40 }),
    });
    const params = fc.record({
      country: fc.constantFrom('', 'PT', 'US'),
      tz: fc.constantFrom('', '-5', '2'),
      workplace: fc.constantFrom('', 'hybrid', 'remote,onsite'),
      category: fc.constantFrom('', 'engineering', 'design,data'),
      type: fc.constantFrom('', 'contract'),
      seniority: fc.constantFrom('', 'senior'),
      company: fc.constantFrom('', 'acme', 'globex,initech'),
      tag: fc.constantFrom('', 'rust', 'go,python'),
      salaryMin: fc.constantFrom('', '100000'),
      salary: fc.constantFrom('', 'stated'),
      posted: fc.constantFrom('', '7', '30'),
      sort: fc.constantFrom('', 'salary'),
      page: fc.constantFrom('', '2'),
      perPage: fc.constantFrom('', '3'),
    });
    fc.assert(
      fc.property(
        fc.array(listing, { maxLength: 40 }),
        params,
        fc.integer({ min: 0, max: 5 }),
        (listings, p, removals) => {
          const rows = listings.map((l) =>
            row({
              companyId: l.companyId,
              workplace: l.workplace,
              worldwide: l.worldwide,
              countries: l.countries,
              tzMin: l.tz?.[0] ?? null,
              tzMax: l.tz?.[1] ?? null,
              category: l.category,
              employmentType: l.employmentType,
              seniority: l.seniority,
              tags: l.tags,
              salaryTop: l.salaryTop,
              salaryStated: l.salaryTop !== null,
              // Few distinct days, so ties on first_seen_at exercise the id tie-break.
              firstSeenMs: NOW.getTime() - l.day * DAY_MS,
            }),
          );
          const index = indexOf(rows);
          // Remove a few and change one, to exercise the incremental orders.
          const removed = rows.slice(0, removals);
          for (const gone of removed) index.remove(gone.id);
          const kept = rows.slice(removals);
          if (kept[0]) {
            kept[0] = { ...kept[0], salaryTop: 150_000, salaryStated: true, firstSeenMs: NOW.getTime() };
            index.upsert(kept[0]);
          }
          const q = query(new URLSearchParams(Object.entries(p).filter(([, v]) => v !== '')).toString());
          const expected = referenceSearch(kept, q);
          expect(index.search({ query: q, now: NOW })).toEqual(expected);
          // A feed's search: the same page, no facets, counting stops at the page's end.
          expect(index.search({ query: q, now: NOW, pageOnly: true })).toEqual({
            ids: expected.ids,
            total: Math.min(expected.total, q.page * q.perPage),
            facets: emptyFacets(),
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('pages through relevance buckets in score order, newest first within a score', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            title: fc.constantFrom('rust', 'go', 'rust go', 'design'),
            other: fc.constantFrom('acm', 'acm rust'),
            day: fc.integer({ min: 0, max: 5 }),
            fuzzy: fc.boolean(),
          }),
          { maxLength: 30 },
        ),
        fc.integer({ min: 1, max: 4 }),
        (listings, page) => {
          const rows = listings.map((l) =>
            row({ titleTerms: l.title, otherTerms: l.other, firstSeenMs: NOW.getTime() - l.day * DAY_MS }),
          );
          const index = indexOf(rows);
          const fullText = rows.filter((_, i) => !listings[i]!.fuzzy);
          const fuzzy = rows.filter((_, i) => listings[i]!.fuzzy);
          const text: TextMatches = {
            fullText: index.bitsOf(fullText.map((r) => r.id)),
            fuzzy: new Map(fuzzy.map((r, i) => [r.id, (i % 3) / 3])),
            terms: [
              { lexeme: 'rust', prefix: false },
              { lexeme: 'go', prefix: false },
            ],
          };
          const points = (r: ListingRow) => {
            if (!fullText.includes(r)) return -1 + text.fuzzy.get(r.id)!;
            const title = r.titleTerms.split(' ');
            const other = r.otherTerms.split(' ');
            return ['rust', 'go'].reduce(
              (sum, term) => sum + (title.includes(term) ? 10 : other.includes(term) ? 4 : 1),
              0,
            );
          };
          const expected = [...rows]
            .sort((a, b) => points(b) - points(a) || b.firstSeenMs - a.firstSeenMs || b.id - a.id)
            .slice((page - 1) * 3, page * 3)
            .map((r) => r.id);
          const result = index.search({ query: query(`q=rust go&perPage=3&page=${page}`), now: NOW, text });
          expect(result.ids).toEqual(expected);
          expect(result.total).toBe(rows.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps loaded term fragments in step with upserts and removals', () => {
    const rust: TermFragment = { kind: 'lexeme', tsquery: "'rust'", lexeme: 'rust' };
    const prefix: TermFragment = { kind: 'prefix', tsquery: "'typescr':*", lexeme: 'typescr' };
    const phrase: TermFragment = { kind: 'phrase', tsquery: "'product' <-> 'design'", lexeme: '' };
    const first = row();
    const second = row();
    const index = indexOf([first, second]);
    index.addFragment(rust, [first.id]);
    index.addFragment(prefix, []);
    index.addFragment(phrase, [second.id]);
    expect(index.missingFragments([rust, prefix, phrase])).toEqual([]);

    const third = row();
    index.upsert({
      ...third,
      lexemes: ['rust', 'typescript'],
      phraseMatches: new Map([[phrase.tsquery, true]]),
    });
    index.upsert({ ...first, lexemes: ['go'], phraseMatches: new Map([[phrase.tsquery, false]]) });
    index.remove(second.id);
    expect(index.idsOf(index.fragmentBits(rust)!)).toEqual([third.id]);
    expect(index.idsOf(index.fragmentBits(prefix)!)).toEqual([third.id]);
    expect(index.idsOf(index.fragmentBits(phrase)!)).toEqual([third.id]);

    // A slot freed by a removal and reused must not inherit the old listing's bits.
    const fourth = row();
    index.upsert({ ...fourth, lexemes: [], phraseMatches: new Map([[phrase.tsquery, false]]) });
    expect(index.idsOf(index.fragmentBits(phrase)!)).toEqual([third.id]);
  });

  it('drops fragments it cannot keep up to date', () => {
    const rust: TermFragment = { kind: 'lexeme', tsquery: "'rust'", lexeme: 'rust' };
    const index = indexOf([row()]);
    index.addFragment(rust, []);
    index.upsert(row());
    expect(index.missingFragments([rust])).toEqual([rust]);
  });
});
