/**
 * The subscription lifecycle: request (double opt-in), confirm, resend an expired confirmation,
 * manage (edit, pause, resume, delete) and unsubscribe. The API route and the site's form both call
 * `requestAlert`, so they cannot disagree.
 *
 * No enumeration: `requestAlert` answers the same whether or not the address is known, confirmed or
 * unsubscribed, and does the same work in each case (one upsert, one email). Every request needs its
 * own confirmation, so nobody can add searches to somebody else's address.
 */
import { and, eq, inArray, ne, sql as sqlTag } from 'drizzle-orm';
import { z } from 'zod';
import { getDatabase, type Database, type Db } from '../db/client';
import { savedSearches, subscriberTokens, subscribers } from '../db/schema';
import { env } from '../env';
import { describeJobQuery } from '../search/query';
import { confirmationEmail, type RecipientLinks } from './compose';
import { addressDomain, getMailer, mailFrom, type Mailer } from './mailer';
import { RateLimiter } from '../api/rate-limit';
import { fromSavedQuery, searchPageUrl, toSavedQuery, type SavedQueryRecord } from './saved-query';
import { ALERT_FREQUENCIES, nextDeliveryAt, timeZoneSchema, type AlertFrequency } from './schedule';
import { hashToken, looksLikeToken, newToken } from './tokens';

/** The database or a transaction of it. */
type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;

/** How long a confirmation link works. */
export const CONFIRMATION_TTL_MS = 7 * 86_400_000;
/** Longest email address accepted (RFC 5321's path limit). */
export const MAX_EMAIL_LENGTH = 254;

/**
 * Subscribe requests per client IP: a burst of 10, then 10 an hour. In memory, per process (see
 * lib/api/rate-limit.ts): enough to keep a script from mailing thousands of strangers.
 */
export const ipLimiter = new RateLimiter({ perMinute: 10 / 60, burst: 10 });
/**
 * Confirmation emails per address (keyed by its hash): a burst of 3, then one an hour, so nobody can
 * flood an inbox with confirmations.
 */
export const addressLimiter = new RateLimiter({ perMinute: 1 / 60, burst: 3 });

/** The body of `POST /api/v1/alerts` and of the site's form. */
export const alertRequestSchema = z.object({
  email: z
    .string({ message: 'is required' })
    .trim()
    .toLowerCase()
    .max(MAX_EMAIL_LENGTH, { message: `should be at most ${MAX_EMAIL_LENGTH} characters` })
    .pipe(z.email({ message: 'should be an email address, like you@example.com' })),
  /** Search parameters, as an object (`{"q": "rust", "country": "PT"}`) or a query string. */
  query: z
    .union([z.string().max(4000), z.record(z.string(), z.union([z.string(), z.array(z.string())]))])
    .default({}),
  frequency: z
    .enum(ALERT_FREQUENCIES, { message: `should be one of ${ALERT_FREQUENCIES.join(', ')}` })
    .default('daily'),
  timezone: timeZoneSchema.default('UTC'),
});

export type AlertRequestInput = z.input<typeof alertRequestSchema>;

/** One rejected field; `query.<parameter>` for search parameters. */
export interface AlertFieldError {
  field: string;
  message: string;
  allowed?: string[];
}

export type AlertRequestResult =
  | { status: 'accepted' }
  | { status: 'invalid'; errors: AlertFieldError[] }
  | { status: 'rate-limited'; retryAfterSeconds: number };

/** The one sentence shown after any accepted request, known address or not. */
export const CHECK_INBOX_MESSAGE =
  'If the address can receive email, a confirmation link is on its way. Alerts start once you click it.';

export interface AlertContext {
  /** The client's IP address, for the per-IP limit (null: not limited per IP). */
  ip: string | null;
  now?: Date;
  mailer?: Mailer;
  database?: Database;
}

/**
 * Ask for an alert: validate, rate-limit, store a pending saved search and send its confirmation
 * email. Answers `accepted` whether or not the address is known; nothing but the confirmation is
 * ever sent before it is confirmed. Throws when the email cannot be sent (the caller answers 503).
 */
export async function requestAlert(input: unknown, context: AlertContext): Promise<AlertRequestResult> {
  const parsed = alertRequestSchema.safeParse(input);
  const errors: AlertFieldError[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || 'body', message: issue.message }));
  const saved = parsed.success
    ? toSavedQuery(
        typeof parsed.data.query === 'string' ? new URLSearchParams(parsed.data.query) : parsed.data.query,
      )
    : null;
  if (saved && !saved.ok) {
    for (const error of saved.errors) {
      errors.push({
        field: `query.${error.parameter}`,
        message: error.message,
        ...(error.allowed ? { allowed: error.allowed } : {}),
      });
    }
  }
  if (!parsed.success || !saved?.ok) return { status: 'invalid', errors };

  const now = context.now ?? new Date();
  if (context.ip) {
    const decision = ipLimiter.take(context.ip);
    if (!decision.allowed) return { status: 'rate-limited', retryAfterSeconds: decision.retryAfterSeconds };
  }
  const { email, frequency, timezone } = parsed.data;
  // Over the address limit: answer exactly as usual but send nothing. Telling the caller would not
  // reveal whether the address is known, but silence protects the inbox owner from a flood.
  if (!addressLimiter.take(hashToken(email)).allowed) return { status: 'accepted' };

  const database = context.database ?? (await getDatabase());
  const confirmToken = newToken();
  const manageToken = newToken();
  await database.db.transaction(async (tx) => {
    const [subscriber] = await tx
      .insert(subscribers)
      .values({ email })
      .onConflictDoUpdate({ target: subscribers.email, set: { updatedAt: now } })
      .returning({ id: subscribers.id });
    const subscriberId = subscriber!.id;
    await tx
      .insert(subscriberTokens)
      .values({ subscriberId, tokenHash: hashToken(manageToken), createdAt: now });
    // One pending row per subscriber and query: asking twice refreshes it instead of piling up rows.
    const pending = await tx
      .select({ id: savedSearches.id })
      .from(savedSearches)
      .where(
        and(
          eq(savedSearches.subscriberId, subscriberId),
          eq(savedSearches.status, 'pending'),
          sqlTag`${savedSearches.query} = ${JSON.stringify(saved.record)}::jsonb`,
        ),
      )
      .limit(1);
    const values = {
      frequency,
      timezone,
      confirmTokenHash: hashToken(confirmToken),
      confirmExpiresAt: new Date(now.getTime() + CONFIRMATION_TTL_MS),
      updatedAt: now,
    };
    if (pending[0]) {
      await tx.update(savedSearches).set(values).where(eq(savedSearches.id, pending[0].id));
    } else {
      await tx
        .insert(savedSearches)
        .values({ subscriberId, query: saved.record, status: 'pending', ...values });
    }
  });

  await sendConfirmation(context.mailer ?? getMailer(), {
    email,
    record: saved.record,
    frequency,
    timezone,
    confirmToken,
    manageToken,
  });
  return { status: 'accepted' };
}

async function sendConfirmation(
  mailer: Mailer,
  input: {
    email: string;
    record: SavedQueryRecord;
    frequency: AlertFrequency;
    timezone: string;
    confirmToken: string;
    manageToken: string;
  },
): Promise<void> {
  const { publicUrl } = env();
  const query = fromSavedQuery(input.record)!;
  const links = recipientLinks(input.manageToken);
  const content = confirmationEmail({
    description: describeJobQuery(query),
    frequency: input.frequency,
    timezone: input.timezone,
    confirmUrl: `${publicUrl}/alerts/confirm?token=${input.confirmToken}`,
    searchUrl: searchPageUrl(publicUrl, query),
    links,
    expiresInDays: CONFIRMATION_TTL_MS / 86_400_000,
  });
  await mailer.send({ to: input.email, ...content, headers: listUnsubscribeHeaders(input.manageToken) });
}

/** Manage and unsubscribe page links for a manage token. */
export function recipientLinks(manageToken: string, publicUrl: string = env().publicUrl): RecipientLinks {
  return {
    manageUrl: `${publicUrl}/alerts/manage?token=${manageToken}`,
    unsubscribeUrl: `${publicUrl}/alerts/unsubscribe?token=${manageToken}`,
  };
}

/**
 * RFC 2369 / RFC 8058 headers: mail clients show an "Unsubscribe" button that POSTs to the https
 * URL without opening a page. The mailto form is for clients without one-click support; the
 * operator's mailbox for it must be processed by hand (Elsewhere receives no mail).
 */
export function listUnsubscribeHeaders(
  manageToken: string,
  publicUrl: string = env().publicUrl,
): Record<string, string> {
  const domain = addressDomain(mailFrom());
  return {
    'List-Unsubscribe': `<${publicUrl}/api/v1/alerts/unsubscribe?token=${manageToken}>, <mailto:unsubscribe@${domain}?subject=unsubscribe-${manageToken}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

/** Store a new manage token for a subscriber and return it (every email gets its own). */
export async function issueManageToken(
  db: Executor,
  subscriberId: number,
  now: Date = new Date(),
): Promise<string> {
  const token = newToken();
  await db.insert(subscriberTokens).values({ subscriberId, tokenHash: hashToken(token), createdAt: now });
  return token;
}

// ---------------------------------------------------------------------------------------------
// Confirmation

export type ConfirmationPreview =
  | { status: 'valid'; description: string; frequency: AlertFrequency; timezone: string }
  | { status: 'expired'; description: string }
  | { status: 'invalid' };

async function findPending(db: Executor, token: unknown) {
  if (!looksLikeToken(token)) return null;
  const [row] = await db
    .select()
    .from(savedSearches)
    .where(and(eq(savedSearches.confirmTokenHash, hashToken(token)), eq(savedSearches.status, 'pending')))
    .limit(1);
  return row ?? null;
}

function describeRecord(record: SavedQueryRecord): string {
  const query = fromSavedQuery(record);
  return query ? describeJobQuery(query) : 'A saved search';
}

/** What a confirmation link is about, without confirming anything (GET of the confirm page). */
export async function previewConfirmation(
  token: unknown,
  now: Date = new Date(),
): Promise<ConfirmationPreview> {
  const { db } = await getDatabase();
  const row = await findPending(db, token);
  if (!row) return { status: 'invalid' };
  const description = describeRecord(row.query);
  if (!row.confirmExpiresAt || row.confirmExpiresAt.getTime() <= now.getTime())
    return { status: 'expired', description };
  return { status: 'valid', description, frequency: row.frequency as AlertFrequency, timezone: row.timezone };
}

export type ConfirmationResult =
  | {
      status: 'confirmed';
      description: string;
      frequency: AlertFrequency;
      timezone: string;
      manageToken: string;
      nextDeliveryAt: Date;
    }
  | { status: 'expired'; description: string }
  | { status: 'invalid' };

/**
 * Confirm a saved search (the button on the confirm page). The first digest holds jobs first seen
 * after this moment. Confirming the same query a second time updates the existing search's
 * frequency and time zone instead of creating a twin.
 */
export async function confirmAlert(
  token: unknown,
  options: { now?: Date; database?: Database } = {},
): Promise<ConfirmationResult> {
  const now = options.now ?? new Date();
  const { db } = options.database ?? (await getDatabase());
  return db.transaction(async (tx) => {
    const row = await findPending(tx, token);
    if (!row) return { status: 'invalid' } as const;
    const description = describeRecord(row.query);
    if (!row.confirmExpiresAt || row.confirmExpiresAt.getTime() <= now.getTime())
      return { status: 'expired', description } as const;
    const frequency = row.frequency as AlertFrequency;
    const next = nextDeliveryAt(frequency, row.timezone, now);
    const [twin] = await tx
      .select({ id: savedSearches.id })
      .from(savedSearches)
      .where(
        and(
          eq(savedSearches.subscriberId, row.subscriberId),
          inArray(savedSearches.status, ['active', 'paused']),
          ne(savedSearches.id, row.id),
          sqlTag`${savedSearches.query} = ${JSON.stringify(row.query)}::jsonb`,
        ),
      )
      .limit(1);
    if (twin) {
      await tx
        .update(savedSearches)
        .set({ frequency, timezone: row.timezone, status: 'active', nextDeliveryAt: next, updatedAt: now })
        .where(eq(savedSearches.id, twin.id));
      await tx.delete(savedSearches).where(eq(savedSearches.id, row.id));
    } else {
      await tx
        .update(savedSearches)
        .set({
          status: 'active',
          confirmedAt: now,
          confirmTokenHash: null,
          confirmExpiresAt: null,
          lastDeliveredAt: now,
          nextDeliveryAt: next,
          deliveryAttempts: 0,
          lastDeliveryError: null,
          updatedAt: now,
        })
        .where(eq(savedSearches.id, row.id));
    }
    await tx
      .update(subscribers)
      .set({
        confirmedAt: sqlTag`coalesce(${subscribers.confirmedAt}, ${now.toISOString()}::timestamptz)`,
        unsubscribedAt: null,
        updatedAt: now,
      })
      .where(eq(subscribers.id, row.subscriberId));
    const manageToken = await issueManageToken(tx, row.subscriberId, now);
    return {
      status: 'confirmed',
      description,
      frequency,
      timezone: row.timezone,
      manageToken,
      nextDeliveryAt: next,
    } as const;
  });
}

/**
 * Send a fresh confirmation for an expired (or still valid) link. Answers the same whatever the
 * token; the per-address limit applies as for new requests.
 */
export async function resendConfirmation(token: unknown, context: AlertContext): Promise<AlertRequestResult> {
  const now = context.now ?? new Date();
  if (context.ip) {
    const decision = ipLimiter.take(context.ip);
    if (!decision.allowed) return { status: 'rate-limited', retryAfterSeconds: decision.retryAfterSeconds };
  }
  const database = context.database ?? (await getDatabase());
  const row = await findPending(database.db, token);
  if (!row) return { status: 'accepted' };
  const [subscriber] = await database.db
    .select()
    .from(subscribers)
    .where(eq(subscribers.id, row.subscriberId));
  if (!subscriber || !addressLimiter.take(hashToken(subscriber.email)).allowed) return { status: 'accepted' };
  const confirmToken = newToken();
  await database.db
    .update(savedSearches)
    .set({
      confirmTokenHash: hashToken(confirmToken),
      confirmExpiresAt: new Date(now.getTime() + CONFIRMATION_TTL_MS),
      updatedAt: now,
    })
    .where(eq(savedSearches.id, row.id));
  const manageToken = await issueManageToken(database.db, subscriber.id, now);
  await sendConfirmation(context.mailer ?? getMailer(), {
    email: subscriber.email,
    record: row.query,
    frequency: row.frequency as AlertFrequency,
    timezone: row.timezone,
    confirmToken,
    manageToken,
  });
  return { status: 'accepted' };
}

// ---------------------------------------------------------------------------------------------
// Managing

/** One saved search as the manage page shows it. */
export interface ManagedSearch {
  id: number;
  description: string;
  searchUrl: string;
  query: SavedQueryRecord;
  frequency: AlertFrequency;
  timezone: string;
  /** pending | active | paused | unsubscribed */
  status: string;
  nextDeliveryAt: Date | null;
  lastDeliveredAt: Date | null;
  lastDeliveryError: string | null;
}

export interface ManageView {
  email: string;
  unsubscribed: boolean;
  searches: ManagedSearch[];
}

async function subscriberForToken(db: Executor, token: unknown): Promise<number | null> {
  if (!looksLikeToken(token)) return null;
  const [row] = await db
    .select({ subscriberId: subscriberTokens.subscriberId })
    .from(subscriberTokens)
    .where(eq(subscriberTokens.tokenHash, hashToken(token)))
    .limit(1);
  return row?.subscriberId ?? null;
}

/** The manage page's data for a manage token, or null for an unknown token. */
export async function getManageView(token: unknown): Promise<ManageView | null> {
  const { db } = await getDatabase();
  const subscriberId = await subscriberForToken(db, token);
  if (subscriberId === null) return null;
  const [subscriber] = await db.select().from(subscribers).where(eq(subscribers.id, subscriberId));
  if (!subscriber) return null;
  const rows = await db
    .select()
    .from(savedSearches)
    .where(and(eq(savedSearches.subscriberId, subscriberId), ne(savedSearches.status, 'unsubscribed')))
    .orderBy(savedSearches.createdAt, savedSearches.id);
  const { publicUrl } = env();
  return {
    email: subscriber.email,
    unsubscribed: subscriber.unsubscribedAt !== null,
    searches: rows.map((row) => {
      const query = fromSavedQuery(row.query);
      return {
        id: row.id,
        description: query ? describeJobQuery(query) : 'A saved search that no longer applies',
        searchUrl: query ? searchPageUrl(publicUrl, query) : `${publicUrl}/`,
        query: row.query,
        frequency: row.frequency as AlertFrequency,
        timezone: row.timezone,
        status: row.status,
        nextDeliveryAt: row.nextDeliveryAt,
        lastDeliveredAt: row.lastDeliveredAt,
        lastDeliveryError: row.lastDeliveryError,
      };
    }),
  };
}

export const savedSearchUpdateSchema = z.object({
  frequency: z.enum(ALERT_FREQUENCIES, { message: `should be one of ${ALERT_FREQUENCIES.join(', ')}` }),
  timezone: timeZoneSchema,
});

export type SavedSearchAction =
  | { action: 'update'; frequency: string; timezone: string }
  | { action: 'pause' }
  | { action: 'resume' }
  | { action: 'delete' };

export type ManageResult =
  { ok: true } | { ok: false; reason: 'unknown-token' | 'not-found' | 'invalid'; message: string };

/**
 * Change one of the token owner's saved searches. Resuming starts a fresh window: jobs that appeared
 * while paused are not sent all at once.
 */
export async function changeSavedSearch(
  token: unknown,
  savedSearchId: number,
  change: SavedSearchAction,
  now: Date = new Date(),
): Promise<ManageResult> {
  const { db } = await getDatabase();
  const subscriberId = await subscriberForToken(db, token);
  if (subscriberId === null)
    return { ok: false, reason: 'unknown-token', message: 'This link is not valid.' };
  const owned = and(
    eq(savedSearches.id, savedSearchId),
    eq(savedSearches.subscriberId, subscriberId),
    ne(savedSearches.status, 'unsubscribed'),
  );
  const [row] = await db.select().from(savedSearches).where(owned);
  if (!row) return { ok: false, reason: 'not-found', message: 'That saved search no longer exists.' };
  switch (change.action) {
    case 'delete':
      await db.delete(savedSearches).where(owned);
      return { ok: true };
    case 'pause':
      await db
        .update(savedSearches)
        .set({ status: 'paused', updatedAt: now })
        .where(and(owned, eq(savedSearches.status, 'active')));
      return { ok: true };
    case 'resume':
      await db
        .update(savedSearches)
        .set({
          status: 'active',
          lastDeliveredAt: now,
          nextDeliveryAt: nextDeliveryAt(row.frequency as AlertFrequency, row.timezone, now),
          deliveryAttempts: 0,
          lastDeliveryError: null,
          updatedAt: now,
        })
        .where(and(owned, eq(savedSearches.status, 'paused')));
      return { ok: true };
    case 'update': {
      const parsed = savedSearchUpdateSchema.safeParse(change);
      if (!parsed.success) {
        return {
          ok: false,
          reason: 'invalid',
          message: parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; '),
        };
      }
      const { frequency, timezone } = parsed.data;
      await db
        .update(savedSearches)
        .set({
          frequency,
          timezone,
          // A pending search gets its schedule when confirmed.
          ...(row.status === 'pending' ? {} : { nextDeliveryAt: nextDeliveryAt(frequency, timezone, now) }),
          updatedAt: now,
        })
        .where(owned);
      return { ok: true };
    }
  }
}

/**
 * Unsubscribe the token's owner from everything (the unsubscribe page's button and the RFC 8058
 * one-click POST). Idempotent; false for an unknown token.
 */
export async function unsubscribeAll(
  token: unknown,
  options: { now?: Date; database?: Database } = {},
): Promise<boolean> {
  const now = options.now ?? new Date();
  const { db } = options.database ?? (await getDatabase());
  const subscriberId = await subscriberForToken(db, token);
  if (subscriberId === null) return false;
  await db.transaction(async (tx) => {
    await tx
      .update(savedSearches)
      .set({
        status: 'unsubscribed',
        confirmTokenHash: null,
        confirmExpiresAt: null,
        nextDeliveryAt: null,
        updatedAt: now,
      })
      .where(eq(savedSearches.subscriberId, subscriberId));
    await tx
      .update(subscribers)
      .set({ unsubscribedAt: now, updatedAt: now })
      .where(eq(subscribers.id, subscriberId));
  });
  return true;
}
