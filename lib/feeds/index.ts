/** Feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for any search and for each company. */
export {
  buildFeed,
  feedLastModified,
  FEED_FORMATS,
  FEED_CONTENT_TYPES,
  JSON_FEED_VERSION,
  type FeedFormat,
  type FeedInput,
} from './build';
export { FEED_SIZE, feedQuery, loadFeedJobs } from './load';
export {
  serveSearchFeed,
  serveCompanyFeed,
  feedSearchParams,
  companyFeedPath,
  SEARCH_FEED_PATHS,
  FEED_CACHE_CONTROL,
} from './serve';
export { feedItemTitle, jobEligibilityLabel, salaryLabel, tagLabel, categoryLabel } from './labels';
export { stripXmlInvalidCharacters } from './xml-text';
