import { describe, expect, it } from 'vitest';
import {
  meiliSettings,
  meiliString,
  meiliSynonyms,
  toMeiliDocument,
  toMeiliFilter,
  toMeiliMultiSearch,
  toMeiliSearchParams,
  type MeiliSourceRow,
} from './meilisearch';
import { parseJobQuery, type JobQuery } from './query';

const NOW = new Date('2026-03-02T12:00:00Z');
const DAY_MS = 86_400_000;

function parse(params: string): JobQuery {
  const result = parseJobQuery(new URLSearchParams(params));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.query;
}

describe('toMeiliFilter', () => {
  it.each([
    ['', 'closed = false AND workplace IN ["remote"]'],
    ['status=closed', 'closed = true AND workplace IN ["remote"]'],
    ['country=pt', 'closed = false AND (worldwide = true OR countries = "PT") AND workplace IN ["remote"]'],
    [
      'tz=-5.5',
      'closed = false AND (tzMin IS NULL OR tzMax IS NULL OR (tzMin <= -5.5 AND tzMax >= -5.5)) AND workplace IN ["remote"]',
    ],
    [
      'salaryMin=90000',
      'closed = false AND (salaryUsdTop >= 90000 OR salaryUsdTop IS NULL) AND workplace IN ["remote"]',
    ],
    ['salaryMin=90000&salary=stated', 'closed = false AND salaryUsdTop >= 90000 AND workplace IN ["remote"]'],
    ['salary=stated', 'closed = false AND hasSalary = true AND workplace IN ["remote"]'],
    [
      'posted=7',
      `closed = false AND firstSeenAt >= ${NOW.getTime() - 7 * DAY_MS} AND workplace IN ["remote"]`,
    ],
    [
      'category=design,engineering',
      'closed = false AND category IN ["engineering", "design"] AND workplace IN ["remote"]',
    ],
    ['type=contract', 'closed = false AND type IN ["contract"] AND workplace IN ["remote"]'],
    [
      'seniority=senior,staff',
      'closed = false AND seniority IN ["senior", "staff"] AND workplace IN ["remote"]',
    ],
    [
      'company=acme,globex',
      'closed = false AND companySlug IN ["acme", "globex"] AND workplace IN ["remote"]',
    ],
    ['tag=rust&tag=go', 'closed = false AND tags IN ["go", "rust"] AND workplace IN ["remote"]'],
    ['workplace=hybrid,remote', 'closed = false AND workplace IN ["remote", "hybrid"]'],
  ])('maps %s', (params, filter) => {
    expect(toMeiliFilter(parse(params), { now: NOW })).toBe(filter);
  });

  it('adds firstSeenAfter (exclusive, epoch ms) and jobIds', () => {
    const after = new Date('2026-03-01T00:00:00.123Z');
    expect(toMeiliFilter(parse(''), { firstSeenAfter: after, jobIds: [3, 14] })).toBe(
      `closed = false AND firstSeenAt > ${after.getTime()} AND id IN [3, 14] AND workplace IN ["remote"]`,
    );
  });

  it('leaves out one facet filter for that facet counts', () => {
    const query = parse('category=engineering&tag=rust&country=PT');
    expect(toMeiliFilter(query, {}, 'category')).toBe(
      'closed = false AND (worldwide = true OR countries = "PT") AND tags IN ["rust"] AND workplace IN ["remote"]',
    );
    expect(toMeiliFilter(query, {}, 'workplace')).not.toContain('workplace');
  });
});

describe('meiliString', () => {
  it.each([
    ['acme', '"acme"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['\\"', '"\\\\\\""'],
    ["it's", '"it\'s"'],
    ['a OR b = c', '"a OR b = c"'],
  ])('quotes %s as %s', (value, quoted) => {
    expect(meiliString(value)).toBe(quoted);
  });
});

describe('toMeiliSearchParams', () => {
  it('asks for every unfiltered facet and pages with page/hitsPerPage', () => {
    expect(toMeiliSearchParams(parse('q=rust&page=3&perPage=50&category=engineering'), { now: NOW })).toEqual(
      {
        q: 'rust',
        filter: 'closed = false AND category IN ["engineering"] AND workplace IN ["remote"]',
        facets: ['type', 'seniority', 'companySlug', 'tags'],
        sort: undefined,
        page: 3,
        hitsPerPage: 50,
      },
    );
  });

  it.each([
    ['q=rust', undefined],
    ['q=rust&sort=newest', ['firstSeenAt:desc', 'id:desc']],
    ['', ['firstSeenAt:desc', 'id:desc']],
    ['sort=salary', ['salaryUsdTop:desc', 'firstSeenAt:desc', 'id:desc']],
  ])('sorts %s as %j', (params, sort) => {
    expect(toMeiliSearchParams(parse(params)).sort).toEqual(sort);
  });

  it('passes websearch syntax through: Meilisearch reads quotes and -exclusions itself', () => {
    expect(toMeiliSearchParams(parse('q="platform engineer" -senior')).q).toBe('"platform engineer" -senior');
    expect(toMeiliSearchParams(parse('')).q).toBe('');
  });
});

describe('toMeiliMultiSearch', () => {
  it('adds one count-only query per filtered facet, without that facet filter', () => {
    const queries = toMeiliMultiSearch(parse('q=go&category=engineering&tag=go'), { now: NOW }, 'jobs');
    expect(queries.map((entry) => entry.facet)).toEqual([null, 'category', 'tag', 'workplace']);
    expect(queries[0]!.params).toMatchObject({
      indexUid: 'jobs',
      q: 'go',
      hitsPerPage: 20,
      page: 1,
      attributesToRetrieve: ['id'],
    });
    expect(queries[1]!.params).toEqual({
      indexUid: 'jobs',
      q: 'go',
      filter: 'closed = false AND tags IN ["go"] AND workplace IN ["remote"]',
      facets: ['category'],
      page: 1,
      hitsPerPage: 0,
    });
    expect(queries[2]!.params.filter).toBe(
      'closed = false AND category IN ["engineering"] AND workplace IN ["remote"]',
    );
    expect(queries[3]!.params.filter).toBe(
      'closed = false AND category IN ["engineering"] AND tags IN ["go"]',
    );
  });

  it('asks for the page alone when only the page is wanted (feeds)', () => {
    const queries = toMeiliMultiSearch(
      parse('q=go&category=engineering&tag=go'),
      { now: NOW, pageOnly: true },
      'jobs',
    );
    expect(queries.map((entry) => entry.facet)).toEqual([null]);
    expect(queries[0]!.params).toMatchObject({ q: 'go', facets: [], hitsPerPage: 20, page: 1 });
  });
});

describe('toMeiliDocument', () => {
  const row: MeiliSourceRow = {
    id: '42',
    title: 'Senior Rust Engineer',
    company_name: 'Acme',
    company_slug: 'acme',
    tags: ['rust'],
    description_text: 'x'.repeat(30_000),
    countries: ['PT'],
    worldwide: false,
    workplace: 'remote',
    category: 'engineering',
    employment_type: 'full-time',
    seniority: 'senior',
    salary_min: 100,
    salary_max: null,
    salary_usd_min: 120_000,
    salary_usd_max: null,
    first_seen_at: '2026-03-01 10:00:00+00', // timestamptz as Postgres prints it
    tz_min: -1,
    tz_max: 3,
    closed_at: null,
  };

  it('maps a jobs row to a document with numeric id and epoch-ms dates', () => {
    const document = toMeiliDocument(row);
    expect(document).toMatchObject({
      id: 42,
      companySlug: 'acme',
      companyName: 'Acme',
      type: 'full-time',
      firstSeenAt: Date.parse('2026-03-01T10:00:00Z'),
      tzMin: -1,
      tzMax: 3,
      closed: false,
      hasSalary: true,
      salaryUsdTop: 120_000,
    });
    expect(document.descriptionText).toHaveLength(20_000);
  });

  it('has no salary when neither bound is stated', () => {
    const document = toMeiliDocument({
      ...row,
      salary_min: null,
      salary_usd_min: null,
      first_seen_at: new Date(0),
    });
    expect(document).toMatchObject({ hasSalary: false, salaryUsdTop: null, firstSeenAt: 0 });
  });
});

describe('meiliSettings', () => {
  const settings = meiliSettings();

  it('searches title first, then company, tags and description', () => {
    expect(settings.searchableAttributes).toEqual(['title', 'companyName', 'tags', 'descriptionText']);
  });

  it('can filter, facet and sort on every attribute the filters use', () => {
    const filterable = settings.filterableAttributes as string[];
    const filter = toMeiliFilter(
      parse(
        'country=PT&tz=1&salaryMin=1&posted=7&category=data&type=contract&seniority=mid&company=a&tag=go',
      ),
      { firstSeenAfter: NOW, jobIds: [1] },
    );
    const attributes = new Set(filter.match(/[a-zA-Z]+(?= (?:=|>=|<=|>|IN|IS))/g));
    for (const attribute of attributes) expect(filterable).toContain(attribute);
    const sortable = settings.sortableAttributes as string[];
    for (const params of ['sort=salary', 'sort=newest']) {
      for (const entry of toMeiliSearchParams(parse(params)).sort ?? [])
        expect(sortable).toContain(entry.split(':')[0]);
    }
  });

  it('tolerates typos, caps facet values and allows every page the query model allows', () => {
    expect(settings.typoTolerance).toMatchObject({ enabled: true });
    expect(settings.faceting).toEqual({ maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' } });
    expect(settings.pagination).toEqual({ maxTotalHits: 100_000 });
    expect(settings.displayedAttributes).toEqual(['id']);
  });

  it.each([
    ['js', 'javascript'],
    ['k8s', 'kubernetes'],
    ['golang', 'go'],
    ['postgres', 'postgresql'],
    ['ts', 'typescript'],
    ['frontend', 'front-end'],
  ])('makes %s and %s synonyms both ways', (a, b) => {
    const synonyms = meiliSynonyms();
    expect(synonyms[a]).toContain(b);
    expect(synonyms[b]).toContain(a);
    expect(settings.synonyms).toEqual(synonyms);
  });

  it('leaves words a query cannot contain out of the synonyms', () => {
    const keys = Object.keys(meiliSynonyms());
    expect(keys.some((key) => /[#+/]/.test(key))).toBe(false);
  });
});
