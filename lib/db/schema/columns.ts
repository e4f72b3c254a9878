import { customType, timestamp } from 'drizzle-orm/pg-core';

/** Postgres full-text vector; written by lib/jobs, read by lib/search. */
export const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

/** created_at / updated_at, with time zone, as every table carries them. */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};
