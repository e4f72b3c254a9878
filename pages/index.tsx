/**
 * The search page: the search box and every filter in one GET form, facet counts beside the options,
 * results with pagination, and the links that follow the search (feeds, email alert). The URL holds
 * the whole state. Without JavaScript the form submits and everything works; with it, filters apply as
 * they change (FilterAutoApply, the page's one inline script).
 *
 * A Pages Router page with no runtime JavaScript (pages/README.md).
 */
import type { GetServerSideProps } from 'next';
import { FilterAutoApply } from '@/app/components/filter-auto-apply';
import { FollowSearch } from '@/app/components/follow-search';
import { JobList } from '@/app/components/job-card';
import { Link } from '@/app/components/link';
import { PageHead } from '@/app/components/page-head';
import { Pagination } from '@/app/components/pagination';
import { SEARCH_FORM_ID, SearchForm } from '@/app/components/search-form';
import { getCompanyNames } from '@/lib/companies/read';
import { env } from '@/lib/env';
import { getSearchEngine, type SearchResult } from '@/lib/search/engine';
import {
  defaultJobQuery,
  describeJobQuery,
  jobQueryToSearchParams,
  parseJobQuery,
  type JobQuery,
  type JobQueryError,
} from '@/lib/search/query';
import { getSiteOverview } from '@/lib/site/overview';

export const config = { unstable_runtimeJS: false };

type SearchParams = Record<string, string | string[] | undefined>;

interface ResolvedSearch {
  query: JobQuery;
  /** Rejected parameters; the search runs without them. */
  errors: JobQueryError[];
}

/** The query of a URL: invalid parameters are reported and dropped, the rest still applies. */
function resolveSearch(params: SearchParams): ResolvedSearch {
  const parsed = parseJobQuery(params);
  if (parsed.ok) return { query: parsed.query, errors: [] };
  const rejected = new Set(parsed.errors.map((error) => error.parameter));
  const rest = Object.fromEntries(Object.entries(params).filter(([key]) => !rejected.has(key)));
  const retry = parseJobQuery(rest);
  return { query: retry.ok ? retry.query : defaultJobQuery(), errors: parsed.errors };
}

/** The URL parameters as received, in order, for comparing with the canonical form. */
function receivedString(params: SearchParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
      search.append(key, item);
  }
  return search.toString();
}

interface Props {
  query: JobQuery;
  errors: JobQueryError[];
  result: Omit<SearchResult, 'internalIds'>;
  /** The headline counts. */
  overview: { openJobs: number; hiringCompanies: number; companies: number };
  /** Names of the companies in the facet and in the query, by slug. */
  companyNames: Record<string, string>;
  siteUrl: string;
  /** When the page was rendered: job ages ("new") are relative to it. */
  nowIso: string;
}

export const getServerSideProps: GetServerSideProps<Props> = async ({ query: params, res }) => {
  const { query, errors } = resolveSearch(params);
  const canonical = jobQueryToSearchParams(query).toString();
  // A GET form submits every field, empty or not: send people to the short, shareable URL.
  if (errors.length === 0 && canonical !== receivedString(params)) {
    return { redirect: { destination: canonical ? `/?${canonical}` : '/', permanent: false } };
  }
  // Revalidate on every visit, but let Back and Forward show the kept page at once.
  res.setHeader('Cache-Control', 'private, no-cache');
  const now = new Date();
  const [{ openJobs, hiringCompanies, companies }, engine] = await Promise.all([
    getSiteOverview(),
    getSearchEngine(),
  ]);
  const { internalIds: _internalIds, ...result } = await engine.search(query, { now });
  const companyNames = await getCompanyNames([
    ...new Set([...Object.keys(result.facets.company), ...query.company]),
  ]);
  return {
    props: {
      query,
      errors,
      result,
      overview: { openJobs, hiringCompanies, companies },
      companyNames,
      siteUrl: env().publicUrl,
      nowIso: now.toISOString(),
    },
  };
};

export default function SearchPage({
  query,
  errors,
  result,
  overview,
  companyNames,
  siteUrl,
  nowIso,
}: Props) {
  const now = new Date(nowIso);
  const canonical = jobQueryToSearchParams(query).toString();
  const lastPage = Math.max(1, Math.ceil(result.total / result.perPage));
  const pageHref = (page: number) => {
    const search = jobQueryToSearchParams({ ...query, page }).toString();
    return search ? `/?${search}` : '/';
  };
  const defaultSort = query.q ? 'relevance' : 'newest';
  const followQuery = jobQueryToSearchParams({ ...query, page: 1 }).toString();
  const suffix = followQuery ? `?${followQuery}` : '';
  const title = describeJobQuery(query);
  const isHome = canonical === '';
  const first = (result.page - 1) * result.perPage + 1;
  const last = first + result.jobs.length - 1;

  return (
    <>
      <PageHead
        siteUrl={siteUrl}
        title={isHome ? null : title}
        canonicalPath={canonical ? `/?${canonical}` : '/'}
        // Filtered and deep pages are for people, not for the index: the job pages are.
        noindex={!isHome || errors.length > 0}
        feeds={[
          { type: 'application/rss+xml', href: `/feed.xml${suffix}`, title: `${title} (RSS)` },
          { type: 'application/atom+xml', href: `/feed.atom${suffix}`, title: `${title} (Atom)` },
          { type: 'application/feed+json', href: `/feed.json${suffix}`, title: `${title} (JSON Feed)` },
        ]}
      />
      <h1>Remote jobs, straight from the source</h1>
      <p className="lede" data-testid="overview">
        <strong>{overview.openJobs.toLocaleString('en')}</strong> open remote jobs at{' '}
        <strong>{overview.hiringCompanies.toLocaleString('en')}</strong> companies hiring now, from a
        directory of <strong>{overview.companies.toLocaleString('en')}</strong> remote companies.
      </p>

      <div className="search-layout">
        <SearchForm query={query} facets={result.facets} companyNames={companyNames} />
        <FilterAutoApply formId={SEARCH_FORM_ID} />

        <section className="results" aria-labelledby="results-heading">
          <div className="results-head">
            <h2 id="results-heading" aria-live="polite">
              {result.total === 0
                ? 'No jobs found'
                : `${result.total.toLocaleString('en')} ${result.total === 1 ? 'job' : 'jobs'}`}
              {result.total > result.perPage ? (
                <span className="muted">
                  {' '}
                  · {first}–{last}
                </span>
              ) : null}
            </h2>
            <div className="field inline">
              <label htmlFor="sort">Sort by</label>
              <select
                id="sort"
                name="sort"
                form={SEARCH_FORM_ID}
                defaultValue={query.sort === defaultSort ? '' : query.sort}
              >
                {/* The empty value is the default order: best match for a text search, else newest. */}
                <option value="">{query.q ? 'Best match' : 'Newest'}</option>
                {query.q ? <option value="newest">Newest</option> : null}
                <option value="salary">Highest salary</option>
              </select>
            </div>
          </div>
          <p className="query-summary">{title}</p>

          {errors.length > 0 ? (
            <div className="notice notice-error" role="alert">
              <h3>Some of this search could not be used</h3>
              <ul>
                {errors.map((error) => (
                  <li key={`${error.parameter}:${error.message}`}>
                    <code>{error.parameter}</code>: {error.message}
                    {error.allowed ? <> (allowed: {error.allowed.join(', ')})</> : null}
                  </li>
                ))}
              </ul>
              <p>The results below leave those parameters out.</p>
            </div>
          ) : null}

          {result.jobs.length > 0 ? (
            <JobList jobs={result.jobs} now={now} start={first} />
          ) : (
            <div className="empty">
              <p>No open job matches all of this. Try fewer filters, another country, or different words.</p>
              <p>
                <Link href="/">Start over with every remote job</Link>
              </p>
            </div>
          )}

          <Pagination page={result.page} lastPage={lastPage} href={pageHref} label="Result pages" />
          <FollowSearch queryString={followQuery} />
        </section>
      </div>
    </>
  );
}
