// Picks the sentences that best answer a question from the best passages, by embedding similarity, and
// guarantees that every quote is verbatim text of the passage it cites.
import type { Passage } from '../corpus/index.ts';
import { dot } from '../embed/index.ts';
import { perPassage, squash } from './memo.ts';

export interface ScoredSentence {
  passage: Passage;
  text: string;
  /** Cosine similarity to the question plus the passage-relevance bonus (PASSAGE_WEIGHT). */
  score: number;
}

/** Whether two scored sentences are the same sentence of the same passage (their scores may differ). */
export function sameSentence(a: Pick<ScoredSentence, 'passage' | 'text'>, b: Pick<ScoredSentence, 'passage' | 'text'>): boolean {
  return a.passage === b.passage && a.text === b.text;
}

export interface SentenceSource {
  passage: Passage;
  /** The passage's relevance to the question in [0, 1] (the fused search score). */
  passageScore: number;
  sentences: Array<{ text: string; vector: Float32Array }>;
}

// A passage's squashed text, computed once per passage, not once per sentence of every answer.
const squashedText = perPassage((passage) => squash(passage.text));

/** True when `quote` occurs in the passage's text, modulo whitespace: the one rule every citation obeys. */
export function isVerbatim(quote: string, passage: Passage): boolean {
  const needle = squash(quote);
  return needle.length > 0 && squashedText(passage).includes(needle);
}

export interface QuoteSelection {
  /** At most this many quotes. */
  max?: number;
  /** A further quote must score within this margin of the best one. */
  margin?: number;
  /** Sentences shorter than this are only quoted when nothing longer exists (a lone "Par exemple :" says little). */
  minLength?: number;
  /** How much the passage's own relevance adds to a sentence's similarity (see PASSAGE_WEIGHT). */
  passageWeight?: number;
  /** The same for the first quote (see LEAD_PASSAGE_WEIGHT). */
  leadPassageWeight?: number;
  /** Added to a sentence's score: what the question asks for (a figure, a date, a name it names). */
  bonus?: (text: string, passage: Passage) => number;
  /** A quote from another passage than the first's is kept only if it passes this (choose-quotes.ts: it says something). */
  further?: (sentence: ScoredSentence) => boolean;
  /**
   * The document a passage counts for: when given, the best sentence of a second document is quoted too if
   * it scores within `otherDocumentMargin` of the best (a question whose answer spans two reports).
   */
  documentOf?: (passage: Passage) => string;
  otherDocumentMargin?: number;
}

/**
 * A sentence is scored by its cosine similarity to the question plus this much of its passage's fused
 * relevance: a sentence that sounds close but sits in a passage the search ranked low is usually tangential.
 * The further quotes, and the second document's, are chosen on this scale (their margins were tuned on it).
 */
export const PASSAGE_WEIGHT = 0.15;

/**
 * The first quote, the one a reader takes as the answer, weighs its passage's relevance this much instead.
 * Sentence cosines of this model lie close together, so with PASSAGE_WEIGHT a sentence of the third passage
 * often outscored the best passage on a nuance of wording. Tuning part (163 answerable questions), first quote
 * from an answering passage: 119 with 0.15, 121 with 0.3, 123 with 0.5 and 1, 122 with 2; held-out part
 * 0.15 → 0.5: 100 → 103 of 144.
 */
export const LEAD_PASSAGE_WEIGHT = 0.5;

/**
 * The one to three sentences that best answer the question: the best-scoring sentence (by
 * LEAD_PASSAGE_WEIGHT), then others close to it in score, at most one more from the same passage, in score
 * order. Sentences that fail the verbatim check are dropped (and would be a parser or index bug).
 */
export function selectQuotes(query: Float32Array, sources: SentenceSource[], options: QuoteSelection = {}): ScoredSentence[] {
  const max = options.max ?? 3;
  const margin = options.margin ?? 0.03;
  const minLength = options.minLength ?? 40;
  const weight = options.passageWeight ?? PASSAGE_WEIGHT;

  const pool = rankSentences(query, sources, weight, minLength, options.bonus);
  const best = leadSentence(query, sources, pool, options.leadPassageWeight ?? LEAD_PASSAGE_WEIGHT, minLength, options.bonus);
  if (!best) return [];

  const chosen: ScoredSentence[] = [best];
  const quotedFrom = new Map<string, number>([[best.passage.id, 1]]);
  const { documentOf, further } = options;
  if (documentOf) {
    const first = documentOf(best.passage);
    const other = pool.find((s) => documentOf(s.passage) !== first && (!further || further(s)));
    if (other && other.score >= best.score - (options.otherDocumentMargin ?? margin)) {
      chosen.push(other);
      quotedFrom.set(other.passage.id, 1);
    }
  }
  for (const sentence of pool) {
    if (chosen.includes(sentence)) continue;
    if (chosen.length >= max) break;
    if (sentence.score < best.score - margin) break;
    const count = quotedFrom.get(sentence.passage.id) ?? 0;
    if (count >= 2) continue;
    if (further && sentence.passage !== best.passage && !further(sentence)) continue;
    if (chosen.some((c) => squash(c.text) === squash(sentence.text))) continue;
    chosen.push(sentence);
    quotedFrom.set(sentence.passage.id, count + 1);
  }
  return chosen;
}

/** The first quote: the best sentence when its passage's relevance weighs `leadWeight`, as scored in `pool`. */
function leadSentence(
  query: Float32Array,
  sources: SentenceSource[],
  pool: ScoredSentence[],
  leadWeight: number,
  minLength: number,
  bonus?: (text: string, passage: Passage) => number,
): ScoredSentence | undefined {
  const lead = rankSentences(query, sources, leadWeight, minLength, bonus)[0];
  return lead && pool.find((s) => sameSentence(s, lead));
}

/**
 * Every verbatim sentence of the sources, best first: cosine to the question, plus the passage's relevance,
 * plus the caller's bonus. A short sentence, or a lead-in that ends on ":" ("… d'adopter les mesures
 * suivantes :"), says little on its own: it is ranked only when nothing else is there.
 */
export function rankSentences(
  query: Float32Array,
  sources: SentenceSource[],
  passageWeight: number,
  minLength: number,
  bonus?: (text: string, passage: Passage) => number,
): ScoredSentence[] {
  const candidates = rankEverySentence(query, sources, passageWeight, bonus);
  const informative = candidates.filter((s) => s.text.length >= minLength && !/:\s*$/u.test(s.text));
  return informative.length > 0 ? informative : candidates;
}

/**
 * Every verbatim sentence of the sources, best first, short ones and lead-ins included: for a search of the
 * sentence that gives what is asked, where the check says whether it does. «Dans sa recommandation générale
 * n° 38 (2020) …, le Comité … recommande de prendre les mesures suivantes :» gives the year of the
 * recommendation; with lead-ins left out, the answer said the reports do not give it.
 */
export function rankEverySentence(
  query: Float32Array,
  sources: SentenceSource[],
  passageWeight: number,
  bonus?: (text: string, passage: Passage) => number,
): ScoredSentence[] {
  const scored: ScoredSentence[] = [];
  for (const { passage, passageScore, sentences } of sources) {
    for (const sentence of sentences) {
      const extra = bonus ? bonus(sentence.text, passage) : 0;
      scored.push({ passage, text: sentence.text, score: dot(query, sentence.vector) + passageWeight * passageScore + extra });
    }
  }
  return scored.filter((s) => isVerbatim(s.text, s.passage)).sort((a, b) => b.score - a.score);
}

export interface AcrossDocuments {
  /** The document a passage counts for (a draft's passages count for its final report). */
  documentOf: (passage: Passage) => string;
  /** Newest first: the order quotes are shown in. */
  compareDocuments: (a: string, b: string) => number;
  /** At most this many documents, the most relevant ones (default 3). */
  maxDocuments?: number;
  bonus?: (text: string, passage: Passage) => number;
  /** A document's best sentence, other than the best of all, must pass this, or the document is left out. */
  further?: (sentence: ScoredSentence) => boolean;
}

/**
 * For a question across the reports ("que disent les rapports sur le climat ?"): the best sentence of each
 * document that speaks of it, from the most relevant documents, shown newest first.
 */
export function selectAcrossDocuments(query: Float32Array, sources: SentenceSource[], options: AcrossDocuments): ScoredSentence[] {
  const ranked = rankSentences(query, sources, PASSAGE_WEIGHT, 40, options.bonus);
  const bestOf = new Map<string, ScoredSentence>();
  const leftOut = new Set<string>();
  for (const sentence of ranked) {
    const document = options.documentOf(sentence.passage);
    if (bestOf.has(document) || leftOut.has(document)) continue;
    // A document whose best sentence fails the check does not speak of the subject: it is not quoted.
    if (options.further && sentence !== ranked[0] && !options.further(sentence)) leftOut.add(document);
    else bestOf.set(document, sentence);
  }
  const chosen = [...bestOf.entries()].slice(0, options.maxDocuments ?? 3);
  return chosen.sort(([a], [b]) => options.compareDocuments(a, b)).map(([, sentence]) => sentence);
}
