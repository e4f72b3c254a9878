import { describe, expect, it } from 'vitest';
import {
  canonicalTimeZone,
  nextDeliveryAt,
  timeZoneOffsetMs,
  zonedTimeToInstant,
  type AlertFrequency,
} from './schedule';

describe('nextDeliveryAt', () => {
  const cases: { name: string; frequency: AlertFrequency; zone: string; after: string; expected: string }[] =
    [
      {
        name: 'instant: ten minutes later',
        frequency: 'instant',
        zone: 'Asia/Tokyo',
        after: '2025-01-15T10:00:00Z',
        expected: '2025-01-15T10:10:00Z',
      },
      {
        name: 'daily: later today in UTC',
        frequency: 'daily',
        zone: 'UTC',
        after: '2025-01-15T06:00:00Z',
        expected: '2025-01-15T08:00:00Z',
      },
      {
        name: 'daily: 08:00 exactly moves to tomorrow',
        frequency: 'daily',
        zone: 'UTC',
        after: '2025-01-15T08:00:00Z',
        expected: '2025-01-16T08:00:00Z',
      },
      {
        name: 'daily: Lisbon in winter is UTC+0',
        frequency: 'daily',
        zone: 'Europe/Lisbon',
        after: '2025-01-15T09:00:00Z',
        expected: '2025-01-16T08:00:00Z',
      },
      {
        name: 'daily: Lisbon in summer is UTC+1',
        frequency: 'daily',
        zone: 'Europe/Lisbon',
        after: '2025-07-15T05:00:00Z',
        expected: '2025-07-15T07:00:00Z',
      },
      {
        name: 'daily: New York, local date behind UTC',
        frequency: 'daily',
        zone: 'America/New_York',
        after: '2025-01-16T02:00:00Z',
        expected: '2025-01-16T13:00:00Z',
      },
      {
        name: 'daily: Tokyo, local date ahead of UTC',
        frequency: 'daily',
        zone: 'Asia/Tokyo',
        after: '2025-01-15T23:30:00Z',
        expected: '2025-01-16T23:00:00Z',
      },
      {
        name: 'daily: Kathmandu quarter-hour offset',
        frequency: 'daily',
        zone: 'Asia/Kathmandu',
        after: '2025-01-15T00:00:00Z',
        expected: '2025-01-15T02:15:00Z',
      },
      {
        name: 'daily: Kiritimati at UTC+14',
        frequency: 'daily',
        zone: 'Pacific/Kiritimati',
        after: '2025-01-15T12:00:00Z',
        expected: '2025-01-15T18:00:00Z',
      },
      {
        name: 'daily: across spring-forward night in Berlin',
        frequency: 'daily',
        zone: 'Europe/Berlin',
        after: '2025-03-29T07:30:00Z',
        expected: '2025-03-30T06:00:00Z',
      },
      {
        name: 'daily: across fall-back night in New York',
        frequency: 'daily',
        zone: 'America/New_York',
        after: '2025-11-01T12:30:00Z',
        expected: '2025-11-02T13:00:00Z',
      },
      {
        name: 'daily: southern hemisphere DST start (Sydney)',
        frequency: 'daily',
        zone: 'Australia/Sydney',
        after: '2025-10-04T22:00:00Z',
        expected: '2025-10-05T21:00:00Z',
      },
      {
        name: 'weekly: Wednesday -> next Monday',
        frequency: 'weekly',
        zone: 'UTC',
        after: '2025-01-15T12:00:00Z',
        expected: '2025-01-20T08:00:00Z',
      },
      {
        name: 'weekly: Monday before 08:00 -> same day',
        frequency: 'weekly',
        zone: 'UTC',
        after: '2025-01-20T07:59:00Z',
        expected: '2025-01-20T08:00:00Z',
      },
      {
        name: 'weekly: Monday after 08:00 -> a week later',
        frequency: 'weekly',
        zone: 'UTC',
        after: '2025-01-20T08:01:00Z',
        expected: '2025-01-27T08:00:00Z',
      },
      {
        name: 'weekly: Sunday evening UTC is Monday in Auckland',
        frequency: 'weekly',
        zone: 'Pacific/Auckland',
        after: '2025-01-19T18:00:00Z',
        expected: '2025-01-19T19:00:00Z',
      },
      {
        name: 'weekly: Monday in Los Angeles, across spring-forward',
        frequency: 'weekly',
        zone: 'America/Los_Angeles',
        after: '2025-03-05T00:00:00Z',
        expected: '2025-03-10T15:00:00Z',
      },
    ];

  it.each(cases)('$name', ({ frequency, zone, after, expected }) => {
    expect(nextDeliveryAt(frequency, zone, new Date(after)).toISOString()).toBe(
      new Date(expected).toISOString(),
    );
  });

  it('lands on 08:00 local on every day of a year that has DST', () => {
    const zone = 'Europe/Paris';
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    let at = new Date('2025-01-01T00:00:00Z');
    for (let day = 0; day < 366; day++) {
      const next = nextDeliveryAt('daily', zone, at);
      expect(next.getTime()).toBeGreaterThan(at.getTime());
      expect(next.getTime() - at.getTime()).toBeLessThanOrEqual(25 * 3_600_000);
      expect(local.format(next)).toMatch(/ 08:00$/);
      at = next;
    }
    const weekly = nextDeliveryAt('weekly', zone, at);
    expect(local.format(weekly)).toBe('Mon 08:00');
  });
});

describe('zonedTimeToInstant', () => {
  it('moves a time skipped by spring-forward past the jump', () => {
    // 2025-03-09 02:30 does not exist in New York: clocks go 01:59 EST -> 03:00 EDT.
    expect(
      zonedTimeToInstant(
        { year: 2025, month: 3, day: 9, hour: 2, minute: 30 },
        'America/New_York',
      ).toISOString(),
    ).toBe('2025-03-09T07:30:00.000Z');
  });

  it('takes the first of a repeated fall-back time', () => {
    // 01:30 happens twice in New York on 2025-11-02: first in EDT (UTC-4).
    expect(
      zonedTimeToInstant(
        { year: 2025, month: 11, day: 2, hour: 1, minute: 30 },
        'America/New_York',
      ).toISOString(),
    ).toBe('2025-11-02T05:30:00.000Z');
  });
});

describe('timeZoneOffsetMs', () => {
  it.each([
    ['UTC', '2025-06-01T00:00:00Z', 0],
    ['Asia/Kolkata', '2025-06-01T00:00:00Z', 5.5 * 3_600_000],
    ['America/Sao_Paulo', '2025-06-01T00:00:00Z', -3 * 3_600_000],
    ['Europe/London', '2025-06-01T00:00:00Z', 3_600_000],
  ])('%s at %s', (zone, at, offset) => {
    expect(timeZoneOffsetMs(new Date(at).getTime(), zone)).toBe(offset);
  });
});

describe('canonicalTimeZone', () => {
  it.each([
    ['Europe/Lisbon', 'Europe/Lisbon'],
    ['europe/lisbon', 'Europe/Lisbon'],
    ['UTC', 'UTC'],
    ['Mars/Olympus_Mons', null],
    ['', null],
    ['Europe/Lisbon; drop table', null],
  ])('%j -> %j', (input, expected) => {
    expect(canonicalTimeZone(input)).toBe(expected);
  });
});
