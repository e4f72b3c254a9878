/** Sources: what the scrape pipeline and the scheduler read and record about each board. */
export {
  getSourceForScrape,
  recordRunStart,
  recordRunFinish,
  listDueSources,
  claimDueSources,
  WORKER_LABEL,
  type SourceForScrape,
  type SourceValidators,
  type RunOutcome,
  type RunStatus,
} from './scrape-state';
export { nextRunAt, MAX_BACKOFF_MS, SCHEDULE_JITTER, type NextRunInput } from './schedule';
export { selectSourcesForScrape, type SelectedSources } from './select';
/**
 * The connection handle, for callers outside lib/ (scrapers/, cli/) that only pass it through to
 * these verbs and lib/jobs: they never query through it themselves.
 */
export { getDatabase, type Database } from '../db/client';
