import { preflightResponse } from '@/lib/api/cors';
import { apiGet, invalidParameters, ok } from '@/lib/api/respond';
import { listCompanyPage, parseCompanyQuery } from '@/lib/catalog';

export const dynamic = 'force-dynamic';

/** `GET /api/v1/companies?q&region&remotePolicy&hiring&page&perPage`: the company directory. */
export const GET = apiGet(async (request: Request) => {
  const parsed = parseCompanyQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return invalidParameters(parsed.errors);
  return ok(await listCompanyPage(parsed.query));
});

export const OPTIONS = preflightResponse;
