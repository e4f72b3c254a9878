import type { MetadataRoute } from 'next';
import { env } from '@/lib/env';

/**
 * Crawlers may read the pages and feeds; the JSON API (except its documentation), alert management
 * and the dev tools are for programs and people, not for an index.
 */
export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  const { publicUrl } = env();
  return {
    rules: [
      {
        userAgent: '*',
        allow: ['/', '/api/v1/docs', '/feed.xml', '/feed.atom', '/feed.json'],
        disallow: ['/api/', '/alerts/', '/dev/'],
      },
    ],
    sitemap: `${publicUrl}/sitemap.xml`,
  };
}
