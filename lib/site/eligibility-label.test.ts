import { describe, expect, it } from 'vitest';
import { regionCountries } from '../normalize/regions';
import { eligibilityLabel, timezoneLabel } from './eligibility-label';

const label = (
  countries: readonly string[],
  options: { worldwide?: boolean; timezone?: [number, number] } = {},
) =>
  eligibilityLabel({
    worldwide: options.worldwide ?? false,
    countries,
    timezone: options.timezone
      ? { minUtcOffset: options.timezone[0], maxUtcOffset: options.timezone[1] }
      : null,
  });

describe('eligibilityLabel', () => {
  it.each([
    { name: 'worldwide', countries: [], worldwide: true, expected: 'Worldwide' },
    { name: 'one country', countries: ['PT'], expected: 'Portugal' },
    { name: 'lower-case codes', countries: ['pt'], expected: 'Portugal' },
    { name: 'US and Canada', countries: ['US', 'CA'], expected: 'US & Canada' },
    { name: 'two countries by name', countries: ['PT', 'ES'], expected: 'Portugal & Spain' },
    { name: 'three countries by name', countries: ['PT', 'ES', 'FR'], expected: 'France, Portugal & Spain' },
    { name: 'the short English name', countries: ['US'], expected: 'United States' },
    { name: 'the EU', countries: regionCountries('eu'), expected: 'EU' },
    { name: 'Europe', countries: regionCountries('europe'), expected: 'Europe' },
    { name: 'EMEA', countries: regionCountries('emea'), expected: 'EMEA' },
    { name: 'Latin America', countries: regionCountries('latam'), expected: 'Latin America' },
    { name: 'DACH', countries: ['CH', 'AT', 'DE'], expected: 'DACH' },
    { name: 'a region in any order, with repeats', countries: ['NL', 'BE', 'LU', 'NL'], expected: 'Benelux' },
    {
      name: 'many countries of one region',
      countries: ['PT', 'ES', 'FR', 'DE', 'IT', 'NL', 'BE', 'AT', 'PL', 'SE', 'FI', 'IE'],
      expected: '12 countries in EU',
    },
    {
      name: 'many countries across regions',
      countries: ['PT', 'US', 'JP', 'BR', 'ZA'],
      expected: '5 countries',
    },
    { name: 'nothing known', countries: [], expected: 'Location not stated' },
  ])('names $name', ({ countries, worldwide, expected }) => {
    expect(label(countries, { worldwide })).toBe(expected);
  });

  it('appends the time zone window to a region', () => {
    expect(label(regionCountries('europe'), { timezone: [-1, 3] })).toBe('Europe, UTC-1 to UTC+3');
  });

  it('appends the time zone window to worldwide', () => {
    expect(label([], { worldwide: true, timezone: [-3, 3] })).toBe('Worldwide, UTC-3 to UTC+3');
  });

  it('gives the window alone when no country is known', () => {
    expect(label([], { timezone: [-3, 3] })).toBe('UTC-3 to UTC+3');
  });

  it('ignores countries when the job is worldwide', () => {
    expect(label(['US'], { worldwide: true })).toBe('Worldwide');
  });
});

describe('timezoneLabel', () => {
  it.each([
    { min: -1, max: 3, expected: 'UTC-1 to UTC+3' },
    { min: 5.5, max: 12, expected: 'UTC+5:30 to UTC+12' },
    { min: 1, max: 1, expected: 'UTC+1' },
    { min: 0, max: 0, expected: 'UTC' },
  ])('writes $min..$max as "$expected"', ({ min, max, expected }) => {
    expect(timezoneLabel({ minUtcOffset: min, maxUtcOffset: max })).toBe(expected);
  });
});
