import { serveCompanyFeed } from '@/lib/feeds/serve';

export const dynamic = 'force-dynamic';

/** RSS 2.0 feed of one company's jobs; 404 for an unknown company. */
export async function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  const { slug } = await context.params;
  return serveCompanyFeed(request, slug);
}
