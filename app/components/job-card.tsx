import { innerHtml, Markup, markup } from './markup';
import type { JobSummary } from '@/lib/search/engine';
import { ageLabel } from '@/lib/site/age-label';
import { eligibilityLabel } from '@/lib/site/eligibility-label';
import { salaryLabel } from '@/lib/site/salary-label';
import { TAG_LABELS } from '@/lib/normalize/tags';

/** Tags shown on a card; the job page lists them all. */
const CARD_TAGS = 5;

/** Remote is the default and gets no badge. */
const WORKPLACE_BADGES: Partial<Record<JobSummary['workplace'], Markup>> = {
  hybrid: new Markup('<span class="badge">Hybrid</span>'),
  onsite: new Markup('<span class="badge">On-site</span>'),
};

/**
 * What is inside a card, as markup (see markup.ts for why): a results page has twenty cards, and
 * none of them changes in the browser.
 */
export function jobCardMarkup(job: JobSummary, now: Date, headingLevel: 2 | 3 = 3): Markup {
  const heading = new Markup(headingLevel === 2 ? 'h2' : 'h3');
  const age = ageLabel(job, now);
  const salary = salaryLabel(job.salary);
  const badge = WORKPLACE_BADGES[job.workplace] ?? null;
  const tags =
    job.tags.length > 0
      ? markup`<ul class="tags" aria-label="Tags">${job.tags
          .slice(0, CARD_TAGS)
          .map((tag) => markup`<li>${TAG_LABELS[tag] ?? tag}</li>`)}</ul>`
      : null;
  const facts = [
    markup`<li><span class="visually-hidden">Open to: </span>${eligibilityLabel(job)}</li>`,
    salary ? markup`<li><span class="visually-hidden">Salary: </span>${salary.text}</li>` : null,
    markup`<li><time datetime="${age.since}"${age.isNew ? markup` class="new"` : null}>${age.text}</time></li>`,
  ];
  return markup`${[
    markup`<${heading} class="job-title"><a href="/jobs/${job.slug}">${job.title}</a></${heading}>`,
    markup`<p class="job-company"><a href="/companies/${job.company.slug}">${job.company.name}</a>${badge}</p>`,
    markup`<ul class="job-facts">${facts}</ul>`,
    tags,
  ]}`;
}

/**
 * Job cards as one list, each card what a job seeker needs to decide whether to open it: numbered
 * from `start` on a results page, unordered elsewhere. The whole list is one block of markup.
 */
export function JobList({ jobs, now, start }: { jobs: readonly JobSummary[]; now: Date; start?: number }) {
  const items = innerHtml(
    markup`${jobs.map((job) => markup`<li><article class="job-card">${jobCardMarkup(job, now)}</article></li>`)}`,
  );
  return start === undefined ? (
    <ul className="job-list" {...items} />
  ) : (
    <ol className="job-list" start={start} {...items} />
  );
}
