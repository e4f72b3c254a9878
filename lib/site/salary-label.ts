/**
 * Salaries in plain words: "$120k–$150k", "€60k–€75k / year ≈ $70k–$87k", "$45–$60 / hour ≈ $94k–$125k / year".
 * Pure: the conversion was done at write time (lib/normalize, annual USD); this only formats.
 */
import type { SalaryPeriod } from '../normalize/types';

/** A salary as search results carry it. */
export interface SalaryInput {
  min: number | null;
  max: number | null;
  /** ISO 4217 */
  currency: string;
  period: SalaryPeriod;
  annualUsdMin: number | null;
  annualUsdMax: number | null;
}

export interface SalaryLabel {
  /** The whole label, e.g. "€60k–€75k / year ≈ $70k–$87k". */
  text: string;
  /** The range as stated, in its own currency and period ("€60k–€75k / year"). */
  stated: string;
  /** The annual US dollar equivalent ("$70k–$87k"), when the label shows one. */
  converted: string | null;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, fractionDigits: number): Intl.NumberFormat {
  const key = `${currency}:${fractionDigits}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en', {
      style: 'currency',
      currency,
      currencyDisplay: 'symbol',
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: fractionDigits,
    });
    formatters.set(key, format);
  }
  return format;
}

/**
 * A compact amount in a currency: 120000 USD -> "$120k", 12500 BRL -> "R$12.5k", 45 USD -> "$45".
 * Annual figures of tens and hundreds of thousands are whole thousands ("$87k", not "$87.5k"): a
 * yearly range is an estimate, and the decimal only adds noise. Monthly ones keep it ("R$12.5k").
 */
export function formatMoney(amount: number, currency: string, options: { annual?: boolean } = {}): string {
  const code = currency.toUpperCase();
  const size = Math.abs(amount);
  const digits = options.annual && size >= 10_000 && size < 1_000_000 ? 0 : 1;
  let text: string;
  try {
    text = formatterFor(code, digits).format(amount);
  } catch {
    // Not an ISO 4217 code Intl knows: name the code rather than fail the page.
    text = `${code} ${new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: digits }).format(amount)}`;
  }
  // Intl writes thousands as "K"; a lowercase "k" reads as a unit, not part of the figure.
  return text.replace(/(\d)K$/, '$1k');
}

function range(min: number | null, max: number | null, currency: string, annual: boolean): string | null {
  const money = (amount: number) => formatMoney(amount, currency, { annual });
  if (min !== null && max !== null) {
    const low = money(min);
    const high = money(max);
    return low === high ? low : `${low}–${high}`;
  }
  if (min !== null) return `from ${money(min)}`;
  if (max !== null) return `up to ${money(max)}`;
  return null;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The salary label, or null when there is no amount to show. US dollars a year read as they are;
 * anything else names its period and, when converted, the annual US dollar equivalent after "≈".
 */
export function salaryLabel(salary: SalaryInput | null): SalaryLabel | null {
  if (!salary) return null;
  const native = range(salary.min, salary.max, salary.currency, salary.period === 'year');
  if (!native) return null;
  const isUsdYear = salary.currency.toUpperCase() === 'USD' && salary.period === 'year';
  if (isUsdYear) {
    const text = capitalize(native);
    return { text, stated: text, converted: null };
  }
  const stated = capitalize(`${native} / ${salary.period}`);
  const usd = range(salary.annualUsdMin, salary.annualUsdMax, 'USD', true);
  if (!usd) return { text: stated, stated, converted: null };
  const converted = salary.period === 'year' ? usd : `${usd} / year`;
  return { text: `${stated} ≈ ${converted}`, stated, converted };
}
