import { getDatabase } from '../db/client';

export interface Health {
  ok: boolean;
  database: 'up' | 'down';
  error?: string;
}

export async function checkHealth(): Promise<Health> {
  try {
    const { sql } = await getDatabase();
    await sql`select 1`;
    return { ok: true, database: 'up' };
  } catch (error) {
    return { ok: false, database: 'down', error: error instanceof Error ? error.message : String(error) };
  }
}
