/** Reading one job by the id the public sees (API `GET /api/v1/jobs/:id`). */
import { getDatabase, type Database } from '../db/client';
import type { JobSummary } from '../search/engine';
import { loadJobSummaries } from '../search/results';

/** Public ids are short lowercase base32 (lib/jobs/posting-row.ts); anything else cannot exist. */
const PUBLIC_ID = /^[a-z0-9]{1,32}$/;

/**
 * The public id inside an id or a page slug: `abcd2345` and `senior-rust-engineer-acme-abcd2345`
 * both name job `abcd2345` (the id is the slug's tail and never contains a hyphen). Null when the
 * text cannot be an id.
 */
export function publicIdFrom(idOrSlug: string): string | null {
  const tail = idOrSlug.trim().toLowerCase().split('-').at(-1) ?? '';
  return PUBLIC_ID.test(tail) ? tail : null;
}

/**
 * A job by public id (or by its page slug), open or closed, in the API's shape; null when no job
 * has that id. A closed job comes back with `closedAt` set: links to it keep working.
 */
export async function getJobByPublicId(idOrSlug: string, database?: Database): Promise<JobSummary | null> {
  const publicId = publicIdFrom(idOrSlug);
  if (publicId === null) return null;
  const db = database ?? (await getDatabase());
  const [row] = await db.sql<{ id: string }[]>`select id from jobs where public_id = ${publicId}`;
  if (!row) return null;
  const [job] = await loadJobSummaries(db, [Number(row.id)]);
  return job ?? null;
}
