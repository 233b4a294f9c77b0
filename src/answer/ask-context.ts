// What every step of `ask` (ask.ts) reads: the served index, the embedder, the abstention thresholds and the
// techniques in use; and the few lookups over the served index that several steps share.
import type { Document, Passage } from '../corpus/index.ts';
import type { Embedder } from '../embed/index.ts';
import type { LoadedIndex } from '../index/index.ts';
import type { createLookup, rootKinds, SearchResult, Searcher } from '../search/index.ts';
import type { QuestionAnalysis } from './analysis.ts';
import type { SentenceSource } from './quotes.ts';
import type { Language } from './schema.ts';

/** One served index with what answering needs of it. */
export interface Served {
  index: LoadedIndex;
  searcher: Searcher;
  lookup: ReturnType<typeof createLookup>;
  rootKindById: ReturnType<typeof rootKinds>;
}

/**
 * The techniques of issue 11, each of which can be switched on or off to measure what it brings
 * (`rapporteur eval --with … --without …`; README, "Evaluation"). `rerank`, `prf` and `hints` were tried and
 * are off by default: the first two did not help on the tuning part, `hints` helped there but not on the
 * held-out part.
 */
export const TECHNIQUES = ['bridge', 'synonyms', 'rerank', 'prf', 'hints', 'answer-type', 'coverage', 'partial', 'counted', 'topic', 'evidence', 'across', 'declines', 'support', 'focus', 'ordinals'] as const;
export type Technique = (typeof TECHNIQUES)[number];
export const DEFAULT_TECHNIQUES: readonly Technique[] = ['bridge', 'synonyms', 'answer-type', 'coverage', 'partial', 'counted', 'topic', 'evidence', 'across', 'declines', 'support', 'focus', 'ordinals'];

/** The techniques in use: the defaults, plus those asked for, minus those switched off. */
export function techniquesInUse(options: { with?: readonly Technique[]; without?: readonly Technique[] } = {}): Set<Technique> {
  const on = new Set<Technique>([...DEFAULT_TECHNIQUES, ...(options.with ?? [])]);
  for (const technique of options.without ?? []) on.delete(technique);
  return on;
}

/** What `ask` runs with: the served index, the model, the refusal thresholds and the techniques in use. */
export interface AskContext {
  served: Served;
  embedder: Embedder;
  abstainBelow: Record<Language, number>;
  /** The techniques in use (`techniquesInUse`). */
  on: ReadonlySet<Technique>;
}

/** One question as the steps after the search read it. */
export interface QuestionContext {
  question: string;
  language: Language;
  /** What was searched: the question, or a follow-up resolved against the conversation. */
  query: string;
  analysis: QuestionAnalysis;
  queryVector: Float32Array;
}

/** The years of the documents we have: a year a question names becomes a filter only if it is one of them. */
export function reportYears(s: Served): Set<number> {
  return new Set(s.index.documents.map((d) => d.year));
}

/** The document of a passage; an index that lacks it is broken. */
export function documentOf(passage: Passage, s: Served): Document {
  const document = s.index.documentById.get(passage.docId);
  if (!document) throw new Error(`index has passage ${passage.id} without its document`);
  return document;
}

/** The passages with their sentences and vectors, as the quote scorer (quotes.ts) reads them. */
export function sentenceSources(results: SearchResult[], s: Served): SentenceSource[] {
  return results.map((r) => ({
    passage: r.passage,
    passageScore: r.score,
    sentences: s.index.sentencesOf(r.passage.id).map(({ sentence, vector }) => ({ text: sentence.text, vector })),
  }));
}
