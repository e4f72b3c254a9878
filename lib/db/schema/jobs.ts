import { sql, type AnyColumn } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  unique,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { timestamps, tsvector } from './columns';
import { companies } from './companies';
import { sources } from './sources';

/**
 * One posting of one source. The same job found on two sources is two rows: the first one seen is the
 * listing, the others point at it through duplicate_of_id ("also listed on ..."). Rows are never
 * deleted: a posting that disappears gets closed_at, and reopens if it comes back.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Random public id, stable across re-scrapes; the tail of the slug. */
    publicId: text('public_id').notNull().unique(),
    slug: text('slug').notNull(),
    sourceId: bigint('source_id', { mode: 'number' })
      .notNull()
      .references(() => sources.id),
    companyId: bigint('company_id', { mode: 'number' })
      .notNull()
      .references(() => companies.id),
    externalId: text('external_id').notNull(),
    duplicateOfId: bigint('duplicate_of_id', { mode: 'number' }).references((): AnyPgColumn => jobs.id),
    dedupeKey: text('dedupe_key').notNull(),
    title: text('title').notNull(),
    applyUrl: text('apply_url').notNull(),
    locationText: text('location_text').notNull().default(''),
    /** remote | hybrid | onsite | unknown */
    workplace: text('workplace').notNull(),
    worldwide: boolean('worldwide').notNull().default(false),
    /** ISO 3166-1 alpha-2 codes someone may live in. */
    countries: text('countries')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    tzMin: real('tz_min'),
    tzMax: real('tz_max'),
    evidence: text('evidence'),
    employmentType: text('employment_type'),
    seniority: text('seniority'),
    category: text('category').notNull().default('other'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    salaryMin: doublePrecision('salary_min'),
    salaryMax: doublePrecision('salary_max'),
    salaryCurrency: text('salary_currency'),
    /** hour | day | week | month | year */
    salaryPeriod: text('salary_period'),
    salaryUsdMin: integer('salary_usd_min'),
    salaryUsdMax: integer('salary_usd_max'),
    descriptionHtml: text('description_html').notNull().default(''),
    descriptionText: text('description_text').notNull().default(''),
    postedAt: timestamp('posted_at', { withTimezone: true }),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Hash of the normalized fields: an unchanged posting costs no write. */
    contentHash: text('content_hash').notNull(),
    /** The posting as the source mapped it, kept to re-normalize without re-scraping. */
    raw: jsonb('raw').notNull(),
    search: tsvector('search'),
    // Also on this table, not declared here: search_change_xid (bigint), stamped by a trigger with the
    // id of the transaction that changed a column the search index holds (drizzle/0004, custom SQL).
    // lib/search/listing-source.ts reads it; nothing else writes it. The table's fillfactor is 50
    // (drizzle/0005, custom SQL), so touching last_seen_at is a HOT update.
    ...timestamps,
  },
  (t) => [
    unique('jobs_source_external_key').on(t.sourceId, t.externalId),
    index('jobs_company_idx').on(t.companyId),
    index('jobs_dedupe_key_idx').on(t.dedupeKey),
    index('jobs_duplicate_of_idx').on(t.duplicateOfId),
    index('jobs_first_seen_idx').on(t.firstSeenAt.desc()),
    index('jobs_countries_idx').using('gin', t.countries),
    index('jobs_tags_idx').using('gin', t.tags),
    index('jobs_search_idx').using('gin', t.search),
    index('jobs_title_trgm_idx').using('gin', sql`${t.title as AnyColumn} gin_trgm_ops`),
  ],
);
