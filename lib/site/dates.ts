/**
 * A timestamp column as a Date. postgres.js parses timestamptz to Date only for column types it
 * knows at connection time; read through a pool whose type cache was not filled (or a computed
 * column), it comes back as the server's text. Accept both.
 */
export function toDate(value: Date | string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
