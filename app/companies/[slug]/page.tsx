import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { formatDateTime } from '../../components/format';
import { JobList } from '../../components/job-card';
import { getCompanyProfile } from '@/lib/companies/read';
import { COMPANY_REGION_LABELS, REMOTE_POLICY_LABELS } from '@/lib/site/company-labels';
import { sourceKindLabel } from '@/lib/sources/kind-labels';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ slug: string }>;
}

/** Most open jobs listed on a company page. */
const COMPANY_PAGE_JOBS = 100;

const loadProfile = cache((slug: string) => getCompanyProfile(slug, { jobs: COMPANY_PAGE_JOBS }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const company = await loadProfile(decodeURIComponent(slug));
  if (!company) return { title: 'Company not found', robots: { index: false } };
  const description =
    company.status === 'closed'
      ? `${company.name} has closed.`
      : `${company.jobs.length} open remote ${company.jobs.length === 1 ? 'job' : 'jobs'} at ${company.name}.`;
  return {
    title: company.name,
    description,
    alternates: { canonical: `/companies/${company.slug}` },
    openGraph: { title: company.name, description, url: `/companies/${company.slug}` },
  };
}

const SIZE_LABELS: Record<string, string> = { small: 'Small', medium: 'Medium', large: 'Large' };

function statusText(status: string | null, enabled: boolean): string {
  if (!enabled) return 'Paused';
  switch (status) {
    case null:
      return 'Not checked yet';
    case 'ok':
      return 'OK';
    case 'not_modified':
      return 'OK (unchanged)';
    case 'failed':
      return 'Failing';
    case 'suspicious':
      return 'Suspicious (kept jobs open)';
    default:
      return status;
  }
}

export default async function CompanyPage({ params }: Props) {
  const { slug } = await params;
  const company = await loadProfile(decodeURIComponent(slug));
  if (!company) notFound();
  const now = new Date();
  const facts: [string, string][] = [];
  if (company.remotePolicy)
    facts.push([
      'Remote policy',
      REMOTE_POLICY_LABELS[company.remotePolicy as keyof typeof REMOTE_POLICY_LABELS] ?? company.remotePolicy,
    ]);
  if (company.region)
    facts.push([
      'Hires in',
      COMPANY_REGION_LABELS[company.region as keyof typeof COMPANY_REGION_LABELS] ?? company.region,
    ]);
  if (company.size) facts.push(['Size', SIZE_LABELS[company.size] ?? company.size]);
  if (company.technologies.length > 0) facts.push(['Technologies', company.technologies.join(', ')]);

  return (
    <>
      <h1>{company.name}</h1>
      {company.status === 'closed' ? (
        <div className="notice notice-closed" data-testid="company-closed">
          <p>
            <strong>{company.name} has closed.</strong> {company.statusNote ?? 'It no longer hires.'} Its page
            stays for reference; it is no longer checked for jobs.
          </p>
        </div>
      ) : null}
      {company.description ? <p className="lede">{company.description}</p> : null}
      <dl className="job-meta">
        {company.website ? (
          <div>
            <dt>Website</dt>
            <dd>
              <a href={company.website} rel="nofollow noopener">
                {company.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}
              </a>
            </dd>
          </div>
        ) : null}
        {company.careersUrl ? (
          <div>
            <dt>Careers</dt>
            <dd>
              <a href={company.careersUrl} rel="nofollow noopener">
                Careers page
              </a>
            </dd>
          </div>
        ) : null}
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="jobs-heading">
        <h2 id="jobs-heading">
          {company.jobs.length === 0
            ? 'No open jobs right now'
            : `${company.jobs.length} open ${company.jobs.length === 1 ? 'job' : 'jobs'}`}
        </h2>
        {company.jobs.length > 0 ? <JobList jobs={company.jobs} now={now} /> : null}
        {company.status === 'active' ? (
          <p className="feeds">
            Follow {company.name}: <a href={`/companies/${company.slug}/feed.xml`}>RSS feed</a> ·{' '}
            <a href={`/alerts/new?company=${encodeURIComponent(company.slug)}`}>email alert</a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">Where these jobs come from</h2>
        {company.sources.length === 0 ? (
          <p>No job board is known for {company.name} yet.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Job boards of {company.name} and their health</caption>
              <thead>
                <tr>
                  <th scope="col">Board</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last checked</th>
                  <th scope="col">Open jobs</th>
                </tr>
              </thead>
              <tbody>
                {company.sources.map((source) => (
                  <tr key={source.id}>
                    <td>
                      {sourceKindLabel(source.kind)}{' '}
                      <span className="muted">{source.token ?? source.url}</span>
                    </td>
                    <td>
                      <span className={`state state-${source.failureStreak > 0 ? 'failing' : 'ok'}`}>
                        {statusText(source.lastStatus, source.enabled && company.status === 'active')}
                      </span>
                      {source.failureStreak > 0 ? (
                        <span className="muted"> ({source.failureStreak} in a row)</span>
                      ) : null}
                    </td>
                    <td>{source.lastRunAt ? formatDateTime(source.lastRunAt) : 'Never'}</td>
                    <td>{source.openJobs}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
