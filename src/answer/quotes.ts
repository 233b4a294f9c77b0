// Picks the sentences that best answer a question from the best passages, by embedding similarity, and
// guarantees that every quote is verbatim text of the passage it cites.
import type { Passage } from '../corpus/index.ts';

export interface ScoredSentence {
  passage: Passage;
  text: string;
  similarity: number;
}

export interface SentenceSource {
  passage: Passage;
  sentences: Array<{ text: string; vector: Float32Array }>;
}

export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** True when `quote` occurs in the passage's text, modulo whitespace: the one rule every citation obeys. */
export function isVerbatim(quote: string, passage: Passage): boolean {
  const needle = squash(quote);
  return needle.length > 0 && squash(passage.text).includes(needle);
}

export interface QuoteSelection {
  /** At most this many quotes. */
  max?: number;
  /** A further quote must score within this margin of the best one. */
  margin?: number;
  /** Sentences shorter than this are only quoted when nothing longer exists ("Recommandation 3" alone says little). */
  minLength?: number;
}

/**
 * The one to three sentences that best answer the question: the best-scoring sentence, then others close to
 * it in score, at most one more from the same passage, in score order. Sentences that fail the verbatim check
 * are dropped (and would be a parser or index bug).
 */
export function selectQuotes(query: Float32Array, sources: SentenceSource[], options: QuoteSelection = {}): ScoredSentence[] {
  const max = options.max ?? 3;
  const margin = options.margin ?? 0.03;
  const minLength = options.minLength ?? 40;

  const scored: ScoredSentence[] = [];
  for (const { passage, sentences } of sources) {
    for (const sentence of sentences) {
      scored.push({ passage, text: sentence.text, similarity: dot(query, sentence.vector) });
    }
  }
  const candidates = scored.filter((s) => isVerbatim(s.text, s.passage));
  const long = candidates.filter((s) => s.text.length >= minLength);
  const pool = (long.length > 0 ? long : candidates).sort((a, b) => b.similarity - a.similarity);
  const best = pool[0];
  if (!best) return [];

  const chosen: ScoredSentence[] = [best];
  const perPassage = new Map<string, number>([[best.passage.id, 1]]);
  for (const sentence of pool.slice(1)) {
    if (chosen.length >= max) break;
    if (sentence.similarity < best.similarity - margin) break;
    const count = perPassage.get(sentence.passage.id) ?? 0;
    if (count >= 2) continue;
    if (chosen.some((c) => squash(c.text) === squash(sentence.text))) continue;
    chosen.push(sentence);
    perPassage.set(sentence.passage.id, count + 1);
  }
  return chosen;
}
