// Coverage as data: passages of known words, a corpus of known document frequencies.
import { describe, expect, it } from 'vitest';
import type { Document, Passage } from '../../src/corpus/index.ts';
import { lightStem, type SearchResult } from '../../src/search/index.ts';
import { COVERAGE_DEPTH, COVERAGE_WEIGHT, coverage, questionWords, rescoreByCoverage } from '../../src/answer/coverage.ts';

function passage(label: string, text: string, leadIn?: string): Passage {
  return { id: `doc#${label}`, docId: 'doc', label, kind: 'paragraph', headingPath: [], text, noteRefs: [], lines: { start: 1, end: 1 }, ...(leadIn ? { leadIn } : {}) };
}
const document = { id: 'doc' } as Document;
const result = (p: Passage, score: number): SearchResult => ({ passage: p, document, score, alsoIn: [] });

// "traite" is in every passage of a 100-passage corpus, "vigilance" in 2, "marchés" in 10.
const frequency: Record<string, number> = { traite: 100, vigilance: 2, marches: 10, marche: 10 };
const passagesWith = (word: string) => frequency[word] ?? 0;

describe('questionWords', () => {
  it('weighs a rare word far above a word every passage holds, and drops stop words', () => {
    const words = questionWords('Que dit le rapport sur la vigilance et la traite ?', 'fr', passagesWith, 100);
    expect(words.stems.has(lightStem('que'))).toBe(false);
    expect(words.stems.get(lightStem('vigilance'))).toBeCloseTo(Math.log(1 + 100 / 2));
    expect(words.stems.get(lightStem('traite'))).toBeCloseTo(Math.log(2));
  });

  it('reads an English question through its French counterparts', () => {
    const words = questionWords('What about due diligence in public procurement?', 'en', passagesWith, 100);
    expect(words.total).toBeGreaterThan(0);
    const p = passage('paragraphe 1', 'Les marchés publics exigent une diligence raisonnable.');
    expect(coverage(words, p)).toBeGreaterThan(0.5);
  });
});

describe('coverage', () => {
  const words = questionWords('vigilance traite', 'fr', passagesWith, 100);

  it('is the weighted share of the question held: all, the rare word only, the common word only, none', () => {
    const both = passage('paragraphe 1', 'La traite et le devoir de vigilance.');
    const rare = passage('paragraphe 2', 'Le devoir de vigilance des entreprises.');
    const common = passage('paragraphe 3', 'La traite des personnes.');
    const none = passage('paragraphe 4', 'Les entreprises.');
    expect(coverage(words, both)).toBeCloseTo(1);
    expect(coverage(words, rare)).toBeGreaterThan(0.8);
    expect(coverage(words, common)).toBeLessThan(0.2);
    expect(coverage(words, none)).toBe(0);
  });

  it("counts an item's lead-in as part of it", () => {
    const item = passage('paragraphe 5 a)', 'des entreprises ;', 'Le Groupe de travail a recommandé, en matière de vigilance :');
    expect(coverage(words, item)).toBeGreaterThan(0.8);
  });

  it('is 0 for a question with no word to weigh', () => {
    expect(coverage(questionWords('et le ?', 'fr', passagesWith, 100), passage('paragraphe 1', 'La traite.'))).toBe(0);
  });
});

describe('rescoreByCoverage', () => {
  const words = questionWords('vigilance traite', 'fr', passagesWith, 100);

  it('lifts a passage holding the question over one that only sounds closer, and keeps scores in [0, 1]', () => {
    const close = passage('paragraphe 1', 'La traite des personnes dans les chaînes.');
    const holds = passage('paragraphe 2', 'La traite et le devoir de vigilance.');
    const out = rescoreByCoverage([result(close, 1), result(holds, 0.8)], words);
    expect(out.map((r) => r.passage.label)).toEqual(['paragraphe 2', 'paragraphe 1']);
    expect(out[0]!.score).toBe(1);
    expect(out[1]!.score).toBeCloseTo((1 + COVERAGE_WEIGHT * coverage(words, close)) / (0.8 + COVERAGE_WEIGHT));
  });

  it('re-scores only the first COVERAGE_DEPTH passages; the rest stay below them in their order', () => {
    const head = Array.from({ length: COVERAGE_DEPTH }, (_, i) => result(passage(`paragraphe ${i + 1}`, 'Les entreprises.'), 1 - i / 100));
    const deep = result(passage('paragraphe 99', 'La traite et le devoir de vigilance.'), 0.1);
    const out = rescoreByCoverage([...head, deep], words);
    expect(out.at(-1)!.passage.label).toBe('paragraphe 99');
  });
});
