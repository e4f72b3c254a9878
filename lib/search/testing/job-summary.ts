import type { JobSummary } from '../engine';

/** A job as the engines return it, for tests: an open, worldwide, remote engineering job. */
export function testJobSummary(overrides: Partial<JobSummary> = {}): JobSummary {
  return {
    id: 'abc123',
    slug: 'engineer-acme-abc123',
    url: 'https://jobs.test/jobs/engineer-acme-abc123',
    applyUrl: 'https://boards.example.com/acme/1',
    title: 'Engineer',
    company: { slug: 'acme', name: 'Acme' },
    locationText: 'Remote',
    workplace: 'remote',
    worldwide: true,
    countries: [],
    timezone: null,
    evidence: null,
    category: 'engineering',
    type: null,
    seniority: null,
    salary: null,
    tags: [],
    postedAt: null,
    firstSeenAt: '2026-03-02T00:00:00.000Z',
    lastSeenAt: '2026-03-02T00:00:00.000Z',
    updatedAt: '2026-03-02T00:00:00.000Z',
    closedAt: null,
    sources: [],
    ...overrides,
  };
}
