import { describe, expect, it } from 'vitest';
import { isSourceKind } from './registry';
import { demoBoards } from './sandbox/data';
import { demoSeed, SEED_COMPANIES } from './seed';

const bySlug = new Map(SEED_COMPANIES.map((company) => [company.slug, company]));

describe('SEED_COMPANIES', () => {
  it('has at least 40 companies with a source, under unique kebab-case slugs', () => {
    expect(SEED_COMPANIES.filter((company) => company.sources.length > 0).length).toBeGreaterThanOrEqual(40);
    expect(bySlug.size).toBe(SEED_COMPANIES.length);
    for (const company of SEED_COMPANIES) expect(company.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('never lists one board twice and only uses known kinds', () => {
    const sources = SEED_COMPANIES.flatMap((company) => company.sources);
    const identities = sources.map((source) => `${source.kind}|${source.token ?? ''}|${source.url ?? ''}`);
    expect(new Set(identities).size).toBe(sources.length);
    for (const source of sources) {
      expect(isSourceKind(source.kind)).toBe(true);
      // ATS boards are named by token; pages by URL.
      if (source.kind === 'jsonld' || source.kind === 'html') expect(source.url).toMatch(/^https:\/\//);
      else expect(source.token).toBeTruthy();
    }
  });

  it.each([
    ['buffer', 'ashby', 'buffer'],
    ['automattic', 'greenhouse', 'automatticcareers'],
    ['gitlab', 'greenhouse', 'gitlab'],
    ['zapier', 'ashby', 'zapier'],
    ['hotjar', 'greenhouse', 'hotjar'],
    ['duckduckgo', 'ashby', 'duck-duck-go'],
    ['remote-com', 'greenhouse', 'remotecom'],
    ['close', 'ashby', 'close'],
    ['mozilla', 'greenhouse', 'mozilla'],
  ])('reads %s from its 2026 board (%s %s)', (slug, kind, token) => {
    expect(bySlug.get(slug)?.sources).toEqual([expect.objectContaining({ kind, token })]);
  });

  it('reads Hotjar from Greenhouse EU', () => {
    expect(bySlug.get('hotjar')?.sources[0]?.config).toEqual({ region: 'eu' });
  });

  it('reads Doist from the JSON-LD of its careers page', () => {
    expect(bySlug.get('doist')?.sources).toEqual([
      { kind: 'jsonld', token: null, url: 'https://doist.com/careers', config: {} },
    ]);
  });

  it('shows InVision as closed, without a source', () => {
    expect(bySlug.get('invision')).toMatchObject({
      status: 'closed',
      statusNote: 'InVision shut down in 2024',
      sources: [],
    });
  });

  it('explains every active company without a source', () => {
    for (const company of SEED_COMPANIES.filter((c) => c.status === 'active' && c.sources.length === 0)) {
      expect(company.statusNote, company.slug).toBeTruthy();
    }
  });
});

describe('demoSeed', () => {
  const origin = 'http://127.0.0.1:4010';
  const seed = demoSeed(origin);

  it('has one sample company per demo board, clearly marked', () => {
    expect(seed).toHaveLength(12);
    for (const company of seed) {
      expect(company.name).toMatch(/\(sample\)$/);
      expect(company.slug).toMatch(/^sample-/);
      expect(company.sources).toHaveLength(1);
    }
  });

  it('points every source at a demo board', () => {
    const boards = demoBoards(origin);
    for (const [index, company] of seed.entries()) {
      const board = boards[index]!;
      const source = company.sources[0]!;
      expect(source.kind).toBe(board.kind);
      if (board.kind === 'jsonld') expect(source.url).toBe(`${origin}/careers/${board.token}/`);
      else if (board.kind === 'html') {
        expect(source.url).toBe(`${origin}/careers-html/${board.token}/`);
        expect(source.config).toHaveProperty('item');
      } else expect(source.token).toBe(board.token);
    }
  });

  it('shares no board with the curated seed', () => {
    const identity = (s: { kind: string; token: string | null; url: string | null }) =>
      `${s.kind}|${s.token}|${s.url}`;
    const real = new Set(SEED_COMPANIES.flatMap((c) => c.sources.map(identity)));
    const slugs = new Set(SEED_COMPANIES.map((c) => c.slug));
    for (const company of seed) {
      expect(real.has(identity(company.sources[0]!))).toBe(false);
      expect(slugs.has(company.slug)).toBe(false);
    }
  });
});
