/**
 * The bundled exchange-rate table used to put every salary on one scale (annual US dollars), so
 * people can filter "at least $100k" across currencies. It is deliberately static: normalization is
 * a pure function, and a job listing's salary filter does not need to-the-cent accuracy.
 */
import type { SalaryPeriod } from './types';

/**
 * The date the rates below approximate, shown next to converted figures ("≈ $98k, approximate rates
 * of 2025-07-01"). The table was entered by hand from approximate mid-2025 mid-market levels, not
 * fetched on that day, so {@link FX_RATES_APPROXIMATE} is true and the site says "approximate". Set
 * both whenever the table is refreshed from a real reference source.
 */
export const FX_RATES_DATE = '2025-07-01';
export const FX_RATES_APPROXIMATE = true;

/**
 * US dollars per one unit of each currency (ISO 4217).
 *
 * Rounded approximations of mid-market reference rates (3 significant figures), entered by hand and
 * NOT fetched from a live feed (see {@link FX_RATES_DATE}). To refresh: take the day's reference rates
 * (e.g. the ECB euro foreign exchange reference rates, converted to USD), round them, update this
 * table and the date in one change. Volatile currencies (ARS, NGN, TRY, EGP) drift fast; their
 * converted figures are indicative only.
 */
export const USD_PER_UNIT: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.16,
  GBP: 1.33,
  CHF: 1.25,
  CAD: 0.72,
  AUD: 0.655,
  NZD: 0.575,
  JPY: 0.0066,
  CNY: 0.14,
  HKD: 0.129,
  TWD: 0.032,
  KRW: 0.0007,
  SGD: 0.77,
  INR: 0.0114,
  PKR: 0.00355,
  BDT: 0.0082,
  IDR: 0.00006,
  MYR: 0.237,
  PHP: 0.017,
  THB: 0.0305,
  VND: 0.000038,
  SEK: 0.105,
  NOK: 0.099,
  DKK: 0.155,
  ISK: 0.0079,
  PLN: 0.273,
  CZK: 0.0475,
  HUF: 0.00298,
  RON: 0.228,
  BGN: 0.593,
  UAH: 0.024,
  TRY: 0.0236,
  ILS: 0.3,
  AED: 0.272,
  SAR: 0.267,
  EGP: 0.0205,
  ZAR: 0.0575,
  NGN: 0.00067,
  KES: 0.0077,
  BRL: 0.185,
  MXN: 0.054,
  ARS: 0.00072,
  CLP: 0.00106,
  COP: 0.00025,
  PEN: 0.27,
  UYU: 0.025,
};

/** Currencies the table knows, for validating ISO codes found in text. */
export const KNOWN_CURRENCIES: ReadonlySet<string> = new Set(Object.keys(USD_PER_UNIT));

/**
 * How many of each period make a working year. 2080 = 40 hours x 52 weeks; 260 = 5 days x 52 weeks.
 * These are the conventions US and UK pay calculators use; they ignore holidays on purpose, because
 * a contractor's day rate is usually compared with salaries that way.
 */
export const PERIODS_PER_YEAR: Readonly<Record<SalaryPeriod, number>> = {
  hour: 2080,
  day: 260,
  week: 52,
  month: 12,
  year: 1,
};

/** `amount` per `period` in `currency`, as whole US dollars per year; null when the currency is not in the table. */
export function toAnnualUsd(amount: number, currency: string, period: SalaryPeriod): number | null {
  const rate = USD_PER_UNIT[currency];
  if (rate === undefined || !Number.isFinite(amount)) return null;
  return Math.round(amount * PERIODS_PER_YEAR[period] * rate);
}
