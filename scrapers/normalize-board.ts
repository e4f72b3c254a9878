/**
 * Normalizing one board's postings for the writer: each valid one is normalized and prepared
 * (`prepareBoard`: content hash and staging row, the whole board in one buffer), each invalid one
 * becomes a reason it was skipped. Runs on the main thread or in the pool's worker threads
 * (normalize-pool.ts).
 */
import { prepareBoard, type PostingToWrite, type PreparedPosting } from '../lib/jobs';
import { InvalidPostingError, normalizePosting, type NormalizeContext } from '../lib/normalize';
import type { RawPosting } from './types';

export interface NormalizedBoard {
  postings: PreparedPosting[];
  /** Why each skipped posting was skipped. */
  skipReasons: string[];
}

export function normalizeBoard(context: NormalizeContext, raws: readonly RawPosting[]): NormalizedBoard {
  const postings: PostingToWrite[] = [];
  const skipReasons: string[] = [];
  for (const raw of raws) {
    try {
      const normalized = normalizePosting(raw, context);
      if (normalized.externalId === '') {
        throw new InvalidPostingError('', 'title', `Posting "${normalized.title}" has no id`);
      }
      postings.push({ ...normalized, raw });
    } catch (error) {
      // Normalization only throws InvalidPostingError by contract; anything else is a bug in it, and
      // one bad posting must not cost the board's other postings.
      skipReasons.push(
        error instanceof InvalidPostingError
          ? error.message
          : `normalizing failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  const company = { slug: context.companySlug, name: context.companyName };
  return { postings: prepareBoard(postings, company), skipReasons };
}
