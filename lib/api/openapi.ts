/**
 * The OpenAPI 3.1 document of the public API and the feeds, served at /api/v1/openapi.json.
 *
 * Nothing in it is typed twice:
 * - query parameters come from lib/search/query.ts's vocabularies and limits (the ones
 *   `parseJobQuery` enforces), keyed by `JobQuery`'s fields so a new field without documentation
 *   fails the typecheck; openapi.test.ts checks each enumeration against the values the parser
 *   itself reports as allowed;
 * - response schemas are generated from lib/api/schemas.ts with `z.toJSONSchema`.
 */
import { z } from 'zod';
import {
  DEFAULT_COMPANIES_PER_PAGE,
  HIRING_VALUES,
  MAX_COMPANIES_PER_PAGE,
  MAX_COMPANY_PAGE,
  MAX_COMPANY_QUERY_LENGTH,
  type CompanyQuery,
} from '../catalog/company-query';
import { COMPANY_REGIONS, REMOTE_POLICIES } from '../companies/vocabulary';
import { CATEGORIES, EMPLOYMENT_TYPES, SENIORITIES } from '../normalize/types';
import {
  DEFAULT_PER_PAGE,
  JOB_SORTS,
  JOB_STATUSES,
  MAX_LIST_VALUES,
  MAX_PAGE,
  MAX_PER_PAGE,
  MAX_QUERY_LENGTH,
  POSTED_WITHIN_DAYS,
  QUERY_TAGS,
  QUERY_WORKPLACES,
  SALARY_FILTERS,
  type JobQuery,
} from '../search/query';
import {
  apiErrorSchema,
  companyPageSchema,
  companyProfileSchema,
  companySourceSchema,
  companySummarySchema,
  jobSearchResultSchema,
  jobSummarySchema,
} from './schemas';

type JsonSchema = Record<string, unknown>;

export interface QueryParameter {
  name: string;
  in: 'query';
  description: string;
  required?: false;
  schema: JsonSchema;
  style?: 'form';
  explode?: true;
}

function list(values: readonly string[], description: string): Omit<QueryParameter, 'name' | 'in'> {
  return {
    description: `${description} Repeat the parameter or separate values with commas; values of one parameter are OR-ed. At most ${MAX_LIST_VALUES}.`,
    schema: { type: 'array', items: { type: 'string', enum: [...values] }, uniqueItems: true },
    style: 'form',
    explode: true,
  };
}

function oneOf(
  values: readonly string[],
  description: string,
  fallback?: string,
): Omit<QueryParameter, 'name' | 'in'> {
  return {
    description,
    schema: { type: 'string', enum: [...values], ...(fallback ? { default: fallback } : {}) },
  };
}

/** Every `JobQuery` parameter, documented. Keyed by the type, so none can be forgotten. */
const JOB_QUERY_DOCS: Record<keyof JobQuery, Omit<QueryParameter, 'name' | 'in'>> = {
  q: {
    description:
      'Full text over title (strongest), company and tags, and description. Web search syntax: "exact phrase", -exclude, or. Plain words also match by prefix and tolerate typos in titles.',
    schema: { type: 'string', maxLength: MAX_QUERY_LENGTH },
  },
  country: {
    description:
      'Where you can work from: ISO 3166-1 alpha-2 code (UK is read as GB). Matches worldwide jobs and jobs whose eligible countries include it.',
    schema: { type: 'string', pattern: '^[A-Za-z]{2}$' },
  },
  tz: {
    description:
      'Your UTC offset in hours, from -14 to 14 in quarter hours (5.5 for India): jobs whose time zone window contains it, or that state none.',
    schema: { type: 'number', minimum: -14, maximum: 14, multipleOf: 0.25 },
  },
  workplace: {
    ...list(QUERY_WORKPLACES, 'Workplace. Remote unless hybrid or onsite are asked for.'),
    schema: {
      type: 'array',
      items: { type: 'string', enum: [...QUERY_WORKPLACES] },
      uniqueItems: true,
      default: ['remote'],
    },
  },
  category: list(CATEGORIES, 'Job category.'),
  type: list(EMPLOYMENT_TYPES, 'Employment type.'),
  seniority: list(SENIORITIES, 'Seniority.'),
  company: {
    description: `Company slugs (lowercase letters, digits, hyphens). Repeat or separate with commas; OR-ed. At most ${MAX_LIST_VALUES}.`,
    schema: { type: 'array', items: { type: 'string', pattern: '^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$' } },
    style: 'form',
    explode: true,
  },
  tag: list(QUERY_TAGS, 'Technology tags from the curated vocabulary.'),
  salaryMin: {
    description:
      'Minimum annual salary in US dollars: the top of the stated range must reach it. Jobs without a stated salary are kept unless salary=stated.',
    schema: { type: 'integer', minimum: 0, maximum: 10_000_000 },
  },
  salary: oneOf(SALARY_FILTERS, 'stated: only jobs that state a salary.', 'any'),
  posted: {
    description: 'First seen within this many days.',
    schema: { type: 'integer', enum: [...POSTED_WITHIN_DAYS] },
  },
  sort: oneOf(JOB_SORTS, 'Order. Default: relevance when q is set, else newest (first seen).'),
  page: {
    description: '1-based page.',
    schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 },
  },
  perPage: {
    description: 'Jobs per page.',
    schema: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: DEFAULT_PER_PAGE },
  },
  status: oneOf(JOB_STATUSES, 'open jobs (default) or closed ones.', 'open'),
};

const COMPANY_QUERY_DOCS: Record<keyof CompanyQuery, Omit<QueryParameter, 'name' | 'in'>> = {
  q: {
    description: 'Case-insensitive part of the name or slug.',
    schema: { type: 'string', maxLength: MAX_COMPANY_QUERY_LENGTH },
  },
  region: list(COMPANY_REGIONS, 'Where the company hires.'),
  remotePolicy: list(REMOTE_POLICIES, 'How remote the company is.'),
  hiring: oneOf(HIRING_VALUES, 'true: companies with open jobs; false: without (1 and 0 work too).'),
  page: {
    description: '1-based page.',
    schema: { type: 'integer', minimum: 1, maximum: MAX_COMPANY_PAGE, default: 1 },
  },
  perPage: {
    description: 'Companies per page.',
    schema: {
      type: 'integer',
      minimum: 1,
      maximum: MAX_COMPANIES_PER_PAGE,
      default: DEFAULT_COMPANIES_PER_PAGE,
    },
  },
};

function parameters<K extends string>(
  docs: Record<K, Omit<QueryParameter, 'name' | 'in'>>,
): QueryParameter[] {
  return (Object.entries(docs) as [K, Omit<QueryParameter, 'name' | 'in'>][]).map(([name, doc]) => ({
    name,
    in: 'query',
    ...doc,
  }));
}

/** The documented query parameters of `GET /api/v1/jobs` (and the feeds). */
export function jobQueryParameters(): QueryParameter[] {
  return parameters(JOB_QUERY_DOCS);
}

/** The documented query parameters of `GET /api/v1/companies`. */
export function companyQueryParameters(): QueryParameter[] {
  return parameters(COMPANY_QUERY_DOCS);
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const header = (description: string, type = 'string') => ({ description, schema: { type } });

const RATE_HEADERS = {
  'RateLimit-Limit': header('Bucket size: requests allowed at once.', 'integer'),
  'RateLimit-Remaining': header('Requests left in the bucket.', 'integer'),
  'RateLimit-Reset': header('Seconds until the bucket is full again.', 'integer'),
  'RateLimit-Policy': header('Sustained rate per minute and burst, e.g. `120;w=60;burst=60`.'),
};
const CACHE_HEADERS = {
  ETag: header('Weak validator of the body; send it back in If-None-Match.'),
  'Cache-Control': header('public, max-age=60, stale-while-revalidate=300'),
};

const errorResponse = (description: string, headers: Record<string, unknown> = {}) => ({
  description,
  headers: { ...RATE_HEADERS, ...headers },
  content: json(ref('Error')),
});

const STANDARD_ERRORS = {
  '304': { description: 'Not modified: the If-None-Match tag still matches.', headers: CACHE_HEADERS },
  '429': errorResponse('Too many requests from this client.', {
    'Retry-After': header('Seconds to wait before the next request.', 'integer'),
  }),
  '503': errorResponse('The database or search engine is unavailable.', {
    'Retry-After': header('Seconds to wait before retrying.', 'integer'),
  }),
};

const ok = (description: string, schema: string, extraHeaders: Record<string, unknown> = {}) => ({
  description,
  headers: { ...CACHE_HEADERS, ...RATE_HEADERS, ...extraHeaders },
  content: json(ref(schema)),
});

const CONDITIONAL_PARAMETER = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description: 'An ETag from an earlier response: 304 when nothing changed.',
  schema: { type: 'string' },
};

function feedOperation(summary: string, contentType: string, parametersList: unknown[]) {
  return {
    get: {
      summary,
      tags: ['feeds'],
      parameters: [
        ...parametersList,
        CONDITIONAL_PARAMETER,
        {
          name: 'If-Modified-Since',
          in: 'header',
          required: false,
          description: 'The Last-Modified of an earlier response: 304 when nothing newer.',
          schema: { type: 'string' },
        },
      ],
      responses: {
        '200': {
          description:
            'The newest 50 matching open jobs, newest first (sort, page, perPage and status are validated but do not change a feed).',
          headers: {
            ETag: header('Weak validator of the body.'),
            'Last-Modified': header('Newest change among the items (absent for an empty feed).'),
            'Cache-Control': header('public, max-age=300, stale-while-revalidate=600'),
          },
          content: { [contentType]: { schema: { type: 'string' } } },
        },
        '304': { description: 'Not modified.' },
        '400': {
          description: 'Invalid parameters, one line each with the allowed values.',
          content: { 'text/plain': { schema: { type: 'string' } } },
        },
        '503': {
          description: 'The job index is unavailable.',
          content: { 'text/plain': { schema: { type: 'string' } } },
        },
      },
    },
  };
}

/** The OpenAPI 3.1 document, with `serverUrl` (PUBLIC_URL) as the server. */
export function buildOpenApiDocument(serverUrl: string): Record<string, unknown> {
  const schemas: Record<string, JsonSchema> = {};
  const registry = z.registry<{ id: string }>();
  for (const schema of [
    jobSummarySchema,
    jobSearchResultSchema,
    companySummarySchema,
    companySourceSchema,
    companyProfileSchema,
    companyPageSchema,
    apiErrorSchema,
  ]) {
    const { id } = schema.meta() as { id: string };
    registry.add(schema, { id });
  }
  const generated = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
    // z.int() states JavaScript's safe-integer bounds: true, but noise in a document for people.
    override: ({ jsonSchema }) => {
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
    },
  });
  for (const [id, schema] of Object.entries(generated.schemas)) {
    const { $schema: _dialect, $id: _id, ...rest } = schema as JsonSchema;
    schemas[id] = rest;
  }

  const jobParameters = jobQueryParameters();
  const tooManyIn = (what: string) => ({
    '400': errorResponse(
      `An invalid parameter: \`error.parameter\` names it, \`error.allowed\` lists the values ${what} accepts.`,
    ),
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Elsewhere public API',
      version: '1',
      description:
        'Remote jobs straight from companies\' own careers pages. No key. Reads only; CORS is open. Each client IP may make 120 requests a minute in bursts of 60 (429 with Retry-After beyond). Responses carry a weak ETag and Cache-Control; send If-None-Match to get 304. Errors are `{ "error": { "message", "parameter"?, "allowed"? } }`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: serverUrl }],
    tags: [{ name: 'jobs' }, { name: 'companies' }, { name: 'feeds' }],
    paths: {
      '/api/v1/jobs': {
        get: {
          operationId: 'searchJobs',
          summary: 'Search jobs',
          description:
            'One page of matching jobs with facet counts. Unknown parameters are ignored; empty values count as absent. A Link header points to the previous and next pages.',
          tags: ['jobs'],
          parameters: [...jobParameters, CONDITIONAL_PARAMETER],
          responses: {
            '200': ok('A page of jobs.', 'JobSearchResult', {
              Link: header('rel="prev" and rel="next" pages.'),
            }),
            ...tooManyIn('the parameter'),
            ...STANDARD_ERRORS,
          },
        },
      },
      '/api/v1/jobs/{id}': {
        get: {
          operationId: 'getJob',
          summary: 'One job',
          description:
            'A job by public id (or by its page slug, which ends with the id). Closed jobs are returned too, with status 200 and `closedAt` set.',
          tags: ['jobs'],
          parameters: [
            {
              name: 'id',
              in: 'path',
              required: true,
              schema: { type: 'string' },
              description: 'Public id or page slug.',
            },
            CONDITIONAL_PARAMETER,
          ],
          responses: {
            '200': ok('The job.', 'Job'),
            '404': errorResponse('No job has this id.'),
            ...STANDARD_ERRORS,
          },
        },
      },
      '/api/v1/companies': {
        get: {
          operationId: 'listCompanies',
          summary: 'Company directory',
          description: 'Companies by name, with their open job counts.',
          tags: ['companies'],
          parameters: [...companyQueryParameters(), CONDITIONAL_PARAMETER],
          responses: {
            '200': ok('A page of companies.', 'CompanyPage'),
            ...tooManyIn('the parameter'),
            ...STANDARD_ERRORS,
          },
        },
      },
      '/api/v1/companies/{slug}': {
        get: {
          operationId: 'getCompany',
          summary: 'One company',
          description:
            'Profile, open job count, and the sources its jobs come from with the health of their scraping.',
          tags: ['companies'],
          parameters: [
            { name: 'slug', in: 'path', required: true, schema: { type: 'string' } },
            CONDITIONAL_PARAMETER,
          ],
          responses: {
            '200': ok('The company.', 'CompanyProfile'),
            '404': errorResponse('No company has this slug.'),
            ...STANDARD_ERRORS,
          },
        },
      },
      '/feed.xml': feedOperation('RSS 2.0 feed of a search', 'application/rss+xml', jobParameters),
      '/feed.atom': feedOperation('Atom 1.0 feed of a search', 'application/atom+xml', jobParameters),
      '/feed.json': feedOperation('JSON Feed 1.1 of a search', 'application/feed+json', jobParameters),
      '/companies/{slug}/feed.xml': (() => {
        const operation = feedOperation(
          "RSS 2.0 feed of one company's jobs (404 for an unknown company)",
          'application/rss+xml',
          [
            { name: 'slug', in: 'path', required: true, schema: { type: 'string' } },
            ...jobParameters.filter((parameter) => parameter.name !== 'company'),
          ],
        );
        Object.assign(operation.get.responses, {
          '404': {
            description: 'No company has this slug.',
            content: { 'text/plain': { schema: { type: 'string' } } },
          },
        });
        return operation;
      })(),
      '/api/v1/openapi.json': {
        get: {
          operationId: 'openapi',
          summary: 'This document',
          responses: { '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } },
        },
      },
    },
    components: { schemas },
  };
}
