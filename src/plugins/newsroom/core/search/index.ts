// Search that reads Arabic and Urdu spellings alike (see normalize.ts, stem.ts, query.ts).
export { normalizeForSearch, searchWords } from './normalize';
export { stemWord } from './stem';
export {
  fts5Expression,
  indexTerms,
  matchesTerms,
  MAX_INDEXED_WORDS,
  MAX_QUERY_LENGTH,
  queryProblem,
  queryTerms,
  searchBoxFilter,
  tsqueryExpression,
  tsrankTerms,
  type QueryTerms,
  type SearchOptions,
} from './query';
export { searchSnippet, SNIPPET_SCAN_CHARS } from './snippet';
export { searchableText } from './plain-text';
export {
  searchEntry,
  searchTexts,
  snippetTexts,
  SEARCHED_FIELDS,
  type SearchableRow,
  type SearchKind,
} from './documents';
export {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  readSearchQuery,
  type SearchQuery,
  type SearchQueryReading,
} from './request';
