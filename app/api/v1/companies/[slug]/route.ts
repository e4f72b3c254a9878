import { preflightResponse } from '@/lib/api/cors';
import { apiGet, notFound, ok } from '@/lib/api/respond';
import { getCompanyBySlug } from '@/lib/catalog';

export const dynamic = 'force-dynamic';

/** `GET /api/v1/companies/:slug`: a company's profile, open job count and sources with their health. */
export const GET = apiGet(async (_request: Request, context: { params: Promise<{ slug: string }> }) => {
  const { slug } = await context.params;
  const company = await getCompanyBySlug(slug);
  return company ? ok(company) : notFound(`No company has the slug ${JSON.stringify(slug)}.`);
});

export const OPTIONS = preflightResponse;
