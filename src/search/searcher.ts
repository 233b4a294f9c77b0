// Hybrid search: dense k-NN over the question's embedding + BM25, fused (convex combination of normalised scores by default, or reciprocal rank), with filters and
// the draft report folded into the final one.
import type { Document, Passage, PassageKind } from '../corpus/index.ts';
import { findDraftTwins, type DraftTwin } from './drafts.ts';
import { makePassageFilter, rootKinds, type SearchFilters } from './filters.ts';
import { fuse, fuseConvex, type FusedItem, type RankedList } from './fusion.ts';
import { createLexicalIndex, type LexicalIndex } from './lexical.ts';
import { frenchCounterparts } from './lexicon.ts';
import { MAX_QUESTION_LENGTH } from './question.ts';
import { reportWords } from './synonyms.ts';

/** What search needs of the loaded index (src/index's `LoadedIndex` satisfies it). */
export interface DenseIndex {
  passages: Passage[];
  documents: Document[];
  searchPassages(
    query: Float32Array,
    k: number,
    filter?: (passage: Passage) => boolean,
  ): Array<{ passage: Passage; similarity: number }>;
}

/** What search needs of the embedder (src/embed's `Embedder` satisfies it). */
export interface QueryEmbedder {
  embedQuery(text: string): Promise<Float32Array>;
}

export type SearchMode = 'hybrid' | 'dense' | 'lexical';

export interface SearchOptions {
  /** Results per page (default 10). */
  k?: number;
  /** Results to skip, for "more results" (default 0). */
  offset?: number;
  filters?: SearchFilters;
  mode?: SearchMode;
  /** The query's embedding when the caller already has it (the answer engine embeds once per question). */
  vector?: Float32Array;
  /**
   * 'en': the lexical side also searches the French counterparts of the question's domain terms (lexicon.ts),
   * so an English question meets the French words of the reports in BM25 too.
   */
  language?: 'fr' | 'en';
  /**
   * A French question (language not 'en'): the lexical side also searches the reports' words for the
   * question's everyday ones (synonyms.ts: "avocat" → "représentation juridique"). Off by default.
   */
  synonyms?: boolean;
  /** Words added to the lexical query only (pseudo-relevance feedback: terms of the first results). */
  expansion?: string;
}

export interface SearchResult {
  passage: Passage;
  document: Document;
  /** Fused score, higher is better, in [0, 1] (1 = first in every list). */
  score: number;
  /** Rank (1-based) and cosine similarity in the dense list, when the passage was in it. */
  dense?: { rank: number; similarity: number };
  /** Rank (1-based) and BM25 score in the lexical list, when the passage was in it. */
  lexical?: { rank: number; score: number };
  /** Near-identical passages of the draft report, folded into this final-report hit. */
  alsoIn: Array<{ passage: Passage; document: Document }>;
}

// A type alias (not an interface) so it is assignable to Record<string, number>.
export type SearchTimings = {
  embedMs: number;
  denseMs: number;
  lexicalMs: number;
  fuseMs: number;
  totalMs: number;
};

export interface Searcher {
  search(query: string, options?: SearchOptions): Promise<SearchResult[]>;
  /** Timings of the last search as a method; all zeros before the first search. */
  lastTimings(): SearchTimings;
  readonly lexical: LexicalIndex;
  /** Draft passage id → its twin in the final report. */
  readonly draftTwins: ReadonlyMap<string, DraftTwin>;
}

export interface CreateSearcherOptions {
  index: DenseIndex;
  embedder: QueryEmbedder;
  /**
   * Relative weights of the two lists in fusion (default dense 1, lexical 0.5: on eval/devset.yml, 0.4–0.5
   * gave the best MRR, 1 and 1.5 clearly worse — BM25 helps as a tie-breaker more than as an equal).
   */
  weights?: { dense?: number; lexical?: number };
  /** How many candidates each list contributes before fusion (default max(50, 4 × (offset + k))). */
  depth?: number;
  /**
   * 'convex' (default): weighted sum of min-max-normalised scores; 'rrf': reciprocal rank fusion. Measured
   * with `rapporteur eval` (131 answerable questions): convex R@1 65.6 %, MRR 0.741 against RRF's 55.0 %,
   * 0.651 — RRF throws away how much better the best dense hit is than the next.
   */
  fusion?: 'rrf' | 'convex';
}

/** A searcher over the index: lookups, the lexical index and the draft folding built once, then `search`. */
export function createSearcher(options: CreateSearcherOptions): Searcher {
  const { index, embedder } = options;
  const corpus = corpusLookup(index);
  const lexical = createLexicalIndex(index.passages, index.documents);
  const folding = draftFolding(index, corpus);
  const weights = { dense: options.weights?.dense ?? 1, lexical: options.weights?.lexical ?? 0.5 };
  let timings: SearchTimings | undefined;

  async function search(query: string, searchOptions: SearchOptions = {}): Promise<SearchResult[]> {
    const started = performance.now();
    const request = validateRequest(query, searchOptions, options.depth, corpus);
    if (!request) return [];
    const t = zeroTimings();
    const lists: RankedList[] = [];
    if (request.mode !== 'lexical') lists.push(await denseList(index, embedder, request, searchOptions, weights.dense, t));
    if (request.mode !== 'dense') lists.push(lexicalList(lexical, corpus, request, searchOptions, weights.lexical, t));

    const mark = performance.now();
    const fused = (options.fusion ?? 'convex') === 'convex' ? fuseConvex(lists) : fuse(lists);
    const results = foldDrafts(fused, request.filter, corpus, folding);
    t.fuseMs = performance.now() - mark;
    t.totalMs = performance.now() - started;
    timings = t;
    return results.slice(request.offset, request.offset + request.k);
  }

  return {
    search,
    lastTimings: () => timings ?? zeroTimings(),
    lexical,
    draftTwins: folding.twinOf,
  };
}

/** The index's passages and documents by id, and the kind of each passage's root. */
interface CorpusLookup {
  passageById: Map<string, Passage>;
  documentById: Map<string, Document>;
  rootKindById: Map<string, PassageKind>;
}

/** Builds the id lookups search needs. */
function corpusLookup(index: DenseIndex): CorpusLookup {
  return {
    passageById: new Map(index.passages.map((p) => [p.id, p])),
    documentById: new Map(index.documents.map((d) => [d.id, d])),
    rootKindById: rootKinds(index.passages),
  };
}

/** The document a passage belongs to; throws if the index does not have it. */
function documentOf(corpus: CorpusLookup, passage: Passage): Document {
  const document = corpus.documentById.get(passage.docId);
  if (!document) throw new Error(`search: passage ${passage.id} names an unknown document ${passage.docId}`);
  return document;
}

/** How draft passages fold into the final report. */
interface DraftFolding {
  /** Draft passage id → its twin in the final report. */
  twinOf: Map<string, DraftTwin>;
  /** Final passage id → the draft passages folded into it, with their documents, ready to list under `alsoIn`. */
  alsoInOf: Map<string, Array<{ passage: Passage; document: Document }>>;
}

/** Finds the draft passages' twins in the final report, and the drafts each final passage absorbs. */
function draftFolding(index: DenseIndex, corpus: CorpusLookup): DraftFolding {
  const twinOf = findDraftTwins(index.passages, index.documents);
  const twinsOfFinal = new Map<string, string[]>();
  for (const twin of twinOf.values()) {
    const list = twinsOfFinal.get(twin.finalPassageId);
    if (list) list.push(twin.draftPassageId);
    else twinsOfFinal.set(twin.finalPassageId, [twin.draftPassageId]);
  }
  const alsoInOf = new Map<string, Array<{ passage: Passage; document: Document }>>();
  for (const [finalId, draftIds] of twinsOfFinal) {
    alsoInOf.set(
      finalId,
      draftIds
        .map((id) => corpus.passageById.get(id))
        .filter((p): p is Passage => p !== undefined)
        .map((p) => ({ passage: p, document: documentOf(corpus, p) })),
    );
  }
  return { twinOf, alsoInOf };
}

/** A validated search: the trimmed query, the page, the mode, each list's depth and the passage filter. */
interface SearchRequest {
  text: string;
  k: number;
  offset: number;
  mode: SearchMode;
  depth: number;
  filter: ((passage: Passage) => boolean) | undefined;
}

/** Checks the query and reads the options with their defaults; undefined for an empty query. */
function validateRequest(query: string, searchOptions: SearchOptions, depthOption: number | undefined, corpus: CorpusLookup): SearchRequest | undefined {
  const text = query.trim();
  if (!text) return undefined;
  if (text.length > MAX_QUESTION_LENGTH) throw new Error(`search: query longer than ${MAX_QUESTION_LENGTH} characters`);
  const k = Math.max(1, Math.floor(searchOptions.k ?? 10));
  const offset = Math.max(0, Math.floor(searchOptions.offset ?? 0));
  const mode = searchOptions.mode ?? 'hybrid';
  const depth = depthOption ?? Math.max(50, 4 * (offset + k));
  const filter = makePassageFilter(searchOptions.filters, corpus.documentById, corpus.rootKindById);
  return { text, k, offset, mode, depth, filter };
}

/** All-zero timings, before anything is measured. */
function zeroTimings(): SearchTimings {
  return { embedMs: 0, denseMs: 0, lexicalMs: 0, fuseMs: 0, totalMs: 0 };
}

/** The dense list: the query's embedding (given or computed) against the index, timed into `t`. */
async function denseList(
  index: DenseIndex,
  embedder: QueryEmbedder,
  request: SearchRequest,
  searchOptions: SearchOptions,
  weight: number,
  t: SearchTimings,
): Promise<RankedList> {
  let mark = performance.now();
  const vector = searchOptions.vector ?? (await embedder.embedQuery(request.text));
  t.embedMs = performance.now() - mark;
  mark = performance.now();
  const hits = index.searchPassages(vector, request.depth, request.filter);
  t.denseMs = performance.now() - mark;
  return {
    name: 'dense',
    weight,
    ids: hits.map((h) => h.passage.id),
    scores: hits.map((h) => h.similarity),
  };
}

/** The lexical list: BM25 over the bridged, expanded query, filtered by passage id, timed into `t`. */
function lexicalList(
  lexical: LexicalIndex,
  corpus: CorpusLookup,
  request: SearchRequest,
  searchOptions: SearchOptions,
  weight: number,
  t: SearchTimings,
): RankedList {
  const mark = performance.now();
  const { filter } = request;
  const passageFilter = filter
    ? (id: string) => {
        const passage = corpus.passageById.get(id);
        return passage !== undefined && filter(passage);
      }
    : undefined;
  const hits = lexical.search(lexicalQuery(request.text, searchOptions), { k: request.depth, filter: passageFilter });
  t.lexicalMs = performance.now() - mark;
  return {
    name: 'lexical',
    weight,
    ids: hits.map((h) => h.passageId),
    scores: hits.map((h) => h.score),
  };
}

/** The text BM25 searches: the query, its French counterparts (English) or report words (synonyms), the expansion. */
function lexicalQuery(text: string, searchOptions: SearchOptions): string {
  const bridged =
    searchOptions.language === 'en'
      ? `${text} ${frenchCounterparts(text)}`
      : searchOptions.synonyms
        ? `${text} ${reportWords(text)}`
        : text;
  return searchOptions.expansion ? `${bridged} ${searchOptions.expansion}` : bridged;
}

/**
 * Walks the fused list best first; a draft hit with a twin in the final report is replaced by that twin (at
 * the better of the two positions), and the final hit lists the draft passage under `alsoIn`.
 */
function foldDrafts(
  fused: FusedItem[],
  filter: ((p: Passage) => boolean) | undefined,
  corpus: CorpusLookup,
  folding: DraftFolding,
): SearchResult[] {
  // Only a folded draft needs to find its twin's own fused item: built on first use.
  let fusedById: Map<string, FusedItem> | undefined;
  const placed = new Set<string>();
  const results: SearchResult[] = [];
  for (const item of fused) {
    const twin = folding.twinOf.get(item.id);
    const finalPassage = twin ? corpus.passageById.get(twin.finalPassageId) : undefined;
    // Fold only when the final passage is itself allowed: a search restricted to the draft keeps the draft.
    const folded = finalPassage !== undefined && (!filter || filter(finalPassage));
    const targetId = folded ? finalPassage.id : item.id;
    if (placed.has(targetId)) continue;
    const passage = folded ? finalPassage : corpus.passageById.get(targetId);
    if (!passage) continue;
    let own = item;
    if (folded) {
      fusedById ??= new Map(fused.map((f) => [f.id, f]));
      own = fusedById.get(targetId) ?? item;
    }
    const result: SearchResult = {
      passage,
      document: documentOf(corpus, passage),
      score: Math.max(item.score, own.score),
      alsoIn: folding.alsoInOf.get(targetId)?.slice() ?? [],
    };
    const dense = own.contributions.dense;
    if (dense) result.dense = { rank: dense.rank, similarity: dense.score };
    const lex = own.contributions.lexical;
    if (lex) result.lexical = { rank: lex.rank, score: lex.score };
    placed.add(targetId);
    results.push(result);
  }
  return results;
}
