/**
 * Job items read from a careers page (and, optionally, each job's own page) -> RawPosting. Pure.
 *
 * A plain careers page says nothing structured: no id but the link, no dates, no remote flag. What
 * the page shows as text (location, department) is carried for lib/normalize to read.
 */
import type { RawPosting } from '../../types';
import { distinctText } from '../shared';
import type { HtmlJobItem } from './api-types';
import type { HtmlJobDetail } from './page';

/** Map one item, enriched by what its job page says when it was read. */
export function mapHtmlJobItem(item: HtmlJobItem, detail: HtmlJobDetail | null = null): RawPosting {
  return {
    // The link is the only identity a plain page gives a job.
    externalId: item.link,
    title: item.title,
    applyUrl: item.link,
    locations: distinctText([detail?.location ?? item.location]),
    descriptionHtml: detail?.descriptionHtml ?? item.descriptionHtml,
    department: item.department,
    team: null,
    employmentType: null,
    seniority: null,
    postedAt: null,
    updatedAt: null,
    remote: { isRemote: null, workplaceType: null, countryCodes: [] },
    salary: null,
    salaryText: null,
    tags: [],
    metadata: {},
  };
}

/**
 * Map a careers page's items. Items sharing a link (a job listed twice) become one posting, the first.
 * @param details - Job page readings by link, when the source has `detail` selectors.
 */
export function mapHtmlJobItems(
  items: readonly HtmlJobItem[],
  details: ReadonlyMap<string, HtmlJobDetail> = new Map(),
): RawPosting[] {
  const unique = new Map<string, RawPosting>();
  for (const item of items) {
    if (!unique.has(item.link)) unique.set(item.link, mapHtmlJobItem(item, details.get(item.link) ?? null));
  }
  return [...unique.values()];
}
