// BM25 over the passages with the French analyzer: the half of hybrid search that catches exact words (names,
// numbers, rare terms) the embedding blurs.
//
// The scoring is MiniSearch 7's BM25+ (k 1.2, b 0.7, d 0.5, per-field scores times field boosts, summed, times
// the number of distinct query terms matched; one typo forgiven through MiniSearch's own radix tree), computed
// the same way in the same order, so its figures and ties are MiniSearch's to the last bit
// (test/search/lexical.test.ts checks it against MiniSearch on the whole corpus). What differs is the cost:
// every (term, field, passage) score depends only on the index, so it is computed once at start-up, and a
// query only adds precomputed numbers into flat arrays — MiniSearch recomputed them and built a result object
// per matching passage, which made BM25 the largest non-embedding stage of a warm ask (`rapporteur bench`).
//
// What it relies on in MiniSearch beyond its documented options: the BM25+ formula and its parameters above,
// the running mean of field lengths (and its rounding), and the order of the multiplications; its public
// `minisearch/SearchableMap` export for fuzzy term lookup. package.json pins minisearch to exactly 7.2.0, and
// the parity test fails, naming the question and the passage, the day an upgrade changes any of it.
import SearchableMap from 'minisearch/SearchableMap';
import type { Document, Passage } from '../corpus/index.ts';
import { processTerm, tokenize } from './french.ts';

export interface LexicalHit {
  passageId: string;
  /** BM25 score (MiniSearch's BM25+, field boosts applied); only comparable within one query. */
  score: number;
  /** 1-based rank in the lexical list. */
  rank: number;
}

export interface LexicalSearchOptions {
  k?: number;
  /** Keep only passages this returns true for (applied before ranking, so k hits survive filtering). */
  filter?: (passageId: string) => boolean;
}

export interface LexicalIndex {
  search(query: string, options?: LexicalSearchOptions): LexicalHit[];
  /** How many passages are indexed. */
  readonly size: number;
  /** In how many passages' own text a word occurs, once analysed (stemmed); 0 for a word the corpus lacks. */
  passagesWith(word: string): number;
}

/**
 * Field boosts, chosen so the passage's own words dominate: the label ("Recommandation 7") and headings say what
 * a passage is about in few words, so a hit there is worth more; the parent's lead-in is shared by all sibling
 * items and the document name by every passage of the document, so they only break ties.
 */
export const LEXICAL_BOOSTS = { text: 1, label: 2, heading: 1.5, leadIn: 0.5, document: 0.3 } as const;

/** The indexed fields, in the order their scores are added up. */
export const LEXICAL_FIELDS = ['text', 'label', 'heading', 'leadIn', 'document'] as const;
type Field = (typeof LEXICAL_FIELDS)[number];

export interface LexicalIndexOptions {
  /** Forgive one typo in words of 7+ letters (default true). */
  fuzzy?: boolean;
}

/** MiniSearch's BM25+ parameters (its defaults) and weight of a fuzzy match. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
const FUZZY_WEIGHT = 0.45;

/** A term's postings, field by field in LEXICAL_FIELDS order, passages in index order within a field. */
interface Postings {
  docs: Int32Array;
  /** Field boost of each posting. */
  boosts: Float64Array;
  /** Unboosted BM25+ score of each posting. */
  raw: Float64Array;
  /** boost × raw, the score of an exact match. */
  exact: Float64Array;
}

/** A passage's indexed fields, as the text each is analysed from. */
export function lexicalFields(passage: Passage, documentName: string): Record<Field, string> {
  return {
    text: passage.text,
    label: passage.label,
    heading: passage.headingPath.join(' '),
    leadIn: passage.leadIn ?? '',
    document: documentName,
  };
}

/** An index over the passages: count their terms, score every posting once, then answer queries from those. */
export function createLexicalIndex(
  passages: Passage[],
  documents: Document[],
  options: LexicalIndexOptions = {},
): LexicalIndex {
  const ids = passages.map((p) => p.id);
  assertUniqueIds(ids);
  const table = countTerms(passages, documents);
  const engine: QueryEngine = {
    ids,
    table,
    postings: buildPostings(table),
    fuzzy: options.fuzzy ?? true,
    scratch: new Scratch(passages.length),
  };
  return {
    size: passages.length,
    passagesWith: (word) => passagesWith(table, word),
    search: (query, searchOptions = {}) => search(engine, query, searchOptions),
  };
}

/** Throws on a repeated passage id. */
function assertUniqueIds(ids: string[]): void {
  // MiniSearch refused a repeated id; so does this index (a passage would otherwise be scored twice).
  if (new Set(ids).size === ids.length) return;
  const seen = new Set<string>();
  const repeated = ids.find((id) => seen.size === seen.add(id).size);
  throw new Error(`lexical index: duplicate passage id ${repeated}`);
}

/** What the index counts of the corpus before scoring anything. */
interface TermTable {
  /** How many passages are indexed. */
  count: number;
  /** Term → term id, ids in order of first appearance. */
  termIds: Map<string, number>;
  /** Per term id, per field (LEXICAL_FIELDS order): passage index → term frequency, passages in index order. */
  frequencies: Array<Array<Map<number, number>>>;
  /** Length of field f of passage doc at doc × LEXICAL_FIELDS.length + f. */
  fieldLength: Float64Array;
  /** Per field, MiniSearch's running mean of the field lengths. */
  averageLength: number[];
  /** Every term → its id, for fuzzy lookup. */
  tree: SearchableMap<number>;
}

/** Counts every passage's analysed terms, field by field, into a term table. */
function countTerms(passages: Passage[], documents: Document[]): TermTable {
  const documentById = new Map(documents.map((d) => [d.id, d]));
  // Term frequencies per field, terms in order of first appearance (which shapes the radix tree exactly as
  // MiniSearch's), passages in index order; field lengths count distinct raw tokens, as MiniSearch does.
  const fieldCount = LEXICAL_FIELDS.length;
  const table: TermTable = {
    count: passages.length,
    termIds: new Map<string, number>(),
    frequencies: [],
    fieldLength: new Float64Array(passages.length * fieldCount),
    averageLength: new Array<number>(fieldCount).fill(0),
    tree: new SearchableMap<number>(),
  };
  const { termIds, frequencies, fieldLength, averageLength, tree } = table;
  passages.forEach((passage, doc) => {
    const values = lexicalFields(passage, documentById.get(passage.docId)?.displayName ?? '');
    LEXICAL_FIELDS.forEach((field, f) => {
      const tokens = tokenize(values[field]);
      const length = new Set(tokens).size;
      fieldLength[doc * fieldCount + f] = length;
      // MiniSearch's running mean, kept to its rounding.
      averageLength[f] = ((averageLength[f] ?? 0) * doc + length) / (doc + 1);
      for (const token of tokens) {
        const term = processTerm(token);
        if (!term) continue;
        let id = termIds.get(term);
        if (id === undefined) {
          id = frequencies.length;
          termIds.set(term, id);
          frequencies.push(LEXICAL_FIELDS.map(() => new Map<number, number>()));
          tree.set(term, id);
        }
        const byDoc = frequencies[id]![f]!;
        byDoc.set(doc, (byDoc.get(doc) ?? 0) + 1);
      }
    });
  });
  return table;
}

/** Scores every (term, field, passage) once: each term's postings, by term id. */
function buildPostings(table: TermTable): Postings[] {
  const { count, fieldLength, averageLength } = table;
  const fieldCount = LEXICAL_FIELDS.length;
  return table.frequencies.map((fields) => {
    const size = fields.reduce((sum, byDoc) => sum + byDoc.size, 0);
    const p: Postings = { docs: new Int32Array(size), boosts: new Float64Array(size), raw: new Float64Array(size), exact: new Float64Array(size) };
    let i = 0;
    fields.forEach((byDoc, f) => {
      const boost: number = LEXICAL_BOOSTS[LEXICAL_FIELDS[f]!];
      const matching = byDoc.size;
      const average = averageLength[f]!;
      for (const [doc, frequency] of byDoc) {
        const raw = bm25(frequency, matching, count, fieldLength[doc * fieldCount + f]!, average);
        p.docs[i] = doc;
        p.boosts[i] = boost;
        p.raw[i] = raw;
        // MiniSearch multiplies termWeight × termBoost × fieldBoost × docBoost × raw, left to right, all 1 but
        // the boost for an exact match.
        p.exact[i] = boost * raw;
        i += 1;
      }
    });
    return p;
  });
}

/** In how many passages' own text (field 0) a word occurs once analysed. */
function passagesWith(table: TermTable, word: string): number {
  const [token] = tokenize(word);
  const term = token === undefined ? null : processTerm(token);
  const id = term === null ? undefined : table.termIds.get(term);
  return id === undefined ? 0 : table.frequencies[id]![0]!.size;
}

/** Per-passage arrays reused by every query (search is synchronous, so one set per index is enough). */
class Scratch {
  /** The current query term's score in each passage. */
  readonly termScore: Float64Array;
  /** 1 where termScore holds the current term's score. */
  readonly termSeen: Uint8Array;
  /** The passages the current term touched, in order of first touch. */
  readonly termDocs: Int32Array;
  /** Each matched passage's score, summed over the query terms. */
  readonly total: Float64Array;
  /** Distinct query terms each matched passage has (MiniSearch's quality multiplier). */
  readonly quality: Int32Array;
  /** 1 where the passage matched some term of this query. */
  readonly matched: Uint8Array;
  /** The matched passages, in order of first match. */
  readonly order: Int32Array;

  constructor(count: number) {
    this.termScore = new Float64Array(count);
    this.termSeen = new Uint8Array(count);
    this.termDocs = new Int32Array(count);
    this.total = new Float64Array(count);
    this.quality = new Int32Array(count);
    this.matched = new Uint8Array(count);
    this.order = new Int32Array(count);
  }
}

/** Everything a query reads: the index's ids, term table and postings, and the scratch buffers it writes. */
interface QueryEngine {
  ids: string[];
  table: TermTable;
  postings: Postings[];
  fuzzy: boolean;
  scratch: Scratch;
}

/** Analyses the query terms, scores and accumulates each, then filters and ranks the passages. */
function search(engine: QueryEngine, query: string, searchOptions: LexicalSearchOptions): LexicalHit[] {
  let found = 0;
  // Distinct query terms already counted in each passage's `quality` (MiniSearch's `terms`).
  const counted = new Map<string, Uint8Array>();
  for (const term of analyseQuery(query)) {
    const touched = scoreTerm(engine, term);
    let seen = counted.get(term);
    if (!seen) {
      seen = new Uint8Array(engine.table.count);
      counted.set(term, seen);
    }
    found = accumulateTerm(engine.scratch, touched, seen, found);
  }
  return rankPassages(engine, found, searchOptions.k ?? 50, searchOptions.filter);
}

/** The query's terms, analysed as the passages' were, empty ones dropped. */
function analyseQuery(query: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(query)) {
    const term = processTerm(token);
    if (term) terms.push(term);
  }
  return terms;
}

/** Sums one query term's postings per passage into scratch.termScore; returns how many passages it touched. */
function scoreTerm(engine: QueryEngine, term: string): number {
  // One query term: its exact postings, then (for a long word the corpus does not have) its neighbours at
  // one edit, in the radix tree's order — all summed per passage before joining the other terms' sums.
  const { table, postings, scratch } = engine;
  let touched = 0;
  const id = table.termIds.get(term);
  if (id !== undefined) touched = addPostings(scratch, touched, postings[id]!, undefined);
  if (engine.fuzzy && term.length >= 7 && id === undefined) {
    for (const [neighbour, [neighbourId, distance]] of table.tree.fuzzyGet(term, 1)) {
      if (!distance) continue;
      touched = addPostings(scratch, touched, postings[neighbourId]!, (FUZZY_WEIGHT * neighbour.length) / (neighbour.length + distance));
    }
  }
  return touched;
}

/** Adds one term's postings (exact, or fuzzy at `weight`) to scratch.termScore; returns the new touched count. */
function addPostings(scratch: Scratch, touched: number, p: Postings, weight: number | undefined): number {
  const { termScore, termSeen, termDocs } = scratch;
  const { docs } = p;
  for (let i = 0; i < docs.length; i += 1) {
    const doc = docs[i]!;
    const score = weight === undefined ? p.exact[i]! : weight * p.boosts[i]! * p.raw[i]!;
    if (termSeen[doc]) termScore[doc] = termScore[doc]! + score;
    else {
      termSeen[doc] = 1;
      termScore[doc] = score;
      termDocs[touched++] = doc;
    }
  }
  return touched;
}

/** Adds the term's scores to the passages' totals and counts it once in their quality; returns the new match count. */
function accumulateTerm(scratch: Scratch, touched: number, seen: Uint8Array, found: number): number {
  const { termScore, termSeen, termDocs, total, quality, matched, order } = scratch;
  for (let i = 0; i < touched; i += 1) {
    const doc = termDocs[i]!;
    termSeen[doc] = 0;
    if (!matched[doc]) {
      matched[doc] = 1;
      total[doc] = termScore[doc]!;
      quality[doc] = 0;
      order[found++] = doc;
    } else total[doc] = total[doc]! + termScore[doc]!;
    if (!seen[doc]) {
      seen[doc] = 1;
      quality[doc] = quality[doc]! + 1;
    }
  }
  return found;
}

/** Applies the quality multiplier, resets the scratch, filters, and returns the k best passages. */
function rankPassages(engine: QueryEngine, found: number, k: number, filter: ((passageId: string) => boolean) | undefined): LexicalHit[] {
  const { ids } = engine;
  const { total, quality, matched, order } = engine.scratch;
  // Passages in order of first match (MiniSearch's result order before its stable sort), filtered.
  const candidates: number[] = [];
  for (let i = 0; i < found; i += 1) {
    const doc = order[i]!;
    matched[doc] = 0;
    total[doc] = total[doc]! * (quality[doc]! || 1);
    if (!filter || filter(ids[doc]!)) candidates.push(i);
  }
  // Best score first; ties keep the order of first match (a stable sort, as MiniSearch's).
  candidates.sort((a, b) => total[order[b]!]! - total[order[a]!]! || a - b);
  const hits: LexicalHit[] = [];
  for (let r = 0; r < candidates.length && r < k; r += 1) {
    const doc = order[candidates[r]!]!;
    hits.push({ passageId: ids[doc]!, score: total[doc]!, rank: r + 1 });
  }
  return hits;
}

/** MiniSearch's BM25+ term score, the same expression so the same rounding. */
function bm25(termFrequency: number, matchingCount: number, totalCount: number, fieldLength: number, averageFieldLength: number): number {
  const { k, b, d } = BM25;
  const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
  return invDocFreq * (d + (termFrequency * (k + 1)) / (termFrequency + k * (1 - b + (b * fieldLength) / averageFieldLength)));
}
