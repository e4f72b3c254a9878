import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeText, decodeWindows1252, detectEncoding } from './charset';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))),
  );

describe('charsetFromContentType', () => {
  it.each([
    ['text/html; charset=ISO-8859-1', 'windows-1252'],
    ['text/html;charset="utf-8"', 'utf-8'],
    ['application/json; charset=windows-1251', 'windows-1251'],
    ['text/html; charset=not-a-charset', null],
    ['text/html', null],
    [undefined, null],
  ])('%s -> %s', (contentType, expected) => {
    expect(charsetFromContentType(contentType)).toBe(expected);
  });
});

describe('detectEncoding', () => {
  it.each([
    ['a BOM over the header', bytes([0xef, 0xbb, 0xbf], 'x'), 'text/html; charset=latin1', 'utf-8'],
    ['the header over a meta', bytes('<meta charset="windows-1251">'), 'text/html; charset=utf-8', 'utf-8'],
    ['<meta charset>', bytes('<!doctype html><meta charset=iso-8859-2>'), 'text/html', 'iso-8859-2'],
    [
      '<meta http-equiv>',
      bytes('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1252">'),
      'text/html',
      'windows-1252',
    ],
    [
      'an XML declaration',
      bytes("<?xml version='1.0' encoding='ISO-8859-15'?><jobs/>"),
      'application/xml',
      'iso-8859-15',
    ],
    ['a meta claiming UTF-16 as UTF-8', bytes('<meta charset="utf-16">'), 'text/html', 'utf-8'],
    ['no Content-Type, a meta', bytes('<meta charset="koi8-r">'), undefined, 'koi8-r'],
    ['a meta in JSON as nothing', bytes('{"html":"<meta charset=koi8-r>"}'), 'application/json', 'utf-8'],
    [
      'a meta past the first 1024 bytes as nothing',
      bytes(' '.repeat(1100), '<meta charset="koi8-r">'),
      'text/html',
      'utf-8',
    ],
    ['an unknown meta label as UTF-8', bytes('<meta charset="klingon">'), 'text/html', 'utf-8'],
  ])('reads %s', (_name, body, contentType, expected) => {
    expect(detectEncoding(body, contentType)).toBe(expected);
  });
});

describe('decodeText', () => {
  it.each([
    ['Zürich in latin-1', bytes('Z', [0xfc], 'rich'), 'text/plain; charset=iso-8859-1', 'Zürich'],
    ['a euro sign in windows-1252', bytes([0x80], ' 100'), 'text/plain; charset=windows-1252', '€ 100'],
    ['curly quotes in windows-1252', bytes([0x93], 'Hi', [0x94]), 'text/plain; charset=cp1252', '“Hi”'],
    [
      'Cyrillic in windows-1251',
      bytes([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]),
      'text/plain; charset=windows-1251',
      'Привет',
    ],
    ['UTF-8 without its BOM', bytes([0xef, 0xbb, 0xbf], '{}'), 'application/json', '{}'],
    ['invalid UTF-8 as U+FFFD', bytes('a', [0xff], 'b'), 'text/plain', 'a\uFFFDb'],
  ])('decodes %s', (_name, body, contentType, expected) => {
    expect(decodeText(body, contentType)).toBe(expected);
  });
});

describe('decodeWindows1252', () => {
  it('agrees with the WHATWG windows-1252 index on every byte', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    // ICU's streaming path implements the full index (Node 20's one-shot path is the buggy one).
    const decoder = new TextDecoder('windows-1252');
    const reference = decoder.decode(all, { stream: true }) + decoder.decode();
    expect(decodeWindows1252(all)).toBe(reference);
    expect(reference.charAt(0x80)).toBe('€');
  });
});
