/**
 * Integration tests run against a real PostgreSQL: DATABASE_URL when set (CI's PostgreSQL 15), else an
 * embedded server in its own data dir (.data/test), started once for the whole run and stopped after.
 */
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { closeDatabase, getDatabase } from '../lib/db/client';
import { runMigrations } from '../lib/db/migrate';

export default async function setup(project: TestProject) {
  if (!process.env.DATABASE_URL) {
    process.env.ELSEWHERE_DATA_DIR = process.env.ELSEWHERE_TEST_DATA_DIR ?? path.resolve('.data/test');
  }
  const database = await getDatabase({ log: (line) => console.log(`[test db] ${line}`) });
  await runMigrations(database);
  const url = process.env.DATABASE_URL ?? database.embedded!.url;
  console.log(`[test db] ${database.mode} PostgreSQL ${database.displayUrl}`);
  project.provide('databaseUrl', url);
  return async () => {
    await closeDatabase();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
