/**
 * Companies against a real Postgres: the directory import, the curated and demo seeds, upserts, the
 * list. The seeds live in scrapers/seed.ts (data only); importing them here is test-only wiring, as the
 * CLI does it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { demoSeed, SEED_COMPANIES } from '../../scrapers/seed';
import { resetDatabase } from '../../tests/db';
import { closeDatabase, type Database } from '../db/client';
import { importCompanyProfiles, parseCompanyDirectory, REMOTEINTECH_SOURCE } from './import-directory';
import { getCompanyProfile, listCompanies, listCompanySources } from './read';
import {
  SourceOwnedByOtherCompanyError,
  upsertCompaniesWithSources,
  upsertCompanyWithSources,
} from './upsert-company';

/** The real directory, beside the repository as the issue describes it. */
const DIRECTORY_FILE = path.resolve(import.meta.dirname, '../../data/remote-companies.json');

let database: Database;
const loadDirectory = async () => parseCompanyDirectory(await readFile(DIRECTORY_FILE, 'utf8'));

async function snapshot(db: Database) {
  const companyRows = await db.sql`select id, slug, name, website, careers_url, region, remote_policy, size,
    technologies, status, status_note, profile_source, updated_at from companies order by slug`;
  const sourceRows =
    await db.sql`select id, company_id, kind, token, url, config, updated_at from sources order by id`;
  return { companyRows, sourceRows };
}

beforeEach(async () => {
  database = await resetDatabase();
});
afterAll(closeDatabase);

describe('importCompanyProfiles', () => {
  it('imports the remoteintech directory once, and a second run changes nothing', async () => {
    const directory = await loadDirectory();
    const first = await importCompanyProfiles(database, directory.companies, { source: REMOTEINTECH_SOURCE });
    expect(first).toEqual({ inserted: 882, updated: 0, unchanged: 0, total: 882 });
    const before = await snapshot(database);
    const second = await importCompanyProfiles(database, directory.companies, {
      source: REMOTEINTECH_SOURCE,
    });
    expect(second).toEqual({ inserted: 0, updated: 0, unchanged: 882, total: 882 });
    expect(await snapshot(database)).toEqual(before);
    const [gitlab] = await database.sql`select * from companies where slug = 'gitlab'`;
    expect(gitlab).toMatchObject({
      name: 'GitLab',
      careers_url: 'https://about.gitlab.com/jobs/',
      region: 'worldwide',
      remote_policy: 'fully-remote',
      profile_source: REMOTEINTECH_SOURCE,
    });
  });

  it('follows the file for companies it created', async () => {
    await importCompanyProfiles(database, [
      { name: 'Acme', slug: 'acme', website: 'https://acme.test', region: 'europe', remote_policy: 'hybrid' },
    ]);
    const result = await importCompanyProfiles(database, [
      {
        name: 'Acme Inc.',
        slug: 'acme',
        region: 'worldwide',
        remote_policy: 'fully-remote',
        technologies: ['go'],
      },
    ]);
    expect(result).toMatchObject({ inserted: 0, updated: 1 });
    const [acme] =
      await database.sql`select name, website, region, technologies from companies where slug = 'acme'`;
    expect(acme).toEqual({ name: 'Acme Inc.', website: null, region: 'worldwide', technologies: ['go'] });
  });

  it('keeps a seed company’s name and fields, filling only what it lacks', async () => {
    await upsertCompaniesWithSources(database, SEED_COMPANIES);
    await importCompanyProfiles(database, (await loadDirectory()).companies);
    const [toggl] = await database.sql`select * from companies where slug = 'toggl'`;
    // The directory spells it "toggl" and links http://jobs.toggl.com; the seed's values stay.
    expect(toggl).toMatchObject({
      name: 'Toggl',
      careers_url: 'https://jobs.toggl.com',
      website: 'https://toggl.com',
      region: 'worldwide',
      remote_policy: 'fully-remote',
      profile_source: 'seed',
    });
    const rows = await database.sql`select count(*)::int as n from companies`;
    // The 882 directory companies, plus remote-com and invision, which the directory does not list.
    expect(rows[0]!['n']).toBe(884);
  });
});

describe('seeding', () => {
  it('is idempotent', async () => {
    const first = await upsertCompaniesWithSources(database, SEED_COMPANIES);
    const withSources = SEED_COMPANIES.filter((c) => c.sources.length > 0).length;
    expect(first.created).toBe(SEED_COMPANIES.length);
    expect(first.sourcesCreated).toBe(withSources);
    const before = await snapshot(database);
    const second = await upsertCompaniesWithSources(database, SEED_COMPANIES);
    expect(second).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: SEED_COMPANIES.length,
      sourcesCreated: 0,
      sourcesUpdated: 0,
    });
    expect(await snapshot(database)).toEqual(before);
  });

  it('stays idempotent after the directory import, in either order', async () => {
    const directory = await loadDirectory();
    await importCompanyProfiles(database, directory.companies);
    await upsertCompaniesWithSources(database, SEED_COMPANIES);
    const before = await snapshot(database);
    expect(await importCompanyProfiles(database, directory.companies)).toMatchObject({
      inserted: 0,
      updated: 0,
    });
    expect(await upsertCompaniesWithSources(database, SEED_COMPANIES)).toMatchObject({
      created: 0,
      updated: 0,
    });
    expect(await snapshot(database)).toEqual(before);
  });

  it('shows InVision as closed, with no source', async () => {
    await upsertCompaniesWithSources(database, SEED_COMPANIES);
    expect(await getCompanyProfile('invision', {}, database)).toMatchObject({
      slug: 'invision',
      status: 'closed',
      statusNote: 'InVision shut down in 2024',
      sources: [],
    });
  });

  it('seeds the demo companies with their sandbox sources', async () => {
    const seed = demoSeed('http://127.0.0.1:4010');
    const result = await upsertCompaniesWithSources(database, seed);
    expect(result).toMatchObject({ created: 12, sourcesCreated: 12 });
    const [html] = await database.sql`select config, url from sources where kind = 'html'`;
    expect(html!['url']).toBe('http://127.0.0.1:4010/careers-html/atlas-sample/');
    expect(html!['config']).toMatchObject({ item: 'article.position' });
    expect(await upsertCompaniesWithSources(database, seed)).toMatchObject({ unchanged: 12 });
  });
});

describe('upsertCompanyWithSources', () => {
  const acme = {
    slug: 'acme',
    name: 'Acme',
    website: 'https://acme.test',
    sources: [{ kind: 'greenhouse', token: 'acme', url: null, config: {} }],
  };

  it('creates, then leaves unchanged, then updates only what changed', async () => {
    const created = await upsertCompanyWithSources(database, acme);
    expect(created).toMatchObject({ created: true, updated: false, sourcesCreated: 1 });
    const again = await upsertCompanyWithSources(database, acme);
    expect(again).toMatchObject({ created: false, updated: false, sourcesCreated: 0, sourcesUpdated: 0 });
    expect(again.companyId).toBe(created.companyId);
    expect(again.sourceIds).toEqual(created.sourceIds);

    const changed = await upsertCompanyWithSources(database, {
      slug: 'acme',
      name: 'Acme',
      region: 'europe',
      sources: [{ kind: 'greenhouse', token: 'acme', url: null, config: { region: 'eu' } }],
    });
    expect(changed).toMatchObject({ updated: true, sourcesUpdated: 1 });
    const [row] = await database.sql`select website, region from companies where slug = 'acme'`;
    // Fields left out stay as they were.
    expect(row).toEqual({ website: 'https://acme.test', region: 'europe' });
  });

  it('adds a second source and keeps the first', async () => {
    await upsertCompanyWithSources(database, acme);
    const result = await upsertCompanyWithSources(database, {
      ...acme,
      sources: [{ kind: 'jsonld', token: null, url: 'https://acme.test/careers', config: {} }],
    });
    expect(result.sourcesCreated).toBe(1);
    const rows = await database.sql`select kind from sources order by id`;
    expect(rows.map((r) => r['kind'])).toEqual(['greenhouse', 'jsonld']);
  });

  it('refuses a source that belongs to another company', async () => {
    await upsertCompanyWithSources(database, acme);
    await expect(
      upsertCompanyWithSources(database, { ...acme, slug: 'acme-copy', name: 'Acme copy' }),
    ).rejects.toThrow(SourceOwnedByOtherCompanyError);
    // The whole upsert rolled back.
    expect(await database.sql`select slug from companies`).toHaveLength(1);
  });

  it('rejects invalid input naming the field', async () => {
    await expect(upsertCompanyWithSources(database, { ...acme, slug: 'Not A Slug' })).rejects.toThrow(/slug/);
    await expect(
      upsertCompanyWithSources(database, { ...acme, website: 'javascript:alert(1)' }),
    ).rejects.toThrow(/website/);
  });
});

describe('listCompanies', () => {
  it('filters by name or slug and by sources, ordered by name whatever the case', async () => {
    await upsertCompaniesWithSources(database, SEED_COMPANIES);
    const all = await listCompanies({ perPage: 1000 }, database);
    expect(all.total).toBe(SEED_COMPANIES.length);
    const names = all.companies.map((c) => c.name.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const without = await listCompanies({ hasSources: false, perPage: 1000 }, database);
    const withoutSources = await listCompanySources(
      without.companies.map((c) => c.id),
      database,
    );
    expect(withoutSources.size).toBe(0);
    expect(without.total).toBe(SEED_COMPANIES.filter((c) => c.sources.length === 0).length);
    const withSources = await listCompanies({ hasSources: true }, database);
    expect(withSources.total + without.total).toBe(all.total);

    const gitlab = await listCompanies({ q: ' GITL ' }, database);
    expect(gitlab.companies).toEqual([expect.objectContaining({ slug: 'gitlab', openJobs: 0 })]);
    const sources = await listCompanySources([gitlab.companies[0]!.id], database);
    expect(sources.get(gitlab.companies[0]!.id)).toEqual([
      expect.objectContaining({ kind: 'greenhouse', token: 'gitlab', enabled: true, state: 'pending' }),
    ]);
    expect((await listCompanies({ q: '%' }, database)).total).toBe(0);
    const page = await listCompanies({ page: 2, perPage: 5 }, database);
    expect(page.companies.map((c) => c.slug)).toEqual(all.companies.slice(5, 10).map((c) => c.slug));
  });

  it('counts each filter value with every other filter applied', async () => {
    await upsertCompaniesWithSources(database, [
      { slug: 'alpha', name: 'Alpha', region: 'europe', remotePolicy: 'fully-remote', sources: [] },
      { slug: 'beta', name: 'Beta', region: 'europe', remotePolicy: 'hybrid', sources: [] },
      { slug: 'gamma', name: 'Gamma', region: 'americas', remotePolicy: 'hybrid', sources: [] },
    ]);
    const list = await listCompanies({ region: ['europe'], remotePolicy: ['hybrid'] }, database);
    expect(list.companies.map((c) => c.slug)).toEqual(['beta']);
    expect(list.counts).toEqual({
      region: { europe: 1, americas: 1 },
      remotePolicy: { 'fully-remote': 1, hybrid: 1 },
      hiring: 0,
    });
    expect((await listCompanies({ hiring: false }, database)).total).toBe(3);
    expect((await listCompanies({ hiring: true }, database)).total).toBe(0);
  });
});
