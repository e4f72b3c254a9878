import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedExcerpt, parseTimezoneWindow, windowForCountries } from './timezone';

/** [text, minUtcOffset, maxUtcOffset, evidence] */
const WINDOWS: Array<[string, number, number, string]> = [
  ['UTC-3 to UTC+3', -3, 3, 'UTC-3 to UTC+3'],
  ['Worldwide (UTC-5 to UTC+3)', -5, 3, 'UTC-5 to UTC+3'],
  ['between UTC-8 and UTC-3', -8, -3, 'between UTC-8 and UTC-3'],
  ['GMT-5 – GMT+2', -5, 2, 'GMT-5 – GMT+2'],
  ['UTC −3 … UTC +3', -3, 3, 'UTC -3 … UTC +3'],
  ['UTC -5 to +1', -5, 1, 'UTC -5 to +1'],
  ['UTC+05:30 to UTC+08:00', 5.5, 8, 'UTC+05:30 to UTC+08:00'],
  ['GMT+1 ± 2 hours', -1, 3, 'GMT+1 ± 2 hours'],
  ['EST +/- 3 hours', -8, -2, 'EST +/- 3 hours'],
  ['CET ±2h', -1, 3, 'CET ±2h'],
  ['UTC+2 plus or minus 4 hours', -2, 6, 'UTC+2 plus or minus 4 hours'],
  ['within 4 hours of PST', -12, -4, 'within 4 hours of PST'],
  ['You must be within 3 hours of UTC+1.', -2, 4, 'within 3 hours of UTC+1'],
  ['at least 4 hours of overlap with EST', -9, -1, '4 hours of overlap with EST'],
  ['6 hours overlap with CET', -1, 3, '6 hours overlap with CET'],
  ['CET overlap', -2, 4, 'CET overlap'],
  ['overlap with CET', -2, 4, 'overlap with CET'],
  ['Good overlap with the EST working hours', -8, -2, 'overlap with the EST'],
  ['You will work EST business hours', -8, -2, 'EST business hours'],
  ['PST time zone', -11, -5, 'PST time zone'],
  ['Remote (CET)', -2, 4, 'CET'],
  ['Remote - UTC+2', -1, 5, 'UTC+2'],
  ['Our team works on Central European Time', -2, 4, 'Central European Time'],
  ['Eastern Time', -8, -2, 'Eastern Time'],
  ['between PT and ET', -8, -5, 'between PT and ET'],
  ['from PST to CET', -8, 1, 'from PST to CET'],
  ['US time zones', -10, -4, 'US time zones'],
  ['Remote (US time zones)', -10, -4, 'US time zones'],
  ['European time zones', -1, 3, 'European time zones'],
  ['Remote — EU time zones', -1, 3, 'EU time zones'],
  ['Americas & European time zones', -10, 3, 'Americas & European time zones'],
  ['Remote, Americas & Europe timezones', -10, 3, 'Americas & Europe timezones'],
  ['US and European time zones', -10, 3, 'US and European time zones'],
  ['UK time zone', 0, 1, 'UK time zone'],
  ['Brazilian time zones', -5, -2, 'Brazilian time zones'],
  ['India timezone', 5.5, 5.5, 'India timezone'],
  ['North American time zones', -10, -2.5, 'North American time zones'],
  ['LATAM time zones', -8, -2, 'LATAM time zones'],
  ['We hire in Europe. Must work in US time zones.', -10, -4, 'US time zones'],
];

describe('parseTimezoneWindow', () => {
  it.each(WINDOWS)('reads %j', (text, min, max, evidence) => {
    expect(parseTimezoneWindow(text)).toEqual({ window: { minUtcOffset: min, maxUtcOffset: max }, evidence });
  });

  it.each([
    ['all times are in UTC'],
    ['Remote - US'],
    ['et le reste'],
    ['Nous cherchons quelqu’un, est-ce toi ?'],
    ['our est. revenue'],
    ['different time zones'],
    ['across 5 time zones'],
    ['any timezone'],
    ['UTC to UTC'],
    [''],
  ])('finds no window in %j', (text) => {
    expect(parseTimezoneWindow(text)).toBeNull();
  });

  it('prefers an explicit range over a named zone', () => {
    expect(parseTimezoneWindow('Overlap with CET; we accept UTC-1 to UTC+3')?.window).toEqual({
      minUtcOffset: -1,
      maxUtcOffset: 3,
    });
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const found = parseTimezoneWindow(text);
        if (found) expect(found.window.minUtcOffset).toBeLessThanOrEqual(found.window.maxUtcOffset);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on strings made of timezone words', () => {
    const piece = fc.constantFrom(
      'UTC',
      'GMT',
      '+',
      '-',
      '3',
      ' to ',
      '±',
      'CET',
      'EST',
      ' hours',
      ' of ',
      'within ',
      'overlap with ',
      ' time zones',
      '&',
      'European',
      'US',
      '(',
      ')',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const found = parseTimezoneWindow(pieces.join(''));
        if (found) expect(found.window.maxUtcOffset).toBeLessThanOrEqual(14);
      }),
      { numRuns: 500 },
    );
  });

  it('returns on 1 MB strings', () => {
    for (const text of [
      'UTC+1 - '.repeat(125_000),
      `${'a '.repeat(250_000)}within 3 hours of CET${' b'.repeat(250_000)}`,
      '('.repeat(1_000_000),
    ]) {
      expect(() => parseTimezoneWindow(text)).not.toThrow();
    }
  });
});

describe('boundedExcerpt', () => {
  it('keeps short text whole', () => {
    expect(boundedExcerpt('short', ['x'])).toBe('short');
  });

  it('keeps the edges and the stretches around keywords of long text', () => {
    const text = `${'a'.repeat(50_000)} overlap with CET ${'b'.repeat(50_000)}`;
    const excerpt = boundedExcerpt(text, ['overlap'], { edge: 1000, radius: 50 });
    expect(excerpt.length).toBeLessThan(2300);
    expect(excerpt).toContain('overlap with CET');
  });
});

describe('windowForCountries', () => {
  it('spans standard to daylight offsets of one country', () => {
    expect(windowForCountries(['US'])).toEqual({ minUtcOffset: -10, maxUtcOffset: -4 });
    expect(windowForCountries(['PT'])).toEqual({ minUtcOffset: -1, maxUtcOffset: 1 });
  });

  it('leaves out countries wider than a working day in multi-country spans', () => {
    expect(windowForCountries(['RU', 'DE'])).toEqual({ minUtcOffset: 1, maxUtcOffset: 2 });
  });

  it('answers null for codes without zones', () => {
    expect(windowForCountries(['XX'])).toBeNull();
  });
});
