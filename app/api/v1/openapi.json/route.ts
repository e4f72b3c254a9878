import { preflightResponse } from '@/lib/api/cors';
import { buildOpenApiDocument } from '@/lib/api/openapi';
import { apiGet, ok } from '@/lib/api/respond';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

let openApiDocument: Record<string, unknown> | null = null;

/** The OpenAPI 3.1 document of the public API and the feeds (built once per process). */
export const GET = apiGet(async () => ok((openApiDocument ??= buildOpenApiDocument(env().publicUrl))));

export const OPTIONS = preflightResponse;
