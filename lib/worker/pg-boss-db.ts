/**
 * pg-boss over Elsewhere's own postgres.js pool, instead of the node-postgres pool pg-boss would
 * open by default: one driver, one pool, one place that knows how to reach the database.
 *
 * pg-boss calls `executeSql(text, values)` and reads `{ rows }`, with node-postgres conventions:
 * - values are prepared the way node-postgres prepares them (Dates as ISO text, objects as JSON,
 *   arrays as array literals). The shared client needs this more than most: drizzle turns off its
 *   Date and JSON serializers.
 * - a query without values may hold several statements (pg-boss's schema creation and migrations),
 *   which only the simple query protocol accepts; a BEGIN ... COMMIT script runs on a reserved
 *   connection, as postgres.js requires of transactions.
 */
import type PgBoss from 'pg-boss';
import type postgres from 'postgres';

/** A pg-boss `db` that runs every statement through the given postgres.js client. */
export function pgBossDb(sql: postgres.Sql): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) {
        const rows = await sql.unsafe(text, values.map(prepareValue) as postgres.ParameterOrJSON<never>[]);
        return { rows: rows as unknown as unknown[] };
      }
      if (!/^\s*BEGIN\b/i.test(text))
        return { rows: (await sql.unsafe(text).simple()) as unknown as unknown[] };
      // Schema installs and migrations are one BEGIN ... COMMIT script: postgres.js only lets a
      // transaction run on a connection of its own, so the whole script gets one.
      const reserved = await sql.reserve();
      try {
        return { rows: (await reserved.unsafe(text).simple()) as unknown as unknown[] };
      } finally {
        reserved.release();
      }
    },
  };
}

type Prepared = string | Buffer | null;

/** node-postgres's `prepareValue`: what each JS value becomes as a text parameter. */
export function prepareValue(value: unknown): Prepared {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return arrayLiteral(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A Postgres array literal: {"a","b",NULL}, nested arrays kept nested. */
function arrayLiteral(values: readonly unknown[]): string {
  const items = values.map((item) => {
    if (item === null || item === undefined) return 'NULL';
    if (Array.isArray(item)) return arrayLiteral(item);
    const text = prepareValue(item);
    const asText = Buffer.isBuffer(text) ? `\\x${text.toString('hex')}` : String(text);
    return `"${asText.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(',')}}`;
}
