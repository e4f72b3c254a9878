import { describe, expect, it } from 'vitest';
import { formatMoney, salaryLabel, type SalaryInput } from './salary-label';

const salary = (overrides: Partial<SalaryInput>): SalaryInput => ({
  min: null,
  max: null,
  currency: 'USD',
  period: 'year',
  annualUsdMin: null,
  annualUsdMax: null,
  ...overrides,
});

describe('salaryLabel', () => {
  it.each([
    {
      name: 'US dollars a year as they are',
      input: salary({ min: 120_000, max: 150_000, annualUsdMin: 120_000, annualUsdMax: 150_000 }),
      expected: '$120k–$150k',
    },
    {
      name: 'euros a year with the dollar equivalent',
      input: salary({
        min: 60_000,
        max: 75_000,
        currency: 'EUR',
        annualUsdMin: 69_600,
        annualUsdMax: 87_000,
      }),
      expected: '€60k–€75k / year ≈ $70k–$87k',
    },
    {
      name: 'hourly dollars with the annual equivalent',
      input: salary({ min: 45, max: 60, period: 'hour', annualUsdMin: 93_600, annualUsdMax: 124_800 }),
      expected: '$45–$60 / hour ≈ $94k–$125k / year',
    },
    {
      name: 'monthly reais',
      input: salary({
        min: 12_500,
        max: 15_000,
        currency: 'BRL',
        period: 'month',
        annualUsdMin: 27_000,
        annualUsdMax: 32_400,
      }),
      expected: 'R$12.5k–R$15k / month ≈ $27k–$32k / year',
    },
    {
      name: 'a currency without a known rate, unconverted',
      input: salary({ min: 100_000, max: 120_000, currency: 'CHF' }),
      expected: 'CHF\u00a0100k–CHF\u00a0120k / year',
    },
    { name: 'a lower bound only', input: salary({ min: 90_000 }), expected: 'From $90k' },
    { name: 'an upper bound only', input: salary({ max: 90_000 }), expected: 'Up to $90k' },
    { name: 'one figure once', input: salary({ min: 90_000, max: 90_000 }), expected: '$90k' },
  ])('writes $name', ({ input, expected }) => {
    expect(salaryLabel(input)?.text).toBe(expected);
  });

  it('is null without a salary or without an amount', () => {
    expect(salaryLabel(null)).toBeNull();
    expect(salaryLabel(salary({}))).toBeNull();
  });

  it('separates the stated range from the converted one', () => {
    const label = salaryLabel(
      salary({ min: 60_000, max: 75_000, currency: 'EUR', annualUsdMin: 69_600, annualUsdMax: 87_000 }),
    );
    expect(label).toEqual({
      text: '€60k–€75k / year ≈ $70k–$87k',
      stated: '€60k–€75k / year',
      converted: '$70k–$87k',
    });
  });
});

describe('formatMoney', () => {
  it.each([
    { amount: 120_000, currency: 'USD', expected: '$120k' },
    { amount: 87_499, currency: 'USD', expected: '$87.5k' },
    { amount: 87_499, currency: 'USD', annual: true, expected: '$87k' },
    { amount: 9_500, currency: 'EUR', expected: '€9.5k' },
    { amount: 45, currency: 'GBP', expected: '£45' },
    { amount: 95_000, currency: 'cad', annual: true, expected: 'CA$95k' },
    { amount: 2_500_000, currency: 'INR', annual: true, expected: '₹2.5M' },
    { amount: 100_000, currency: 'ZZZ', expected: 'ZZZ\u00a0100k' },
  ])('writes $amount $currency as "$expected"', ({ amount, currency, annual, expected }) => {
    expect(formatMoney(amount, currency, { annual })).toBe(expected);
  });
});
