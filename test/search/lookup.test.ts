// Lookup on the real corpus: every typed form resolves, ambiguity is ordered, misses get suggestions.
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultCorpusDir } from '../../src/config.ts';
import { loadCorpus, type Corpus } from '../../src/corpus/index.ts';
import { createLookup, isReferenceQuestion } from '../../src/search/index.ts';
import type { Lookup } from '../../src/search/lookup.ts';

let corpus: Corpus;
let find: Lookup;
const ids = (ref: string, doc?: string) => find(ref, doc ? { doc } : {}).matches.map((m) => m.passage.id);
const suggestionIds = (ref: string, doc?: string) => find(ref, doc ? { doc } : {}).suggestions.map((m) => m.passage.id);

beforeAll(async () => {
  corpus = await loadCorpus(defaultCorpusDir);
  find = createLookup(corpus);
});

describe('lookup on the real corpus', () => {
  it.each(['Recommandation 7 c)', 'recommandation 7c', 'reco 7 c', 'rec. 7(c)', 'recommendation 7c', 'Reco 7 (c)'])(
    'resolves %j to Recommandation 7 c) of the 2021 report',
    (ref) => {
      expect(ids(ref)).toEqual(['2021-wg4-rapport#Recommandation 7 c)']);
    },
  );

  it.each(['paragraphe 72 d)', 'para 72 d', '§ 72 d)', '§72d', 'Paragraphe 72 (d)'])(
    'resolves %j to paragraphe 72 d) of the Secretary-General report',
    (ref) => {
      expect(ids(ref)).toEqual(['2023-a78-rapport-secretaire-general#paragraphe 72 d)']);
    },
  );

  it('resolves bare and nested references', () => {
    expect(ids('7 g)')[0]).toBe('2017-wg4-rapport#paragraphe 7 g)');
    expect(ids('8 o)')[0]).toBe('2017-wg4-rapport#paragraphe 8 o)');
    expect(ids('39 a) ii)')).toEqual(['2023-a78-rapport-secretaire-general#paragraphe 39 a) ii)']);
    expect(ids('39aii')).toEqual(['2023-a78-rapport-secretaire-general#paragraphe 39 a) ii)']);
    expect(ids('§ 39 r)')).toEqual(['2023-a78-rapport-secretaire-general#paragraphe 39 r)']);
    expect(ids('Recommandation 16')).toEqual(['2021-wg4-rapport#Recommandation 16']);
  });

  it('resolves notes and tables to passages carrying exactly that label', () => {
    const notes = find('note 3').matches;
    expect(notes.length).toBeGreaterThan(0);
    for (const m of notes) expect(m.passage.label).toBe('note 3');
    const tables = find('tableau 1').matches;
    expect(tables.length).toBeGreaterThan(0);
    for (const m of tables) expect(m.passage.label).toBe('tableau 1');
  });

  it('restricts to a document named by id, year or a word of its name', () => {
    expect(ids('7 g) 2017')).toEqual(['2017-wg4-rapport#paragraphe 7 g)']);
    expect(ids('paragraphe 1 2017')).toEqual(['2017-wg4-rapport#paragraphe 1']);
    expect(ids('paragraphe 1 secrétaire')).toEqual(['2023-a78-rapport-secretaire-general#paragraphe 1']);
    expect(ids('paragraphe 1 du document sur les marchés')).toEqual([
      '2021-wg4-document-information-marches-publics#paragraphe 1',
    ]);
    expect(ids('paragraphe 28 2021-wg4-projet-de-rapport')).toEqual(['2021-wg4-projet-de-rapport#paragraphe 28']);
    expect(ids('paragraphe 1', 'secretaire')).toEqual(['2023-a78-rapport-secretaire-general#paragraphe 1']);
    expect(ids('§ 49', '2021-wg4-rapport')).toEqual(['2021-wg4-rapport#paragraphe 49']);
    expect(ids('§ 5', 'projet')).toEqual(['2021-wg4-projet-de-rapport#paragraphe 5']);
  });

  it('reports an unknown --doc instead of searching everywhere', () => {
    const result = find('§ 1', { doc: 'nowhere' });
    expect(result.error).toBe('unknown-document');
    expect(result.matches).toEqual([]);
  });

  it('orders several candidates: recommendation before paragraph, final report before its draft', () => {
    const seven = ids('7');
    expect(seven[0]).toBe('2021-wg4-rapport#Recommandation 7');
    expect(seven.slice(1).every((id) => id.includes('#paragraphe 7'))).toBe(true);
    expect(seven.length).toBe(6); // Recommandation 7 + paragraphe 7 of each of the five documents

    const first = ids('paragraphe 1');
    expect(first).toHaveLength(5);
    expect(first.at(-1)).toBe('2021-wg4-projet-de-rapport#paragraphe 1');
    expect(first.indexOf('2021-wg4-rapport#paragraphe 1')).toBeLessThan(first.indexOf('2021-wg4-projet-de-rapport#paragraphe 1'));

    const inYear = ids('§ 3 2021');
    expect(inYear.every((id) => id.startsWith('2021-'))).toBe(true);
    expect(inYear.at(-1)).toBe('2021-wg4-projet-de-rapport#paragraphe 3');
  });

  it('suggests the nearest existing labels when nothing matches', () => {
    const noRec = find('Recommandation 17');
    expect(noRec.matches).toEqual([]);
    expect(noRec.suggestions[0]?.passage.id).toBe('2021-wg4-rapport#Recommandation 16');

    expect(suggestionIds('Recommandation 7 d)')[0]).toBe('2021-wg4-rapport#Recommandation 7 c)');
    expect(suggestionIds('Recommandation 7 d)')).toContain('2021-wg4-rapport#Recommandation 7');
    expect(suggestionIds('§ 72 d) 2017')[0]).toBe('2023-a78-rapport-secretaire-general#paragraphe 72 d)');
    expect(suggestionIds('39 a) vi)')[0]).toBe('2023-a78-rapport-secretaire-general#paragraphe 39 a) v)');
    expect(suggestionIds('paragraphe 50', '2021-wg4-rapport')[0]).toBe('2021-wg4-rapport#paragraphe 49');
  });

  it.each([
    ['que dit la recommandation 7 c ?', '2021-wg4-rapport#Recommandation 7 c)'],
    ['§ 72 d) du rapport 2023', '2023-a78-rapport-secretaire-general#paragraphe 72 d)'],
    ['show me recommendation 12', '2021-wg4-rapport#Recommandation 12'],
    ['Que dit le paragraphe 7 g) du rapport de 2017 ?', '2017-wg4-rapport#paragraphe 7 g)'],
    ['paragraphe 39 a) ii) du rapport du secrétaire général', '2023-a78-rapport-secretaire-general#paragraphe 39 a) ii)'],
  ])('resolves the reference asked in %j', (question, expected) => {
    const asked = isReferenceQuestion(question);
    expect(asked).not.toBeNull();
    expect(ids(asked?.ref ?? '', asked?.doc)[0]).toBe(expected);
  });

  it('resolves the unnumbered title note', () => {
    expect(ids('note *', 'secretaire')).toEqual(['2023-a78-rapport-secretaire-general#note *']);
  });

  it('answers "no reference" for input without a number', () => {
    expect(find('bonjour').error).toBe('no-reference');
  });

  it('finds every passage of the corpus by its own label and document', () => {
    for (const passage of corpus.passages) {
      const found = ids(passage.label, passage.docId);
      expect(found, passage.id).toEqual([passage.id]);
    }
  });

  it('has the expected label ranges', () => {
    const labels = (docId: string) => new Set(corpus.passages.filter((p) => p.docId === docId).map((p) => p.label));
    const range = (prefix: string, from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);
    const letters = (prefix: string, last: string) =>
      Array.from({ length: last.charCodeAt(0) - 96 }, (_, i) => `${prefix} ${String.fromCharCode(97 + i)})`);
    const check = (docId: string, expected: string[]) => {
      const have = labels(docId);
      for (const label of expected) expect(have.has(label), `${docId} ${label}`).toBe(true);
    };
    check('2021-wg4-rapport', [...range('Recommandation ', 1, 16), ...range('paragraphe ', 1, 49), ...letters('Recommandation 7', 'c')]);
    check('2017-wg4-rapport', [...range('paragraphe ', 1, 32), ...letters('paragraphe 7', 'j'), ...letters('paragraphe 8', 'o')]);
    check('2023-a78-rapport-secretaire-general', [
      ...range('paragraphe ', 1, 72),
      ...letters('paragraphe 72', 'l'),
      ...letters('paragraphe 39', 'r'),
      ...['i', 'ii', 'iii', 'iv', 'v'].map((r) => `paragraphe 39 a) ${r})`),
    ]);
    check('2021-wg4-document-information-marches-publics', range('paragraphe ', 1, 52));
    check('2021-wg4-projet-de-rapport', range('paragraphe ', 1, 28));
  });
});

describe('words the lookup cannot place (issue 13, D7)', () => {
  it.each([
    ['7 zz)', ['zz']],
    ['72 d 2099', ['2099']],
    ['Recommandation 7 c) du rapport 1999', ['1999']],
    ['§ 72 d) xyzzy', ['xyzzy']],
  ])('%j answers nothing and names %j, with the references it could have meant as suggestions', (ref, words) => {
    const result = find(ref);
    expect(result.matches).toEqual([]);
    expect(result.unplacedWords).toEqual(words);
    expect(result.suggestions.length).toBeGreaterThan(0);
  });

  it('suggests what the rest of the reference names: "7 zz)" offers Recommandation 7 and the paragraphs 7', () => {
    const labels = find('7 zz)').suggestions.map((s) => s.passage.label);
    expect(labels).toContain('Recommandation 7');
    expect(labels).toContain('paragraphe 7');
  });

  it('words beside an explicit --doc are not dropped either', () => {
    const result = find('7 g) zz', { doc: '2017' });
    expect(result.matches).toEqual([]);
    expect(result.unplacedWords).toEqual(['zz']);
  });

  it('filler and document words still resolve', () => {
    expect(find('7 g) du rapport 2017').unplacedWords).toEqual([]);
    expect(ids('7 g) du rapport 2017')).toEqual(['2017-wg4-rapport#paragraphe 7 g)']);
  });
});
