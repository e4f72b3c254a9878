/**
 * A normalized posting as the columns of a `jobs` row: the shape the writer stages in Postgres (COPY,
 * one line per row), its content hash, and the random public id of a new row.
 *
 * Preparing a board does everything the writer needs of a posting that does not depend on the
 * database: the content hash and the row's COPY text (`postingRowText`), encoded for the whole board
 * in one buffer (`packRows`; `prepareBoard` does both). The scrape does it where the board was
 * normalized (a worker thread of its pool, which hands the buffer over without copying it), so the
 * writing thread only compares hashes and streams bytes. Only the public id is left for the writer to append, since a collision retries with new ones.
 */
import { createHash, randomBytes } from 'node:crypto';
import { dedupeKey, jobSlug } from '../normalize/identity';
import type { NormalizedPosting } from '../normalize/types';
import { copyFields, jsonText } from './copy-rows';

/** A normalized posting with the source's unnormalized posting kept beside it (jobs.raw). */
export interface PostingToWrite extends NormalizedPosting {
  /** The `RawPosting` the adapter mapped, stored as is to re-normalize without re-scraping. */
  raw: unknown;
}

/** One row of the writer's batch, named as the staging table's columns (`STAGE_COLUMNS`). */
export interface PostingRow {
  external_id: string;
  slug: string;
  dedupe_key: string;
  title: string;
  apply_url: string;
  location_text: string;
  workplace: string;
  worldwide: boolean;
  countries: string[];
  tz_min: number | null;
  tz_max: number | null;
  evidence: string | null;
  employment_type: string | null;
  seniority: string | null;
  category: string;
  tags: string[];
  salary_min: number | null;
  salary_max: number | null;
  salary_currency: string | null;
  salary_period: string | null;
  salary_usd_min: number | null;
  salary_usd_max: number | null;
  description_html: string;
  description_text: string;
  posted_at: string | null;
  content_hash: string;
  /** The raw posting as JSON text. */
  raw: string;
}

/** A posting ready for the writer: its identity, its content hash and its staging row. */
export interface PreparedPosting {
  externalId: string;
  contentHash: string;
  /** UTF-8 COPY text of every `ROW_COLUMNS` value, each followed by a tab: the public id comes last. */
  stageRow: Uint8Array;
}

/** The columns of a prepared row, in COPY order, with their types. */
const ROW_COLUMNS: ReadonlyArray<readonly [keyof PostingRow, string]> = [
  ['external_id', 'text'],
  ['slug', 'text'],
  ['dedupe_key', 'text'],
  ['title', 'text'],
  ['apply_url', 'text'],
  ['location_text', 'text'],
  ['workplace', 'text'],
  ['worldwide', 'boolean'],
  ['countries', 'text[]'],
  ['tz_min', 'real'],
  ['tz_max', 'real'],
  ['evidence', 'text'],
  ['employment_type', 'text'],
  ['seniority', 'text'],
  ['category', 'text'],
  ['tags', 'text[]'],
  ['salary_min', 'double precision'],
  ['salary_max', 'double precision'],
  ['salary_currency', 'text'],
  ['salary_period', 'text'],
  ['salary_usd_min', 'integer'],
  ['salary_usd_max', 'integer'],
  ['description_html', 'text'],
  ['description_text', 'text'],
  ['posted_at', 'timestamptz'],
  ['content_hash', 'text'],
  ['raw', 'jsonb'],
];

/** The writer's staging table: the row's columns, then the public id the writer appends. */
export const STAGE_COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ...ROW_COLUMNS,
  ['public_id', 'text'],
];

/** A posting's hash and staging row as text, before a board's rows are packed (`packRows`). */
export interface PostingRowText {
  externalId: string;
  contentHash: string;
  text: string;
}

/** Hash a posting and write its staging row as COPY text. Throws for a value COPY cannot carry. */
export function postingRowText(
  posting: PostingToWrite,
  company: { slug: string; name: string },
): PostingRowText {
  const contentHash = postingContentHash(posting, company.name);
  const row = toPostingRow(posting, company.slug, contentHash);
  return {
    externalId: posting.externalId,
    contentHash,
    text: copyFields(ROW_COLUMNS.map(([column]) => row[column])),
  };
}

/**
 * Encode a board's rows into one buffer of its own (transferable to another thread; no row shares
 * memory with anything else). Each row is encoded on its own: encoding one long concatenation is
 * far slower (V8 flattens it first).
 */
export function packRows(rows: readonly PostingRowText[]): PreparedPosting[] {
  const buffer = Buffer.allocUnsafeSlow(rows.reduce((sum, row) => sum + Buffer.byteLength(row.text), 0));
  let offset = 0;
  return rows.map(({ externalId, contentHash, text }) => {
    const length = buffer.write(text, offset);
    const stageRow = new Uint8Array(buffer.buffer, buffer.byteOffset + offset, length);
    offset += length;
    return { externalId, contentHash, stageRow };
  });
}

/** Prepare a board's postings for the writer: `postingRowText` for each, then `packRows`. */
export function prepareBoard(
  postings: readonly PostingToWrite[],
  company: { slug: string; name: string },
): PreparedPosting[] {
  return packRows(postings.map((posting) => postingRowText(posting, company)));
}

/** RFC 4648 base32, lowercased: no 0/1/8/9, so ids read unambiguously in URLs. */
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** Random bytes drawn 4 kB at a time: one `randomBytes(5)` call per id cost more than the id's row. */
const entropy = { bytes: Buffer.alloc(0), used: 0 };

function randomBytesFromPool(length: number): Buffer {
  if (entropy.used + length > entropy.bytes.length) {
    entropy.bytes = randomBytes(4096);
    entropy.used = 0;
  }
  entropy.used += length;
  return entropy.bytes.subarray(entropy.used - length, entropy.used);
}

/**
 * A new public id: 8 lowercase base32 characters from 40 random bits. Collisions are possible at
 * scale (a unique constraint catches them and the writer retries with fresh ids), never guessable.
 */
export function newPublicId(): string {
  const bytes = randomBytesFromPool(5);
  // 40 bits: exact in a double, so no BigInt needed.
  let bits = 0;
  for (const byte of bytes) bits = bits * 256 + byte;
  let id = '';
  for (let i = 7; i >= 0; i--) id += BASE32[Math.floor(bits / 2 ** (i * 5)) % 32];
  return id;
}

/**
 * Bumped when what the hash covers changes, so every row is rewritten once (e.g. after the search
 * vector's definition changes).
 */
const CONTENT_HASH_VERSION = 1;

/**
 * sha256 of everything the writer stores from a posting except `raw`: an equal hash means the row
 * would not change, so the writer only touches `last_seen_at`. The company name is included because
 * it is part of the search vector. Fields are listed explicitly so key order cannot change the hash.
 */
export function postingContentHash(posting: NormalizedPosting, companyName: string): string {
  const fields = [
    CONTENT_HASH_VERSION,
    companyName,
    posting.title,
    posting.applyUrl,
    posting.locationText,
    posting.workplace,
    posting.worldwide,
    posting.countries,
    posting.timezone?.minUtcOffset ?? null,
    posting.timezone?.maxUtcOffset ?? null,
    posting.evidence,
    posting.employmentType,
    posting.seniority,
    posting.category,
    posting.tags,
    posting.salary,
    posting.descriptionHtml,
    posting.descriptionText,
    posting.postedAt,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

const wholeOrNull = (value: number | null | undefined) =>
  value === null || value === undefined || !Number.isFinite(value) ? null : Math.round(value);

/**
 * The row for a posting. `slug` (like the public id the writer adds) is only used when the row is
 * inserted: an existing row keeps its own forever.
 */
function toPostingRow(posting: PostingToWrite, companySlug: string, contentHash: string): PostingRow {
  const salary = posting.salary;
  return {
    external_id: posting.externalId,
    slug: jobSlug(posting.title, companySlug),
    dedupe_key: dedupeKey({ companySlug, title: posting.title, eligibility: posting }),
    title: posting.title,
    apply_url: posting.applyUrl,
    location_text: posting.locationText,
    workplace: posting.workplace,
    worldwide: posting.worldwide,
    countries: posting.countries,
    tz_min: posting.timezone?.minUtcOffset ?? null,
    tz_max: posting.timezone?.maxUtcOffset ?? null,
    evidence: posting.evidence,
    employment_type: posting.employmentType,
    seniority: posting.seniority,
    category: posting.category,
    tags: posting.tags,
    salary_min: salary?.min ?? null,
    salary_max: salary?.max ?? null,
    salary_currency: salary?.currency ?? null,
    salary_period: salary?.period ?? null,
    // integer columns: annualized figures are rounded to whole dollars.
    salary_usd_min: wholeOrNull(salary?.annualUsdMin),
    salary_usd_max: wholeOrNull(salary?.annualUsdMax),
    description_html: posting.descriptionHtml,
    description_text: posting.descriptionText,
    posted_at: posting.postedAt,
    content_hash: contentHash,
    raw: jsonText(posting.raw ?? {}),
  };
}
