/**
 * Rows in PostgreSQL's COPY text format, for `COPY ... FROM STDIN`.
 *
 * The writer stages each batch of postings with COPY rather than sending it as one JSON parameter:
 * Postgres reads COPY text several times faster than it pulls records out of a JSON document, and
 * the descriptions make each row some 10 kB, so this is most of the cost of writing a posting.
 *
 * Format (https://www.postgresql.org/docs/current/sql-copy.html#SQL-COPY-TEXT-FORMAT): one line per
 * row, columns separated by tabs, NULL as `\N`, and backslash, newline, carriage return and tab
 * escaped with a backslash. Arrays are written as array literals, themselves escaped. PostgreSQL
 * text cannot hold NUL characters, so they become U+FFFD, as everywhere else a posting is cleaned.
 */

/** A column value: text (also JSON text, see `jsonText`), a number, a boolean, a text array, or null. */
export type CopyValue = string | number | boolean | readonly string[] | null;

const SPECIAL = /[\\\n\r\t\u0000]/;
const SPECIAL_ALL = /[\\\n\r\t\u0000]/g;
const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\u0000': '\ufffd',
};

/** One text value, escaped for COPY. */
function escapeText(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c]!) : value;
}

/** `{"a","b \"c\""}`: every element quoted, so no element needs rules of its own. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

/** JSON text of a value for a json(b) column; NUL characters (jsonb refuses \u0000) become U+FFFD. */
export function jsonText(value: unknown): string {
  const json = JSON.stringify(value) ?? 'null';
  if (!json.includes('\\u0000')) return json;
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'string' ? v.replaceAll('\u0000', '\ufffd') : v,
  );
}

function encode(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`COPY: ${value} is not a finite number`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return escapeText(arrayLiteral(value));
}

/** The start of a line of COPY text: each value followed by a tab, for more columns to follow. */
export function copyFields(values: readonly CopyValue[]): string {
  let fields = '';
  for (const value of values) fields += encode(value) + '\t';
  return fields;
}
