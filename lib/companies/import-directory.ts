/**
 * Import company profiles from a directory file, such as ../shared/data/remote-companies.json (the
 * front matter of remoteintech/remote-jobs, ISC License): name, website, careers URL, region, remote
 * policy, size, technologies. Idempotent by slug: a second run of the same file writes nothing.
 *
 * Who owns a profile: the directory owns the companies it created (and unclaimed ones) and keeps them
 * in line with the file. Companies created by someone else (the curated seed, `companies add`) keep
 * their name and every field they already have; the directory only fills their empty fields.
 * Companies without a known board are listed without jobs until a source is added.
 */
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { companies } from '../db/schema';
import { COMPANY_SLUG_PATTERN } from './upsert-company';

/** The credit to record for remoteintech/remote-jobs profiles. */
export const REMOTEINTECH_SOURCE = 'remoteintech/remote-jobs (ISC)';

const httpUrl = z.url({ protocol: /^https?$/, message: 'should be an http(s) URL' });

/** One company of the directory file (remoteintech's front matter fields). */
export const directoryCompanySchema = z.object({
  name: z.string().trim().min(1),
  slug: z.string().regex(COMPANY_SLUG_PATTERN, 'should be lower-case words joined by hyphens'),
  website: httpUrl.nullish(),
  careers_url: httpUrl.nullish(),
  region: z.enum(['worldwide', 'americas', 'europe', 'americas-europe', 'asia-pacific', 'other']),
  remote_policy: z.enum(['fully-remote', 'remote-first', 'remote-friendly', 'hybrid']),
  company_size: z.enum(['tiny', 'startup', 'small', 'medium', 'large', 'enterprise']).nullish(),
  technologies: z.array(z.string().trim().min(1)).default([]),
});

/** The directory file: `{ source, fields, companies: [...] }`. */
export const companyDirectorySchema = z.object({
  /** Where the data comes from, with its licence. */
  source: z.string().min(1),
  /** A description of the fields, for people reading the file. */
  fields: z.string().optional(),
  companies: z.array(directoryCompanySchema),
});

export type DirectoryCompany = z.input<typeof directoryCompanySchema>;
export type CompanyDirectory = z.output<typeof companyDirectorySchema>;

/** A directory file that is not JSON or not in the expected shape; the message names the field. */
export class DirectoryFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DirectoryFormatError';
  }
}

/** Parse and validate a directory file's text. Throws `DirectoryFormatError` ("companies.12.slug: ..."). */
export function parseCompanyDirectory(text: string): CompanyDirectory {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new DirectoryFormatError(`Not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = companyDirectorySchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new DirectoryFormatError(
      `${issue?.path.length ? issue.path.join('.') : '(root)'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return result.data;
}

/** The profile columns the directory can set. */
export interface DirectoryProfile {
  name: string;
  website: string | null;
  careersUrl: string | null;
  region: string | null;
  remotePolicy: string | null;
  size: string | null;
  technologies: string[];
}

/** What the import needs to know about an existing company. */
export interface ExistingProfile extends DirectoryProfile {
  profileSource: string | null;
}

/** The columns a directory company sets, from the file's field names. */
export function directoryProfile(company: z.output<typeof directoryCompanySchema>): DirectoryProfile {
  return {
    name: company.name,
    website: company.website ?? null,
    careersUrl: company.careers_url ?? null,
    region: company.region,
    remotePolicy: company.remote_policy,
    size: company.company_size ?? null,
    technologies: [...new Set(company.technologies)].sort(),
  };
}

/**
 * The changes the directory makes to an existing company, or null for none. Pure, so the ownership
 * rule is tested on its own: a profile owned by the directory (`profileSource` is this source or
 * unset) follows the file; any other keeps its name and its non-empty fields.
 */
export function directoryPatch(
  existing: ExistingProfile,
  profile: DirectoryProfile,
  source: string,
): Partial<ExistingProfile> | null {
  const owned = existing.profileSource === null || existing.profileSource === source;
  const desired: ExistingProfile = owned
    ? { ...profile, profileSource: source }
    : {
        name: existing.name,
        website: existing.website ?? profile.website,
        careersUrl: existing.careersUrl ?? profile.careersUrl,
        region: existing.region ?? profile.region,
        remotePolicy: existing.remotePolicy ?? profile.remotePolicy,
        size: existing.size ?? profile.size,
        technologies: existing.technologies.length > 0 ? existing.technologies : profile.technologies,
        profileSource: existing.profileSource,
      };
  const patch: Partial<ExistingProfile> = {};
  for (const key of Object.keys(desired) as (keyof ExistingProfile)[]) {
    const before = existing[key];
    const after = desired[key];
    const same =
      Array.isArray(before) && Array.isArray(after)
        ? before.length === after.length && before.every((value, index) => value === after[index])
        : before === after;
    if (!same) Object.assign(patch, { [key]: after });
  }
  return Object.keys(patch).length > 0 ? patch : null;
}

/** What `importCompanyProfiles` did. */
export interface ImportSummary {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Companies in the input. */
  total: number;
}

/** Options of `importCompanyProfiles`. */
export interface ImportOptions {
  /** Recorded as `profile_source` on the companies the import creates. @default REMOTEINTECH_SOURCE */
  source?: string;
}

/** Rows per INSERT: well under Postgres's 65,535 bind parameters. */
const INSERT_CHUNK = 500;

/**
 * Upsert directory profiles by slug, in one transaction. Idempotent: the second run of a file returns
 * `{ inserted: 0, updated: 0 }`. Throws `DirectoryFormatError` for an invalid company or a slug
 * listed twice, before writing anything.
 */
export async function importCompanyProfiles(
  database: Database,
  profiles: readonly DirectoryCompany[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const source = options.source ?? REMOTEINTECH_SOURCE;
  const parsed = z.array(directoryCompanySchema).safeParse(profiles);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DirectoryFormatError(
      `companies.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const bySlug = new Map<string, DirectoryProfile>();
  for (const company of parsed.data) {
    if (bySlug.has(company.slug)) throw new DirectoryFormatError(`Slug "${company.slug}" is listed twice`);
    bySlug.set(company.slug, directoryProfile(company));
  }

  return database.db.transaction(async (tx) => {
    const slugs = [...bySlug.keys()];
    const existing = new Map<string, ExistingProfile & { id: number }>();
    for (let start = 0; start < slugs.length; start += INSERT_CHUNK) {
      const rows = await tx
        .select({
          id: companies.id,
          slug: companies.slug,
          name: companies.name,
          website: companies.website,
          careersUrl: companies.careersUrl,
          region: companies.region,
          remotePolicy: companies.remotePolicy,
          size: companies.size,
          technologies: companies.technologies,
          profileSource: companies.profileSource,
        })
        .from(companies)
        .where(inArray(companies.slug, slugs.slice(start, start + INSERT_CHUNK)))
        .for('update');
      for (const { slug, ...row } of rows) existing.set(slug, row);
    }

    const fresh = slugs.filter((slug) => !existing.has(slug));
    let inserted = 0;
    for (let start = 0; start < fresh.length; start += INSERT_CHUNK) {
      const rows = fresh
        .slice(start, start + INSERT_CHUNK)
        .map((slug) => ({ slug, ...bySlug.get(slug)!, profileSource: source }));
      // A company created concurrently is left alone; the next run reconciles it.
      const written = await tx
        .insert(companies)
        .values(rows)
        .onConflictDoNothing({ target: companies.slug })
        .returning({ id: companies.id });
      inserted += written.length;
    }

    let updated = 0;
    for (const [slug, row] of existing) {
      const patch = directoryPatch(row, bySlug.get(slug)!, source);
      if (!patch) continue;
      await tx
        .update(companies)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(companies.id, row.id));
      updated += 1;
    }

    return { inserted, updated, unchanged: slugs.length - inserted - updated, total: slugs.length };
  });
}
