/** Workable widget account -> RawPosting. Pure: no I/O, no interpretation of text. */
import type { RawPosting, SourceRef } from '../../types';
import { distinctText, isoDateTime } from '../shared';
import type { WorkableAccountResponse, WorkableJob } from './api-types';

/** Workable's "" means unset. */
function text(value: string | null | undefined): string | null {
  return value?.trim() || null;
}

/** "City, Region, Country" from the parts that are set. */
function place(city?: string | null, region?: string | null, country?: string | null): string | null {
  return distinctText([city, region, country]).join(', ') || null;
}

/** Map one Workable job. */
export function mapWorkableJob(job: WorkableJob): RawPosting {
  const visible = (job.locations ?? []).filter((location) => location.hidden !== true);
  const locations = visible.length
    ? visible.map((location) => place(location.city, location.region, location.country))
    : [place(job.city, job.state, job.country)];
  const remote = job.telecommuting ?? null;
  return {
    externalId: job.shortcode,
    title: job.title.trim(),
    applyUrl: job.url,
    locations: distinctText(locations),
    descriptionHtml: text(job.description),
    department: text(job.department),
    team: null,
    employmentType: text(job.employment_type),
    seniority: text(job.experience),
    postedAt: isoDateTime(text(job.published_on) ?? text(job.created_at)),
    updatedAt: null,
    remote: {
      isRemote: remote,
      // telecommuting: false only says "not marked remote", which is not the same as on-site.
      workplaceType: remote ? 'remote' : null,
      countryCodes: distinctText(visible.map((location) => location.countryCode?.toUpperCase())),
    },
    salary: null,
    salaryText: null,
    tags: [],
    metadata: Object.fromEntries(
      (
        [
          ['function', job.function],
          ['industry', job.industry],
          ['education', job.education],
        ] as const
      ).flatMap(([name, value]) => (text(value) ? [[name, text(value)!]] : [])),
    ),
  };
}

/** Map a Workable account response to RawPostings. */
export function mapWorkable(payload: WorkableAccountResponse, _source: SourceRef): RawPosting[] {
  return payload.jobs.map(mapWorkableJob);
}
