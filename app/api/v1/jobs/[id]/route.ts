import { preflightResponse } from '@/lib/api/cors';
import { apiGet, notFound, ok } from '@/lib/api/respond';
import { getJobByPublicId } from '@/lib/catalog';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/v1/jobs/:id`: one job by public id (or page slug). Closed jobs answer 200 with
 * `closedAt` set, so stored links keep resolving; unknown ids answer 404.
 */
export const GET = apiGet(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const job = await getJobByPublicId(id);
  return job ? ok(job) : notFound(`No job has the id ${JSON.stringify(id)}.`);
});

export const OPTIONS = preflightResponse;
