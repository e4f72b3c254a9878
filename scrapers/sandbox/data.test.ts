import { describe, expect, it } from 'vitest';
import { sampleNumber } from '../ats/shared';
import { SOURCE_KINDS } from '../types';
import { demoBoards, HOSTILE_JOB_TITLE, mulberry32, sandboxBoards, startOfUtcDay } from './data';
import type { SampleBoard, SampleJob } from './types';

const NOW = new Date('2026-03-15T00:00:00Z');
const ORIGIN = 'http://127.0.0.1:4010';
const DAY_MS = 86_400_000;

const allJobs = (boards: SampleBoard[]): SampleJob[] => boards.flatMap((board) => board.jobs);

describe('mulberry32', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const first = Array.from({ length: 5 }, mulberry32(42));
    expect(Array.from({ length: 5 }, mulberry32(42))).toEqual(first);
    expect(Array.from({ length: 5 }, mulberry32(43))).not.toEqual(first);
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
  });
});

describe('sandboxBoards', () => {
  it('gives the same boards for the same options', () => {
    const options = { origin: ORIGIN, boards: 30, jobsPerBoard: 10, seed: 7, now: NOW };
    expect(sandboxBoards(options)).toEqual(sandboxBoards(options));
    expect(sandboxBoards({ ...options, seed: 8 })).not.toEqual(sandboxBoards(options));
  });

  it('keeps the first boards unchanged when more are asked for', () => {
    const few = sandboxBoards({ origin: ORIGIN, boards: 5, now: NOW });
    const many = sandboxBoards({ origin: ORIGIN, boards: 50, now: NOW });
    expect(many.slice(0, 5)).toEqual(few);
  });

  it('cycles through every kind with unique tokens and the asked number of jobs', () => {
    const boards = sandboxBoards({ origin: ORIGIN, boards: 36, jobsPerBoard: 13, now: NOW });
    expect(boards.map((board) => board.kind)).toEqual([...SOURCE_KINDS, ...SOURCE_KINDS, ...SOURCE_KINDS]);
    expect(new Set(boards.map((board) => board.token)).size).toBe(36);
    expect(boards.every((board) => board.jobs.length === 13 && board.origin === ORIGIN)).toBe(true);
    expect(boards.every((board) => /^[a-z0-9-]+$/.test(board.token))).toBe(true);
  });

  it('marks every company and description as a sample', () => {
    const boards = sandboxBoards({ origin: ORIGIN, boards: 24, now: NOW });
    expect(boards.every((board) => board.companyName.endsWith('(sample)'))).toBe(true);
    expect(allJobs(boards).every((job) => job.descriptionHtml.includes('Sample posting'))).toBe(true);
  });

  it('dates postings within the 45 days before the reference time', () => {
    const jobs = allJobs(sandboxBoards({ origin: ORIGIN, boards: 24, now: NOW }));
    for (const job of jobs) {
      const age = NOW.getTime() - Date.parse(job.postedAt);
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThan(45 * DAY_MS);
    }
  });

  it('varies titles, locations, workplaces, employment types and pay', () => {
    const jobs = allJobs(sandboxBoards({ origin: ORIGIN, boards: 24, jobsPerBoard: 25, now: NOW }));
    expect(new Set(jobs.map((job) => job.title)).size).toBeGreaterThan(100);
    expect(new Set(jobs.map((job) => job.location)).size).toBeGreaterThan(15);
    expect(new Set(jobs.map((job) => job.workplace))).toEqual(new Set(['remote', 'hybrid', 'onsite']));
    expect(new Set(jobs.map((job) => job.employmentType)).size).toBe(5);
    expect(new Set(jobs.map((job) => job.salary?.currency ?? 'none')).size).toBeGreaterThan(5);
    expect(new Set(jobs.map((job) => job.salary?.period ?? 'none'))).toEqual(
      new Set(['year', 'month', 'hour', 'none']),
    );
    for (const job of jobs) if (job.salary) expect(job.salary.max).toBeGreaterThan(job.salary.min);
  });

  it('gives every job on a board distinct ids, even in 4-digit BambooHR form', () => {
    for (const board of sandboxBoards({ origin: ORIGIN, boards: 12, jobsPerBoard: 200, now: NOW })) {
      expect(new Set(board.jobs.map((job) => job.id)).size).toBe(200);
      expect(new Set(board.jobs.map((job) => sampleNumber(job.id, 4))).size).toBe(200);
    }
  });

  it('defaults the reference time to the start of the current UTC day', () => {
    expect(startOfUtcDay(new Date('2026-03-15T17:45:12Z')).toISOString()).toBe('2026-03-15T00:00:00.000Z');
    const [board] = sandboxBoards({ origin: ORIGIN, boards: 1 });
    const newest = Math.max(...board!.jobs.map((job) => Date.parse(job.postedAt)));
    expect(newest).toBeLessThanOrEqual(startOfUtcDay(new Date()).getTime());
  });
});

describe('demoBoards', () => {
  const boards = demoBoards(ORIGIN, NOW);
  const jobs = allJobs(boards);
  const says = (job: SampleJob, text: string) => job.descriptionHtml.includes(text);

  it('has one board of 8 to 25 jobs for each kind', () => {
    expect(boards.map((board) => board.kind).sort()).toEqual([...SOURCE_KINDS].sort());
    for (const board of boards) {
      expect(board.jobs.length).toBeGreaterThanOrEqual(8);
      expect(board.jobs.length).toBeLessThanOrEqual(25);
      expect(board.token).toMatch(/-sample$/);
    }
  });

  it('is the same set every time for a reference day', () => {
    expect(demoBoards(ORIGIN, NOW)).toEqual(boards);
  });

  it('holds worldwide, EU-only and US-only jobs, a Rust job, and jobs with and without pay', () => {
    const worldwide = jobs.filter((job) => ['Worldwide', 'Anywhere'].includes(job.location));
    const euOnly = jobs.filter((job) => says(job, 'You must be based in the EU'));
    const usOnly = jobs.filter((job) => job.location === 'Remote - US');
    expect(worldwide.length).toBeGreaterThanOrEqual(3);
    expect(euOnly.length).toBeGreaterThanOrEqual(3);
    expect(usOnly.length).toBeGreaterThanOrEqual(3);
    expect(jobs.some((job) => job.title.includes('Rust'))).toBe(true);
    expect(jobs.filter((job) => job.salary).length).toBeGreaterThanOrEqual(10);
    expect(jobs.filter((job) => !job.salary).length).toBeGreaterThanOrEqual(10);
  });

  it('holds exactly one hostile posting', () => {
    const hostile = jobs.filter((job) => job.descriptionHtml.includes('<script>'));
    expect(hostile).toHaveLength(1);
    expect(hostile[0]!.title).toBe(HOSTILE_JOB_TITLE);
    expect(HOSTILE_JOB_TITLE).toMatch(/&.*</);
    expect(hostile[0]!.descriptionHtml).toMatch(/onerror=/);
    expect(hostile[0]!.descriptionHtml).toMatch(/href="javascript:/);
  });
});
