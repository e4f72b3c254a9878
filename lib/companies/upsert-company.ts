/**
 * Create or update a company and its sources, idempotently: running the same input twice changes
 * nothing the second time (no write, `updated_at` untouched). Used by the seed, the demo seed and
 * `elsewhere companies add`.
 *
 * A company is identified by its slug; a source by kind + token + URL (the `sources_identity_idx`
 * unique index). A source already attached to another company is an error, never silently moved.
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Db } from '../db/client';
import { companies, sources } from '../db/schema';

/** Lower-case words joined by single hyphens: "remote-com", "37signals". */
export const COMPANY_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "Wikimedia Foundation" -> "wikimedia-foundation", "Künstler & Co." -> "kunstler-co". */
export function companySlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const httpUrl = z.url({ protocol: /^https?$/, message: 'should be an http(s) URL' });
const optionalText = z.string().trim().min(1).nullable().optional();

/** One source of a company: an ATS board (token) or a careers page (URL). */
export const companySourceInputSchema = z
  .object({
    /** A source kind (scrapers/registry.ts `isSourceKind` checks it against the known kinds). */
    kind: z.string().regex(/^[a-z]+$/, 'should be a source kind like greenhouse'),
    token: z.string().trim().min(1).nullable(),
    url: httpUrl.nullable(),
    /** Kind-specific options (html selectors, `region: 'eu'`...). @default {} */
    config: z.record(z.string(), z.unknown()).default({}),
  })
  .refine((source) => source.token !== null || source.url !== null, {
    message: 'a source needs a board token or a URL',
  });

/**
 * A company to create or update. Fields left out (undefined) are left as they are on an existing
 * company; `null` clears them.
 */
export const companyInputSchema = z.object({
  slug: z.string().regex(COMPANY_SLUG_PATTERN, 'should be lower-case words joined by hyphens'),
  name: z.string().trim().min(1),
  website: httpUrl.nullable().optional(),
  careersUrl: httpUrl.nullable().optional(),
  description: optionalText,
  /** remoteintech's vocabulary: worldwide | americas | europe | americas-europe | asia-pacific | other */
  region: optionalText,
  /** fully-remote | remote-first | remote-friendly | hybrid */
  remotePolicy: optionalText,
  size: optionalText,
  technologies: z.array(z.string().trim().min(1)).optional(),
  /** `closed`: the company shut down; it is shown and never scraped. */
  status: z.enum(['active', 'closed']).optional(),
  statusNote: optionalText,
  /** Where the profile came from ("seed", "cli", "sandbox (sample)"). */
  profileSource: optionalText,
  /** Sources to attach; existing sources not listed are kept. @default [] */
  sources: z.array(companySourceInputSchema).default([]),
});

/** What callers pass (the seed's `SeedCompany` fits). */
export type CompanyInput = z.input<typeof companyInputSchema>;
export type CompanySourceInput = z.input<typeof companySourceInputSchema>;
type ParsedCompany = z.output<typeof companyInputSchema>;
type ParsedSource = z.output<typeof companySourceInputSchema>;

/** A company input that does not validate; the message names the company and the field. */
export class InvalidCompanyInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCompanyInputError';
  }
}

/** A source (kind + token + URL) that already belongs to another company. */
export class SourceOwnedByOtherCompanyError extends Error {
  constructor(
    readonly source: { kind: string; token: string | null; url: string | null },
    readonly ownerSlug: string,
  ) {
    super(
      `The ${source.kind} source ${source.token ?? source.url} already belongs to company "${ownerSlug}"`,
    );
    this.name = 'SourceOwnedByOtherCompanyError';
  }
}

/** What `upsertCompanyWithSources` did. */
export interface UpsertedCompany {
  companyId: number;
  /** Ids of the input's sources, in input order. */
  sourceIds: number[];
  /** The company did not exist. */
  created: boolean;
  /** The company existed and at least one field changed. */
  updated: boolean;
  sourcesCreated: number;
  /** Existing sources whose config changed. */
  sourcesUpdated: number;
}

/** Totals of `upsertCompaniesWithSources`. */
export interface UpsertCompaniesSummary {
  created: number;
  updated: number;
  /** Companies where nothing changed, sources included. */
  unchanged: number;
  sourcesCreated: number;
  sourcesUpdated: number;
  companies: UpsertedCompany[];
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

function parseInput(input: CompanyInput): ParsedCompany {
  const result = companyInputSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : '(root)';
  const who = typeof input?.slug === 'string' ? `Company "${input.slug}"` : 'Company';
  throw new InvalidCompanyInputError(`${who}: ${where}: ${issue?.message ?? 'invalid'}`);
}

/** Key order-insensitive JSON, to compare jsonb configs (Postgres reorders keys). */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** The company columns an input sets (undefined fields are not set). */
function companyFields(input: ParsedCompany) {
  const fields = {
    name: input.name,
    website: input.website,
    careersUrl: input.careersUrl,
    description: input.description,
    region: input.region,
    remotePolicy: input.remotePolicy,
    size: input.size,
    technologies: input.technologies,
    status: input.status,
    statusNote: input.statusNote,
    profileSource: input.profileSource,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<
    typeof companies.$inferInsert
  >;
}

async function upsertSource(tx: Tx, companyId: number, source: ParsedSource) {
  const identity = and(
    eq(sources.kind, source.kind),
    sql`coalesce(${sources.token}, '') = ${source.token ?? ''}`,
    sql`coalesce(${sources.url}, '') = ${source.url ?? ''}`,
  );
  const find = () =>
    tx
      .select({ id: sources.id, companyId: sources.companyId, config: sources.config })
      .from(sources)
      .where(identity)
      .for('update');
  let [existing] = await find();
  if (!existing) {
    const [inserted] = await tx
      .insert(sources)
      .values({ companyId, kind: source.kind, token: source.token, url: source.url, config: source.config })
      .onConflictDoNothing()
      .returning({ id: sources.id });
    if (inserted) return { id: inserted.id, created: true, updated: false };
    // Another transaction inserted it in the meantime.
    [existing] = await find();
    if (!existing) throw new Error(`Could not insert or find the ${source.kind} source`);
  }
  if (existing.companyId !== companyId) {
    const [owner] = await tx
      .select({ slug: companies.slug })
      .from(companies)
      .where(eq(companies.id, existing.companyId));
    throw new SourceOwnedByOtherCompanyError(source, owner?.slug ?? String(existing.companyId));
  }
  if (canonicalJson(existing.config) === canonicalJson(source.config)) {
    return { id: existing.id, created: false, updated: false };
  }
  await tx
    .update(sources)
    .set({ config: source.config, updatedAt: new Date() })
    .where(eq(sources.id, existing.id));
  return { id: existing.id, created: false, updated: true };
}

async function upsertInTransaction(tx: Tx, input: ParsedCompany): Promise<UpsertedCompany> {
  const fields = companyFields(input);
  const find = () => tx.select().from(companies).where(eq(companies.slug, input.slug)).for('update');
  let [existing] = await find();
  let companyId: number;
  let created = false;
  let updated = false;
  if (!existing) {
    const [inserted] = await tx
      .insert(companies)
      .values({ ...fields, slug: input.slug, name: input.name })
      .onConflictDoNothing({ target: companies.slug })
      .returning({ id: companies.id });
    if (inserted) {
      companyId = inserted.id;
      created = true;
    } else {
      [existing] = await find();
      if (!existing) throw new Error(`Could not insert or find company "${input.slug}"`);
    }
  }
  if (existing) {
    companyId = existing.id;
    const patch = Object.fromEntries(
      Object.entries(fields).filter(
        ([key, value]) => !sameValue(existing[key as keyof typeof existing], value),
      ),
    ) as Partial<typeof companies.$inferInsert>;
    if (Object.keys(patch).length > 0) {
      await tx
        .update(companies)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(companies.id, existing.id));
      updated = true;
    }
  }
  const result: UpsertedCompany = {
    companyId: companyId!,
    sourceIds: [],
    created,
    updated,
    sourcesCreated: 0,
    sourcesUpdated: 0,
  };
  for (const source of input.sources) {
    const outcome = await upsertSource(tx, result.companyId, source);
    result.sourceIds.push(outcome.id);
    if (outcome.created) result.sourcesCreated += 1;
    if (outcome.updated) result.sourcesUpdated += 1;
  }
  return result;
}

/**
 * Create or update one company (by slug) and attach its sources (by kind + token + URL), in one
 * transaction. Idempotent. Throws `InvalidCompanyInputError` for bad input and
 * `SourceOwnedByOtherCompanyError` when a source belongs to another company.
 */
export async function upsertCompanyWithSources(
  database: Database,
  input: CompanyInput,
): Promise<UpsertedCompany> {
  const parsed = parseInput(input);
  return database.db.transaction((tx) => upsertInTransaction(tx, parsed));
}

/**
 * Create or update many companies (the seed, the demo seed) in one transaction: all or nothing.
 * Every input is validated before anything is written.
 */
export async function upsertCompaniesWithSources(
  database: Database,
  inputs: readonly CompanyInput[],
): Promise<UpsertCompaniesSummary> {
  const parsed = inputs.map(parseInput);
  const slugs = new Set<string>();
  for (const company of parsed) {
    if (slugs.has(company.slug))
      throw new InvalidCompanyInputError(`Company "${company.slug}" is listed twice`);
    slugs.add(company.slug);
  }
  const results = await database.db.transaction(async (tx) => {
    const done: UpsertedCompany[] = [];
    for (const company of parsed) done.push(await upsertInTransaction(tx, company));
    return done;
  });
  return {
    created: results.filter((r) => r.created).length,
    updated: results.filter((r) => r.updated).length,
    unchanged: results.filter((r) => !r.created && !r.updated && r.sourcesCreated + r.sourcesUpdated === 0)
      .length,
    sourcesCreated: results.reduce((total, r) => total + r.sourcesCreated, 0),
    sourcesUpdated: results.reduce((total, r) => total + r.sourcesUpdated, 0),
    companies: results,
  };
}
