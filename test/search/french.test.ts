import { describe, expect, it } from 'vitest';
import { analyzeFrench, foldText, lightStem, tokenize } from '../../src/search/french.ts';
import { createLexicalIndex } from '../../src/search/lexical.ts';
import type { Document, Passage } from '../../src/corpus/index.ts';

describe('French analyzer', () => {
  it('folds case and accents, including ligatures', () => {
    expect(foldText('Sécurité À Œuvre Ça')).toBe('securite a oeuvre ca');
  });

  it('drops elided articles with straight and typographic apostrophes', () => {
    expect(tokenize("l'exploitation d’un enfant qu'elle jusqu’à aujourd'hui")).toEqual([
      'exploitation',
      'un',
      'enfant',
      'elle',
      'a',
      'aujourd',
      'hui',
    ]);
  });

  it('removes stop words in French and English', () => {
    expect(analyzeFrench('Les États parties et la Conférence')).toEqual(['etat', 'part', 'conferenc']);
    expect(analyzeFrench('what does the report say about the victims')).toEqual(['report', 'victim']);
  });

  it('meets inflected forms on one stem', () => {
    const same = (words: string[]) => new Set(words.map((w) => lightStem(foldText(w)))).size;
    expect(same(['victime', 'victimes', 'victimisation'])).toBe(1);
    expect(same(['technologie', 'technologies', 'technologique', 'technologiques'])).toBe(1);
    expect(same(['plateforme', 'plateformes'])).toBe(1);
    expect(same(['retiré', 'retirée', 'retirer', 'retire'])).toBe(1);
    expect(same(['national', 'nationaux'])).toBe(1);
    expect(same(['exploitation', 'exploiter'])).toBe(1);
  });

  it('keeps unrelated words apart and leaves short words and numbers alone', () => {
    expect(lightStem('traite')).not.toBe(lightStem('traitement'));
    expect(lightStem('2021')).toBe('2021');
    expect(lightStem('ont')).toBe('ont');
  });
});

describe('lexical index', () => {
  const documents: Document[] = [
    {
      id: 'doc',
      displayName: 'Rapport test',
      title: 'Rapport test',
      date: '2021-01-01',
      year: 2021,
      kind: 'report',
      sourcePath: 'corpus/doc.md',
      contentHash: '0'.repeat(64),
      metaSource: 'corpus.yml',
    },
  ];
  const passage = (label: string, text: string): Passage => ({
    id: `doc#${label}`,
    docId: 'doc',
    label,
    kind: 'paragraph',
    headingPath: [],
    text,
    noteRefs: [],
    lines: { start: 1, end: 1 },
  });
  const index = createLexicalIndex(
    [
      passage('paragraphe 1', "Les contenus d'exploitation doivent être retirés rapidement des plateformes en ligne."),
      passage('paragraphe 2', 'La passation des marchés publics doit être transparente.'),
      passage('paragraphe 3', 'Les États parties coopèrent en matière de formation.'),
    ],
    documents,
  );

  it('matches a query typed without accents, in another inflection, with elision', () => {
    const hits = index.search("l'exploitation retiree de la plateforme");
    expect(hits[0]?.passageId).toBe('doc#paragraphe 1');
    expect(index.search('marche public')[0]?.passageId).toBe('doc#paragraphe 2');
  });

  it('returns nothing for stop words only, and honours the filter', () => {
    expect(index.search('les de la')).toEqual([]);
    const filtered = index.search('plateformes marchés', { filter: (id) => id !== 'doc#paragraphe 1' });
    expect(filtered.map((h) => h.passageId)).toEqual(['doc#paragraphe 2']);
  });
});
