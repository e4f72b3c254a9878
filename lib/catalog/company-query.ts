/**
 * The company directory's query (`GET /api/v1/companies`): q, region, remotePolicy, hiring, page,
 * perPage. Same conventions as `JobQuery` (lib/search/query.ts): repeated parameters and comma
 * lists for enumerations, empty values are absent, unknown parameters are ignored, and every
 * invalid parameter is reported with the values it accepts.
 *
 * Pure (no database), so the OpenAPI document and tests can use it.
 */
import { z } from 'zod';
import {
  COMPANY_REGIONS,
  REMOTE_POLICIES,
  type CompanyRegion,
  type RemotePolicy,
} from '../companies/vocabulary';
import type { JobQueryError } from '../search/query';

export const HIRING_VALUES = ['true', 'false'] as const;

/** Longest `q`, in characters. */
export const MAX_COMPANY_QUERY_LENGTH = 100;
export const MAX_COMPANY_PAGE = 1000;
export const MAX_COMPANIES_PER_PAGE = 100;
/** @default 50 */
export const DEFAULT_COMPANIES_PER_PAGE = 50;

export interface CompanyQuery {
  /** Case-insensitive substring of the name or slug. */
  q: string | null;
  /** Any of these regions; empty: no filter. */
  region: CompanyRegion[];
  /** Any of these policies; empty: no filter. */
  remotePolicy: RemotePolicy[];
  /** true: companies with open jobs; false: without; null: all. */
  hiring: boolean | null;
  page: number;
  perPage: number;
}

/** The parameters `CompanyQuery` reads. */
export const COMPANY_QUERY_PARAMETERS = ['q', 'region', 'remotePolicy', 'hiring', 'page', 'perPage'] as const;

const rawValues = z.array(z.string()).prefault([]);

const single = rawValues.transform((values, ctx) => {
  const present = values.map((value) => value.trim()).filter((value) => value !== '');
  if (new Set(present).size > 1) {
    ctx.addIssue({ code: 'custom', message: 'should be given once' });
    return z.NEVER;
  }
  return present[0];
});

function enumList<const T extends readonly string[]>(allowed: T, noun: string) {
  return rawValues.transform((values, ctx): T[number][] => {
    const items = [
      ...new Set(
        values
          .flatMap((value) => value.split(','))
          .map((value) => value.trim().toLowerCase())
          .filter(Boolean),
      ),
    ];
    const unknown = items.filter((item) => !allowed.includes(item));
    if (unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown ${noun} ${unknown.map((value) => JSON.stringify(value)).join(', ')}`,
        params: { allowed: [...allowed] },
      });
      return z.NEVER;
    }
    return allowed.filter((value) => items.includes(value));
  });
}

function wholeNumber(min: number, max: number) {
  return single.transform((value, ctx): number | null => {
    if (value === undefined) return null;
    const number = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
    if (!(number >= min && number <= max)) {
      ctx.addIssue({ code: 'custom', message: `should be a whole number from ${min} to ${max}` });
      return z.NEVER;
    }
    return number;
  });
}

const companyQuerySchema = z
  .object({
    q: single.transform((value, ctx): string | null => {
      if (value === undefined) return null;
      if (value.length > MAX_COMPANY_QUERY_LENGTH) {
        ctx.addIssue({ code: 'custom', message: `should be at most ${MAX_COMPANY_QUERY_LENGTH} characters` });
        return z.NEVER;
      }
      return value.replace(/\s+/g, ' ');
    }),
    region: enumList(COMPANY_REGIONS, 'region'),
    remotePolicy: enumList(REMOTE_POLICIES, 'remote policy'),
    hiring: single.transform((value, ctx): boolean | null => {
      if (value === undefined) return null;
      const lower = value.toLowerCase();
      if (lower === 'true' || lower === '1') return true;
      if (lower === 'false' || lower === '0') return false;
      ctx.addIssue({
        code: 'custom',
        message: `unknown value ${JSON.stringify(value)}`,
        params: { allowed: [...HIRING_VALUES] },
      });
      return z.NEVER;
    }),
    page: wholeNumber(1, MAX_COMPANY_PAGE),
    perPage: wholeNumber(1, MAX_COMPANIES_PER_PAGE),
  })
  .transform((raw): CompanyQuery => ({
    ...raw,
    page: raw.page ?? 1,
    perPage: raw.perPage ?? DEFAULT_COMPANIES_PER_PAGE,
  }));

export type CompanyQueryParseResult =
  { ok: true; query: CompanyQuery } | { ok: false; errors: JobQueryError[] };

/** Parse and validate the directory's URL parameters, reporting every invalid one. */
export function parseCompanyQuery(params: URLSearchParams): CompanyQueryParseResult {
  const raw: Record<string, string[]> = {};
  for (const [key, value] of params) {
    if ((COMPANY_QUERY_PARAMETERS as readonly string[]).includes(key)) (raw[key] ??= []).push(value);
  }
  const result = companyQuerySchema.safeParse(raw);
  if (result.success) return { ok: true, query: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => {
      const parameter = String(issue.path[0] ?? 'query');
      const allowed = issue.code === 'custom' ? (issue.params?.allowed as string[] | undefined) : undefined;
      return allowed ? { parameter, message: issue.message, allowed } : { parameter, message: issue.message };
    }),
  };
}
