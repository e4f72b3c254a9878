import type { Metadata } from 'next';
import { Link } from '../components/link';
import { Pagination } from '../components/pagination';
import { listCompanies, type CompanyFilter } from '@/lib/companies/read';
import { COMPANY_REGIONS, REMOTE_POLICIES } from '@/lib/companies/vocabulary';
import { COMPANY_REGION_LABELS, REMOTE_POLICY_LABELS } from '@/lib/site/company-labels';

export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

/** Companies per directory page. */
const COMPANIES_PER_PAGE = 120;

export const metadata: Metadata = {
  title: 'Remote companies',
  description: 'The directory of remote-friendly companies Elsewhere follows, and who is hiring now.',
  alternates: { canonical: '/companies' },
  openGraph: { title: 'Remote companies', url: '/companies' },
};

function first(value: string | string[] | undefined): string | null {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text : null;
}

/** The directory's filters: one value each, hiring only when checked. */
interface DirectoryFilter extends CompanyFilter {
  q: string | null;
  remotePolicy: [] | [string];
  region: [] | [string];
  hiring: true | null;
  page: number;
}

/** Unknown values are ignored rather than rejected: this page has no API contract to keep. */
function parseFilter(params: SearchParams): DirectoryFilter {
  const policy = first(params['remotePolicy']);
  const region = first(params['region']);
  const page = Number(first(params['page']) ?? '1');
  return {
    remotePolicy: policy && (REMOTE_POLICIES as readonly string[]).includes(policy) ? [policy] : [],
    region: region && (COMPANY_REGIONS as readonly string[]).includes(region) ? [region] : [],
    hiring: first(params['hiring']) === '1' ? true : null,
    q: first(params['q'])?.slice(0, 100) ?? null,
    page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1,
    perPage: COMPANIES_PER_PAGE,
  };
}

function filterHref(filter: DirectoryFilter, page: number): string {
  const search = new URLSearchParams();
  if (filter.q) search.set('q', filter.q);
  if (filter.remotePolicy[0]) search.set('remotePolicy', filter.remotePolicy[0]);
  if (filter.region[0]) search.set('region', filter.region[0]);
  if (filter.hiring) search.set('hiring', '1');
  if (page > 1) search.set('page', String(page));
  const text = search.toString();
  return text ? `/companies?${text}` : '/companies';
}

/** The first letter a company is filed under: A-Z, or "#" for digits and the rest. */
function letterOf(name: string): string {
  const letter = name
    .normalize('NFD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .charAt(0)
    .toUpperCase();
  return /[A-Z]/.test(letter) ? letter : '#';
}

export default async function CompaniesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const filter = parseFilter(await searchParams);
  const list = await listCompanies(filter);
  const lastPage = Math.max(1, Math.ceil(list.total / list.perPage));
  const groups = new Map<string, typeof list.companies>();
  for (const company of list.companies) {
    const letter = letterOf(company.name);
    groups.set(letter, [...(groups.get(letter) ?? []), company]);
  }

  return (
    <>
      <h1>Remote companies</h1>
      <p className="lede">
        {list.total.toLocaleString('en')} {list.total === 1 ? 'company' : 'companies'}
        {filter.hiring ? ' hiring now' : ''}. Each one’s jobs come from its own job board.
      </p>
      <form className="company-filters" method="get" action="/companies">
        <div className="field">
          <label htmlFor="company-q">Name</label>
          <input id="company-q" name="q" type="search" defaultValue={filter.q ?? ''} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="remotePolicy">Remote policy</label>
          <select id="remotePolicy" name="remotePolicy" defaultValue={filter.remotePolicy[0] ?? ''}>
            <option value="">Any policy</option>
            {REMOTE_POLICIES.map((policy) => (
              <option key={policy} value={policy}>
                {REMOTE_POLICY_LABELS[policy]} ({list.counts.remotePolicy[policy] ?? 0})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="region">Hires in</label>
          <select id="region" name="region" defaultValue={filter.region[0] ?? ''}>
            <option value="">Any region</option>
            {COMPANY_REGIONS.map((region) => (
              <option key={region} value={region}>
                {COMPANY_REGION_LABELS[region]} ({list.counts.region[region] ?? 0})
              </option>
            ))}
          </select>
        </div>
        <div className="check">
          <input
            type="checkbox"
            id="hiring"
            name="hiring"
            value="1"
            defaultChecked={filter.hiring === true}
          />
          <label htmlFor="hiring">Hiring now ({list.counts.hiring.toLocaleString('en')})</label>
        </div>
        <button type="submit" className="button">
          Show companies
        </button>
      </form>

      {list.companies.length === 0 ? (
        <p className="empty">No company matches these filters.</p>
      ) : (
        [...groups.entries()].map(([letter, companies]) => (
          <section key={letter} aria-labelledby={`letter-${letter}`} className="letter-group">
            <h2 id={`letter-${letter}`}>{letter}</h2>
            <ul className="company-list">
              {companies.map((company) => (
                <li key={company.slug}>
                  <Link href={`/companies/${company.slug}`}>{company.name}</Link>
                  <span className="muted">
                    {[
                      company.remotePolicy
                        ? (REMOTE_POLICY_LABELS[company.remotePolicy as keyof typeof REMOTE_POLICY_LABELS] ??
                          company.remotePolicy)
                        : null,
                      company.region
                        ? (COMPANY_REGION_LABELS[company.region as keyof typeof COMPANY_REGION_LABELS] ??
                          company.region)
                        : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  {company.status === 'closed' ? (
                    <span className="badge">Closed</span>
                  ) : company.openJobs > 0 ? (
                    <span className="badge badge-ok">
                      {company.openJobs} open {company.openJobs === 1 ? 'job' : 'jobs'}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      <Pagination
        page={list.page}
        lastPage={lastPage}
        href={(page) => filterHref(filter, page)}
        label="Company pages"
      />
    </>
  );
}
