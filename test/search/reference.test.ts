import { describe, expect, it } from 'vitest';
import { formatReference, isReferenceQuestion, parseReference } from '../../src/search/index.ts';

const read = (input: string) => {
  const parsed = parseReference(input);
  return parsed && { kind: parsed.kind, number: parsed.number, path: parsed.path, docWords: parsed.docWords };
};

describe('reference grammar', () => {
  it.each([
    ['Recommandation 7 c)', 'recommendation', 7, ['c']],
    ['recommandation 7c', 'recommendation', 7, ['c']],
    ['reco 7 c', 'recommendation', 7, ['c']],
    ['rec. 7(c)', 'recommendation', 7, ['c']],
    ['recommendation 7c', 'recommendation', 7, ['c']],
    ['RECOMMANDATION   7   C )', 'recommendation', 7, ['c']],
    ['paragraphe 72 d)', 'paragraph', 72, ['d']],
    ['para 72 d', 'paragraph', 72, ['d']],
    ['§ 72 d)', 'paragraph', 72, ['d']],
    ['§72d', 'paragraph', 72, ['d']],
    ['note 3', 'note', 3, []],
    ['tableau 1', 'table', 1, []],
    ['paragraphe 39 a) ii)', 'paragraph', 39, ['a', 'ii']],
  ])('reads %j', (input, kind, number, path) => {
    expect(read(input)).toEqual({ kind, number, path, docWords: [] });
  });

  it('reads bare references as kind-less', () => {
    expect(read('7 g)')).toEqual({ kind: undefined, number: 7, path: ['g'], docWords: [] });
    expect(read('39 a) ii)')).toEqual({ kind: undefined, number: 39, path: ['a', 'ii'], docWords: [] });
    expect(read('39aii')).toEqual({ kind: undefined, number: 39, path: ['a', 'ii'], docWords: [] });
    expect(read('39 (a)(iv)')).toEqual({ kind: undefined, number: 39, path: ['a', 'iv'], docWords: [] });
  });

  it('keeps document words before or after the reference, without filler words', () => {
    expect(read('7 g) 2017')?.docWords).toEqual(['2017']);
    expect(read('2017 7 g)')).toEqual({ kind: undefined, number: 7, path: ['g'], docWords: ['2017'] });
    expect(read('§ 72 d) du rapport 2023')?.docWords).toEqual(['2023']);
    expect(read('reco 7 c secrétaire')).toEqual({ kind: 'recommendation', number: 7, path: ['c'], docWords: ['secretaire'] });
    expect(read('para 5 marchés publics')?.docWords).toEqual(['marches', 'publics']);
    expect(read('paragraphe 3 2021-wg4-projet-de-rapport')?.docWords).toEqual(['2021-wg4-projet-de-rapport']);
  });

  it('does not read words as items', () => {
    expect(read('7 du rapport')?.path).toEqual([]);
    expect(read('12 in 2021')).toEqual({ kind: undefined, number: 12, path: [], docWords: ['2021'] });
  });

  it('returns null when there is no number to read', () => {
    expect(parseReference('')).toBeNull();
    expect(parseReference('recommandation')).toBeNull();
    expect(parseReference('en 2021')).toBeNull();
  });

  it('formats a reference the way the reports write labels', () => {
    expect(formatReference({ kind: 'recommendation', number: 7, path: ['c'] })).toBe('Recommandation 7 c)');
    expect(formatReference({ kind: 'paragraph', number: 39, path: ['a', 'ii'] })).toBe('paragraphe 39 a) ii)');
    expect(formatReference({ kind: 'note', number: 3, path: [] })).toBe('note 3');
  });
});

describe('reference questions', () => {
  it.each([
    ['que dit la recommandation 7 c ?', { ref: 'recommandation 7 c' }],
    ['§ 72 d) du rapport 2023', { ref: '§ 72 d)', doc: '2023' }],
    ['show me recommendation 12', { ref: 'recommendation 12' }],
    ['7 g) 2017', { ref: '7 g)', doc: '2017' }],
    ['reco 7c', { ref: 'reco 7c' }],
    ['paragraphe 39 a) ii) du rapport du secrétaire général', { ref: 'paragraphe 39 a) ii)', doc: 'secretaire general' }],
  ])('finds the reference in %j', (question, expected) => {
    expect(isReferenceQuestion(question)).toEqual(expected);
  });

  it.each([
    'combien de recommandations en 2021 ?',
    'Que disent les États sur les 3 plateformes ?',
    'Quelles mesures contre la traite en 2023 ?',
    'How do 3 countries fight trafficking?',
  ])('leaves a content question alone: %j', (question) => {
    expect(isReferenceQuestion(question)).toBeNull();
  });
});
