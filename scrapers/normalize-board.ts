/**
 * Normalizing one board's postings: each valid one becomes a `PostingToWrite`, each invalid one a
 * reason it was skipped. Runs on the main thread or in the pool's worker threads (normalize-pool.ts).
 */
import type { PostingToWrite } from '../lib/jobs';
import { InvalidPostingError, normalizePosting, type NormalizeContext } from '../lib/normalize';
import type { RawPosting } from './types';

export interface NormalizedBoard {
  postings: PostingToWrite[];
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
  return { postings, skipReasons };
}
