// Quote selection as data: unit vectors chosen so that the cosines are known, passages of known relevance.
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/index.ts';
import { LEAD_PASSAGE_WEIGHT, PASSAGE_WEIGHT, selectAcrossDocuments, selectQuotes, type SentenceSource } from '../../src/answer/quotes.ts';

/** A unit vector in the plane of the first two axes whose cosine with the x axis is `cosine`. */
function withCosine(cosine: number): Float32Array {
  const v = new Float32Array(4);
  v[0] = cosine;
  v[1] = Math.sqrt(1 - cosine * cosine);
  return v;
}

function passage(label: string, text: string): Passage {
  return { id: `doc#${label}`, docId: 'doc', label, kind: 'paragraph', headingPath: [], text, noteRefs: [], lines: { start: 1, end: 1 } };
}

const query = withCosine(1);
const best = passage('paragraphe 1', 'Le Groupe de travail a recommandé aux États de protéger les victimes identifiées.');
const third = passage('paragraphe 9', 'Les États devraient protéger les victimes de la traite dans tous les cas signalés.');

function sources(bestCosine: number, thirdCosine: number, thirdRelevance: number): SentenceSource[] {
  return [
    { passage: best, passageScore: 1, sentences: [{ text: best.text, vector: withCosine(bestCosine) }] },
    { passage: third, passageScore: thirdRelevance, sentences: [{ text: third.text, vector: withCosine(thirdCosine) }] },
  ];
}

describe('selectQuotes', () => {
  it('the lead quote weighs its passage more than the further quotes do', () => {
    expect(LEAD_PASSAGE_WEIGHT).toBeGreaterThan(PASSAGE_WEIGHT);
  });

  it('a sentence slightly closer in wording does not lead from a passage the search ranked far lower', () => {
    // On PASSAGE_WEIGHT alone the third passage's sentence would lead (0.87 + 0.12 > 0.83 + 0.15);
    // with LEAD_PASSAGE_WEIGHT the best passage's sentence does (0.83 + 0.5 > 0.87 + 0.4).
    const quotes = selectQuotes(query, sources(0.83, 0.87, 0.8));
    expect(quotes.map((q) => q.passage.label)).toEqual(['paragraphe 1', 'paragraphe 9']);
  });

  it('a sentence much closer to the question still leads from a lower passage', () => {
    const quotes = selectQuotes(query, sources(0.7, 0.9, 0.8));
    expect(quotes[0]!.passage.label).toBe('paragraphe 9');
  });

  it('further quotes keep the lighter weight and its margin: a far weaker sentence is not quoted', () => {
    const quotes = selectQuotes(query, sources(0.9, 0.7, 0.8));
    expect(quotes.map((q) => q.passage.label)).toEqual(['paragraphe 1']);
  });

  it('with the lead weight set to the light one, the closer sentence of the lower passage leads', () => {
    const quotes = selectQuotes(query, sources(0.83, 0.87, 0.8), { leadPassageWeight: PASSAGE_WEIGHT });
    expect(quotes[0]!.passage.label).toBe('paragraphe 9');
  });

  it('a further quote of another passage must pass the `further` check; the first quote and its passage need not', () => {
    const withThird = selectQuotes(query, sources(0.83, 0.87, 0.8));
    expect(withThird.map((q) => q.passage.label)).toEqual(['paragraphe 1', 'paragraphe 9']);
    const checked = selectQuotes(query, sources(0.83, 0.87, 0.8), { further: (q) => q.passage !== third });
    expect(checked.map((q) => q.passage.label)).toEqual(['paragraphe 1']);
    const leadChecked = selectQuotes(query, sources(0.83, 0.87, 0.8), { further: (q) => q.passage !== best });
    expect(leadChecked.map((q) => q.passage.label)).toEqual(['paragraphe 1', 'paragraphe 9']);
  });
});

describe('selectAcrossDocuments', () => {
  const other = { ...third, id: 'autre#paragraphe 9', docId: 'autre' };
  const across = (further?: (q: { passage: Passage; text: string }) => boolean): string[] =>
    selectAcrossDocuments(
      query,
      [
        { passage: best, passageScore: 1, sentences: [{ text: best.text, vector: withCosine(0.9) }] },
        {
          passage: other,
          passageScore: 0.8,
          sentences: [
            { text: other.text, vector: withCosine(0.85) },
            { text: 'Les États devraient aussi former les agents de première ligne à repérer les victimes.', vector: withCosine(0.8) },
          ],
        },
      ],
      { documentOf: (p) => p.docId, compareDocuments: (a, b) => a.localeCompare(b), ...(further ? { further } : {}) },
    ).map((q) => q.passage.docId);

  it('quotes the best sentence of each document', () => {
    expect(across()).toEqual(['autre', 'doc']);
  });

  it('a document whose best sentence fails the check is left out, not quoted by a weaker sentence', () => {
    expect(across((q) => q.text !== other.text)).toEqual(['doc']);
  });
});
