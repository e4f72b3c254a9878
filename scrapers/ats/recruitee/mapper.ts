/** Recruitee offers -> RawPosting. Pure: no I/O, no interpretation of text. */
import type { RawPosting, SourceRef, StructuredSalary } from '../../types';
import { distinctText, isoDateTime } from '../shared';
import type { RecruiteeOffer, RecruiteeOffersResponse } from './api-types';

function amount(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'number' ? value : Number(value.replace(/[\s,]/g, ''));
  return Number.isFinite(number) ? number : null;
}

function salary(offer: RecruiteeOffer): StructuredSalary | null {
  const min = amount(offer.salary?.min);
  const max = amount(offer.salary?.max);
  if (min === null && max === null) return null;
  return { min, max, currency: offer.salary?.currency ?? null, interval: offer.salary?.period ?? null };
}

function workplaceType(offer: RecruiteeOffer): RawPosting['remote']['workplaceType'] {
  if (offer.remote) return 'remote';
  if (offer.hybrid) return 'hybrid';
  if (offer.on_site) return 'onsite';
  return null;
}

/** The offer page shows the description, then the requirements. */
function descriptionHtml(offer: RecruiteeOffer): string | null {
  const parts = [offer.description, offer.requirements].filter((part): part is string => !!part?.trim());
  return parts.length ? parts.join('') : null;
}

/** Map one Recruitee offer. */
export function mapRecruiteeOffer(offer: RecruiteeOffer): RawPosting {
  const locations = offer.locations ?? [];
  return {
    externalId: String(offer.id),
    title: offer.title.trim(),
    applyUrl: offer.careers_url,
    locations: distinctText([
      offer.location,
      ...locations.map((location) =>
        distinctText([location.city, location.state, location.country]).join(', '),
      ),
    ]),
    descriptionHtml: descriptionHtml(offer),
    department: offer.department?.trim() || null,
    team: null,
    employmentType: offer.employment_type_code?.trim() || null,
    seniority: offer.experience_code?.trim() || null,
    postedAt: isoDateTime(offer.published_at),
    updatedAt: isoDateTime(offer.updated_at),
    remote: {
      isRemote: offer.remote ?? null,
      workplaceType: workplaceType(offer),
      countryCodes: distinctText(
        [offer.country_code, ...locations.map((location) => location.country_code)].map((code) =>
          code?.toUpperCase(),
        ),
      ),
    },
    salary: salary(offer),
    salaryText: null,
    tags: distinctText(offer.tags ?? []),
    metadata: {},
  };
}

/** Map a Recruitee offers response to RawPostings. */
export function mapRecruitee(payload: RecruiteeOffersResponse, _source: SourceRef): RawPosting[] {
  return payload.offers.map(mapRecruiteeOffer);
}
