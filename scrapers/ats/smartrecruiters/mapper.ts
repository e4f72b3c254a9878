/**
 * SmartRecruiters postings (list items or details) -> RawPosting. Pure: no I/O, no interpretation.
 * A list item has no description; the client replaces it with the detail when it fetches one.
 */
import { InvalidPayloadError, type RawPosting, type SourceRef } from '../../types';
import { distinctText, escapeHtml, isoDateTime } from '../shared';
import type { SmartRecruitersPosting } from './api-types';

/** The order SmartRecruiters' own job page shows the job ad sections in. */
const SECTION_ORDER = ['companyDescription', 'jobDescription', 'qualifications', 'additionalInformation'];

/** The job ad sections as one HTML document: each section's title as a heading, then its HTML. */
export function smartRecruitersDescriptionHtml(posting: SmartRecruitersPosting): string | null {
  const sections = posting.jobAd?.sections ?? {};
  const names = [
    ...SECTION_ORDER.filter((name) => name in sections),
    ...Object.keys(sections).filter((name) => !SECTION_ORDER.includes(name)),
  ];
  const html = names
    .map((name) => sections[name])
    .filter((section) => section?.text?.trim())
    .map(
      (section) =>
        (section!.title?.trim() ? `<h3>${escapeHtml(section!.title.trim())}</h3>` : '') + section!.text,
    )
    .join('');
  return html || null;
}

function workplaceType(location: SmartRecruitersPosting['location']): RawPosting['remote']['workplaceType'] {
  if (location?.remote === true) return 'remote';
  if (location?.hybrid === true) return 'hybrid';
  // Both flags present and false is SmartRecruiters saying "on site"; absent flags say nothing.
  if (location?.remote === false && location.hybrid === false) return 'onsite';
  return null;
}

/** Map one SmartRecruiters posting (list item or detail). */
export function mapSmartRecruitersPosting(posting: SmartRecruitersPosting, source: SourceRef): RawPosting {
  const location = posting.location;
  const country = location?.country?.trim().toUpperCase() || null;
  const company = posting.company?.identifier?.trim() || source.token?.trim();
  if (!posting.postingUrl && !company) {
    throw new InvalidPayloadError(
      'SmartRecruiters posting has no postingUrl and no company identifier',
      'company.identifier',
    );
  }
  const metadata: Record<string, string> = {};
  if (posting.function?.label) metadata['function'] = posting.function.label;
  if (posting.industry?.label) metadata['industry'] = posting.industry.label;
  if (posting.language?.code) metadata['language'] = posting.language.code;
  for (const field of posting.customField ?? []) {
    if (field.fieldLabel && field.valueLabel) metadata[field.fieldLabel] = field.valueLabel;
  }
  return {
    externalId: posting.id,
    title: posting.name.trim(),
    // The public job page; list items lack postingUrl, and SmartRecruiters serves
    // jobs.smartrecruiters.com/{company}/{id} for every posting.
    applyUrl:
      posting.postingUrl ?? `https://jobs.smartrecruiters.com/${encodeURIComponent(company!)}/${posting.id}`,
    locations: distinctText([
      location?.fullLocation?.trim() || distinctText([location?.city, location?.region, country]).join(', '),
    ]),
    descriptionHtml: smartRecruitersDescriptionHtml(posting),
    department: posting.department?.label?.trim() || null,
    team: null,
    employmentType: posting.typeOfEmployment?.label?.trim() || posting.typeOfEmployment?.id?.trim() || null,
    seniority: posting.experienceLevel?.label?.trim() || posting.experienceLevel?.id?.trim() || null,
    postedAt: isoDateTime(posting.releasedDate),
    updatedAt: null,
    remote: {
      isRemote: location?.remote ?? null,
      workplaceType: workplaceType(location),
      countryCodes: country ? [country] : [],
    },
    salary: null,
    salaryText: null,
    tags: [],
    metadata,
  };
}

/** Map SmartRecruiters postings (list items, details, or a mix) to RawPostings. */
export function mapSmartRecruiters(
  postings: readonly SmartRecruitersPosting[],
  source: SourceRef,
): RawPosting[] {
  return postings.map((posting) => mapSmartRecruitersPosting(posting, source));
}
