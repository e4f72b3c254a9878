/**
 * Errors thrown by the HTTP client. All of them extend `HttpError`, so a caller recording a failed
 * fetch (scrape_runs) can read `url` and `status` from any of them with one `instanceof`.
 */

/**
 * A request that did not produce a usable response: the server kept answering 429/5xx, or the network
 * kept failing, after every retry. `status` is null when no response arrived at all.
 */
export class HttpError extends Error {
  constructor(
    message: string,
    /** The URL whose request failed (the redirect hop that failed, when redirected). */
    readonly url: string,
    /** The last HTTP status received, or null for network failures and refusals. */
    readonly status: number | null,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'HttpError';
  }
}

/**
 * A failure retrying cannot fix: a 4xx other than 429, or a refusal by the client itself (private
 * address, robots.txt, body too large, too many redirects or a redirect loop). Never retried.
 */
export class NonRetryableError extends HttpError {
  constructor(message: string, url: string, status: number | null, options?: ErrorOptions) {
    super(message, url, status, options);
    this.name = 'NonRetryableError';
  }
}

/** A successful response whose body is not what was asked for (malformed JSON). */
export class InvalidResponseError extends HttpError {
  constructor(message: string, url: string, status: number | null, options?: ErrorOptions) {
    super(message, url, status, options);
    this.name = 'InvalidResponseError';
  }
}
