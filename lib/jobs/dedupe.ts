/**
 * Duplicates: the same job published on two of a company's sources (an ATS board and a JSON-LD
 * careers page, say) is one listing. Rows with the same dedupe key (lib/normalize/identity.ts) are a
 * group; among the group's OPEN rows the earliest seen is the listing, and the open rows of the
 * company's other sources point at it through `duplicate_of_id` ("also listed on ...").
 *
 * The links are recomputed from scratch for the whole company after every write, rather than patched,
 * so every case falls out of one rule: a new duplicate links to the listing; when the listing closes
 * while a duplicate stays open, the earliest open duplicate is promoted (its link cleared) and the
 * others repoint at it; a listing that reopens takes its place back. Two rows of the same source never
 * link to each other: one board listing a title twice means two openings. Closed rows keep the link
 * they had when they closed.
 */
import type postgres from 'postgres';

/**
 * Relink the duplicates of one company. Runs inside the writer's transaction (which holds the
 * company's write lock) and returns the ids of the rows whose link changed.
 */
export async function relinkDuplicates(
  tx: postgres.TransactionSql,
  companyId: number,
  now: Date,
): Promise<number[]> {
  const rows = await tx<{ id: string }[]>`
    with ranked as (
      select id, source_id,
        first_value(id) over listing as listing_id,
        first_value(source_id) over listing as listing_source_id
      from jobs
      where company_id = ${companyId} and closed_at is null
      window listing as (partition by dedupe_key order by first_seen_at, id)
    ), wanted as (
      select id, case when source_id = listing_source_id then null else listing_id end as duplicate_of_id
      from ranked
    )
    update jobs set duplicate_of_id = wanted.duplicate_of_id, updated_at = ${now.toISOString()}::timestamptz
    from wanted
    where jobs.id = wanted.id and jobs.duplicate_of_id is distinct from wanted.duplicate_of_id
    returning jobs.id`;
  return rows.map((row) => Number(row.id));
}
