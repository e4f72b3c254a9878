/**
 * The job page's read model: one listing by its public id, open or closed, with what the page shows
 * around it (the company, where else it is listed, similar open jobs).
 */
import { getDatabase } from '../db/client';
import type { JobSummary } from '../search/engine';
import { loadJobSummaries } from '../search/results';

/** Similar jobs shown under a job. */
export const SIMILAR_JOBS = 6;

/** Public ids are 8 characters of Crockford-style base32 (lib/jobs/posting-row.ts). */
const PUBLIC_ID = /^[0-9a-z]{6,16}$/;

/** A job page's data. */
export interface JobPage {
  job: JobSummary;
  /** Sanitized at write time (lib/normalize/sanitize.ts): safe to render as it is. */
  descriptionHtml: string;
  /** Plain text of the description, for meta descriptions. */
  descriptionText: string;
  company: {
    slug: string;
    name: string;
    website: string | null;
    status: 'active' | 'closed';
  };
  /** The ATS kind of the listing's own source ("greenhouse"). */
  sourceKind: string;
  /** Open listings of the same job on other sources ("also listed on"). */
  alsoListedOn: { kind: string; url: string }[];
  /** Open jobs like this one: same category or tags, open to some of the same people. */
  similar: JobSummary[];
}

/** The public id a job page path ends with: `senior-rust-engineer-acme-k3x9q2ab` -> `k3x9q2ab`. */
export function publicIdFromSlug(slug: string): string | null {
  const tail = slug.slice(slug.lastIndexOf('-') + 1).toLowerCase();
  return PUBLIC_ID.test(tail) ? tail : null;
}

/**
 * The id of the listing a public id stands for. A duplicate row (the same job on a second source)
 * stands for the listing it duplicates, so an old link to it still lands on the job.
 */
async function findListingId(publicId: string): Promise<number | null> {
  const { sql } = await getDatabase();
  const [row] = await sql<{ listing_id: string }[]>`
    select coalesce(duplicate_of_id, id) as listing_id from jobs where public_id = ${publicId}`;
  return row ? Number(row.listing_id) : null;
}

/**
 * Everything the page of the job a slug names shows, or null when there is no such job. The slug's
 * public id decides; the caller redirects when `job.slug` differs from the slug asked for.
 */
export async function getJobPage(slug: string): Promise<JobPage | null> {
  const publicId = publicIdFromSlug(slug);
  const listingId = publicId ? await findListingId(publicId) : null;
  if (listingId === null) return null;
  const database = await getDatabase();
  const { sql } = database;
  const [[job], [details]] = await Promise.all([
    loadJobSummaries(database, [listingId]),
    sql<
      {
        description_html: string;
        description_text: string;
        company_website: string | null;
        company_status: string;
        source_kind: string;
      }[]
    >`
      select j.description_html, j.description_text, c.website as company_website,
             c.status as company_status, s.kind as source_kind
        from jobs j join companies c on c.id = j.company_id join sources s on s.id = j.source_id
       where j.id = ${listingId}`,
  ]);
  if (!job || !details) return null;
  return {
    job,
    descriptionHtml: details.description_html,
    descriptionText: details.description_text,
    company: {
      slug: job.company.slug,
      name: job.company.name,
      website: details.company_website,
      status: details.company_status === 'closed' ? 'closed' : 'active',
    },
    sourceKind: details.source_kind,
    alsoListedOn: job.sources.slice(1),
    similar: await findSimilarJobs(listingId),
  };
}

/**
 * Open listings like a job, best first: same category scores 2, each shared tag 1, and at least one
 * of the two must match. A candidate must be open to some of the same people: either side is
 * worldwide or has no known restriction, or their countries overlap.
 */
async function findSimilarJobs(jobId: number, limit = SIMILAR_JOBS): Promise<JobSummary[]> {
  const database = await getDatabase();
  const { sql } = database;
  const rows = await sql<{ id: number }[]>`
    with job as (select * from jobs where id = ${jobId}),
    scored as (
      select c.id, c.first_seen_at,
             (case when c.category = job.category and c.category <> 'other' then 2 else 0 end)
             + cardinality(array(select unnest(c.tags) intersect select unnest(job.tags))) as score
        from jobs c, job
       where c.closed_at is null and c.duplicate_of_id is null and c.id <> job.id
         and c.dedupe_key <> job.dedupe_key
         and (job.worldwide or c.worldwide or cardinality(c.countries) = 0
              or cardinality(job.countries) = 0 or c.countries && job.countries)
    )
    select id from scored where score > 0 order by score desc, first_seen_at desc, id desc limit ${limit}`;
  return loadJobSummaries(
    database,
    rows.map((row) => Number(row.id)),
  );
}
