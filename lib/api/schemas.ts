/**
 * The public API's response shapes as zod schemas: the OpenAPI document is generated from them
 * (`z.toJSONSchema`), the integration tests validate real responses against them, and the
 * compile-time checks at the bottom fail the typecheck if they drift from the TypeScript types the
 * routes actually return. Three views of one shape that cannot disagree. The company shapes have
 * no hand-written twin: their types are inferred from the schemas, and lib/catalog maps to them.
 */
import { z } from 'zod';
import type { JobSummary, SearchResult } from '../search/engine';
import { FACET_NAMES } from '../search/results';
import { CATEGORIES, EMPLOYMENT_TYPES, SALARY_PERIODS, SENIORITIES } from '../normalize/types';
import type { ApiErrorBody } from './errors';

const isoDateTime = z.iso.datetime({ offset: true });

export const jobSummarySchema = z
  .object({
    id: z.string().meta({ description: 'Public id, stable across re-scrapes.' }),
    slug: z.string().meta({ description: 'Last path segment of the job page: `<title-company>-<id>`.' }),
    url: z.url().meta({ description: 'The job page on this site.' }),
    applyUrl: z.string().meta({ description: "Where to apply: the company's own posting." }),
    title: z.string(),
    company: z.object({ slug: z.string(), name: z.string() }).strict(),
    locationText: z.string().meta({ description: 'The location as the posting states it.' }),
    workplace: z.enum(['remote', 'hybrid', 'onsite', 'unknown']),
    worldwide: z.boolean().meta({ description: 'People anywhere may apply.' }),
    countries: z.array(z.string()).meta({
      description: 'ISO 3166-1 alpha-2 codes someone may live in; empty when worldwide or unknown.',
    }),
    timezone: z
      .object({ minUtcOffset: z.number(), maxUtcOffset: z.number() })
      .strict()
      .nullable()
      .meta({ description: 'UTC offsets (hours) someone may work from, inclusive; null when not stated.' }),
    evidence: z.string().nullable().meta({ description: 'The phrase eligibility was read from.' }),
    category: z.enum(CATEGORIES),
    type: z.enum(EMPLOYMENT_TYPES).nullable(),
    seniority: z.enum(SENIORITIES).nullable(),
    salary: z
      .object({
        min: z.number().nullable(),
        max: z.number().nullable(),
        currency: z.string().meta({ description: 'ISO 4217' }),
        period: z.enum(SALARY_PERIODS),
        annualUsdMin: z.number().nullable(),
        annualUsdMax: z.number().nullable(),
      })
      .strict()
      .nullable(),
    tags: z.array(z.string()),
    postedAt: isoDateTime.nullable().meta({ description: 'Date the source gives, if any.' }),
    firstSeenAt: isoDateTime,
    lastSeenAt: isoDateTime.meta({ description: 'Last time a scrape found it listed.' }),
    updatedAt: isoDateTime.meta({
      description: 'Last change of its content; a scrape that finds it unchanged does not move it.',
    }),
    closedAt: isoDateTime.nullable().meta({ description: 'When it stopped being listed; null while open.' }),
    sources: z
      .array(z.object({ kind: z.string(), url: z.string() }).strict())
      .meta({ description: 'Where it is listed: its own source first, then open duplicates.' }),
  })
  .strict()
  .meta({ id: 'Job' });

const facetCounts = z.record(z.string(), z.number().int()).meta({
  description: 'Value -> number of jobs, the most frequent first (at most 100).',
});

export const jobSearchResultSchema = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    perPage: z.number().int(),
    jobs: z.array(jobSummarySchema),
    facets: z
      .object(
        Object.fromEntries(FACET_NAMES.map((name) => [name, facetCounts])) as Record<
          (typeof FACET_NAMES)[number],
          typeof facetCounts
        >,
      )
      .strict()
      .meta({
        description:
          'Disjunctive facet counts: each facet applies every filter but its own, so other values of a filtered facet still show what they would add.',
      }),
  })
  .strict()
  .meta({ id: 'JobSearchResult' });

export const companySummarySchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    url: z.url().meta({ description: 'The company page on this site.' }),
    website: z.string().nullable(),
    careersUrl: z.string().nullable(),
    description: z.string().nullable(),
    region: z
      .string()
      .nullable()
      .meta({ description: 'worldwide | americas | europe | americas-europe | asia-pacific | other' }),
    remotePolicy: z
      .string()
      .nullable()
      .meta({ description: 'fully-remote | remote-first | remote-friendly | hybrid' }),
    size: z.string().nullable().meta({ description: 'small | medium | large' }),
    technologies: z.array(z.string()),
    status: z.string().meta({ description: 'active, or closed (the company shut down).' }),
    openJobs: z.number().int().meta({ description: 'Open listings (duplicates across sources count once).' }),
  })
  .strict()
  .meta({ id: 'Company' });

export const companySourceSchema = z
  .object({
    kind: z.string(),
    token: z.string().nullable(),
    url: z.string().nullable(),
    openJobs: z.number().int(),
    health: z
      .object({
        state: z.enum(['ok', 'failing', 'suspicious', 'pending', 'disabled']),
        lastStatus: z.string().nullable(),
        lastRunAt: isoDateTime.nullable(),
        lastSuccessAt: isoDateTime.nullable(),
        nextRunAt: isoDateTime.nullable(),
        failureStreak: z.number().int(),
      })
      .strict(),
  })
  .strict()
  .meta({ id: 'CompanySource' });

export const companyProfileSchema = companySummarySchema
  .extend({ sources: z.array(companySourceSchema) })
  .strict()
  .meta({ id: 'CompanyProfile' });

export const companyPageSchema = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    perPage: z.number().int(),
    companies: z.array(companySummarySchema),
  })
  .strict()
  .meta({ id: 'CompanyPage' });

/** A company as the API shows it (lib/catalog maps lib/companies' reader to it). */
export type ApiCompany = z.infer<typeof companySummarySchema>;
/** One of a company's sources as the API shows it. */
export type ApiCompanySource = z.infer<typeof companySourceSchema>;
/** `GET /api/v1/companies/:slug`. */
export type ApiCompanyProfile = z.infer<typeof companyProfileSchema>;
/** `GET /api/v1/companies`. */
export type ApiCompanyPage = z.infer<typeof companyPageSchema>;

const errorDetailSchema = z
  .object({
    message: z.string(),
    parameter: z.string().optional(),
    allowed: z.array(z.string()).optional(),
  })
  .strict();

export const apiErrorSchema = z
  .object({
    error: errorDetailSchema,
    errors: z
      .array(errorDetailSchema)
      .optional()
      .meta({ description: 'Every invalid parameter (400 responses to invalid queries).' }),
  })
  .strict()
  .meta({ id: 'Error' });

// Compile-time agreement between the schemas and the types the routes return.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agreement: [
  Same<z.infer<typeof jobSummarySchema>, JobSummary>,
  Same<z.infer<typeof jobSearchResultSchema>, Omit<SearchResult, 'internalIds'>>,
  Same<z.infer<typeof apiErrorSchema>, ApiErrorBody>,
] = [true, true, true];
void agreement;
