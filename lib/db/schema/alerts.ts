import { bigint, index, integer, jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { jobs } from './jobs';

/**
 * A person who asked for email alerts. Identified by the manage tokens in their emails
 * (subscriber_tokens), never by a password.
 */
export const subscribers = pgTable('subscribers', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  /** Lowercased address. */
  email: text('email').notNull().unique(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
  ...timestamps,
});

/**
 * Manage/unsubscribe tokens of a subscriber, sha256-hashed. Every email carries a fresh one (only
 * hashes are stored, so an old token cannot be put in a new email), and every one stays valid so the
 * links and List-Unsubscribe header of any past email keep working.
 */
export const subscriberTokens = pgTable(
  'subscriber_tokens',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    subscriberId: bigint('subscriber_id', { mode: 'number' })
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    /** sha256 (base64url) of the random token in the email's manage/unsubscribe links. */
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('subscriber_tokens_subscriber_idx').on(t.subscriberId)],
);

/** One saved search with its delivery schedule. */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    subscriberId: bigint('subscriber_id', { mode: 'number' })
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    /** The JobQuery (lib/search/query.ts) as URL parameters. */
    query: jsonb('query').$type<Record<string, string | string[]>>().notNull(),
    /** instant | daily | weekly */
    frequency: text('frequency').notNull().default('daily'),
    /** IANA time zone for daily/weekly delivery times. */
    timezone: text('timezone').notNull().default('UTC'),
    /** pending (awaiting confirmation) | active | paused | unsubscribed */
    status: text('status').notNull().default('pending'),
    confirmTokenHash: text('confirm_token_hash').unique(),
    confirmExpiresAt: timestamp('confirm_expires_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** Jobs first seen after this are new for this search. */
    lastDeliveredAt: timestamp('last_delivered_at', { withTimezone: true }),
    nextDeliveryAt: timestamp('next_delivery_at', { withTimezone: true }),
    /** Failed sends since the last successful one; drives the retry backoff. */
    deliveryAttempts: integer('delivery_attempts').notNull().default(0),
    /** Why the last send failed (SMTP reply), cleared by the next success. */
    lastDeliveryError: text('last_delivery_error'),
    ...timestamps,
  },
  (t) => [
    index('saved_searches_subscriber_idx').on(t.subscriberId),
    index('saved_searches_due_idx').on(t.status, t.nextDeliveryAt),
  ],
);

/** One job sent to one saved search: never the same job twice. Written only after SMTP accepted the mail. */
export const alertDeliveries = pgTable(
  'alert_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    savedSearchId: bigint('saved_search_id', { mode: 'number' })
      .notNull()
      .references(() => savedSearches.id, { onDelete: 'cascade' }),
    jobId: bigint('job_id', { mode: 'number' })
      .notNull()
      .references(() => jobs.id),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    /** Message-ID of the email that carried it. */
    messageId: text('message_id'),
    meta: jsonb('meta'),
  },
  (t) => [unique('alert_deliveries_search_job_key').on(t.savedSearchId, t.jobId)],
);
