import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, nextRunAt } from './schedule';

const now = new Date('2025-01-01T00:00:00Z');
const hours = (date: Date) => (date.getTime() - now.getTime()) / 3_600_000;
const middle = () => 0.5; // no jitter

describe('nextRunAt', () => {
  it.each([
    { intervalMinutes: 360, failureStreak: 0, expected: 6 },
    { intervalMinutes: 360, failureStreak: 1, expected: 12 },
    { intervalMinutes: 360, failureStreak: 2, expected: 24 },
    { intervalMinutes: 360, failureStreak: 3, expected: 24 },
    { intervalMinutes: 60, failureStreak: 3, expected: 8 },
    { intervalMinutes: 60, failureStreak: 1_000, expected: 24 },
  ])('waits $expected h after $failureStreak failures at a $intervalMinutes min interval', (row) => {
    expect(hours(nextRunAt({ now, ...row, random: middle }))).toBe(row.expected);
  });

  it('moves the delay by at most 10% either way', () => {
    const earliest = nextRunAt({ now, intervalMinutes: 600, failureStreak: 0, random: () => 0 });
    const latest = nextRunAt({ now, intervalMinutes: 600, failureStreak: 0, random: () => 0.999999 });
    expect(hours(earliest)).toBeCloseTo(9, 5);
    expect(hours(latest)).toBeCloseTo(11, 3);
  });

  it('never waits longer than the cap plus jitter', () => {
    const latest = nextRunAt({ now, intervalMinutes: 10_000, failureStreak: 5, random: () => 0.999999 });
    expect(latest.getTime() - now.getTime()).toBeLessThanOrEqual(MAX_BACKOFF_MS * 1.1);
  });
});
