/**
 * The one job query (`JobQuery`): pages, the JSON API, feeds and alerts all parse their URL
 * parameters here, so a search means the same thing everywhere and a saved search replays exactly.
 *
 * Parameters may repeat and may carry comma lists (`category=engineering,design&category=data`).
 * Empty values count as absent, because HTML forms submit empty fields (`?q=&country=`). Unknown
 * parameters are ignored, so tracking parameters on shared links do no harm.
 *
 * This module is pure (no database, no env) so client components may import it.
 */
import iso from 'i18n-iso-countries';
import { z } from 'zod';
import { TAG_LABELS, TAG_VOCABULARY } from '../normalize/tags';
import {
  CATEGORIES,
  EMPLOYMENT_TYPES,
  SENIORITIES,
  type Category,
  type EmploymentType,
  type Seniority,
} from '../normalize/types';

/** Workplaces a search may ask for. Remote unless hybrid or onsite are asked for explicitly. */
export const QUERY_WORKPLACES = ['remote', 'hybrid', 'onsite'] as const;
export type QueryWorkplace = (typeof QUERY_WORKPLACES)[number];

export const JOB_SORTS = ['relevance', 'newest', 'salary'] as const;
export type JobSort = (typeof JOB_SORTS)[number];

/** `posted`: first seen within this many days. */
export const POSTED_WITHIN_DAYS = [1, 7, 30] as const;
export type PostedWithinDays = (typeof POSTED_WITHIN_DAYS)[number];

export const SALARY_FILTERS = ['any', 'stated'] as const;
export type SalaryFilter = (typeof SALARY_FILTERS)[number];

export const JOB_STATUSES = ['open', 'closed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Canonical tag ids (lib/normalize/tags.ts), the only values `tag` accepts. */
export const QUERY_TAGS: readonly string[] = Object.freeze(TAG_VOCABULARY.map((entry) => entry.tag));

/** Deepest page served: deep paging is for crawlers, and an offset this far is already slow. */
export const MAX_PAGE = 1000;
export const MAX_PER_PAGE = 100;
/** @default 20 */
export const DEFAULT_PER_PAGE = 20;
/** Longest `q` accepted, in characters. */
export const MAX_QUERY_LENGTH = 200;
/** Most values one list parameter may carry. */
export const MAX_LIST_VALUES = 50;

/** A validated search. Arrays are unique and in a canonical order; empty means "no filter". */
export interface JobQuery {
  /** Full text, websearch syntax: `"exact phrase"`, `-exclude`, `or`. */
  q: string | null;
  /** ISO 3166-1 alpha-2, uppercase: "I can work from". Matches worldwide jobs and jobs listing it. */
  country: string | null;
  /** UTC offset in hours (quarter hours allowed): jobs whose window contains it, or that state none. */
  tz: number | null;
  /** Never empty. @default ['remote'] */
  workplace: QueryWorkplace[];
  category: Category[];
  type: EmploymentType[];
  seniority: Seniority[];
  /** Company slugs. */
  company: string[];
  /** Vocabulary tag ids. */
  tag: string[];
  /** Annual USD: the top of the job's range must reach it. */
  salaryMin: number | null;
  /** `stated` keeps only jobs that state a salary; `any` also keeps those that don't. @default 'any' */
  salary: SalaryFilter;
  posted: PostedWithinDays | null;
  /** @default 'relevance' when q is set, else 'newest' */
  sort: JobSort;
  /** 1-based. @default 1 */
  page: number;
  /** @default 20 */
  perPage: number;
  /** @default 'open' */
  status: JobStatus;
}

/** One rejected parameter, as a 400 response lists it. */
export interface JobQueryError {
  parameter: string;
  message: string;
  /** The values the parameter accepts, for enumerated parameters. */
  allowed?: string[];
}

export type JobQueryParseResult = { ok: true; query: JobQuery } | { ok: false; errors: JobQueryError[] };

/** What `parseJobQuery` accepts: URL parameters, or a record of them (Next's `searchParams`, a saved search). */
export type JobQueryInput =
  URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

// ---------------------------------------------------------------------------------------------
// Field schemas. Each takes every raw value given for its parameter (string[]), so one schema sees
// repeats and comma lists alike and its issues carry the parameter as their path.

const rawValues = z.array(z.string()).prefault([]);

/** A parameter given at most once; empty values are absent. */
const single = rawValues.transform((values, ctx) => {
  const present = values.map((value) => value.trim()).filter((value) => value !== '');
  if (new Set(present).size > 1) {
    ctx.addIssue({ code: 'custom', message: 'should be given once' });
    return z.NEVER;
  }
  return present[0];
});

function splitList(values: readonly string[]): string[] {
  return [
    ...new Set(
      values
        .flatMap((value) => value.split(','))
        .map((value) => value.trim().toLowerCase())
        .filter((value) => value !== ''),
    ),
  ];
}

/** A repeatable, comma-separated list of values from `allowed`, returned in `allowed`'s order. */
function enumList<const T extends readonly string[]>(allowed: T, noun: string, plural = `${noun}s`) {
  return rawValues.transform((values, ctx): T[number][] => {
    const items = splitList(values);
    const unknown = items.filter((item) => !allowed.includes(item));
    if (unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown ${unknown.length > 1 ? plural : noun} ${unknown.map((value) => JSON.stringify(value)).join(', ')}`,
        params: { allowed: [...allowed] },
      });
      return z.NEVER;
    }
    if (items.length > MAX_LIST_VALUES) {
      ctx.addIssue({ code: 'custom', message: `accepts at most ${MAX_LIST_VALUES} values` });
      return z.NEVER;
    }
    return allowed.filter((value) => items.includes(value));
  });
}

/** One value from `allowed`, or the default when absent. */
function enumValue<const T extends readonly string[]>(allowed: T, fallback: T[number] | null) {
  return single.transform((value, ctx): T[number] | null => {
    if (value === undefined) return fallback;
    const lower = value.toLowerCase();
    if (!allowed.includes(lower)) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown value ${JSON.stringify(value)}`,
        params: { allowed: [...allowed] },
      });
      return z.NEVER;
    }
    return lower;
  });
}

function integerValue(options: { min: number; max: number; message: string }) {
  return single.transform((value, ctx): number | null => {
    if (value === undefined) return null;
    const number = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
    if (!(number >= options.min && number <= options.max)) {
      ctx.addIssue({ code: 'custom', message: options.message });
      return z.NEVER;
    }
    return number;
  });
}

const COMPANY_SLUG = /^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/;

const fields = {
  q: single.transform((value, ctx): string | null => {
    if (value === undefined) return null;
    // Collapse runs of whitespace so "rust  async" and "rust async" are one canonical query.
    const text = value.replace(/\s+/g, ' ');
    if (text.length > MAX_QUERY_LENGTH) {
      ctx.addIssue({ code: 'custom', message: `should be at most ${MAX_QUERY_LENGTH} characters` });
      return z.NEVER;
    }
    return text;
  }),
  country: single.transform((value, ctx): string | null => {
    if (value === undefined) return null;
    const upper = value.toUpperCase();
    // "UK" is what most people type; ISO says GB.
    const code = upper === 'UK' ? 'GB' : upper;
    if (!/^[A-Z]{2}$/.test(code) || !iso.isValid(code)) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown country ${JSON.stringify(value)}: should be an ISO 3166-1 alpha-2 code, like PT or US`,
      });
      return z.NEVER;
    }
    return code;
  }),
  tz: single.transform((value, ctx): number | null => {
    if (value === undefined) return null;
    const hours = /^[+-]?\d{1,2}(?:\.\d{1,2})?$/.test(value) ? Number(value) : Number.NaN;
    // Quarter hours: real offsets include +5:30 (India) and +5:45 (Nepal).
    if (!(hours >= -14 && hours <= 14) || !Number.isInteger(hours * 4)) {
      ctx.addIssue({
        code: 'custom',
        message: 'should be a UTC offset in hours from -14 to 14, like 1, -5 or 5.5',
      });
      return z.NEVER;
    }
    return hours === 0 ? 0 : hours; // no -0
  }),
  workplace: enumList(QUERY_WORKPLACES, 'workplace').transform((values) =>
    values.length > 0 ? values : (['remote'] as QueryWorkplace[]),
  ),
  category: enumList(CATEGORIES, 'category', 'categories'),
  type: enumList(EMPLOYMENT_TYPES, 'employment type'),
  seniority: enumList(SENIORITIES, 'seniority', 'seniorities'),
  company: rawValues.transform((values, ctx): string[] => {
    const slugs = splitList(values);
    const invalid = slugs.filter((slug) => !COMPANY_SLUG.test(slug));
    if (invalid.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `invalid company slug ${invalid.map((value) => JSON.stringify(value)).join(', ')}: lowercase letters, digits and hyphens`,
      });
      return z.NEVER;
    }
    if (slugs.length > MAX_LIST_VALUES) {
      ctx.addIssue({ code: 'custom', message: `accepts at most ${MAX_LIST_VALUES} values` });
      return z.NEVER;
    }
    return slugs.sort();
  }),
  tag: enumList(QUERY_TAGS, 'tag').transform((tags) => [...tags].sort()),
  salaryMin: integerValue({
    min: 0,
    max: 10_000_000,
    message: 'should be a whole number of US dollars a year, like 80000',
  }),
  salary: enumValue(SALARY_FILTERS, 'any'),
  posted: enumValue(['1', '7', '30'], null).transform((value) =>
    value === null ? null : (Number(value) as PostedWithinDays),
  ),
  sort: enumValue(JOB_SORTS, null),
  page: integerValue({ min: 1, max: MAX_PAGE, message: `should be a whole number from 1 to ${MAX_PAGE}` }),
  perPage: integerValue({
    min: 1,
    max: MAX_PER_PAGE,
    message: `should be a whole number from 1 to ${MAX_PER_PAGE}`,
  }),
  status: enumValue(JOB_STATUSES, 'open'),
};

/** The parameters `JobQuery` reads, in canonical URL order. */
export const JOB_QUERY_PARAMETERS = Object.freeze(Object.keys(fields)) as readonly (keyof JobQuery)[];

/**
 * THE query schema: raw URL values per parameter (every occurrence, as strings) in, a `JobQuery`
 * out. Prefer `parseJobQuery`, which collects the values and turns issues into 400-style errors.
 */
export const jobQuerySchema = z.object(fields).transform((raw): JobQuery => ({
  q: raw.q,
  country: raw.country,
  tz: raw.tz,
  workplace: raw.workplace,
  category: raw.category,
  type: raw.type,
  seniority: raw.seniority,
  company: raw.company,
  tag: raw.tag,
  salaryMin: raw.salaryMin,
  salary: raw.salary ?? 'any',
  posted: raw.posted,
  sort: resolveSort(raw.sort, raw.q),
  page: raw.page ?? 1,
  perPage: raw.perPage ?? DEFAULT_PER_PAGE,
  status: raw.status ?? 'open',
}));

/** Relevance needs text to be relevant to; without q the newest jobs come first. */
function defaultSort(q: string | null): JobSort {
  return q ? 'relevance' : 'newest';
}

function resolveSort(sort: JobSort | null, q: string | null): JobSort {
  if (sort === null || (sort === 'relevance' && !q)) return defaultSort(q);
  return sort;
}

/**
 * Parse and validate URL parameters. Every invalid parameter is reported (not just the first),
 * each naming the parameter and, for enumerations, the allowed values.
 *
 * @example parseJobQuery(new URLSearchParams('q=rust&country=pt')) // { ok: true, query: { q: 'rust', country: 'PT', ... } }
 */
export function parseJobQuery(input: JobQueryInput): JobQueryParseResult {
  const raw: Record<string, string[]> = {};
  const add = (key: string, value: string) => {
    if (!(key in fields)) return;
    (raw[key] ??= []).push(value);
  };
  if (input instanceof URLSearchParams) {
    for (const [key, value] of input) add(key, value);
  } else {
    for (const [key, value] of Object.entries(input)) {
      if (typeof value === 'string') add(key, value);
      else if (Array.isArray(value)) for (const item of value as readonly string[]) add(key, item);
    }
  }
  const result = jobQuerySchema.safeParse(raw);
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

/** The query every page starts from: remote, open, newest first. */
export function defaultJobQuery(): JobQuery {
  const result = parseJobQuery(new URLSearchParams());
  if (!result.ok) throw new Error('the empty query must parse');
  return result.query;
}

/**
 * The canonical record of a query: defaults omitted, lists as arrays (repeated parameters) in
 * canonical order. Equal queries give equal records; this is what saved searches store.
 */
export function jobQueryToRecord(query: JobQuery): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  const set = (key: keyof JobQuery, value: string | readonly string[] | null) => {
    if (value === null) return;
    if (typeof value === 'string') record[key] = value;
    else if (value.length > 0) record[key] = value.length === 1 ? value[0]! : [...value];
  };
  set('q', query.q);
  set('country', query.country);
  set('tz', query.tz === null ? null : String(query.tz));
  set('workplace', query.workplace.length === 1 && query.workplace[0] === 'remote' ? null : query.workplace);
  set('category', query.category);
  set('type', query.type);
  set('seniority', query.seniority);
  set('company', query.company);
  set('tag', query.tag);
  set('salaryMin', query.salaryMin === null ? null : String(query.salaryMin));
  set('salary', query.salary === 'any' ? null : query.salary);
  set('posted', query.posted === null ? null : String(query.posted));
  set('sort', query.sort === defaultSort(query.q) ? null : query.sort);
  set('page', query.page === 1 ? null : String(query.page));
  set('perPage', query.perPage === DEFAULT_PER_PAGE ? null : String(query.perPage));
  set('status', query.status === 'open' ? null : query.status);
  return record;
}

/**
 * Canonical URL parameters for a query (defaults omitted, lists as repeated parameters), for page
 * links, feed URLs and saved searches. `parseJobQuery(jobQueryToSearchParams(q))` gives back `q`.
 */
export function jobQueryToSearchParams(query: JobQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(jobQueryToRecord(query))) {
    for (const item of typeof value === 'string' ? [value] : value) params.append(key, item);
  }
  return params;
}

const WORKPLACE_WORDS: Record<QueryWorkplace, string> = {
  remote: 'remote',
  hybrid: 'hybrid',
  onsite: 'on-site',
};

/**
 * A human title for a query, for feed titles and alert subjects: "Remote Rust jobs open to Portugal",
 * "Remote senior engineering jobs matching “kubernetes” at acme, from $120,000 a year".
 * Paging and sorting are not part of what a search means, so they are left out.
 */
export function describeJobQuery(query: JobQuery): string {
  const adjectives = [
    joinOr(query.workplace.map((workplace) => WORKPLACE_WORDS[workplace])),
    joinOr(query.seniority),
    joinOr(query.type),
    joinOr(query.tag.map((tag) => TAG_LABELS[tag] ?? tag)),
    joinOr(query.category),
  ].filter((part) => part !== '');
  let text = [query.status === 'closed' ? 'closed' : '', ...adjectives, 'jobs'].filter(Boolean).join(' ');
  if (query.q) text += ` matching “${query.q}”`;
  if (query.company.length > 0) text += ` at ${joinOr(query.company)}`;
  if (query.country) text += ` open to ${countryName(query.country)}`;
  const details: string[] = [];
  if (query.tz !== null) text += ` near ${formatUtcOffset(query.tz)}`;
  if (query.salaryMin !== null) {
    details.push(`from $${query.salaryMin.toLocaleString('en-US')} a year`);
  } else if (query.salary === 'stated') {
    details.push('with a stated salary');
  }
  if (query.posted !== null)
    details.push(query.posted === 1 ? 'posted today' : `posted in the last ${query.posted} days`);
  if (details.length > 0) text += `, ${details.join(', ')}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function joinOr(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

function countryName(code: string): string {
  return iso.getName(code, 'en') ?? code;
}

/** 5.5 -> "UTC+5:30", -3 -> "UTC-3", 0 -> "UTC". */
export function formatUtcOffset(hours: number): string {
  if (hours === 0) return 'UTC';
  const sign = hours < 0 ? '-' : '+';
  const absolute = Math.abs(hours);
  const whole = Math.floor(absolute);
  const minutes = Math.round((absolute - whole) * 60);
  return `UTC${sign}${whole}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}
