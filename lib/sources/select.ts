import type { Database } from '../db/client';

export interface SelectedSources {
  /** Enabled sources of active companies, in company order. */
  sourceIds: number[];
  /** Slugs given that match no company. */
  unknownCompanies: string[];
  /** Slugs given whose company has no enabled source, or is closed. */
  companiesWithoutSources: string[];
}

/**
 * The sources `elsewhere scrape [company...]` runs: those of the named companies (by slug), or all of
 * them. Disabled sources and closed companies are left out.
 */
export async function selectSourcesForScrape(
  database: Database,
  companySlugs: readonly string[] = [],
): Promise<SelectedSources> {
  const { sql } = database;
  const rows = await sql<{ slug: string; source_id: number | null; usable: boolean }[]>`
    select c.slug, s.id as source_id, (s.enabled and c.status = 'active') as usable
    from companies c left join sources s on s.company_id = c.id
    where ${companySlugs.length ? sql`c.slug = any(${companySlugs as string[]})` : sql`s.id is not null`}
    order by c.slug, s.id`;
  const found = new Set(rows.map((row) => row.slug));
  const usableBySlug = new Map<string, number[]>();
  for (const row of rows) {
    const ids = usableBySlug.get(row.slug) ?? [];
    if (row.source_id !== null && row.usable) ids.push(row.source_id);
    usableBySlug.set(row.slug, ids);
  }
  return {
    sourceIds: [...usableBySlug.values()].flat(),
    unknownCompanies: companySlugs.filter((slug) => !found.has(slug)),
    companiesWithoutSources: companySlugs.filter(
      (slug) => found.has(slug) && !usableBySlug.get(slug)?.length,
    ),
  };
}
