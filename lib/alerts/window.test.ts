import { describe, expect, it } from 'vitest';
import { defaultJobQuery, type JobQuery, type PostedWithinDays } from '../search/query';
import type { Category, EmploymentType, Seniority } from '../normalize/types';
import type { CandidateJob } from './match';
import { JobWindow } from './window';
import { mulberry32 } from '../random';

const DAY_MS = 86_400_000;

/**
 * The reference: whether a job passes every filter of `query` except the text, by the search
 * engine's conditions for one row (status is always open here, and the window loads open listings
 * only), spelled out one job at a time. `JobWindow.match` applies them to the whole window at once.
 */
function matchesFilters(query: JobQuery, job: CandidateJob, now: Date): boolean {
  if (!(query.workplace as readonly string[]).includes(job.workplace)) return false;
  if (query.category.length > 0 && !(query.category as readonly string[]).includes(job.category))
    return false;
  if (
    query.type.length > 0 &&
    (job.employmentType === null || !(query.type as readonly string[]).includes(job.employmentType))
  ) {
    return false;
  }
  if (
    query.seniority.length > 0 &&
    (job.seniority === null || !(query.seniority as readonly string[]).includes(job.seniority))
  ) {
    return false;
  }
  if (query.company.length > 0 && !query.company.includes(job.companySlug)) return false;
  if (query.tag.length > 0 && !job.tags.some((tag) => query.tag.includes(tag))) return false;
  if (query.country && !job.worldwide && !job.countries.includes(query.country)) return false;
  if (
    query.tz !== null &&
    job.tzMin !== null &&
    job.tzMax !== null &&
    (query.tz < job.tzMin || query.tz > job.tzMax)
  ) {
    return false;
  }
  if (query.salaryMin !== null) {
    if (job.salaryTop === null ? query.salary === 'stated' : job.salaryTop < query.salaryMin) return false;
  } else if (query.salary === 'stated' && !job.hasSalary) {
    return false;
  }
  if (query.posted !== null && job.firstSeenMs < now.getTime() - query.posted * DAY_MS) return false;
  return true;
}

const NOW = new Date('2026-03-10T12:00:00Z');
const HOUR = 3_600_000;

const TAGS = ['rust', 'go', 'python', 'aws', 'react'];
const COUNTRIES = ['PT', 'DE', 'US', 'GB'];
const CATEGORIES: Category[] = ['engineering', 'devops', 'data', 'design'];
const TYPES: EmploymentType[] = ['full-time', 'part-time', 'contract'];
const SENIORITIES: Seniority[] = ['junior', 'senior', 'staff'];
const COMPANIES = ['acme', 'globex', 'initech'];

function sample<T>(rand: () => number, items: readonly T[], max: number): T[] {
  return [...new Set(Array.from({ length: Math.floor(rand() * (max + 1)) }, () => pick(rand, items)))];
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

/** Jobs over the last 10 days, newest first; some share an instant. */
function randomJobs(rand: () => number, count: number): CandidateJob[] {
  const jobs = Array.from({ length: count }, (_, i): CandidateJob => {
    const worldwide = rand() < 0.3;
    const salaryTop = rand() < 0.5 ? 50_000 + Math.floor(rand() * 15) * 10_000 : null;
    const tz = rand() < 0.3 ? Math.floor(rand() * 10) - 5 : null;
    return {
      id: i + 1,
      firstSeenMs: NOW.getTime() - Math.floor(rand() * 240) * HOUR,
      workplace: pick(rand, ['remote', 'remote', 'hybrid', 'onsite']),
      category: pick(rand, CATEGORIES),
      employmentType: rand() < 0.2 ? null : pick(rand, TYPES),
      seniority: rand() < 0.4 ? null : pick(rand, SENIORITIES),
      companySlug: pick(rand, COMPANIES),
      tags: sample(rand, TAGS, 3),
      worldwide,
      countries: worldwide ? [] : sample(rand, COUNTRIES, 2),
      tzMin: tz,
      tzMax: tz === null ? (rand() < 0.5 ? null : 2) : tz + Math.floor(rand() * 6),
      salaryTop,
      hasSalary: salaryTop !== null || rand() < 0.2,
    };
  });
  return jobs.sort((a, b) => b.firstSeenMs - a.firstSeenMs || b.id - a.id);
}

function randomQuery(rand: () => number): JobQuery {
  const query = defaultJobQuery();
  const workplaces = sample(rand, ['remote', 'hybrid', 'onsite'] as const, 2);
  return {
    ...query,
    workplace: workplaces.length > 0 ? workplaces : ['remote'],
    category: rand() < 0.4 ? sample(rand, CATEGORIES, 2) : [],
    type: rand() < 0.3 ? sample(rand, TYPES, 2) : [],
    seniority: rand() < 0.3 ? sample(rand, SENIORITIES, 2) : [],
    company: rand() < 0.2 ? sample(rand, [...COMPANIES, 'unknown-co'], 2) : [],
    tag: rand() < 0.5 ? sample(rand, [...TAGS, 'scala'], 2) : [],
    country: rand() < 0.5 ? pick(rand, [...COUNTRIES, 'FR']) : null,
    tz: rand() < 0.3 ? Math.floor(rand() * 12) - 6 : null,
    salaryMin: rand() < 0.3 ? 60_000 + Math.floor(rand() * 10) * 10_000 : null,
    salary: rand() < 0.3 ? 'stated' : 'any',
    posted: rand() < 0.3 ? pick(rand, [1, 7, 30] as PostedWithinDays[]) : null,
  };
}

describe('JobWindow', () => {
  it('matches exactly the jobs matchesFilters accepts, newest first', () => {
    const rand = mulberry32(7);
    const jobs = randomJobs(rand, 300);
    const window = new JobWindow(jobs);
    let nonEmpty = 0;
    for (let i = 0; i < 2_000; i++) {
      const query = randomQuery(rand);
      const start = NOW.getTime() - Math.floor(rand() * 260) * HOUR;
      const text = rand() < 0.3 ? window.bitsWhere(() => rand() < 0.5) : null;
      const textIds = text
        ? new Set(jobs.filter((_, p) => (text[p >>> 5]! >>> (p & 31)) & 1).map((job) => job.id))
        : null;
      const expected = jobs
        .filter(
          (job) =>
            job.firstSeenMs > start &&
            (textIds === null || textIds.has(job.id)) &&
            matchesFilters(query, job, NOW),
        )
        .map((job) => job.id);
      const actual = window.match(query, start, NOW, text).map((position) => jobs[position]!.id);
      expect(actual, JSON.stringify({ query, start })).toEqual(expected);
      if (expected.length > 0) nonEmpty++;
    }
    // Both outcomes must be common, or the comparison proves little.
    expect(nonEmpty).toBeGreaterThan(200);
    expect(nonEmpty).toBeLessThan(1_900);
  });

  it('counts the jobs first seen strictly after an instant', () => {
    const jobs = randomJobs(mulberry32(3), 50);
    const window = new JobWindow(jobs);
    for (const job of jobs) {
      expect(window.countAfter(job.firstSeenMs)).toBe(
        jobs.filter((other) => other.firstSeenMs > job.firstSeenMs).length,
      );
    }
    expect(window.countAfter(NOW.getTime())).toBe(0);
    expect(window.countAfter(0)).toBe(50);
  });

  it('keeps a job first seen exactly `posted` days ago, as the engine does', () => {
    const [job] = randomJobs(mulberry32(11), 1);
    const exact = { ...job!, workplace: 'remote', firstSeenMs: NOW.getTime() - 24 * HOUR };
    const older = { ...exact, id: 2, firstSeenMs: exact.firstSeenMs - 1 };
    const window = new JobWindow([exact, older]);
    const query: JobQuery = { ...defaultJobQuery(), posted: 1 };
    expect(matchesFilters(query, exact, NOW)).toBe(true);
    expect(window.match(query, 0, NOW, null)).toEqual([0]);
  });

  it('refuses jobs that are not newest first', () => {
    const jobs = randomJobs(mulberry32(5), 10);
    expect(() => new JobWindow([...jobs].reverse())).toThrow(/newest first/);
  });
});
