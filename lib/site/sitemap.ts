/** What sitemap.xml lists: every open job page and every company page. */
import { getDatabase } from '../db/client';
import { toDate } from './dates';
import { jobPath } from '../search/results';

/** The sitemap protocol's limit of URLs per file. */
export const SITEMAP_MAX_URLS = 50_000;

export interface SitemapEntry {
  /** Site-relative path. */
  path: string;
  lastModified: Date;
}

/** Open job listings (newest first), then companies, at most SITEMAP_MAX_URLS - 3 in all. */
export async function getSitemapEntries(): Promise<SitemapEntry[]> {
  const { sql } = await getDatabase();
  // Three URLs stay free for the home, the directory and the status page.
  const budget = SITEMAP_MAX_URLS - 3;
  const jobs = await sql<{ slug: string; public_id: string; updated_at: Date }[]>`
    select slug, public_id, updated_at from jobs where closed_at is null and duplicate_of_id is null
     order by first_seen_at desc, id desc limit ${budget}`;
  const companies = await sql<{ slug: string; updated_at: Date }[]>`
    select slug, updated_at from companies order by slug limit ${Math.max(0, budget - jobs.length)}`;
  return [
    ...jobs.map((job) => ({
      path: jobPath(job.slug, job.public_id),
      lastModified: toDate(job.updated_at) ?? new Date(),
    })),
    ...companies.map((company) => ({
      path: `/companies/${encodeURIComponent(company.slug)}`,
      lastModified: toDate(company.updated_at) ?? new Date(),
    })),
  ];
}
