/**
 * A job's page: the sanitized description, who may apply (with the sentence that says so), salary,
 * where to apply, when it was first seen and last verified, other sources, similar open jobs, and
 * JSON-LD JobPosting for search engines. A closed job still has its page: it says so plainly, links
 * to similar open jobs, answers 410 Gone and is noindex.
 *
 * A Pages Router page with no runtime JavaScript (pages/README.md): nothing on it needs a script.
 */
import type { GetServerSideProps } from 'next';
import { formatDate } from '@/app/components/format';
import { JobList } from '@/app/components/job-card';
import { JsonLd } from '@/app/components/json-ld';
import { Link } from '@/app/components/link';
import { PageHead } from '@/app/components/page-head';
import { env } from '@/lib/env';
import { FX_RATES_APPROXIMATE, FX_RATES_DATE } from '@/lib/normalize/fx-rates';
import { TAG_LABELS } from '@/lib/normalize/tags';
import { eligibilityLabel } from '@/lib/site/eligibility-label';
import { getJobPage, type JobPage as JobPageData } from '@/lib/site/job-page';
import { jobPostingJsonLd } from '@/lib/site/job-posting-ld';
import { salaryLabel } from '@/lib/site/salary-label';
import { CATEGORY_LABELS, EMPLOYMENT_TYPE_LABELS, SENIORITY_LABELS } from '@/lib/site/search-options';
import { sourceKindLabel } from '@/lib/sources/kind-labels';

export const config = { unstable_runtimeJS: false };

/** Characters of the description used as the meta description. */
const META_DESCRIPTION_CHARS = 160;

function summarize(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= META_DESCRIPTION_CHARS) return flat;
  return `${flat.slice(0, META_DESCRIPTION_CHARS - 1).replace(/\s+\S*$/, '')}…`;
}

interface Props {
  page: JobPageData;
  siteUrl: string;
  /** When the page was rendered: job ages ("new") are relative to it. */
  nowIso: string;
}

export const getServerSideProps: GetServerSideProps<Props, { slug: string }> = async ({ params, res }) => {
  const requested = params?.slug ?? '';
  const page = await getJobPage(requested);
  if (!page) return { notFound: true };
  // An old or mistyped title part still finds the job by its id: send it to the one true address.
  if (page.job.slug !== requested)
    return { redirect: { destination: `/jobs/${page.job.slug}`, permanent: true } };
  // Revalidate on every visit, but let Back and Forward show the kept page at once.
  res.setHeader('Cache-Control', 'private, no-cache');
  if (page.job.closedAt !== null) {
    // Gone, and says so to crawlers and HTTP clients; the page still helps the person who came.
    res.statusCode = 410;
    res.setHeader('X-Robots-Tag', 'noindex');
  }
  return { props: { page, siteUrl: env().publicUrl, nowIso: new Date().toISOString() } };
};

export default function JobPage({ page, siteUrl, nowIso }: Props) {
  const { job, company } = page;

  const now = new Date(nowIso);
  const closed = job.closedAt !== null;
  const salary = salaryLabel(job.salary);
  const kind = [
    job.type ? EMPLOYMENT_TYPE_LABELS[job.type] : null,
    job.seniority ? SENIORITY_LABELS[job.seniority] : null,
    CATEGORY_LABELS[job.category],
  ].filter(Boolean);

  const title = `${closed ? '(Closed) ' : ''}${job.title} at ${company.name}`;

  return (
    <>
      <PageHead
        siteUrl={siteUrl}
        title={title}
        description={`${eligibilityLabel(job)} · ${summarize(page.descriptionText)}`}
        canonicalPath={`/jobs/${job.slug}`}
        noindex={closed}
        openGraphType="article"
      />
      <article className="job" aria-labelledby="job-title">
        {closed ? (
          <div className="notice notice-closed" data-testid="closed-notice">
            <p>
              <strong>This job is closed.</strong> {company.name} stopped listing it on{' '}
              {formatDate(job.closedAt!)}, so it can no longer be applied for.{' '}
              {page.similar.length > 0 ? (
                <a href="#similar">See similar open jobs</a>
              ) : (
                <Link href="/">Search open jobs</Link>
              )}
              .
            </p>
          </div>
        ) : null}
        <header className="job-header">
          <p className="eyebrow">
            <Link href={`/companies/${company.slug}`}>{company.name}</Link>
          </p>
          <h1 id="job-title">{job.title}</h1>
          <dl className="job-meta">
            <div>
              <dt>Open to</dt>
              <dd>
                {eligibilityLabel(job)}
                {job.workplace === 'hybrid' ? ' · hybrid' : job.workplace === 'onsite' ? ' · on-site' : ''}
                {job.evidence ? (
                  <span className="evidence">
                    Because the posting says: <q>{job.evidence}</q>
                  </span>
                ) : null}
              </dd>
            </div>
            <div>
              <dt>Salary</dt>
              <dd>
                {salary ? (
                  <>
                    {salary.stated}
                    {salary.converted ? (
                      <span className="evidence">
                        ≈ {salary.converted} at {FX_RATES_APPROXIMATE ? 'approximate ' : ''}exchange rates of{' '}
                        {FX_RATES_DATE}
                      </span>
                    ) : null}
                  </>
                ) : (
                  'Not stated'
                )}
              </dd>
            </div>
            {kind.length > 0 ? (
              <div>
                <dt>Role</dt>
                <dd>{kind.join(' · ')}</dd>
              </div>
            ) : null}
            <div>
              <dt>First seen</dt>
              <dd>
                <time dateTime={job.firstSeenAt}>{formatDate(job.firstSeenAt)}</time>
                {job.postedAt ? (
                  <span className="evidence">
                    posted <time dateTime={job.postedAt}>{formatDate(job.postedAt)}</time>
                  </span>
                ) : null}
              </dd>
            </div>
            <div>
              <dt>{closed ? 'Last seen' : 'Last verified'}</dt>
              <dd>
                <time dateTime={job.lastSeenAt}>{formatDate(job.lastSeenAt)}</time>
              </dd>
            </div>
          </dl>
          {closed ? null : (
            <p>
              <a className="button apply-button" href={job.applyUrl} rel="nofollow noopener">
                Apply on {company.name}
              </a>
              <span className="muted apply-via"> via {sourceKindLabel(page.sourceKind)}</span>
            </p>
          )}
        </header>

        <section aria-labelledby="description-heading">
          <h2 id="description-heading">About the job</h2>
          {/* Sanitized when stored (lib/normalize/sanitize.ts): only safe tags and attributes remain. */}
          <div className="description" dangerouslySetInnerHTML={{ __html: page.descriptionHtml }} />
        </section>

        {job.tags.length > 0 ? (
          <section aria-labelledby="tags-heading">
            <h2 id="tags-heading">Skills and tools</h2>
            <ul className="tags">
              {job.tags.map((tag) => (
                <li key={tag}>
                  <Link href={`/?tag=${encodeURIComponent(tag)}`}>{TAG_LABELS[tag] ?? tag}</Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {page.alsoListedOn.length > 0 ? (
          <section aria-labelledby="also-heading">
            <h2 id="also-heading">Also listed on</h2>
            <ul>
              {page.alsoListedOn.map((source) => (
                <li key={source.url}>
                  <a href={source.url} rel="nofollow noopener">
                    {sourceKindLabel(source.kind)}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </article>

      <section id="similar" className="similar" aria-labelledby="similar-heading">
        <h2 id="similar-heading">Similar open jobs</h2>
        {page.similar.length > 0 ? (
          <JobList jobs={page.similar} now={now} />
        ) : (
          <p>
            None right now. <Link href="/">Search all open jobs</Link>.
          </p>
        )}
      </section>
      <JsonLd data={jobPostingJsonLd({ job, descriptionHtml: page.descriptionHtml, company })} />
    </>
  );
}
