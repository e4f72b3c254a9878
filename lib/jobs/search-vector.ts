/**
 * How `jobs.search` (tsvector) is built. The writer computes it in the same statement that writes the
 * row, so Postgres search never lags behind the data and needs no sync step.
 *
 *   A  title
 *   B  company name + tags
 *   C  description text (first 100,000 characters)
 *
 * The text search configuration is 'english' (stemming: "engineers" finds "Engineer"). Queries must
 * use the same configuration (`websearch_to_tsquery(SEARCH_TEXT_CONFIG, ...)`), or stems will not match.
 */

/** The text search configuration of `jobs.search`. Pass it as `${SEARCH_TEXT_CONFIG}::regconfig`. */
export const SEARCH_TEXT_CONFIG = 'english';

/** Characters of description text indexed; longer descriptions are boilerplate by then. */
export const SEARCH_DESCRIPTION_CHARS = 100_000;
