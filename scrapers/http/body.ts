/**
 * Reading a response body without trusting it: a size cap counted after decompression, so neither a
 * huge page nor a small gzip bomb can fill memory, and a deadline for the whole body, so a server
 * trickling one byte at a time cannot hold a worker forever.
 */
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';

/** The body grew past the allowed size. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`body is larger than ${formatBytes(limit)}`);
    this.name = 'BodyTooLargeError';
  }
}

/** The body did not arrive in time (as opposed to undici's idle timeout between chunks). */
export class BodyDeadlineError extends Error {
  readonly code = 'ELSEWHERE_BODY_DEADLINE';
  constructor(readonly timeoutMs: number) {
    super(`body did not arrive within ${timeoutMs} ms`);
    this.name = 'BodyDeadlineError';
  }
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${+(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${+(bytes / 1024).toFixed(1)} KB`;
}

/**
 * Collect `body` into one buffer, destroying the stream (and so the connection) as soon as it passes
 * `limit` bytes or `timeoutMs` elapses.
 */
export async function readBody(body: Readable, limit: number, timeoutMs: number): Promise<Buffer> {
  const timer = setTimeout(() => body.destroy(new BodyDeadlineError(timeoutMs)), timeoutMs);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limit) throw new BodyTooLargeError(limit);
      chunks.push(chunk);
    }
  } catch (error) {
    body.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks, total);
}

/** Content codings the client asks for, in the Accept-Encoding header. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/**
 * Undo a Content-Encoding (possibly several, "gzip, br"), stopping as soon as the decoded size passes
 * `limit`. Throws `BodyTooLargeError`, a zlib error for corrupt data, or an Error naming an unknown coding.
 */
export async function decodeContent(
  raw: Buffer,
  contentEncoding: string | undefined,
  limit: number,
): Promise<Buffer> {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  let body = raw;
  // Codings are listed in the order they were applied, so undo them from the last.
  for (const coding of codings.reverse()) body = await inflateLimited(body, decoderFor(coding, body), limit);
  return body;
}

function decoderFor(
  coding: string,
  data: Buffer,
): zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress {
  // Trailing garbage after a complete stream is common enough from real servers to tolerate.
  const lenient = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip(lenient);
    case 'deflate':
      // "deflate" means zlib-wrapped (RFC 9110), but some servers send raw deflate: check the header.
      return hasZlibHeader(data) ? zlib.createInflate(lenient) : zlib.createInflateRaw(lenient);
    case 'br':
      return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
    default:
      throw new Error(`unsupported Content-Encoding "${coding}"`);
  }
}

/** RFC 1950: compression method 8 in the low nibble, and the two header bytes a multiple of 31. */
function hasZlibHeader(data: Buffer): boolean {
  const [cmf, flg] = [data[0], data[1]];
  return cmf !== undefined && flg !== undefined && (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
}

async function inflateLimited(
  input: Buffer,
  decoder: NodeJS.ReadWriteStream & Readable,
  limit: number,
): Promise<Buffer> {
  decoder.end(input);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    // zlib produces output only as fast as it is read, so stopping here stops the inflation too.
    for await (const chunk of decoder as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limit) throw new BodyTooLargeError(limit);
      chunks.push(chunk);
    }
  } finally {
    decoder.destroy();
  }
  return Buffer.concat(chunks, total);
}
