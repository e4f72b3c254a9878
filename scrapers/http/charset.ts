/**
 * Turning response bytes into text. Careers pages still come in windows-1252 and friends, and a
 * wrong guess turns "Zürich" into "ZÃ¼rich" in every posting, so follow the browsers' order (WHATWG
 * Encoding): byte-order mark, then the Content-Type charset, then a <meta> (or XML declaration) in the
 * first bytes, else UTF-8.
 */

/** How far into a document browsers look for a <meta charset> (WHATWG HTML "prescan": 1024 bytes). */
const PRESCAN_BYTES = 1024;

/** Canonical WHATWG encoding name for a label, or null when TextDecoder does not know the label. */
export function encodingForLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/** The charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | undefined): string | null {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  return encodingForLabel(match?.[1] ?? match?.[2]);
}

function encodingFromBom(body: Uint8Array): string | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  return null;
}

/** The encoding a document declares in its first bytes: <meta charset>, <meta http-equiv>, or <?xml encoding>. */
export function charsetFromMarkup(body: Uint8Array): string | null {
  // Declarations are ASCII, and latin1 maps every byte to one character, so this cannot fail.
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, PRESCAN_BYTES)).toString(
    'latin1',
  );
  const xml = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  // One pattern covers <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([^\s"'/>;]+)/i.exec(head);
  const declared = encodingForLabel(xml?.[1] ?? meta?.[1]);
  // A page cannot be ASCII-compatible enough to declare itself UTF-16 in ASCII; browsers read UTF-8.
  if (declared === 'utf-16le' || declared === 'utf-16be') return 'utf-8';
  return declared;
}

/** The encoding to decode `body` with, given its Content-Type. */
export function detectEncoding(body: Uint8Array, contentType: string | undefined): string {
  const bom = encodingFromBom(body);
  if (bom) return bom;
  const fromHeader = charsetFromContentType(contentType);
  if (fromHeader) return fromHeader;
  const mime = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const isMarkup = mime === '' || mime.includes('html') || mime.includes('xml');
  return (isMarkup ? charsetFromMarkup(body) : null) ?? 'utf-8';
}

/** Decode a body to text. Invalid sequences become U+FFFD rather than failing: the bytes are hostile. */
export function decodeText(body: Uint8Array, contentType: string | undefined): string {
  const encoding = detectEncoding(body, contentType);
  if (encoding === 'windows-1252') return decodeWindows1252(body);
  return new TextDecoder(encoding).decode(body);
}

/**
 * Bytes 0x80-0x9F of windows-1252 (WHATWG index); every other byte is its Latin-1 code point. The
 * five bytes windows-1252 leaves undefined map to the C1 control of the same value, as in browsers.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * windows-1252 (which "latin1" and "iso-8859-1" labels also mean, per WHATWG) decoded by hand:
 * Node 20's TextDecoder takes a Latin-1 shortcut for it and turns "€" and curly quotes into controls.
 */
export function decodeWindows1252(body: Uint8Array): string {
  const latin1 = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]!);
}
