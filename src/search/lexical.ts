// BM25 over the passages with MiniSearch and the French analyzer: the half of hybrid search that catches exact
// words (names, numbers, rare terms) the embedding blurs.
import MiniSearch from 'minisearch';
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
}

interface LexicalDoc {
  id: string;
  label: string;
  heading: string;
  text: string;
  leadIn: string;
  document: string;
}

/**
 * Field boosts, chosen so the passage's own words dominate: the label ("Recommandation 7") and headings say what
 * a passage is about in few words, so a hit there is worth more; the parent's lead-in is shared by all sibling
 * items and the document name by every passage of the document, so they only break ties.
 */
export const LEXICAL_BOOSTS = { text: 1, label: 2, heading: 1.5, leadIn: 0.5, document: 0.3 } as const;

export interface LexicalIndexOptions {
  /** Forgive one typo in words of 7+ letters (default true). */
  fuzzy?: boolean;
}

export function createLexicalIndex(
  passages: Passage[],
  documents: Document[],
  options: LexicalIndexOptions = {},
): LexicalIndex {
  const fuzzy = options.fuzzy ?? true;
  const documentById = new Map(documents.map((d) => [d.id, d]));
  const docs: LexicalDoc[] = passages.map((p) => ({
    id: p.id,
    label: p.label,
    heading: p.headingPath.join(' '),
    text: p.text,
    leadIn: p.leadIn ?? '',
    document: documentById.get(p.docId)?.displayName ?? '',
  }));
  // Terms the corpus has: a query word found here is spelt right, and fuzzy matching it would only add
  // neighbours (and most of BM25's time, measured by `rapporteur bench`).
  const vocabulary = new Set<string>();
  for (const doc of docs) {
    for (const field of [doc.text, doc.label, doc.heading, doc.leadIn, doc.document]) {
      for (const token of tokenize(field)) {
        const term = processTerm(token);
        if (term) vocabulary.add(term);
      }
    }
  }
  const index = new MiniSearch<LexicalDoc>({
    fields: ['text', 'label', 'heading', 'leadIn', 'document'],
    storeFields: [],
    tokenize: (text) => tokenize(text),
    processTerm: (term) => processTerm(term),
    searchOptions: {
      boost: { ...LEXICAL_BOOSTS },
      combineWith: 'OR',
      prefix: false,
      // One typo forgiven in long words the corpus does not have; short stems would match too many neighbours.
      fuzzy: fuzzy ? (term) => (term.length >= 7 && !vocabulary.has(term) ? 1 : false) : false,
      maxFuzzy: 1,
    },
  });
  index.addAll(docs);

  return {
    size: passages.length,
    search(query, options = {}) {
      const k = options.k ?? 50;
      const filter = options.filter;
      const results = index.search(query, filter ? { filter: (r) => filter(String(r.id)) } : {});
      return results.slice(0, k).map((r, i) => ({ passageId: String(r.id), score: r.score, rank: i + 1 }));
    },
  };
}
