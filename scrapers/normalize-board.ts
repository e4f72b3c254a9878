/**
 * Normalizing one board's postings for the writer: each valid one is normalized and prepared
 * (`postingRowText`: content hash and staging row; `packRows`: the whole board in one buffer), each
 * invalid one becomes a reason it was skipped. Runs on the main thread or in the pool's worker threads
 * (normalize-pool.ts).
 */
import { packRows, postingRowText, type PostingRowText, type PreparedPosting } from '../lib/jobs';
import { InvalidPostingError, normalizePosting, type NormalizeContext } from '../lib/normalize';
import type { RawPosting } from './types';

export interface NormalizedBoard {
  postings: PreparedPosting[];
  /** Why each skipped posting was skipped. */
  skipReasons: string[];
}

export function normalizeBoard(context: NormalizeContext, raws: readonly RawPosting[]): NormalizedBoard {
  const company = { slug: context.companySlug, name: context.companyName };
  const rows: PostingRowText[] = [];
  const skipReasons: string[] = [];
  for (const raw of raws) {
    try {
      const normalized = normalizePosting(raw, context);
      if (normalized.externalId === '') {
        throw new InvalidPostingError('', 'title', `Posting "${normalized.title}" has no id`);
      }
      rows.push(postingRowText({ ...normalized, raw }, company));
    } catch (error) {
      // Normalization only throws InvalidPostingError by contract; anything else (there, or a value
      // the staging row cannot carry) is a bug, and one bad posting must not cost the board's others.
      skipReasons.push(
        error instanceof InvalidPostingError
          ? error.message
          : `normalizing failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return { postings: packRows(rows), skipReasons };
}
