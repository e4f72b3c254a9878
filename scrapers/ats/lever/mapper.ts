/** Lever postings -> RawPosting. Pure: no I/O, no interpretation of text. */
import type { RawPosting, SourceRef } from '../../types';
import { distinctText, escapeHtml, isoDateTime } from '../shared';
import type { LeverPosting, LeverPostingsResponse } from './api-types';

const WORKPLACE_TYPES: Record<string, RawPosting['remote']['workplaceType']> = {
  remote: 'remote',
  hybrid: 'hybrid',
  'on-site': 'onsite',
  onsite: 'onsite',
};

/**
 * The description as Lever's hosted page shows it: the description (opening + body), each list as a
 * heading and its items, then the closing "additional" text. List titles are plain text; their
 * contents are `<li>` HTML.
 */
export function leverDescriptionHtml(posting: LeverPosting): string | null {
  // `description` is opening + body; older postings, and some current ones, leave it empty.
  const description = posting.description?.trim()
    ? posting.description
    : [posting.opening, posting.descriptionBody].filter(Boolean).join('');
  const parts = [
    description,
    ...(posting.lists ?? []).map((list) => `<h3>${escapeHtml(list.text)}</h3><ul>${list.content}</ul>`),
    posting.additional,
  ].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  return parts.length ? parts.join('') : null;
}

/** Map one Lever posting. */
export function mapLeverPosting(posting: LeverPosting): RawPosting {
  const categories = posting.categories ?? {};
  // "unspecified" (and anything unknown) means Lever was not told: null, not "onsite".
  const workplaceType = WORKPLACE_TYPES[posting.workplaceType?.toLowerCase() ?? ''] ?? null;
  const range = posting.salaryRange;
  const salary =
    range && (range.min != null || range.max != null)
      ? {
          min: range.min ?? null,
          max: range.max ?? null,
          currency: range.currency ?? null,
          interval: range.interval ?? null,
        }
      : null;
  return {
    externalId: posting.id,
    title: posting.text.trim(),
    applyUrl: posting.hostedUrl,
    locations: distinctText([categories.location, ...(categories.allLocations ?? [])]),
    descriptionHtml: leverDescriptionHtml(posting),
    department: categories.department ?? null,
    team: categories.team ?? null,
    employmentType: categories.commitment ?? null,
    seniority: categories.level ?? null,
    postedAt: isoDateTime(posting.createdAt),
    updatedAt: isoDateTime(posting.updatedAt),
    remote: {
      isRemote: workplaceType === null ? null : workplaceType === 'remote',
      workplaceType,
      countryCodes: posting.country ? [posting.country.trim().toUpperCase()] : [],
    },
    salary,
    salaryText: posting.salaryDescriptionPlain?.trim() || null,
    tags: [],
    metadata: {},
  };
}

/** Map a Lever postings response (one page or a concatenation of pages). */
export function mapLever(payload: LeverPostingsResponse, _source: SourceRef): RawPosting[] {
  return payload.map(mapLeverPosting);
}
