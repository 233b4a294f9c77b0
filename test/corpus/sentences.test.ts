import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/corpus/index.ts';

function sentences(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   \n ')).toEqual([]);
  });

  it('splits on final punctuation followed by a capital or a quote', () => {
    expect(sentences('Le Groupe a adopté le rapport. Il a clos la réunion ! Pourquoi ? « Parce que. » Fin… Vraiment.')).toEqual([
      'Le Groupe a adopté le rapport.',
      'Il a clos la réunion !',
      'Pourquoi ?',
      '« Parce que. »',
      'Fin…',
      'Vraiment.',
    ]);
  });

  it('does not split on abbreviations, initials, decimals, symbols or document numbers', () => {
    const text =
      "M. Dupont a cité l'art. 5 et le par. 3, p. ex. Mme Durand. Voir A/78/50, n° 12 et 9,8 % des cas, etc. pour J. Smith.";
    expect(sentences(text)).toEqual([
      "M. Dupont a cité l'art. 5 et le par. 3, p. ex. Mme Durand.",
      'Voir A/78/50, n° 12 et 9,8 % des cas, etc. pour J. Smith.',
    ]);
  });

  it('does not split after a list number, but does after a figure ending a sentence', () => {
    expect(sentences('Thèmes : 1. Prévention; 2. Protection.')).toEqual(['Thèmes : 1. Prévention; 2. Protection.']);
    expect(sentences('la pandémie de COVID-19. L’ONUDC a publié au titre de l’objectif 10. Comme indiqué.')).toEqual([
      'la pandémie de COVID-19.',
      'L’ONUDC a publié au titre de l’objectif 10.',
      'Comme indiqué.',
    ]);
  });

  it('keeps an item ending with ";" as one sentence, and a long sentence whole', () => {
    const item = 'Renforcer la coopération, y compris par l’échange d’informations, entre les États parties ;';
    expect(sentences(item)).toEqual([item]);
    const long = `Le Groupe de travail ${'a examiné les mesures prises, '.repeat(40)}et a conclu.`;
    expect(sentences(long)).toEqual([long]);
  });

  it('returns trimmed spans that slice the text verbatim', () => {
    const text = '  Première phrase.   Deuxième phrase.  ';
    const spans = splitSentences(text);
    expect(spans).toEqual([
      { start: 2, end: 18 },
      { start: 21, end: 37 },
    ]);
    expect(sentences(text)).toEqual(['Première phrase.', 'Deuxième phrase.']);
  });
});
