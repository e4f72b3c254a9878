/** Jobs: the only code that writes the jobs table (see lib/jobs/README.md). */
export {
  writePreparedPostings,
  writeSourcePostings,
  type PostingToWrite,
  type PreparedPosting,
  type SourceForWrite,
  type WriteOptions,
  type WriteResult,
} from './upsert-postings';
export {
  planClosures,
  CONFIRMING_RUNS,
  CONFIRMING_SPAN_MS,
  SUSPICIOUS_SHRINK_RATIO,
  type ClosurePlan,
  type SuspiciousHistory,
} from './plan-closures';
export { SEARCH_TEXT_CONFIG, SEARCH_DESCRIPTION_CHARS } from './search-vector';
export {
  newPublicId,
  packRows,
  postingContentHash,
  postingRowText,
  type PostingRowText,
} from './posting-row';
