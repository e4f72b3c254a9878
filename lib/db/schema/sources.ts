import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { companies } from './companies';

/** One ATS board or careers page of a company, scraped on its own schedule. */
export const sources = pgTable(
  'sources',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    companyId: bigint('company_id', { mode: 'number' })
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    /** A SourceKind (scrapers/types.ts). */
    kind: text('kind').notNull(),
    /** Board token for ATS kinds. */
    token: text('token'),
    /** Careers page URL for jsonld/html kinds, or the board URL people see. */
    url: text('url'),
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
    enabled: boolean('enabled').notNull().default(true),
    intervalMinutes: integer('interval_minutes').notNull().default(360),
    nextRunAt: timestamp('next_run_at', { withTimezone: true }),
    lastRunAt: timestamp('last_run_at', { withTimezone: true }),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
    /** Status of the last run: ok | not_modified | failed | suspicious */
    lastStatus: text('last_status'),
    lastError: text('last_error'),
    failureStreak: integer('failure_streak').notNull().default(0),
    openJobs: integer('open_jobs').notNull().default(0),
    /**
     * When a run last found the board unchanged, which proves every job of the source open then was
     * listed then. Their "last seen" is the later of this and their own last_seen_at
     * (lib/search/results.ts), so an unchanged board writes no job row at all.
     */
    openJobsSeenAt: timestamp('open_jobs_seen_at', { withTimezone: true }),
    /** Validators of the last successful fetch (conditional requests, unchanged-board detection). */
    etag: text('etag'),
    lastModified: text('last_modified'),
    contentHash: text('content_hash'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('sources_identity_idx').on(
      t.kind,
      sql`coalesce(${t.token}, '')`,
      sql`coalesce(${t.url}, '')`,
    ),
    index('sources_company_idx').on(t.companyId),
    index('sources_next_run_idx').on(t.nextRunAt),
  ],
);
