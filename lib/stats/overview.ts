import { getDatabase } from '../db/client';

export interface Overview {
  companies: number;
  hiringCompanies: number;
  openJobs: number;
  sources: number;
  /** When a job was last seen by a scraper, if ever. */
  lastScrapeAt: Date | null;
}

/** Headline numbers for the home page and `elsewhere db status`. */
export async function getOverview(): Promise<Overview> {
  const { sql } = await getDatabase();
  const [row] = await sql<
    {
      companies: number;
      hiring_companies: number;
      open_jobs: number;
      sources: number;
      last_scrape_at: Date | null;
    }[]
  >`
    select
      (select count(*)::int from companies) as companies,
      (select count(distinct company_id)::int from jobs where closed_at is null and duplicate_of_id is null) as hiring_companies,
      (select count(*)::int from jobs where closed_at is null and duplicate_of_id is null) as open_jobs,
      (select count(*)::int from sources) as sources,
      (select max(finished_at) from scrape_runs) as last_scrape_at`;
  return {
    companies: row?.companies ?? 0,
    hiringCompanies: row?.hiring_companies ?? 0,
    openJobs: row?.open_jobs ?? 0,
    sources: row?.sources ?? 0,
    lastScrapeAt: row?.last_scrape_at ?? null,
  };
}
