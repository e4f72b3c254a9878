import { bigint, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sources } from './sources';

/** One attempt to scrape one source. */
export const scrapeRuns = pgTable(
  'scrape_runs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sourceId: bigint('source_id', { mode: 'number' })
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    durationMs: integer('duration_ms'),
    /** running | ok | not_modified | failed | suspicious */
    status: text('status').notNull().default('running'),
    httpStatus: integer('http_status'),
    requests: integer('requests').notNull().default(0),
    seenCount: integer('seen_count').notNull().default(0),
    newCount: integer('new_count').notNull().default(0),
    updatedCount: integer('updated_count').notNull().default(0),
    closedCount: integer('closed_count').notNull().default(0),
    /** Postings skipped because they failed validation or normalization. */
    skippedCount: integer('skipped_count').notNull().default(0),
    error: text('error'),
    /** host:pid of the worker that ran it. */
    worker: text('worker'),
  },
  (t) => [index('scrape_runs_source_started_idx').on(t.sourceId, t.startedAt.desc())],
);
