import { describe, expect, it } from 'vitest';
import { planClosures } from './plan-closures';

const now = new Date('2025-03-10T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

describe('planClosures', () => {
  it.each([
    { open: 0, fetched: 0, closes: true, why: 'an empty board stays empty' },
    { open: 0, fetched: 25, closes: true, why: 'a new board has nothing to close' },
    { open: 10, fetched: 10, closes: true, why: 'an unchanged count is ordinary' },
    { open: 10, fetched: 12, closes: true, why: 'a growing board is ordinary' },
    { open: 10, fetched: 9, closes: true, why: 'one job filled' },
    { open: 10, fetched: 2, closes: true, why: 'exactly 20% is still plausible' },
    { open: 10, fetched: 1, closes: false, why: 'below 20% is implausible' },
    { open: 10, fetched: 0, closes: false, why: 'an emptied board is implausible' },
    { open: 3, fetched: 1, closes: true, why: 'a small board losing two jobs is plausible' },
    { open: 3, fetched: 0, closes: false, why: 'a small board emptying is implausible' },
    { open: 1, fetched: 0, closes: false, why: 'even the last job is not closed by one empty fetch' },
    { open: 5, fetched: 1, closes: true, why: '1 of 5 is 20%' },
    { open: 6, fetched: 1, closes: false, why: '1 of 6 is below 20%' },
    { open: 1000, fetched: 199, closes: false, why: 'a big board losing 80% is implausible' },
    { open: 1000, fetched: 200, closes: true, why: 'a big board keeping 20% is plausible' },
  ])('$open open, $fetched listed: closes=$closes ($why)', ({ open, fetched, closes }) => {
    const plan = planClosures(open, fetched, { streak: 0, since: null }, now);
    expect(plan.closeMissing).toBe(closes);
    expect(plan.suspicious).toBe(!closes);
    expect(plan.reason === null).toBe(closes);
  });

  it.each([
    { streak: 0, since: null, confirmed: false, why: 'a first suspicious run' },
    { streak: 1, since: hoursAgo(30), confirmed: false, why: 'two runs are not enough, however old' },
    { streak: 2, since: hoursAgo(12), confirmed: false, why: 'three runs within 12 h are not enough' },
    { streak: 2, since: hoursAgo(24), confirmed: true, why: 'the third run, 24 h after the first' },
    { streak: 5, since: hoursAgo(48), confirmed: true, why: 'a long streak' },
  ])('a board emptied again after $streak suspicious runs: confirmed=$confirmed ($why)', (row) => {
    const plan = planClosures(4, 0, { streak: row.streak, since: row.since }, now);
    expect(plan.closeMissing).toBe(row.confirmed);
    expect(plan.suspicious).toBe(!row.confirmed);
    expect(plan.reason).toMatch(row.confirmed ? /accepted after \d+ runs/ : /closed nothing/);
  });

  it('names the counts in the reason', () => {
    expect(planClosures(10, 1, undefined, now).reason).toBe(
      'the board shrank from 10 open jobs to 1 (below 20%): closed nothing',
    );
  });
});
