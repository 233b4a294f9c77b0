// Public surface of the search stage: hybrid (dense + BM25) search over the index, and reference lookup.
export { createSearcher, MAX_QUERY_LENGTH } from './searcher.ts';
export type {
  CreateSearcherOptions,
  DenseIndex,
  QueryEmbedder,
  SearchMode,
  SearchOptions,
  SearchResult,
  SearchTimings,
  Searcher,
} from './searcher.ts';
export { type SearchFilters, makePassageFilter, rootKinds } from './filters.ts';
export { createLexicalIndex, LEXICAL_BOOSTS, type LexicalHit, type LexicalIndex, type LexicalIndexOptions, type LexicalSearchOptions } from './lexical.ts';
export { fuse, fuseConvex, RRF_K, type FusedItem, type RankedList } from './fusion.ts';
export { findDraftTwins, DRAFT_TWIN_THRESHOLD, type DraftTwin } from './drafts.ts';
export { analyzeFrench, foldText, lightStem, tokenize } from './french.ts';
export {
  parseReference,
  formatReference,
  referenceKey,
  type ParsedReference,
  type ReferenceKind,
} from './reference.ts';
export {
  createLookup,
  lookup,
  type Lookup,
  type LookupCorpus,
  type LookupHit,
  type LookupOptions,
  type LookupResult,
} from './lookup.ts';
export { createDocumentMatcher, compareDocuments, type DocumentMatcher } from './documents.ts';
export { isReferenceQuestion } from './question.ts';
export { frenchCounterparts, counterpartsOf } from './lexicon.ts';
export { reportWords, synonymEntries } from './synonyms.ts';
export { STOP_WORDS } from './stopwords.ts';
