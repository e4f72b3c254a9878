/**
 * Test-only: companies, sources and jobs for the API and feed integration tests. Jobs go through
 * lib/jobs' writer (the only writer of jobs), so they carry real public ids, slugs and search
 * vectors.
 */
import type { Database } from '../../db/client';
import { writeSourcePostings, type PostingToWrite } from '../../jobs';

export interface SeedCompany {
  slug: string;
  name: string;
  region?: string | null;
  remotePolicy?: string | null;
  /** Source kind of its one source. @default 'greenhouse' */
  kind?: string;
}

export interface SeededSource {
  id: number;
  companyId: number;
  companySlug: string;
  companyName: string;
  kind: string;
}

/** Insert a company and one source for it. */
export async function seedCompany(database: Database, company: SeedCompany): Promise<SeededSource> {
  const { sql } = database;
  const [row] = await sql<{ id: string }[]>`
    insert into companies (slug, name, region, remote_policy, website)
    values (${company.slug}, ${company.name}, ${company.region ?? null}, ${company.remotePolicy ?? null},
            ${`https://${company.slug}.example`})
    returning id`;
  const kind = company.kind ?? 'greenhouse';
  const [source] = await sql<{ id: string }[]>`
    insert into sources (company_id, kind, token) values (${row!.id}, ${kind}, ${company.slug}) returning id`;
  return {
    id: Number(source!.id),
    companyId: Number(row!.id),
    companySlug: company.slug,
    companyName: company.name,
    kind,
  };
}

/** A valid normalized posting: remote, worldwide, engineering, no salary, unless overridden. */
export function posting(
  overrides: Partial<PostingToWrite> & { externalId: string; title: string },
): PostingToWrite {
  const description = overrides.descriptionText ?? `${overrides.title}: build things with care.`;
  return {
    companySlug: 'acme',
    applyUrl: `https://boards.example/jobs/${overrides.externalId}`,
    locationText: 'Remote',
    workplace: 'remote',
    worldwide: true,
    countries: [],
    timezone: null,
    evidence: 'Remote - anywhere',
    employmentType: 'full-time',
    seniority: null,
    category: 'engineering',
    tags: [],
    salary: null,
    descriptionHtml: `<p>${description}</p>`,
    descriptionText: description,
    postedAt: null,
    sourceKind: 'greenhouse',
    raw: { id: overrides.externalId },
    ...overrides,
  };
}

/** Write postings for a source as one successful scrape at `now`. */
export async function seedPostings(
  database: Database,
  source: SeededSource,
  postings: readonly PostingToWrite[],
  now: Date = new Date(),
): Promise<void> {
  await writeSourcePostings(
    database,
    source,
    postings.map((p) => ({ ...p, companySlug: source.companySlug, sourceKind: source.kind })),
    { now },
  );
}

/** The public id of the job with this title (titles are unique in test data). */
export async function publicIdOf(database: Database, title: string): Promise<string> {
  const [row] = await database.sql<
    { public_id: string }[]
  >`select public_id from jobs where title = ${title}`;
  if (!row) throw new Error(`no job titled ${title}`);
  return row.public_id;
}
