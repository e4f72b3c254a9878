import { Link } from './link';
import type { JobSummary } from '@/lib/search/engine';
import { ageLabel } from '@/lib/site/age-label';
import { eligibilityLabel } from '@/lib/site/eligibility-label';
import { salaryLabel } from '@/lib/site/salary-label';
import { TAG_LABELS } from '@/lib/normalize/tags';

/** Tags shown on a card; the job page lists them all. */
const CARD_TAGS = 5;

/** One search result: what a job seeker needs to decide whether to open it. */
export function JobCard({
  job,
  now,
  headingLevel = 3,
}: {
  job: JobSummary;
  now: Date;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const age = ageLabel(job, now);
  const salary = salaryLabel(job.salary);
  return (
    <article className="job-card">
      <Heading className="job-title">
        <Link href={`/jobs/${job.slug}`}>{job.title}</Link>
      </Heading>
      <p className="job-company">
        <Link href={`/companies/${job.company.slug}`}>{job.company.name}</Link>
        {job.workplace === 'hybrid' ? <span className="badge">Hybrid</span> : null}
        {job.workplace === 'onsite' ? <span className="badge">On-site</span> : null}
      </p>
      <ul className="job-facts">
        <li>
          <span className="visually-hidden">Open to: </span>
          {eligibilityLabel(job)}
        </li>
        {salary ? (
          <li>
            <span className="visually-hidden">Salary: </span>
            {salary.text}
          </li>
        ) : null}
        <li>
          <time dateTime={age.since} className={age.isNew ? 'new' : undefined}>
            {age.text}
          </time>
        </li>
      </ul>
      {job.tags.length > 0 ? (
        <ul className="tags" aria-label="Tags">
          {job.tags.slice(0, CARD_TAGS).map((tag) => (
            <li key={tag}>{TAG_LABELS[tag] ?? tag}</li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
