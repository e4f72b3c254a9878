/**
 * The window of new jobs as bitsets, for matching thousands of distinct saved queries against it.
 *
 * A digest run holds a few thousand new jobs and up to tens of thousands of distinct queries. Testing
 * each job against each query one by one is millions of calls; instead the window
 * keeps, per filter value (a tag, a country, a category...), the set of its jobs as a bitset, so one
 * query is a handful of ANDs and ORs over (jobs / 32) words. Jobs are held newest first, and every
 * filter on time (the search's window start, `posted`) keeps a prefix of them: a length, not a bitset.
 *
 * The rules are the search engine's for one row; window.test.ts checks them against a one-job-at-a-time
 * reference on random jobs and queries, and alerts.int.test.ts against the engine itself.
 */
import type { Bitset } from '../search/listing-index';
import type { JobQuery } from '../search/query';
import type { CandidateJob } from './match';

const DAY_MS = 86_400_000;

/** Sets of the window's jobs by one field's values. */
class ValueSets {
  private readonly sets = new Map<string, Bitset>();

  constructor(private readonly words: number) {}

  add(value: string, position: number): void {
    let bits = this.sets.get(value);
    if (!bits) this.sets.set(value, (bits = new Uint32Array(this.words)));
    bits[position >>> 5]! |= 1 << (position & 31);
  }

  get(value: string): Bitset | undefined {
    return this.sets.get(value);
  }

  /** `target &= (union of the sets of values)`. */
  keepAny(target: Bitset, values: readonly string[], words: number): void {
    if (values.length === 1) {
      const bits = this.sets.get(values[0]!);
      if (!bits) target.fill(0, 0, words);
      else and(target, bits, words);
      return;
    }
    const union = new Uint32Array(words);
    for (const value of values) {
      const bits = this.sets.get(value);
      if (bits) for (let word = 0; word < words; word++) union[word]! |= bits[word]!;
    }
    and(target, union, words);
  }
}

/** The window's jobs, newest first, indexed for matching queries. */
export class JobWindow {
  /** Jobs in the window, newest first (positions in every bitset are indexes into this). */
  readonly jobs: readonly CandidateJob[];
  private readonly words: number;
  private readonly firstSeen: Float64Array;
  private readonly workplace: ValueSets;
  private readonly category: ValueSets;
  private readonly type: ValueSets;
  private readonly seniority: ValueSets;
  private readonly company: ValueSets;
  private readonly tag: ValueSets;
  private readonly country: ValueSets;
  private readonly worldwide: Bitset;
  /** Per time zone asked for: jobs whose window contains it or that state none. */
  private readonly tzSets = new Map<number, Bitset>();
  /** Per salary filter (`salaryMin|salary`): jobs passing it. */
  private readonly salarySets = new Map<string, Bitset>();

  /** @param jobs newest first (first seen descending), as `loadCandidateJobs` returns them. */
  constructor(jobs: readonly CandidateJob[]) {
    this.jobs = jobs;
    this.words = (jobs.length + 31) >>> 5;
    this.firstSeen = Float64Array.from(jobs, (job) => job.firstSeenMs);
    for (let i = 1; i < jobs.length; i++) {
      if (this.firstSeen[i]! > this.firstSeen[i - 1]!) throw new Error('window jobs must be newest first');
    }
    const sets = () => new ValueSets(this.words);
    this.workplace = sets();
    this.category = sets();
    this.type = sets();
    this.seniority = sets();
    this.company = sets();
    this.tag = sets();
    this.country = sets();
    this.worldwide = new Uint32Array(this.words);
    jobs.forEach((job, position) => {
      this.workplace.add(job.workplace, position);
      this.category.add(job.category, position);
      if (job.employmentType !== null) this.type.add(job.employmentType, position);
      if (job.seniority !== null) this.seniority.add(job.seniority, position);
      this.company.add(job.companySlug, position);
      for (const tag of job.tags) this.tag.add(tag, position);
      for (const country of job.countries) this.country.add(country, position);
      if (job.worldwide) this.worldwide[position >>> 5]! |= 1 << (position & 31);
    });
  }

  get size(): number {
    return this.jobs.length;
  }

  /** How many jobs (a prefix) were first seen strictly after `ms`. */
  countAfter(ms: number): number {
    return this.prefixWhile((seen) => seen > ms);
  }

  /**
   * Positions (ascending: newest first) of the jobs first seen strictly after `startMs` that pass
   * every filter of `query` except the text, and are in `text` when it is given.
   */
  match(query: JobQuery, startMs: number, now: Date, text: Bitset | null): number[] {
    let length = this.countAfter(startMs);
    if (query.posted !== null) {
      const since = now.getTime() - query.posted * DAY_MS;
      length = Math.min(
        length,
        this.prefixWhile((seen) => seen >= since),
      );
    }
    if (length === 0) return [];
    const words = (length + 31) >>> 5;
    const bits = new Uint32Array(words).fill(0xffffffff);
    if (length & 31) bits[words - 1] = (1 << (length & 31)) - 1;
    if (text) for (let word = 0; word < words; word++) bits[word]! &= text[word] ?? 0;

    this.workplace.keepAny(bits, query.workplace, words);
    if (query.category.length > 0) this.category.keepAny(bits, query.category, words);
    if (query.type.length > 0) this.type.keepAny(bits, query.type, words);
    if (query.seniority.length > 0) this.seniority.keepAny(bits, query.seniority, words);
    if (query.company.length > 0) this.company.keepAny(bits, query.company, words);
    if (query.tag.length > 0) this.tag.keepAny(bits, query.tag, words);
    if (query.country) {
      // Worldwide jobs, or jobs listing the country.
      const listing = this.country.get(query.country);
      for (let word = 0; word < words; word++) bits[word]! &= this.worldwide[word]! | (listing?.[word] ?? 0);
    }
    if (query.tz !== null) and(bits, this.tzSet(query.tz), words);
    if (query.salaryMin !== null || query.salary === 'stated') and(bits, this.salarySet(query), words);

    const positions: number[] = [];
    for (let word = 0; word < words; word++) {
      let rest = bits[word]!;
      while (rest !== 0) {
        const low = rest & -rest;
        positions.push((word << 5) + 31 - Math.clz32(low));
        rest ^= low;
      }
    }
    return positions;
  }

  /** The positions of jobs passing `test`, as a bitset over the window. */
  bitsWhere(test: (job: CandidateJob) => boolean): Bitset {
    const bits = new Uint32Array(this.words);
    this.jobs.forEach((job, position) => {
      if (test(job)) bits[position >>> 5]! |= 1 << (position & 31);
    });
    return bits;
  }

  /** Length of the longest prefix whose first-seen instants pass `test` (monotone over the order). */
  private prefixWhile(test: (firstSeenMs: number) => boolean): number {
    let low = 0;
    let high = this.firstSeen.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (test(this.firstSeen[middle]!)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private tzSet(tz: number): Bitset {
    let bits = this.tzSets.get(tz);
    if (!bits) {
      bits = this.bitsWhere(
        (job) => job.tzMin === null || job.tzMax === null || (tz >= job.tzMin && tz <= job.tzMax),
      );
      this.tzSets.set(tz, bits);
    }
    return bits;
  }

  private salarySet(query: JobQuery): Bitset {
    const key = `${query.salaryMin}|${query.salary}`;
    let bits = this.salarySets.get(key);
    if (!bits) {
      const { salaryMin, salary } = query;
      bits = this.bitsWhere((job) =>
        salaryMin !== null
          ? job.salaryTop === null
            ? salary !== 'stated'
            : job.salaryTop >= salaryMin
          : job.hasSalary,
      );
      this.salarySets.set(key, bits);
    }
    return bits;
  }
}

function and(target: Bitset, bits: Bitset, words: number): void {
  for (let word = 0; word < words; word++) target[word]! &= bits[word]!;
}
