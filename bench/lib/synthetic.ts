/**
 * Deterministic synthetic boards: the same options always give the same companies, sources, writes
 * and postings, byte for byte, so a seeded benchmark database can be reused while its fingerprint
 * matches and two runs measure the same data.
 *
 * Shape of the data (chosen to look like a real aggregator's, not to flatter any engine):
 * - companies hire in a Zipf-like way: a few boards list hundreds of jobs, most list a handful;
 * - each company has one ATS board; a quarter also publish a careers page (jsonld) re-listing some
 *   of the same jobs, which the writer links as duplicates;
 * - each board is written three times over its first weeks (jobs appear over time, so first-seen
 *   dates spread over two months), and some jobs disappear between writes and are closed;
 * - descriptions are 200-600 words: role duties, requirements naming a few technologies, where the job
 *   can be done from, sometimes a salary, benefits, and prose drawn from a Zipf vocabulary.
 */
import { mulberry32 } from '../../scrapers/sandbox/data';
import type { RawPosting, SourceKind } from '../../scrapers/types';
import {
  AUDIENCES,
  BENEFITS,
  COMMON_WORDS,
  COMPANY_PREFIXES,
  COMPANY_SUFFIXES,
  DEFAULT_PREFIXES,
  DUTIES,
  EMPLOYMENT_TYPE_WORDS,
  PLACES,
  PRIMARY_KINDS,
  PRODUCTS,
  ROLES,
  type PlaceTemplate,
} from './vocabulary';

/** Bump when the generator's output changes, so seeded databases are rebuilt. */
export const SYNTHETIC_VERSION = 1;

export interface SyntheticOptions {
  seed: number;
  /** Open listings wanted in total (duplicates and closed jobs come on top). */
  listings: number;
  companies: number;
  /** Sources in total: one board per company, the rest careers pages of the biggest companies' peers. */
  sources: number;
}

export interface SyntheticSource {
  kind: SourceKind;
  token: string | null;
  url: string | null;
}

export interface SyntheticCompany {
  index: number;
  slug: string;
  name: string;
  /** Jobs open at the end of the company's writes. */
  openJobs: number;
  /** Jobs listed at some point and closed by a later write. */
  closedJobs: number;
  board: SyntheticSource;
  /** A careers page re-listing some of the board's jobs, or null. */
  careersPage: SyntheticSource | null;
}

/** One successful fetch of a source, as the pipeline would write it. */
export interface SyntheticWrite {
  source: 'board' | 'careersPage';
  /** Days before the reference instant the write happens. */
  daysAgo: number;
  postings: RawPosting[];
}

const DAY_MS = 86_400_000;
/** Closed jobs relative to open ones. */
const CLOSED_SHARE = 0.08;
/** Share of a board's open jobs a careers page re-lists. */
const CAREERS_PAGE_SHARE = 0.4;

class Dice {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  float(): number {
    return this.next();
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [item, weight] of items) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return items.at(-1)![0];
  }

  /** Up to `count` distinct items. */
  some<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, items.length)) chosen.add(this.int(0, items.length - 1));
    return [...chosen].map((index) => items[index]!);
  }
}

/** A seed for stream `stream` of `seed` (one per company), so companies are independent of each other. */
function mixSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The companies and their sources; postings are generated per company by `companyWrites`. */
export function syntheticCompanies(options: SyntheticOptions): SyntheticCompany[] {
  const dice = new Dice(mixSeed(options.seed, -1));
  // Zipf-like sizes: weight 1/(rank+5)^0.9, scaled to the wanted total, at least 2 jobs each.
  const weights = Array.from({ length: options.companies }, (_, rank) => 1 / (rank + 5) ** 0.9);
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const sizes = weights.map((weight) => Math.max(2, Math.floor((weight / weightSum) * options.listings)));
  sizes[0]! += options.listings - sizes.reduce((sum, size) => sum + size, 0);

  const names = COMPANY_PREFIXES.flatMap((prefix) => COMPANY_SUFFIXES.map((suffix) => `${prefix} ${suffix}`));
  for (let i = names.length - 1; i > 0; i--) {
    const j = dice.int(0, i);
    [names[i], names[j]] = [names[j]!, names[i]!];
  }
  if (names.length < options.companies) throw new Error(`at most ${names.length} synthetic companies`);

  const careersPages = Math.max(0, options.sources - options.companies);
  return sizes.map((openJobs, index) => {
    const name = names[index]!;
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const kind = dice.weighted(PRIMARY_KINDS);
    // Careers pages go to every (companies / careersPages)-th company, so big and small ones have them.
    const hasCareersPage = careersPages > 0 && index % Math.ceil(options.companies / careersPages) === 0;
    return {
      index,
      slug,
      name,
      openJobs,
      closedJobs: Math.round(openJobs * CLOSED_SHARE),
      board: { kind, token: slug.replace(/-/g, ''), url: null },
      careersPage: hasCareersPage
        ? { kind: 'jsonld', token: null, url: `https://${slug}.example.com/careers` }
        : null,
    };
  });
}

interface JobPlan {
  posting: RawPosting;
  /** The board write (0, 1 or 2) that first lists it. */
  firstWrite: number;
  /** The board write that no longer lists it (it closes), or null when it stays open. */
  closesAtWrite: number | null;
}

/** Every write of one company's sources, in time order (oldest first). */
export function companyWrites(options: SyntheticOptions, company: SyntheticCompany): SyntheticWrite[] {
  const dice = new Dice(mixSeed(options.seed, company.index));
  const words = descriptionVocabulary();
  const product = dice.pick(PRODUCTS);
  const audience = dice.pick(AUDIENCES);
  // Boards appear over the last two months; each is fetched three times a few days apart.
  const firstDay = dice.float() * 60;
  const writeDays = [firstDay, firstDay * 0.6, firstDay * dice.float() * 0.3];

  const jobs: JobPlan[] = [];
  const total = company.openJobs + company.closedJobs;
  for (let n = 0; n < total; n++) {
    const closes = n >= company.openJobs;
    const firstWrite = closes
      ? dice.int(0, 1)
      : dice.weighted([
          [0, 5],
          [1, 3],
          [2, 2],
        ] as const);
    jobs.push({
      posting: syntheticPosting(
        dice,
        words,
        company,
        { product, audience },
        `${company.slug}-${n}`,
        writeDays[firstWrite]!,
      ),
      firstWrite,
      closesAtWrite: closes ? firstWrite + 1 : null,
    });
  }

  const writes: SyntheticWrite[] = writeDays.map((daysAgo, write) => ({
    source: 'board',
    daysAgo,
    postings: jobs
      .filter((job) => job.firstWrite <= write && (job.closesAtWrite === null || job.closesAtWrite > write))
      .map((job) => job.posting),
  }));

  if (company.careersPage) {
    // The careers page re-lists a share of the open jobs under its own ids and URLs, seen between
    // the board's second and third fetches: jobs the board listed earlier are the listings, the
    // others are listed first on the careers page.
    const relisted = jobs.filter((job) => job.closesAtWrite === null && dice.chance(CAREERS_PAGE_SHARE));
    writes.splice(2, 0, {
      source: 'careersPage',
      daysAgo: (writeDays[1]! + writeDays[2]!) / 2,
      postings: relisted.map((job) => ({
        ...job.posting,
        externalId: `page-${job.posting.externalId}`,
        applyUrl: `${company.careersPage!.url}/${job.posting.externalId}`,
        remote: { isRemote: null, workplaceType: null, countryCodes: [] },
        salary: null,
        metadata: {},
      })),
    });
  }
  return writes;
}

/** The instant a write `daysAgo` before `reference` happens. */
export function writeTime(reference: Date, daysAgo: number): Date {
  return new Date(reference.getTime() - daysAgo * DAY_MS);
}

function syntheticPosting(
  dice: Dice,
  words: ZipfVocabulary,
  company: SyntheticCompany,
  pitch: { product: string; audience: string },
  externalId: string,
  daysAgo: number,
): RawPosting {
  const role = dice.weighted(ROLES.map((role) => [role, role.weight] as const));
  const prefix = dice.weighted(role.prefixes ?? DEFAULT_PREFIXES);
  const place = dice.weighted(PLACES.map((place) => [place, place.weight] as const));
  const seniorityPay = /senior|staff|lead|principal|head/i.test(prefix)
    ? 1.3
    : /junior|intern|associate/i.test(prefix)
      ? 0.7
      : 1;
  const title = `${prefix}${role.title}${dice.chance(0.08) ? ` (${place.locations[0]})` : ''}`;
  const skills = dice.some(role.skills, dice.int(1, Math.min(4, role.skills.length)));
  const salary = salaryFor(dice, role.baseUsd * seniorityPay, place);
  const employmentType = dice.weighted(EMPLOYMENT_TYPE_WORDS);

  const paragraphs: string[] = [];
  paragraphs.push(
    `<p>${company.name} builds ${pitch.product} for ${pitch.audience}. ${prose(dice, words, 2)}</p>`,
  );
  paragraphs.push(`<h2>About the role</h2><p>${prose(dice, words, dice.int(2, 5))}</p>`);
  paragraphs.push(
    `<h3>What you will do</h3><ul>${dice
      .some(DUTIES, dice.int(3, 6))
      .map((duty) => `<li>${duty}.</li>`)
      .join('')}</ul>`,
  );
  const requirements = [
    ...(skills.length > 0 ? [`Experience with ${listInWords(skills)}`] : []),
    `${dice.int(2, 8)}+ years of professional experience, or the equivalent`,
    'Clear written communication in English',
  ];
  paragraphs.push(
    `<h3>What we look for</h3><ul>${requirements.map((line) => `<li>${line}.</li>`).join('')}</ul>`,
  );
  paragraphs.push(`<p>${prose(dice, words, dice.int(3, 12))}</p>`);
  if (place.sentences.length > 0 && dice.chance(0.7)) paragraphs.push(`<p>${dice.pick(place.sentences)}</p>`);
  if (salary.inDescription)
    paragraphs.push(`<p>The salary range for this role is ${salary.inDescription}.</p>`);
  paragraphs.push(
    `<h3>Benefits</h3><ul>${dice
      .some(BENEFITS, dice.int(2, 5))
      .map((benefit) => `<li>${benefit}</li>`)
      .join('')}</ul>`,
  );
  // Bring the description to 200-600 words with more prose.
  let count = paragraphs
    .join(' ')
    .replace(/<[^>]+>/g, ' ')
    .split(/\s+/).length;
  const target = dice.int(200, 600);
  while (count < target) {
    const sentences = dice.int(3, 8);
    paragraphs.splice(paragraphs.length - 1, 0, `<p>${prose(dice, words, sentences)}</p>`);
    count += sentences * 13;
  }

  const posted = new Date(Date.UTC(2026, 0, 1) - (daysAgo + dice.float() * 3) * DAY_MS);
  return {
    externalId,
    title,
    applyUrl: `https://jobs.example.com/${company.slug}/${externalId}`,
    locations: [...place.locations],
    descriptionHtml: paragraphs.join('\n'),
    department: role.department,
    team: null,
    employmentType,
    seniority: null,
    postedAt: dice.chance(0.7) ? posted.toISOString() : null,
    updatedAt: null,
    remote: {
      isRemote: place.workplaceType === 'remote' ? true : place.workplaceType === null ? null : false,
      workplaceType: dice.chance(0.6) ? place.workplaceType : null,
      countryCodes: [],
    },
    salary: salary.structured,
    salaryText: salary.text,
    tags: [],
    metadata: {},
  };
}

function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

interface SalaryPlan {
  structured: RawPosting['salary'];
  text: string | null;
  inDescription: string | null;
}

/** About 45% of postings state pay: as structured ATS fields, as a salary text, or in the description. */
function salaryFor(dice: Dice, usdBase: number, place: PlaceTemplate): SalaryPlan {
  const none: SalaryPlan = { structured: null, text: null, inDescription: null };
  if (!dice.chance(0.45)) return none;
  const local = usdBase * place.payFactor * (0.8 + dice.float() * 0.4);
  const hourly = dice.chance(0.08);
  const round = hourly ? 1 : 1000;
  const min = Math.round((hourly ? local / 2080 : local) / round) * round;
  const max = Math.round((min * (1.15 + dice.float() * 0.25)) / round) * round;
  const symbol =
    { USD: '$', EUR: '€', GBP: '£', CAD: 'CA$', AUD: 'A$', BRL: 'R$', INR: '₹' }[place.currency] ?? '';
  const number = (value: number) => value.toLocaleString('en-US');
  const period = hourly ? 'per hour' : dice.pick(['per year', 'a year', 'annually', '/yr']);
  const text = `${symbol}${number(min)} - ${symbol}${number(max)} ${period}`;
  switch (dice.int(0, 2)) {
    case 0:
      return {
        structured: {
          min,
          max,
          currency: place.currency,
          interval: hourly ? 'per-hour-wage' : 'per-year-salary',
        },
        text: null,
        inDescription: null,
      };
    case 1:
      return {
        structured: null,
        text:
          hourly || place.currency !== 'USD' || dice.chance(0.5)
            ? text
            : `$${Math.round(min / 1000)}k–$${Math.round(max / 1000)}k`,
        inDescription: null,
      };
    default:
      return { ...none, inDescription: text };
  }
}

// ---- Prose --------------------------------------------------------------------------------------

interface ZipfVocabulary {
  words: readonly string[];
  /** Cumulative probabilities, for a binary search. */
  cumulative: Float64Array;
}

/** Size of the description vocabulary: a few hundred common words, then generated rare ones. */
const VOCABULARY_SIZE = 12_000;

let vocabulary: ZipfVocabulary | null = null;

/** The description vocabulary with Zipf weights (s = 1.05): word r is drawn with p ∝ 1 / r^1.05. */
function descriptionVocabulary(): ZipfVocabulary {
  if (vocabulary) return vocabulary;
  const dice = new Dice(0x5eed);
  const onsets = [
    'b',
    'c',
    'd',
    'f',
    'g',
    'h',
    'j',
    'k',
    'l',
    'm',
    'n',
    'p',
    'r',
    's',
    't',
    'v',
    'w',
    'z',
    'br',
    'cl',
    'st',
    'tr',
    'pl',
    'gr',
  ];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ea'];
  const codas = ['', '', 'n', 'r', 'l', 's', 't', 'm', 'nd', 'st'];
  const words = [...COMMON_WORDS];
  const seen = new Set(words);
  while (words.length < VOCABULARY_SIZE) {
    let word = '';
    for (let syllables = dice.int(2, 4); syllables > 0; syllables--) {
      word += dice.pick(onsets) + dice.pick(vowels) + dice.pick(codas);
    }
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  const cumulative = new Float64Array(words.length);
  let sum = 0;
  for (let rank = 0; rank < words.length; rank++) cumulative[rank] = sum += 1 / (rank + 1) ** 1.05;
  for (let rank = 0; rank < words.length; rank++) cumulative[rank]! /= sum;
  vocabulary = { words, cumulative };
  return vocabulary;
}

function zipfWord(dice: Dice, vocabulary: ZipfVocabulary): string {
  const roll = dice.float();
  let low = 0;
  let high = vocabulary.cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (vocabulary.cumulative[middle]! < roll) low = middle + 1;
    else high = middle;
  }
  return vocabulary.words[low]!;
}

/** `sentences` sentences of 8-18 Zipf words each. */
function prose(dice: Dice, vocabulary: ZipfVocabulary, sentences: number): string {
  const out: string[] = [];
  for (let s = 0; s < sentences; s++) {
    const words: string[] = [];
    for (let w = dice.int(8, 18); w > 0; w--) words.push(zipfWord(dice, vocabulary));
    const sentence = words.join(' ');
    out.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
  }
  return out.join(' ');
}
