import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, decodeContent } from './body';

const text = Buffer.from('Senior Engineer, Remote (EMEA)');

describe('decodeContent', () => {
  it.each([
    ['no coding', undefined, text],
    ['identity', 'identity', text],
    ['gzip', 'gzip', zlib.gzipSync(text)],
    ['x-gzip', 'x-gzip', zlib.gzipSync(text)],
    ['zlib deflate', 'deflate', zlib.deflateSync(text)],
    ['raw deflate', 'deflate', zlib.deflateRawSync(text)],
    ['brotli', 'br', zlib.brotliCompressSync(text)],
    ['two codings, undone last first', 'deflate, gzip', zlib.gzipSync(zlib.deflateSync(text))],
    ['gzip followed by garbage', 'gzip', Buffer.concat([zlib.gzipSync(text), Buffer.from([0, 0])])],
  ])('undoes %s', async (_name, coding, raw) => {
    expect((await decodeContent(raw, coding, 1024)).toString()).toBe(text.toString());
  });

  it('stops once the decoded size passes the limit', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(10 * 1024 * 1024));
    await expect(decodeContent(bomb, 'gzip', 1024 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('rejects codings it did not ask for', async () => {
    await expect(decodeContent(text, 'zstd', 1024)).rejects.toThrow('unsupported Content-Encoding "zstd"');
  });

  it('rejects corrupt data', async () => {
    await expect(decodeContent(Buffer.from('not gzip at all'), 'gzip', 1024)).rejects.toThrow(/header/);
  });
});
