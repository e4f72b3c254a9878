/**
 * Personio XML positions -> RawPosting. Pure: no I/O, no interpretation of text.
 *
 * The feed has no job URL and no remote flag: the public page is `{board}/job/{id}`, and the only
 * remote signal is an office the company named "Remote" (or "Remote - Germany"...).
 */
import type { RawPosting, StructuredSalary } from '../../types';
import { distinctText, escapeHtml, isoDateTime } from '../shared';
import type { PersonioFeed, PersonioPosition } from './api-types';

const REMOTE_OFFICE = /\bremote\b/i;

/**
 * Personio's `employmentType` says the contract (permanent, intern, freelance...) and `schedule` the
 * hours (full-time, part-time). For a permanent contract the hours are the useful word; for the
 * others the contract is ("intern" says more than "full-time").
 */
function employmentWords(position: PersonioPosition): string | null {
  const contract = position.employmentType?.trim() || null;
  const schedule = position.schedule?.trim() || null;
  if (contract === null || contract.toLowerCase() === 'permanent') return schedule ?? contract;
  return contract;
}

function amount(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

function salaryOf(position: PersonioPosition): StructuredSalary | null {
  const salary = position.salaryInformation;
  if (!salary) return null;
  const min = amount(salary.min);
  const max = amount(salary.max);
  if (min === null && max === null) return null;
  return {
    min,
    max,
    currency: salary.currencyCode?.trim() || salary.currencySymbol?.trim() || null,
    interval: salary.type?.trim() || null,
  };
}

/** The sections ("Your mission", "Your profile"...) as one HTML document, headings escaped. */
function descriptionOf(position: PersonioPosition): string | null {
  const sections = position.jobDescriptions?.jobDescription ?? [];
  const parts: string[] = [];
  for (const section of sections) {
    const heading = section.name?.trim();
    const body = section.value?.trim();
    if (heading) parts.push(`<h3>${escapeHtml(heading)}</h3>`);
    if (body) parts.push(body);
  }
  return parts.length ? parts.join('\n') : null;
}

/** Map one position. `boardOrigin` is the account's public origin (`https://acme.jobs.personio.de`). */
export function mapPersonioPosition(position: PersonioPosition, boardOrigin: string): RawPosting {
  const additional = position.additionalOffices?.office ?? [];
  const locations = distinctText([position.office, ...additional]);
  const remoteOffices = locations.filter((office) => REMOTE_OFFICE.test(office));
  const metadata: Record<string, string> = {};
  for (const key of [
    'subcompany',
    'recruitingCategory',
    'employmentType',
    'schedule',
    'yearsOfExperience',
    'occupation',
    'occupationCategory',
  ] as const) {
    const value = position[key]?.trim();
    if (value) metadata[key] = value;
  }
  return {
    externalId: position.id,
    title: position.name.trim(),
    applyUrl: `${boardOrigin}/job/${position.id}`,
    locations,
    descriptionHtml: descriptionOf(position),
    department: position.department?.trim() || null,
    team: null,
    employmentType: employmentWords(position),
    seniority: position.seniority?.trim() || null,
    postedAt: isoDateTime(position.createdAt),
    updatedAt: null,
    remote: {
      // An office named "Remote" says remote work is offered; only when every office is remote is the
      // job remote-only. Other offices say nothing either way (there is no on-site flag).
      isRemote: remoteOffices.length > 0 ? true : null,
      workplaceType: locations.length > 0 && remoteOffices.length === locations.length ? 'remote' : null,
      countryCodes: [],
    },
    salary: salaryOf(position),
    salaryText: null,
    tags: distinctText((position.keywords ?? '').split(',')),
    metadata,
  };
}

/** Map a whole feed (an empty feed has no positions). */
export function mapPersonioFeed(feed: PersonioFeed, boardOrigin: string): RawPosting[] {
  return (feed['workzag-jobs'].position ?? []).map((position) => mapPersonioPosition(position, boardOrigin));
}
