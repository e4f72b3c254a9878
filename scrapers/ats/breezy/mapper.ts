/**
 * Breezy HR positions -> RawPosting. Pure: no I/O, no interpretation of text.
 *
 * `is_remote` alone cannot tell remote from hybrid (Breezy sets it for both); `remote_details.value`
 * can, so it is read first.
 */
import type { RawPosting } from '../../types';
import { distinctText, isoDateTime } from '../shared';
import type { BreezyLocation, BreezyPosition } from './api-types';

type NamedPlace = BreezyLocation['country'];

const placeName = (place: NamedPlace) => (typeof place === 'string' ? place : place?.name);
const placeCode = (place: NamedPlace) =>
  (typeof place === 'string' ? place : place?.id)?.trim().toUpperCase();

/** The position's locations: the `locations` list when it has entries, else the single `location`. */
function placesOf(position: BreezyPosition): BreezyLocation[] {
  if (position.locations?.length) return position.locations;
  return position.location ? [position.location] : [];
}

function locationText(location: BreezyLocation): string | null {
  return (
    location.name?.trim() ||
    distinctText([location.city, placeName(location.state), placeName(location.country)]).join(', ') ||
    null
  );
}

function remoteOf(position: BreezyPosition, places: readonly BreezyLocation[]): RawPosting['remote'] {
  const primary = position.location ?? places[0];
  const countryCodes = distinctText(places.map((place) => placeCode(place.country))).filter((code) =>
    /^[A-Z]{2}$/.test(code),
  );
  const detail = primary?.remote_details?.value?.trim().toLowerCase();
  if (detail === 'hybrid') return { isRemote: false, workplaceType: 'hybrid', countryCodes };
  // "remote-location": remote, but from within the listed location.
  if (detail === 'remote' || detail === 'remote-location' || primary?.is_remote === true) {
    return { isRemote: true, workplaceType: 'remote', countryCodes };
  }
  if (primary?.is_remote === false) return { isRemote: false, workplaceType: 'onsite', countryCodes };
  return { isRemote: null, workplaceType: null, countryCodes };
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Map one position.
 * @param subdomain - The company's Breezy subdomain, for positions whose `url` is not a web address.
 */
export function mapBreezyPosition(position: BreezyPosition, subdomain: string): RawPosting {
  const places = placesOf(position);
  const type = position.type;
  const employmentType = typeof type === 'string' ? type : (type?.name ?? type?.id);
  const remoteDetail = (position.location ?? places[0])?.remote_details?.value?.trim();
  return {
    externalId: position.id.trim(),
    title: position.name.trim(),
    applyUrl: isHttpUrl(position.url)
      ? position.url
      : `https://${subdomain}.breezy.hr/p/${encodeURIComponent(position.friendly_id?.trim() || position.id.trim())}`,
    locations: distinctText(places.map(locationText)),
    descriptionHtml: position.description?.trim() || null,
    department: position.department?.trim() || null,
    team: null,
    employmentType: employmentType?.trim() || null,
    seniority: null,
    postedAt: isoDateTime(position.published_date ?? position.creation_date),
    updatedAt: isoDateTime(position.updated_date),
    remote: remoteOf(position, places),
    salary: null,
    // Breezy's pay is free text; lib/normalize parses it.
    salaryText: position.salary?.trim() || null,
    tags: [],
    metadata: remoteDetail ? { remoteDetails: remoteDetail } : {},
  };
}

/** Map a whole feed. */
export function mapBreezyFeed(positions: readonly BreezyPosition[], subdomain: string): RawPosting[] {
  return positions.map((position) => mapBreezyPosition(position, subdomain));
}
