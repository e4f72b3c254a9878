import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

/** A company that hires remotely, with or without a known job board. */
export const companies = pgTable(
  'companies',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    website: text('website'),
    careersUrl: text('careers_url'),
    description: text('description'),
    /** worldwide | americas | europe | americas-europe | asia-pacific | other (remoteintech's vocabulary) */
    region: text('region'),
    /** fully-remote | remote-first | remote-friendly | hybrid */
    remotePolicy: text('remote_policy'),
    /** small | medium | large */
    size: text('size'),
    technologies: text('technologies')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** active | closed (the company shut down: shown, never scraped) */
    status: text('status').notNull().default('active'),
    statusNote: text('status_note'),
    /** Where the profile came from ("seed", "remoteintech/remote-jobs (ISC)", "cli"). */
    profileSource: text('profile_source'),
    ...timestamps,
  },
  (t) => [index('companies_name_idx').on(t.name)],
);
