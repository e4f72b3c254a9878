/**
 * BambooHR careers list (+ per-job details) -> RawPosting. Pure: no I/O, no interpretation of text.
 *
 * The list says what is open; the detail adds the description, the date, experience and pay text.
 * A job whose detail is missing (it closed between the two requests) is mapped from the list alone.
 */
import type { RawPosting } from '../../types';
import { distinctText, isoDateTime } from '../shared';
import type { BambooJobOpening, BambooList, BambooListJob } from './api-types';

type Location = BambooListJob['location'];
type AtsLocation = BambooListJob['atsLocation'];

const WORKPLACE_BY_LOCATION_TYPE: Record<string, RawPosting['remote']['workplaceType']> = {
  '0': 'onsite',
  '1': 'remote',
  '2': 'hybrid',
};

/** "City, State, Country" from whichever parts are filled in (BambooHR leaves stray spaces: "provo "). */
function place(parts: readonly (string | null | undefined)[]): string | null {
  return distinctText(parts).join(', ') || null;
}

/**
 * The free-form location and the ATS's structured one. They usually describe the same place, one with
 * more parts ("Lehi, Utah" and "Lehi, Utah, United States"): then only the fuller one is kept.
 */
function locationsOf(location: Location, atsLocation: AtsLocation): string[] {
  const places = distinctText([
    place([location?.city, location?.state, location?.addressCountry]),
    place([atsLocation?.city, atsLocation?.state ?? atsLocation?.province, atsLocation?.country]),
  ]);
  const folded = places.map((text) => text.toLowerCase());
  return places.filter((_text, index) =>
    folded.every((other, otherIndex) => otherIndex === index || !other.startsWith(`${folded[index]}, `)),
  );
}

function remoteOf(
  isRemote: boolean | null | undefined,
  locationType: string | number | null | undefined,
): RawPosting['remote'] {
  let workplaceType = WORKPLACE_BY_LOCATION_TYPE[String(locationType ?? '').trim()] ?? null;
  const remote = isRemote ?? (workplaceType === null ? null : workplaceType === 'remote');
  if (workplaceType === null && remote === true) workplaceType = 'remote';
  return { isRemote: remote, workplaceType, countryCodes: [] };
}

const present = (value: string | null | undefined) => value?.trim() || null;

/** Map one job from the list, enriched by its detail when there is one. */
export function mapBambooJob(
  job: BambooListJob,
  detail: BambooJobOpening | null,
  subdomain: string,
): RawPosting {
  const id = String(job.id);
  const location = detail?.location ?? job.location;
  const atsLocation = detail?.atsLocation ?? job.atsLocation;
  return {
    externalId: id,
    title: (present(detail?.jobOpeningName) ?? job.jobOpeningName).trim(),
    applyUrl: `https://${subdomain}.bamboohr.com/careers/${id}`,
    locations: locationsOf(location, atsLocation),
    descriptionHtml: present(detail?.description),
    department: present(detail?.departmentLabel) ?? present(job.departmentLabel),
    team: null,
    employmentType:
      present(detail?.employmentStatusLabel) ??
      present(job.employmentStatusLabel) ??
      present(job.employmentType),
    seniority: present(detail?.minimumExperience),
    postedAt: isoDateTime(detail?.datePosted),
    updatedAt: null,
    remote: remoteOf(detail?.isRemote ?? job.isRemote, detail?.locationType ?? job.locationType),
    salary: null,
    // BambooHR's pay is free text; lib/normalize parses it.
    salaryText: present(detail?.compensation),
    tags: [],
    metadata: {},
  };
}

/**
 * Map a careers list. `details` maps job id -> detail; jobs without one are mapped from the list.
 * @param subdomain - The company's BambooHR subdomain (`acme` in acme.bamboohr.com).
 */
export function mapBambooBoard(
  list: BambooList,
  details: ReadonlyMap<string, BambooJobOpening>,
  subdomain: string,
): RawPosting[] {
  return list.result.map((job) => mapBambooJob(job, details.get(String(job.id)) ?? null, subdomain));
}
