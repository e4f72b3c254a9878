/** When to retry a request, and how long to wait before doing so. */

/** Statuses worth retrying: the server is overloaded or briefly broken, not refusing us. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Network error codes worth retrying; a name that does not resolve (ENOTFOUND) will not start to. */
const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'ELSEWHERE_BODY_DEADLINE',
]);

/** True for transport failures (timeouts, resets, refused connections) that a retry may get past. */
export function isRetryableNetworkError(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as NodeJS.ErrnoException).code;
    if (code && RETRYABLE_CODES.has(code)) return true;
    // net reports a failed Happy Eyeballs attempt on every address as an AggregateError.
    if (current instanceof AggregateError) return current.errors.some(isRetryableNetworkError);
  }
  return false;
}

/**
 * Milliseconds a `Retry-After` header asks for (delta-seconds or an HTTP date, RFC 9110 §10.2.3), or
 * null when absent or unreadable. A date in the past means "now" (0).
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Every HTTP-date form names a month; without one, Date.parse would read "-5" as the year -5.
  if (!/[a-z]{3}/i.test(text)) return null;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed so retries are never immediate,
 * half is random so many clients that failed together do not retry together.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
