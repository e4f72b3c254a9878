/**
 * Secret link tokens: 256 random bits, base64url (43 characters), stored only as sha256 hashes so a
 * leaked database cannot be turned into working confirm, manage or unsubscribe links.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A new random token for a link. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores for a token: sha256, base64url. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** Whether a string could be a token we issued (cheap check before touching the database). */
export function looksLikeToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
