import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FX_RATES_DATE, PERIODS_PER_YEAR, USD_PER_UNIT, toAnnualUsd } from './fx-rates';
import {
  annualize,
  findSalaryInDescription,
  normalizeCurrency,
  normalizeInterval,
  parseSalaryText,
  salaryFromStructured,
} from './salary';
import type { SalaryPeriod } from './types';

type Expected = [min: number | null, max: number | null, currency: string, period: SalaryPeriod];

/** Real-world salary phrasings (from US pay-transparency notes, EU, UK, LATAM and Indian postings). */
const SALARIES: Array<[string, Expected]> = [
  ['$120k–$150k', [120_000, 150_000, 'USD', 'year']],
  ['€60,000 - €75,000 per year', [60_000, 75_000, 'EUR', 'year']],
  ['USD 50/hour', [50, 50, 'USD', 'hour']],
  ['120.000 €', [120_000, 120_000, 'EUR', 'year']],
  ['£45k', [45_000, 45_000, 'GBP', 'year']],
  ['up to $200K + equity', [null, 200_000, 'USD', 'year']],
  ['100-130K USD', [100_000, 130_000, 'USD', 'year']],
  ['CA$140,000', [140_000, 140_000, 'CAD', 'year']],
  ['A$150,000 - A$170,000', [150_000, 170_000, 'AUD', 'year']],
  ['R$ 12.000 - R$ 15.000 por mês', [12_000, 15_000, 'BRL', 'month']],
  ['₹12,00,000', [1_200_000, 1_200_000, 'INR', 'year']],
  ['₹18,00,000 - ₹24,00,000 per annum', [1_800_000, 2_400_000, 'INR', 'year']],
  ['$60 - $80 per hour', [60, 80, 'USD', 'hour']],
  ['40.000 - 50.000 EUR brutto/Jahr', [40_000, 50_000, 'EUR', 'year']],
  ['$8,000/month', [8_000, 8_000, 'USD', 'month']],
  ['From €50k', [50_000, null, 'EUR', 'year']],
  ['$100,000 to $120,000', [100_000, 120_000, 'USD', 'year']],
  ['$100,000 — $120,000', [100_000, 120_000, 'USD', 'year']],
  ['$100,000 – $120,000 USD', [100_000, 120_000, 'USD', 'year']],
  ['$120-150k', [120_000, 150_000, 'USD', 'year']],
  ['$120K - $160K/yr', [120_000, 160_000, 'USD', 'year']],
  ['$45/hr', [45, 45, 'USD', 'hour']],
  ['$45.50 an hour', [45.5, 45.5, 'USD', 'hour']],
  ['£400 - £500 per day', [400, 500, 'GBP', 'day']],
  ['£550/day outside IR35', [550, 550, 'GBP', 'day']],
  ['$2,000 per week', [2_000, 2_000, 'USD', 'week']],
  ['€4.500 brutto pro Monat', [4_500, 4_500, 'EUR', 'month']],
  ['€4.500 - €5.500 monatlich', [4_500, 5_500, 'EUR', 'month']],
  ['65.000 - 80.000 € p.a.', [65_000, 80_000, 'EUR', 'year']],
  ["CHF 120'000 - 140'000", [120_000, 140_000, 'CHF', 'year']],
  ['50 000 - 60 000 € par an', [50_000, 60_000, 'EUR', 'year']],
  ['8 000 - 12 000 zł netto', [8_000, 12_000, 'PLN', 'month']],
  ['PLN 20,000 - 28,000 / month (B2B)', [20_000, 28_000, 'PLN', 'month']],
  ['USD 4,000 - 6,000 per month', [4_000, 6_000, 'USD', 'month']],
  ['CAD $95,000 - $115,000', [95_000, 115_000, 'CAD', 'year']],
  ['$130,000 - $150,000 AUD', [130_000, 150_000, 'AUD', 'year']],
  ['NZ$110k', [110_000, 110_000, 'NZD', 'year']],
  ['S$8,000 - S$10,000 monthly', [8_000, 10_000, 'SGD', 'month']],
  ['HK$50,000 per month', [50_000, 50_000, 'HKD', 'month']],
  ['¥6,000,000 - ¥9,000,000', [6_000_000, 9_000_000, 'JPY', 'year']],
  ['JPY 8M - 12M', [8_000_000, 12_000_000, 'JPY', 'year']],
  ['12 - 18 LPA', [1_200_000, 1_800_000, 'INR', 'year']],
  ['50-60k€', [50_000, 60_000, 'EUR', 'year']],
  ['EUR 70k-90k', [70_000, 90_000, 'EUR', 'year']],
  ['between $140,000 and $160,000', [140_000, 160_000, 'USD', 'year']],
  ['Base salary: $150,000 - $180,000 + bonus + equity', [150_000, 180_000, 'USD', 'year']],
  ['OTE $200k (50/50 split)', [200_000, 200_000, 'USD', 'year']],
  ['starting at $85,000', [85_000, null, 'USD', 'year']],
  ['$150k+', [150_000, null, 'USD', 'year']],
  ['Hourly rate: $35-$45', [35, 45, 'USD', 'hour']],
  ['Day rate £600', [600, 600, 'GBP', 'day']],
  ['£35,000 - £42,000 per annum', [35_000, 42_000, 'GBP', 'year']],
  ['$70 - 90/hour', [70, 90, 'USD', 'hour']],
  ['MXN 60,000 - 80,000 mensual', [60_000, 80_000, 'MXN', 'month']],
  ['US$3,000 - US$4,500 per month', [3_000, 4_500, 'USD', 'month']],
  ['$3,000 - $4,500', [3_000, 4_500, 'USD', 'month']],
  ['$60 - $80', [60, 80, 'USD', 'hour']],
  ['＄１２０，０００', [120_000, 120_000, 'USD', 'year']],
  ['€ 55.000,00 - € 65.000,00', [55_000, 65_000, 'EUR', 'year']],
  ['$150,000 - $120,000', [120_000, 150_000, 'USD', 'year']],
  ['90 000 - 110 000 SEK per month', [90_000, 110_000, 'SEK', 'month']],
  ['Compensation: 100k - 120k euros', [100_000, 120_000, 'EUR', 'year']],
];

/** Figures that are not salaries, and salary words without figures: all null. */
const NOT_SALARIES: string[] = [
  '',
  '   ',
  '2024',
  'Founded in 2015, we are 120 people',
  '401k',
  '401(k) matching',
  'Generous 401k with 4% match',
  '10% bonus',
  'team of 50 engineers',
  '3-5 years of experience',
  '$1B company',
  'raised $50M in Series B funding',
  'We raised $120 million from top investors',
  '$5,000 signing bonus',
  '$1,500 annual learning budget',
  '$500/month wellness stipend',
  'Competitive salary',
  'Salary: DOE',
  '50,000 - 60,000 per year',
  '120k-150k',
  'Must be able to lift 50 pounds',
  '$300 - $600',
  '$1',
  'ARR of $30M',
  '$2.5B valuation',
];

describe('parseSalaryText', () => {
  it.each(SALARIES)('parses %j', (text, [min, max, currency, period]) => {
    expect(parseSalaryText(text)).toMatchObject({ min, max, currency, period });
  });

  it.each(NOT_SALARIES.map((text) => [text]))('finds no salary in %j', (text) => {
    expect(parseSalaryText(text)).toBeNull();
  });

  it('annualizes to whole US dollars with the bundled rates', () => {
    expect(parseSalaryText('€60,000 - €75,000 per year')).toMatchObject({
      annualUsdMin: Math.round(60_000 * USD_PER_UNIT.EUR!),
      annualUsdMax: Math.round(75_000 * USD_PER_UNIT.EUR!),
    });
    expect(parseSalaryText('$50/hour')).toMatchObject({ annualUsdMin: 104_000, annualUsdMax: 104_000 });
    expect(parseSalaryText('$8,000/month')).toMatchObject({ annualUsdMin: 96_000 });
  });

  it('reads the first salary of a longer text', () => {
    expect(parseSalaryText('$120K – $150K • Offers Equity • $10K signing bonus')).toMatchObject({
      min: 120_000,
      max: 150_000,
    });
  });

  it('keeps a salary whose range is followed by benefits after a conjunction', () => {
    expect(parseSalaryText('$120k - $140k plus a $2,000 home office budget')).toMatchObject({
      min: 120_000,
      max: 140_000,
    });
  });
});

describe('findSalaryInDescription', () => {
  it('finds the pay range in a US pay-transparency paragraph', () => {
    const text =
      'We are a Series B company that raised $40M last year.\n\nAbout the role\nYou will build things.\n\n' +
      'The base pay range for this role is $145,000 - $175,000 USD per year, plus equity.';
    expect(findSalaryInDescription(text)).toMatchObject({
      min: 145_000,
      max: 175_000,
      currency: 'USD',
      period: 'year',
    });
  });

  it('reads a German salary sentence', () => {
    expect(
      findSalaryInDescription('Dein Gehalt: 60.000 - 75.000 € brutto im Jahr, je nach Erfahrung.'),
    ).toMatchObject({ min: 60_000, max: 75_000, currency: 'EUR', period: 'year' });
  });

  it('ignores figures far from any pay keyword', () => {
    expect(findSalaryInDescription('We serve 10,000 customers and raised $30M. Join us in 2025!')).toBeNull();
  });

  it('ignores benefits near a pay keyword', () => {
    expect(
      findSalaryInDescription('Competitive pay. $1,000 learning budget and a $500 home office stipend.'),
    ).toBeNull();
  });

  it('returns null for a description that states no salary', () => {
    expect(findSalaryInDescription('Competitive compensation and great benefits.')).toBeNull();
    expect(findSalaryInDescription(null)).toBeNull();
  });
});

describe('salaryFromStructured', () => {
  it('maps a Lever salaryRange', () => {
    expect(
      salaryFromStructured({ min: 120000, max: 150000, currency: 'USD', interval: 'per-year-salary' }),
    ).toEqual({
      min: 120000,
      max: 150000,
      currency: 'USD',
      period: 'year',
      annualUsdMin: 120000,
      annualUsdMax: 150000,
    });
  });

  it.each([
    ['per-hour-wage', 'hour'],
    ['per-month-salary', 'month'],
    ['1 YEAR', 'year'],
    ['HOUR', 'hour'],
    ['WEEK', 'week'],
    ['DAY', 'day'],
    ['monthly', 'month'],
    ['yearly', 'year'],
  ] as const)('reads the interval %j as %s', (interval, period) => {
    const min = period === 'year' ? 80_000 : period === 'month' ? 6_000 : period === 'week' ? 1_500 : 50;
    expect(salaryFromStructured({ min, max: null, currency: 'usd', interval })?.period).toBe(period);
  });

  it('takes a missing currency from the salary text', () => {
    expect(
      salaryFromStructured({ min: 60000, max: 70000, currency: null, interval: 'YEAR' }, '€60k - €70k'),
    ).toMatchObject({ currency: 'EUR' });
  });

  it('infers the period from the size of the figures when the interval is missing', () => {
    expect(salaryFromStructured({ min: 90000, max: 110000, currency: 'EUR', interval: null })?.period).toBe(
      'year',
    );
  });

  it('keeps an unknown currency without converting it', () => {
    expect(salaryFromStructured({ min: 5000, max: 7000, currency: 'GEL', interval: 'month' })).toMatchObject({
      currency: 'GEL',
      annualUsdMin: null,
      annualUsdMax: null,
    });
  });

  it.each([
    [{ min: null, max: null, currency: 'USD', interval: 'year' }],
    [{ min: 0, max: 0, currency: 'USD', interval: 'year' }],
    [{ min: 100000, max: 120000, currency: null, interval: 'year' }],
    [{ min: 5000, max: null, currency: 'USD', interval: 'one-time' }],
    [{ min: 1, max: 1, currency: 'USD', interval: 'year' }],
    [{ min: Number.NaN, max: Number.POSITIVE_INFINITY, currency: 'USD', interval: 'year' }],
  ])('returns null for %j', (structured) => {
    expect(salaryFromStructured(structured)).toBeNull();
  });

  it('orders a reversed range', () => {
    expect(salaryFromStructured({ min: 150, max: 120, currency: 'USD', interval: 'hour' })).toMatchObject({
      min: 120,
      max: 150,
    });
  });
});

describe('normalizeCurrency', () => {
  it.each([
    ['usd', 'USD'],
    ['EUR', 'EUR'],
    ['€', 'EUR'],
    ['$', 'USD'],
    ['£', 'GBP'],
    [' gbp ', 'GBP'],
    ['RMB', 'CNY'],
    ['dollars and cents', null],
    ['', null],
  ])('reads %j as %j', (value, code) => {
    expect(normalizeCurrency(value)).toBe(code);
  });
});

describe('normalizeInterval', () => {
  it('does not mistake a one-time payment for a period', () => {
    expect(normalizeInterval('one-time')).toBeNull();
    expect(normalizeInterval('per-year-salary')).toBe('year');
  });
});

describe('annualize and the rate table', () => {
  it('uses 2080 hours, 260 days, 52 weeks and 12 months a year', () => {
    expect(PERIODS_PER_YEAR).toEqual({ hour: 2080, day: 260, week: 52, month: 12, year: 1 });
    expect(annualize({ min: 500, max: 600, currency: 'USD', period: 'day' })).toMatchObject({
      annualUsdMin: 130_000,
      annualUsdMax: 156_000,
    });
  });

  it('is dated and leaves unknown currencies unconverted', () => {
    expect(FX_RATES_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(toAnnualUsd(100, 'XXX', 'year')).toBeNull();
  });
});

describe('salary parsers on hostile input', () => {
  it('never throw on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        parseSalaryText(text);
        findSalaryInDescription(text);
      }),
      { numRuns: 500 },
    );
  });

  it('never throw on money-shaped noise', () => {
    const piece = fc.constantFrom(
      '$',
      '€',
      '£',
      'USD',
      'k',
      'K',
      '-',
      ' ',
      ',',
      '.',
      '/hr',
      ' to ',
      'salary',
      '1',
      '00',
      '%',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        const salary = parseSalaryText(text);
        if (salary) expect(salary.min === null || salary.max === null || salary.min <= salary.max).toBe(true);
        findSalaryInDescription(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('return on 1 MB inputs', () => {
    const inputs = [
      'salary '.repeat(150_000),
      '$1,00,00,'.repeat(120_000),
      ('pay $' + '9'.repeat(50) + ' ').repeat(20_000),
      'x'.repeat(1_000_000),
      '1 '.repeat(500_000),
    ];
    for (const text of inputs) {
      expect(parseSalaryText(text)).toBeNull();
      expect(findSalaryInDescription(text)).toBeNull();
    }
  });
});
