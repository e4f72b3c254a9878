import type { MetadataRoute } from 'next';
import { env } from '@/lib/env';
import { getSitemapEntries } from '@/lib/site/sitemap';

export const dynamic = 'force-dynamic';

/** Open job pages and company pages, plus the three fixed pages. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { publicUrl } = env();
  const entries = await getSitemapEntries();
  return [
    { url: `${publicUrl}/`, changeFrequency: 'hourly', priority: 1 },
    { url: `${publicUrl}/companies`, changeFrequency: 'daily' },
    { url: `${publicUrl}/status`, changeFrequency: 'hourly', priority: 0.1 },
    ...entries.map((entry) => ({ url: `${publicUrl}${entry.path}`, lastModified: entry.lastModified })),
  ];
}
