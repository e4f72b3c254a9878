import { describe, expect, it } from 'vitest';
import { ageLabel } from './age-label';

const NOW = new Date('2026-03-10T12:00:00Z');
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();

describe('ageLabel', () => {
  it.each([
    { name: 'a job seen an hour ago', postedAt: null, firstSeenAt: hoursAgo(1), expected: 'new' },
    { name: 'a job just under 48 hours old', postedAt: null, firstSeenAt: hoursAgo(47.9), expected: 'new' },
    { name: 'a job 48 hours old', postedAt: null, firstSeenAt: hoursAgo(48), expected: '2 d ago' },
    { name: 'a job three days old', postedAt: null, firstSeenAt: hoursAgo(3 * 24 + 5), expected: '3 d ago' },
    { name: 'a job two months old', postedAt: null, firstSeenAt: hoursAgo(62 * 24), expected: '2 mo ago' },
    {
      name: 'a job posted long before it was first seen',
      postedAt: hoursAgo(10 * 24),
      firstSeenAt: hoursAgo(1),
      expected: '10 d ago',
    },
    {
      name: 'a job dated after it was first seen',
      postedAt: hoursAgo(-5),
      firstSeenAt: hoursAgo(4 * 24),
      expected: '4 d ago',
    },
    {
      name: 'a job with an unparseable date',
      postedAt: 'soon',
      firstSeenAt: hoursAgo(5 * 24),
      expected: '5 d ago',
    },
    { name: 'a job from the future', postedAt: null, firstSeenAt: hoursAgo(-2), expected: 'new' },
  ])('labels $name "$expected"', ({ postedAt, firstSeenAt, expected }) => {
    expect(ageLabel({ postedAt, firstSeenAt }, NOW).text).toBe(expected);
  });

  it('says which instant it counts from', () => {
    const label = ageLabel({ postedAt: hoursAgo(100), firstSeenAt: hoursAgo(2) }, NOW);
    expect(label).toEqual({ text: '4 d ago', isNew: false, since: hoursAgo(100) });
  });
});
