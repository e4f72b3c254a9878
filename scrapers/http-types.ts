/**
 * The interface of Elsewhere's HTTP client (scrapers/http.ts). Adapters depend on this, not on undici,
 * so they can be tested against a real local server through the real client.
 */

export interface HttpRequestOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** JSON body for POST requests. */
  json?: unknown;
  /** Send If-None-Match / If-Modified-Since; a 304 answer comes back with `notModified: true`. */
  etag?: string | null;
  lastModified?: string | null;
  /** 'html' pages obey robots.txt; 'api' endpoints (documented public JSON/XML feeds) do not. @default 'api' */
  purpose?: 'api' | 'html';
  /** Override the maximum decompressed body size for this request. */
  maxBodyBytes?: number;
}

export interface HttpResponse {
  /** Final URL after redirects. */
  url: string;
  status: number;
  notModified: boolean;
  headers: Record<string, string>;
  /** Raw (decompressed) body bytes. */
  body: Buffer;
  /** Body decoded with the charset from Content-Type, or an HTML <meta charset>, else UTF-8. */
  text: string;
  /** sha256 hex of the body. */
  hash: string;
}

export interface Http {
  /**
   * Fetch a URL. Resolves for 2xx and 304; throws `HttpError` (with `status`) for other statuses after
   * retries, `NonRetryableError` for refusals (private address, robots.txt, too large, redirect loop).
   */
  request(url: string, options?: HttpRequestOptions): Promise<HttpResponse>;
  /** request() then JSON.parse, throwing `InvalidResponseError` naming the URL on malformed JSON. */
  getJson(url: string, options?: HttpRequestOptions): Promise<{ response: HttpResponse; data: unknown }>;
}
