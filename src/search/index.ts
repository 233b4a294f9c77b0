// Public surface of the search stage: hybrid (dense + BM25) search over the index, and reference lookup.
export { createSearcher, type SearchResult, type Searcher } from './searcher.ts';
export { makePassageFilter, rootKinds, type SearchFilters } from './filters.ts';
export { findDraftTwins } from './drafts.ts';
export { foldText, lightStem, tokenize } from './french.ts';
export { memoByText } from './text-memo.ts';
export { parseReference, formatReference } from './reference.ts';
export { createLookup, type LookupHit, type LookupResult } from './lookup.ts';
export { isReferenceQuestion, MAX_QUESTION_LENGTH } from './question.ts';
export { counterpartsOf, frenchCounterparts } from './lexicon.ts';
export { reportWords } from './synonyms.ts';
export { STOP_WORDS } from './stopwords.ts';
