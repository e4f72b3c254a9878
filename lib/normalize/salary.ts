/**
 * Salary parsing: structured ATS fields and free text ("$120k–$150k", "40.000 - 50.000 EUR brutto/Jahr")
 * to `Salary` with annual US dollar figures. Pure functions; hostile input never throws.
 *
 * The rule that matters most: no salary stated -> null, never a guess. A figure only counts when it
 * carries a currency (itself or the other end of its range), is not followed by "%", "years",
 * "stipend", "in funding"..., and lands in a plausible band once annualized. See README.md
 * ("Salary") for the heuristics and their reasons.
 */
import type { StructuredSalary } from './raw-posting';
import { KNOWN_CURRENCIES, USD_PER_UNIT, toAnnualUsd } from './fx-rates';
import type { Salary, SalaryPeriod } from './types';

/** Free-text salary fields are short; anything longer is a description and is cut here. */
const MAX_SALARY_TEXT = 10_000;
/** How much of a description is searched for salary keywords (salaries often sit at the end). */
const MAX_DESCRIPTION_SCAN = 200_000;
/** How many keyword hits are examined, and how far after each one a figure may appear. */
const MAX_KEYWORD_HITS = 60;
const KEYWORD_WINDOW = 260;
/** Figures examined per text: a pathological input full of numbers stops here. */
const MAX_TOKENS = 400;

/** A plausible year of pay in US dollars. Outside this band a figure is a budget, a fee or a typo. */
const MIN_ANNUAL_USD = 1_000;
const MAX_ANNUAL_USD = 2_000_000;
/** Text ranges whose ends differ more than this are two unrelated figures ("$5 and $500k"). */
const MAX_RANGE_RATIO = 10;

// ---------------------------------------------------------------------------------------------
// Currency vocabulary

/** Prefix symbols, longest first so "CA$" wins over "$". "$" alone means US dollars. */
const PREFIX_SYMBOLS: ReadonlyArray<readonly [string, string]> = [
  ['US$', 'USD'],
  ['CAD$', 'CAD'],
  ['CA$', 'CAD'],
  ['C$', 'CAD'],
  ['AUD$', 'AUD'],
  ['AU$', 'AUD'],
  ['A$', 'AUD'],
  ['NZ$', 'NZD'],
  ['R$', 'BRL'],
  ['SG$', 'SGD'],
  ['S$', 'SGD'],
  ['HK$', 'HKD'],
  ['MX$', 'MXN'],
  ['NT$', 'TWD'],
  ['CN¥', 'CNY'],
  ['JP¥', 'JPY'],
  ['Rs.', 'INR'],
  ['Rs', 'INR'],
  ['Fr.', 'CHF'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₪', 'ILS'],
  ['₺', 'TRY'],
  ['₦', 'NGN'],
  ['₱', 'PHP'],
  ['₫', 'VND'],
  ['₴', 'UAH'],
];

/** Symbols written after the amount ("120.000 €", "8 000 zł", "50 000 $" in Québec). */
const SUFFIX_SYMBOLS: ReadonlyArray<readonly [string, string]> = [
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['$', 'USD'],
  ['₹', 'INR'],
  ['₺', 'TRY'],
  ['₩', 'KRW'],
  ['zł', 'PLN'],
  ['Kč', 'CZK'],
  ['Ft', 'HUF'],
  ['lei', 'RON'],
  ['TL', 'TRY'],
  ['円', 'JPY'],
  ['元', 'CNY'],
];

/** Currency words and non-ISO abbreviations. "pounds" is left out on purpose: "lift 50 pounds". */
const CURRENCY_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['RMB', 'CNY'],
  ['NIS', 'ILS'],
  ['euros', 'EUR'],
  ['Euros', 'EUR'],
  ['EUROS', 'EUR'],
  ['euro', 'EUR'],
  ['Euro', 'EUR'],
  ['EURO', 'EUR'],
  ['dollars', 'USD'],
  ['Dollars', 'USD'],
  ['rupees', 'INR'],
  ['Rupees', 'INR'],
];

const SYMBOL_TO_CODE = new Map<string, string>([...PREFIX_SYMBOLS, ...SUFFIX_SYMBOLS, ...CURRENCY_WORDS]);

/** Currencies whose unit is small enough that salaries are quoted in millions (¥6M, IDR 15 million). */
const MILLIONS_ARE_PLAUSIBLE = (code: string) => (USD_PER_UNIT[code] ?? 1) < 0.05;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: Iterable<string>) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');

const CODE_ALT = alternation([...KNOWN_CURRENCIES, ...CURRENCY_WORDS.map(([w]) => w)]);
const PREFIX_ALT = alternation(PREFIX_SYMBOLS.map(([s]) => s));
const SUFFIX_ALT = alternation(SUFFIX_SYMBOLS.map(([s]) => s));

/**
 * Multipliers after a figure. Order matters inside the alternation: longer words first. "m"/"M" is
 * million ("$50M"), which is why such figures are rejected for most currencies.
 */
const MULTIPLIERS: ReadonlyArray<readonly [string, number]> = [
  ['thousand', 1e3],
  ['millions', 1e6],
  ['million', 1e6],
  ['billion', 1e9],
  ['crores', 1e7],
  ['crore', 1e7],
  ['lakhs', 1e5],
  ['lakh', 1e5],
  ['lacs', 1e5],
  ['lac', 1e5],
  ['LPA', 1e5],
  ['mil', 1e6],
  ['mn', 1e6],
  ['MM', 1e6],
  ['bn', 1e9],
  ['Cr', 1e7],
  ['cr', 1e7],
  ['k', 1e3],
  ['K', 1e3],
  ['m', 1e6],
  ['M', 1e6],
  ['b', 1e9],
  ['B', 1e9],
  ['L', 1e5],
];
const MULTIPLIER_VALUE = new Map(MULTIPLIERS);

/**
 * A number as salaries are written. Three forms, tried in order:
 * - Indian grouping "12,00,000" (lakhs);
 * - thousands groups separated by "," "." "'" or a space: "120,000", "120.000" (European), "120'000"
 *   (Swiss), "120 000" (French);
 * - plain digits, at most 9 so a run of a million digits is not one "number".
 * Then optional decimals of one or two digits ("60.50", "1.5k"). Every quantifier is bounded, so the
 * scan stays linear on hostile input.
 */
const NUMBER = String.raw`\d{1,3}(?:,\d{2}){1,3},\d{3}|\d{1,3}(?:[,.' ’]\d{3}){1,4}|\d{1,9}`;

const AMOUNT = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])` +
    String.raw`(?:(?<code1>${CODE_ALT})\s?)?` +
    String.raw`(?:(?<sym1>${PREFIX_ALT})\s?)?` +
    String.raw`(?<num>${NUMBER})(?:[.,](?<frac>\d{1,2}))?(?![\d])` +
    String.raw`(?:\s?(?<mult>${alternation(MULTIPLIERS.map(([m]) => m))})(?![\p{L}]))?` +
    String.raw`(?:\s?(?<sym2>${SUFFIX_ALT})(?![\p{L}]))?` +
    String.raw`(?:\s?(?<code2>${CODE_ALT})(?![\p{L}]))?`,
  'gu',
);

/** What may stand between the two ends of a range. */
const RANGE_GAP = /^\s*(?:-|~|to|and|bis|à|au|a|hasta|até|tot)\s*$/i;

/** A bare figure followed by one of these counts something else ("3-5 years", "40 hours", "10%"). */
const NOT_MONEY_AFTER =
  /^\s*(?:%|percent|\+?\s*(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|employees|people|engineers|members|countries|customers|users)\b)/i;

/** Words right after a figure that make it something other than pay ("$5,000 signing bonus", "$1B company"). */
const NOT_SALARY_AFTER =
  /^[\s/]*(?:[\p{L}-]+[\s/]+){0,3}?(?:stipend|budget|allowance|signing|sign-on|bonus|credit|credits|reimburse\w*|grants?|funding|raised|valuation|revenue|ARR|MRR|GMV|AUM|company|business|industry|market|customers|users|investments?|round|gift|voucher|referral|prize|donation|fund|in\s+sales)\b/iu;

/** Words shortly before a figure, in the same sentence, that make it something other than pay. */
const NOT_SALARY_BEFORE =
  /\b(?:raised|raising|funding|funded|valuation|valued|revenue|ARR|MRR|GMV|AUM|series\s+[a-f]|backed|invested|investment|stipend|allowance|budget|reimburse\w*|grant|bonus|donat\w+|worth|spend|spent|prize)\b[^.\n]*$/i;

const MAX_QUALIFIER =
  /\b(?:up\s+to|upto|max(?:imum)?\.?|as\s+much\s+as|no\s+more\s+than|not\s+more\s+than|bis\s+zu|jusqu'?à|hasta|até)\s*:?\s*$/i;
const MIN_QUALIFIER =
  /\b(?:from|starting\s+(?:at|from)|starts\s+at|min(?:imum)?\.?|at\s+least|no\s+less\s+than|not\s+less\s+than|ab|à\s+partir\s+de|a\s+partir\s+de|desde|over|above|more\s+than|in\s+excess\s+of)\s*:?\s*$/i;

// ---------------------------------------------------------------------------------------------
// Periods

/**
 * Period markers right after a figure, possibly after filler ("brutto/Jahr", "gross per annum",
 * "(annual)"). The filler loop consumes one character or one word per step so it cannot backtrack
 * exponentially.
 */
const PERIOD_AFTER = new RegExp(
  String.raw`^(?:[\s,:;(\[\-]|(?:gross|brutto|bruto|brut|netto|net|base|salary|pay|OTE|total|pre-tax|before\s+tax|DOE|USD|EUR|GBP|CAD)\b)*` +
    '(?:' +
    String.raw`(?<hour>/\s*(?:h|hr|hrs|hour|std|stunde)\b|(?:per|an|a|each|pro|par|por)\s+(?:hour|hr|stunde|heure|hora)\b|hourly\b|stündlich)` +
    String.raw`|(?<day>/\s*(?:d|day|tag|jour|día|dia)\b|(?:per|a|each|pro|par|por)\s+(?:day|tag|jour|día|dia)\b|daily\b|day\s+rate\b|per\s+diem\b|täglich)` +
    String.raw`|(?<week>/\s*(?:w|wk|week|woche)\b|(?:per|a|each|pro|par|por)\s+(?:week|woche|semaine|semana)\b|weekly\b|wöchentlich)` +
    String.raw`|(?<month>/\s*(?:m|mo|mth|month|monat|mois|mes)\b|(?:per|a|each|pro|par|por|al|im)\s+(?:month|monat|mois|mes|mês)\b|monthly\b|monatlich|mensuel|mensual|mensal)` +
    String.raw`|(?<year>/\s*(?:y|yr|year|jahr|an|année|año|ano|annum|pa)\b|(?:per|a|each|pro|par|por|al|im)\s+(?:year|yr|annum|jahr|an|année|año|ano)\b|yearly\b|annually\b|annual\b|annum\b|p\.?\s?a\.?(?![\p{L}])|jährlich|anual|annuel|LPA\b)` +
    ')',
  'iu',
);

/** Period words before a figure in the same clause ("Hourly rate: $50-$60", "monthly salary of R$ 8.000"). */
const PERIOD_BEFORE: ReadonlyArray<readonly [RegExp, SalaryPeriod]> = [
  [/\b(?:hourly|per\s+hour|stundenlohn|stundensatz)\b[^.\n;]*$/i, 'hour'],
  [/\b(?:day\s+rate|daily\s+rate|daily|per\s+day|tagessatz)\b[^.\n;]*$/i, 'day'],
  [/\b(?:weekly|per\s+week)\b[^.\n;]*$/i, 'week'],
  [/\b(?:monthly|per\s+month|monatsgehalt|monatlich|mensual|mensuel)\b[^.\n;]*$/i, 'month'],
  [/\b(?:annual|annually|yearly|per\s+annum|per\s+year|jahresgehalt|ctc)\b[^.\n;]*$/i, 'year'],
];

/**
 * The period when the text names none, from the size of the larger figure in US dollars:
 * - >= 12,000: a year (salaries are quoted annually in most of the world);
 * - 1,000 to 12,000: a month (German, Brazilian, Indian and Polish ads quote monthly pay);
 * - 5 to 250: an hour (no annual or monthly pay is that small);
 * - < 5: too small to be pay in any unit ("$1") -> not a salary;
 * - 250 to 1,000: too ambiguous (a UK day rate? a monthly wage in rupees?) -> not a salary.
 */
function periodFromMagnitude(largest: number, currency: string): SalaryPeriod | null {
  const usd = largest * (USD_PER_UNIT[currency] ?? 1);
  if (usd >= 12_000) return 'year';
  if (usd >= 1_000) return 'month';
  if (usd >= 5 && usd < 250) return 'hour';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Tokens and candidates

interface Amount {
  start: number;
  end: number;
  value: number;
  /** The multiplier's factor when one was written ("k" -> 1000). */
  multiplier: number | null;
  /** "million"/"billion"-sized multipliers, implausible for pay in most currencies. */
  large: boolean;
  currency: string | null;
  /** The currency is only a bare "$", which the other end of a range may name more precisely. */
  bareDollar: boolean;
}

function readAmount(match: RegExpExecArray): Amount | null {
  const groups = match.groups ?? {};
  const digits = (groups.num ?? '').replace(/\D/g, '');
  if (digits === '') return null;
  let value = Number(digits);
  if (groups.frac) value += Number(groups.frac) / 10 ** groups.frac.length;
  const multiplier = groups.mult ? (MULTIPLIER_VALUE.get(groups.mult) ?? null) : null;
  if (multiplier !== null) value *= multiplier;
  const code = groups.code1 ?? groups.code2;
  const symbol = groups.sym1 ?? groups.sym2;
  // An explicit code beats a symbol: "CAD $120,000" and "$120,000 AUD" are not US dollars.
  const currency = code
    ? (SYMBOL_TO_CODE.get(code) ?? code)
    : symbol
      ? (SYMBOL_TO_CODE.get(symbol) ?? null)
      : null;
  // "12 LPA" (lakhs per annum) is Indian rupees even without a symbol.
  const impliedCurrency = currency ?? (groups.mult === 'LPA' ? 'INR' : null);
  return {
    start: match.index,
    end: match.index + match[0].length,
    value,
    multiplier,
    large:
      multiplier !== null &&
      multiplier >= 1e6 &&
      !['crore', 'crores', 'Cr', 'cr'].includes(groups.mult ?? ''),
    currency: impliedCurrency,
    bareDollar: !code && symbol === '$',
  };
}

function tokenize(text: string): Amount[] {
  const amounts: Amount[] = [];
  AMOUNT.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (amounts.length < MAX_TOKENS && (match = AMOUNT.exec(text)) !== null) {
    const amount = readAmount(match);
    if (!amount) continue;
    const after = text.slice(amount.end, amount.end + 30);
    if (amount.currency === null) {
      // "401k" is a retirement plan, "3-5 years" is experience: neither may pair into a range.
      if (/^401\s?k$/i.test(match[0].trim()) || NOT_MONEY_AFTER.test(after)) continue;
    } else if (/^\s*%/.test(after)) {
      continue;
    }
    amounts.push(amount);
  }
  return amounts;
}

/** The clause before `index`: back to the last sentence end, newline or semicolon, at most 60 chars. */
function clauseBefore(text: string, index: number): string {
  const window = text.slice(Math.max(0, index - 60), index);
  const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(';'), window.search(/[.!?]\s[^.!?]*$/));
  return cut >= 0 ? window.slice(cut + 1) : window;
}

/** Text after `index` up to the end of the line, at most 60 chars. */
function clauseAfter(text: string, index: number): string {
  const window = text.slice(index, index + 60);
  const newline = window.indexOf('\n');
  return newline >= 0 ? window.slice(0, newline) : window;
}

/** Text after a figure up to "+", "plus", "and", "with" or ",": "$120k base + bonus" must stay a salary. */
function tailBeforeConjunction(after: string): string {
  const cut = after.search(/[+,;(&]|\b(?:plus|and|with)\b/i);
  return cut >= 0 ? after.slice(0, cut) : after;
}

function detectPeriod(before: string, after: string): SalaryPeriod | null {
  const groups = PERIOD_AFTER.exec(after)?.groups;
  if (groups) {
    for (const period of ['hour', 'day', 'week', 'month', 'year'] as const) {
      if (groups[period] !== undefined) return period;
    }
  }
  for (const [pattern, period] of PERIOD_BEFORE) {
    if (pattern.test(before)) return period;
  }
  return null;
}

const roundCents = (n: number) => Math.round(n * 100) / 100;

/** Adds the annual US dollar figures (whole dollars) to a parsed salary. */
export function annualize(salary: Pick<Salary, 'min' | 'max' | 'currency' | 'period'>): Salary {
  return {
    min: salary.min,
    max: salary.max,
    currency: salary.currency,
    period: salary.period,
    annualUsdMin: salary.min === null ? null : toAnnualUsd(salary.min, salary.currency, salary.period),
    annualUsdMax: salary.max === null ? null : toAnnualUsd(salary.max, salary.currency, salary.period),
  };
}

/** True when every known annual USD figure lies in the plausible band. Unknown currencies pass. */
function isPlausible(salary: Salary): boolean {
  return [salary.annualUsdMin, salary.annualUsdMax].every(
    (usd) => usd === null || (usd >= MIN_ANNUAL_USD && usd <= MAX_ANNUAL_USD),
  );
}

/** Turns one figure, or two as a range, into a salary if the surrounding text allows it. */
function candidate(text: string, first: Amount, second: Amount | null): Salary | null {
  const low = first;
  const high = second;
  let currency = low.currency ?? high?.currency ?? null;
  if (currency === null) return null;
  if (high && low.currency && high.currency && low.currency !== high.currency) {
    // "CAD $95,000 - $115,000", "$130,000 - $150,000 AUD": the code names the dollar for both ends.
    if (low.bareDollar) currency = high.currency;
    else if (!high.bareDollar) return null;
  }
  if ((low.large || high?.large) && !MILLIONS_ARE_PLAUSIBLE(currency)) return null;

  let lowValue = low.value;
  let highValue = high?.value ?? null;
  if (high && highValue !== null) {
    // "100-130K USD", "$120-150k": one multiplier written once applies to both ends.
    if (low.multiplier === null && high.multiplier !== null) {
      const scaled = lowValue * high.multiplier;
      if (scaled * MAX_RANGE_RATIO >= highValue && scaled <= highValue * MAX_RANGE_RATIO) lowValue = scaled;
    } else if (high.multiplier === null && low.multiplier !== null) {
      const scaled = highValue * low.multiplier;
      if (scaled * MAX_RANGE_RATIO >= lowValue && scaled <= lowValue * MAX_RANGE_RATIO) highValue = scaled;
    }
    if (lowValue > highValue) [lowValue, highValue] = [highValue, lowValue];
    if (lowValue <= 0 || highValue > lowValue * MAX_RANGE_RATIO) return null;
  } else if (lowValue <= 0) {
    return null;
  }

  const start = Math.min(first.start, second?.start ?? first.start);
  const end = Math.max(first.end, second?.end ?? first.end);
  const before = clauseBefore(text, start);
  const after = clauseAfter(text, end);
  if (NOT_SALARY_BEFORE.test(before) || NOT_SALARY_AFTER.test(tailBeforeConjunction(after))) return null;

  let min: number | null = lowValue;
  let max: number | null = highValue ?? lowValue;
  if (!high) {
    if (MAX_QUALIFIER.test(before)) min = null;
    else if (MIN_QUALIFIER.test(before) || /^\s?\+(?!\s*(?:equity|bonus|benefits|commission))/i.test(after))
      max = null;
  }

  const period =
    detectPeriod(before, after) ??
    (first.multiplier === 1e5 && currency === 'INR' ? 'year' : null) ??
    periodFromMagnitude(Math.max(min ?? 0, max ?? 0), currency);
  if (period === null) return null;

  const salary = annualize({
    min: min === null ? null : roundCents(min),
    max: max === null ? null : roundCents(max),
    currency,
    period,
  });
  return isPlausible(salary) ? salary : null;
}

/** The first salary in `text` (already cleaned), trying each figure as a range start, then alone. */
function firstSalary(text: string): Salary | null {
  const amounts = tokenize(text);
  for (let i = 0; i < amounts.length; i++) {
    const amount = amounts[i]!;
    const next = amounts[i + 1];
    if (next && RANGE_GAP.test(text.slice(amount.end, next.start))) {
      const range = candidate(text, amount, next);
      if (range) return range;
    }
    if (amount.currency !== null) {
      const single = candidate(text, amount, null);
      if (single) return single;
    }
  }
  return null;
}

/** Unicode compatibility forms folded (full-width digits, "＄"), every dash made "-", odd spaces made " ". */
function clean(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
}

/**
 * Parses a salary from a short text meant to state one (Lever salaryDescriptionPlain, Ashby
 * compensationTierSummary, an HTML board's salary cell). The first salary-looking phrase wins.
 *
 * @example parseSalaryText('$120k–$150k') // { min: 120000, max: 150000, currency: 'USD', period: 'year', ... }
 * @returns null when no figure with a currency and a plausible size is found.
 */
export function parseSalaryText(text: string | null | undefined): Salary | null {
  if (typeof text !== 'string' || text.trim() === '') return null;
  return firstSalary(clean(text.slice(0, MAX_SALARY_TEXT)));
}

/** Words that announce pay in job descriptions (English, German, French, Spanish, Portuguese, Italian). */
const SALARY_KEYWORD =
  /\b(?:salary|salaries|compensation|pay|paid|wage|wages|rate|range|base|OTE|earn|earnings|remuneration|package|total\s+rewards|gehalt|vergütung|jahresgehalt|salaire|rémunération|salario|sueldo|salário|remuneração|stipendio|retribuzione)\b/gi;

/**
 * Finds a salary stated in a description's plain text: the first plausible figure within a short
 * window after a pay keyword ("salary", "compensation", "pay range", "OTE", "Gehalt"...). Figures
 * away from such words (funding rounds, customer counts) are never read.
 */
export function findSalaryInDescription(text: string | null | undefined): Salary | null {
  if (typeof text !== 'string' || text === '') return null;
  const scanned = clean(text.slice(0, MAX_DESCRIPTION_SCAN));
  SALARY_KEYWORD.lastIndex = 0;
  let hits = 0;
  let searchedUpTo = 0;
  let match: RegExpExecArray | null;
  while (hits < MAX_KEYWORD_HITS && (match = SALARY_KEYWORD.exec(scanned)) !== null) {
    hits++;
    // Keywords close together share one window; re-reading it would only repeat the same answer.
    if (match.index < searchedUpTo) continue;
    const windowEnd = Math.min(scanned.length, match.index + KEYWORD_WINDOW);
    const salary = firstSalary(scanned.slice(match.index, windowEnd));
    if (salary) return salary;
    searchedUpTo = Math.max(searchedUpTo, windowEnd - 60);
  }
  return null;
}

/**
 * An ISO 4217 code from an ATS's currency field ("usd", "EUR", "$", "€"); null when unrecognizable.
 * Unknown but well-formed codes are kept: the salary is shown, only its USD conversion is missing.
 */
export function normalizeCurrency(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (/^[A-Za-z]{3}$/.test(trimmed)) return SYMBOL_TO_CODE.get(trimmed) ?? trimmed.toUpperCase();
  return SYMBOL_TO_CODE.get(trimmed) ?? null;
}

/**
 * A period from an ATS's interval word: Lever "per-year-salary"/"per-hour-wage", Ashby "1 YEAR",
 * JSON-LD unitText "MONTH", Recruitee "year", Personio "monthly". "one-time" and unknown words give
 * null.
 */
export function normalizeInterval(value: string | null | undefined): SalaryPeriod | null {
  if (typeof value !== 'string') return null;
  const word = value.toLowerCase();
  if (/one[\s_-]?time|once/.test(word)) return null;
  if (/hour|hr\b|hourly/.test(word)) return 'hour';
  if (/day|daily/.test(word)) return 'day';
  if (/week/.test(word)) return 'week';
  if (/month/.test(word)) return 'month';
  if (/year|annual|annum|yr\b/.test(word)) return 'year';
  return null;
}

const positiveOrNull = (n: number | null | undefined) =>
  typeof n === 'number' && Number.isFinite(n) && n > 0 ? roundCents(n) : null;

/**
 * A salary from an ATS's structured fields (Lever salaryRange, Ashby compensation tiers, Recruitee
 * and Personio salary, JSON-LD baseSalary). A missing currency is taken from `fallbackText` when that
 * text states a salary; a missing interval is inferred from the size of the figures as for text.
 *
 * @returns null when there is no positive figure, no currency, a one-time payment, or figures that
 * are implausible once annualized (a "1" placeholder, a budget).
 */
export function salaryFromStructured(
  structured: StructuredSalary | null | undefined,
  fallbackText?: string | null,
): Salary | null {
  if (!structured) return null;
  let min = positiveOrNull(structured.min);
  let max = positiveOrNull(structured.max);
  if (min === null && max === null) return null;
  if (min !== null && max !== null && min > max) [min, max] = [max, min];

  const currency = normalizeCurrency(structured.currency) ?? parseSalaryText(fallbackText)?.currency ?? null;
  if (currency === null) return null;
  if (structured.interval && /one[\s_-]?time|once/i.test(structured.interval)) return null;
  const period =
    normalizeInterval(structured.interval) ?? periodFromMagnitude(Math.max(min ?? 0, max ?? 0), currency);
  if (period === null) return null;

  const salary = annualize({ min, max, currency, period });
  return isPlausible(salary) ? salary : null;
}
