/**
 * Greenhouse jobs -> RawPosting. Pure: no I/O, no interpretation of text.
 *
 * Greenhouse has no first-class remote flag, salary or employment type; the signals are the location
 * name, the offices, and custom fields ("Workplace Type", "Remote") which are carried in `metadata`.
 */
import type { RawPosting, SourceRef } from '../../types';
import { distinctText, isoDateTime } from '../shared';
import type { GreenhouseJob, GreenhouseJobsResponse, GreenhouseMetadata } from './api-types';

/** A custom field value as one string, or null when it has none. */
function metadataText(value: GreenhouseMetadata['value']): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length ? value.map(String).join(', ') : null;
  if (typeof value === 'object') {
    // Currency custom fields: { amount: "120000.0", unit: "USD" }.
    const text = [value.amount, value.unit].filter((part) => part !== null && part !== undefined).join(' ');
    return text || null;
  }
  return String(value).trim() || null;
}

const WORKPLACE_FIELD =
  /workplace|work\s*(place|location|arrangement|model|type)|location\s*type|remote\s*type/i;
const REMOTE_FIELD = /^\s*(is\s*)?remote\??\s*$/i;

/** The workplace type a custom field value names, if it names one ("Remote", "Hybrid", "On-site"). */
function workplaceWord(value: string): 'remote' | 'hybrid' | 'onsite' | null {
  const word = value.toLowerCase().replace(/[^a-z]/g, '');
  if (word.startsWith('remote') || word === 'fullyremote' || word === 'distributed') return 'remote';
  if (word.startsWith('hybrid')) return 'hybrid';
  if (['onsite', 'inoffice', 'office', 'inperson', 'onpremise', 'onpremises'].includes(word)) return 'onsite';
  return null;
}

/** Remote signals from custom fields: a "Workplace Type"-like select, or a yes/no "Remote" field. */
function remoteFromMetadata(metadata: Record<string, string>): RawPosting['remote'] {
  let workplaceType: RawPosting['remote']['workplaceType'] = null;
  let isRemote: boolean | null = null;
  for (const [name, value] of Object.entries(metadata)) {
    if (WORKPLACE_FIELD.test(name)) workplaceType ??= workplaceWord(value);
    if (REMOTE_FIELD.test(name)) {
      const answer = value.trim().toLowerCase();
      if (['yes', 'true', 'remote'].includes(answer)) isRemote ??= true;
      else if (['no', 'false'].includes(answer)) isRemote ??= false;
      else workplaceType ??= workplaceWord(value);
    }
  }
  if (isRemote === null && workplaceType !== null) isRemote = workplaceType === 'remote';
  if (workplaceType === null && isRemote === true) workplaceType = 'remote';
  return { isRemote, workplaceType, countryCodes: [] };
}

/** Map one Greenhouse job. */
export function mapGreenhouseJob(job: GreenhouseJob): RawPosting {
  const metadata: Record<string, string> = {};
  for (const field of job.metadata ?? []) {
    const text = metadataText(field.value);
    if (text !== null) metadata[field.name] = text;
  }
  const departments = distinctText((job.departments ?? []).map((department) => department.name));
  return {
    externalId: String(job.id),
    title: job.title.trim(),
    applyUrl: job.absolute_url,
    locations: distinctText([job.location?.name, ...(job.offices ?? []).map((office) => office.name)]),
    // Greenhouse sends `content` entity-escaped ("&lt;p&gt;...", and "&amp;amp;" for a literal "&"):
    // it is kept exactly as received; lib/normalize decodes it once before sanitizing.
    descriptionHtml: job.content ?? null,
    department: departments[0] ?? null,
    team: null,
    employmentType: null,
    seniority: null,
    postedAt: isoDateTime(job.first_published),
    updatedAt: isoDateTime(job.updated_at),
    remote: remoteFromMetadata(metadata),
    salary: null,
    salaryText: null,
    tags: [],
    metadata,
  };
}

/** Map a Greenhouse jobs response (either shape) to RawPostings. */
export function mapGreenhouse(payload: GreenhouseJobsResponse, _source: SourceRef): RawPosting[] {
  return payload.jobs.map(mapGreenhouseJob);
}
