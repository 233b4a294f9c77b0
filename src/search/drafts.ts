// The draft of a report repeats many of its passages, often under another number. Pairing each draft passage
// with its near-identical twin in the final text lets search show the final wording once, "also in" the draft.
import type { Document, Passage } from '../corpus/index.ts';
import { tokenize } from './french.ts';

export interface DraftTwin {
  draftPassageId: string;
  finalPassageId: string;
  /** Dice coefficient of the two passages' word-bigram sets, in [0, 1]. */
  similarity: number;
}

/**
 * Minimum word-bigram Dice for "the same passage". Measured on the 2021 draft against the final report: twins
 * score 0.63–1.00 (bracketed placeholders, "’" vs "'", a reworded clause); a reworded paragraph that says
 * the same thing in other words scores 0.44, an unrelated one ≤ 0.26. The one look-alike above the threshold
 * (draft § 16 / final § 37, 0.59: same boilerplate, another agenda item and other countries) is told apart by
 * its numbers — twins cite the same numbers, one perhaps more (see `numbersCompatible`).
 */
export const DRAFT_TWIN_THRESHOLD = 0.6;

/** Numbers a passage cites ("point 2", "2009", "2e"). */
function numbersOf(text: string): Set<string> {
  return new Set(tokenize(text).filter((t) => /^\d/.test(t)));
}

/** Twins cite the same numbers, one perhaps more ("… au titre du point 4"); "point 2" vs "point 4" are not twins. */
function numbersCompatible(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const n of small) if (!large.has(n)) return false;
  return true;
}

function bigrams(text: string): Set<string> {
  const tokens = tokenize(text);
  const result = new Set<string>();
  for (let i = 0; i + 1 < tokens.length; i += 1) result.add(`${tokens[i]} ${tokens[i + 1]}`);
  if (tokens.length === 1 && tokens[0]) result.add(tokens[0]);
  return result;
}

export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/** Best final-report twin of every draft passage whose similarity reaches `threshold`. */
export function findDraftTwins(
  passages: readonly Passage[],
  documents: readonly Document[],
  threshold = DRAFT_TWIN_THRESHOLD,
): Map<string, DraftTwin> {
  const twins = new Map<string, DraftTwin>();
  const byDoc = new Map<string, Passage[]>();
  for (const p of passages) {
    const list = byDoc.get(p.docId);
    if (list) list.push(p);
    else byDoc.set(p.docId, [p]);
  }
  const shingles = new Map<string, Set<string>>();
  const shinglesOf = (p: Passage): Set<string> => {
    let s = shingles.get(p.id);
    if (!s) {
      s = bigrams(p.text);
      shingles.set(p.id, s);
    }
    return s;
  };
  // Tokenizing is the cost here: each passage's numbers once, not once per pair (a draft × its final text).
  const numbers = new Map<string, Set<string>>();
  const numbersOfPassage = (p: Passage): Set<string> => {
    let n = numbers.get(p.id);
    if (!n) {
      n = numbersOf(p.text);
      numbers.set(p.id, n);
    }
    return n;
  };
  for (const draft of documents) {
    if (!draft.draftOf) continue;
    const finals = byDoc.get(draft.draftOf) ?? [];
    for (const passage of byDoc.get(draft.id) ?? []) {
      let best: DraftTwin | undefined;
      const cited = numbersOfPassage(passage);
      for (const candidate of finals) {
        if (!numbersCompatible(cited, numbersOfPassage(candidate))) continue;
        const similarity = dice(shinglesOf(passage), shinglesOf(candidate));
        if (!best || similarity > best.similarity) {
          best = { draftPassageId: passage.id, finalPassageId: candidate.id, similarity };
        }
      }
      if (best && best.similarity >= threshold) twins.set(passage.id, best);
    }
  }
  return twins;
}
