import { describe, expect, it } from 'vitest';
import { categoryLabel, feedItemTitle, salaryLabel } from './labels';

describe('salaryLabel', () => {
  it.each([
    [null, null],
    [
      {
        min: 120_000,
        max: 150_000,
        currency: 'USD',
        period: 'year',
        annualUsdMin: 120_000,
        annualUsdMax: 150_000,
      },
      '$120,000–$150,000 a year',
    ],
    [
      { min: 60_000, max: null, currency: 'EUR', period: 'year', annualUsdMin: 65_000, annualUsdMax: null },
      'from €60,000 a year (about $65,000 a year)',
    ],
    [
      { min: null, max: 40, currency: 'GBP', period: 'hour', annualUsdMin: null, annualUsdMax: 105_000 },
      'up to £40 an hour (about $105,000 a year)',
    ],
    [
      { min: 5000, max: 5000, currency: 'USD', period: 'month', annualUsdMin: 60_000, annualUsdMax: 60_000 },
      '$5,000 a month (about $60,000 a year)',
    ],
    [
      { min: 100, max: 200, currency: 'XYZ', period: 'day', annualUsdMin: null, annualUsdMax: null },
      'XYZ\u00a0100–XYZ\u00a0200 a day',
    ],
    [
      { min: 100, max: 200, currency: 'B1', period: 'day', annualUsdMin: null, annualUsdMax: null },
      '100 B1–200 B1 a day',
    ],
  ] as const)('%j -> %s', (salary, expected) => {
    expect(salaryLabel(salary)).toBe(expected);
  });
});

describe('feedItemTitle', () => {
  const job = {
    title: 'Designer',
    company: { slug: 'acme', name: 'Acme' },
    worldwide: false,
    countries: ['CA', 'US'],
    timezone: null,
  };
  it.each([
    ['remote', 'Designer — Acme (US & Canada)'],
    ['hybrid', 'Designer — Acme (Hybrid, US & Canada)'],
    ['onsite', 'Designer — Acme (On-site, US & Canada)'],
  ] as const)('%s -> %s', (workplace, expected) => {
    expect(feedItemTitle({ ...job, workplace })).toBe(expected);
  });

  it('says worldwide with a time zone window', () => {
    expect(
      feedItemTitle({
        ...job,
        workplace: 'remote',
        worldwide: true,
        countries: [],
        timezone: { minUtcOffset: -1, maxUtcOffset: 3 },
      }),
    ).toBe('Designer — Acme (Worldwide, UTC-1 to UTC+3)');
  });
});

describe('categoryLabel', () => {
  it.each([
    ['engineering', 'Engineering'],
    ['devops', 'DevOps'],
    ['qa', 'QA'],
  ])('%s -> %s', (category, expected) => {
    expect(categoryLabel(category)).toBe(expected);
  });
});
