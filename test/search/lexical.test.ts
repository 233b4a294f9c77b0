// The lexical index precomputes its BM25+ scores; it must rank exactly as MiniSearch configured the way it used
// to be (same analyzer, boosts and typo rule) — same passages, same order, same scores — on the real corpus,
// for every question of the development set and for typed variants with typos, filters and short k.
import fs from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultCorpusDir, projectRoot } from '../../src/config.ts';
import { loadCorpus, type Corpus } from '../../src/corpus/index.ts';
import { createLexicalIndex, LEXICAL_BOOSTS, type LexicalIndex } from '../../src/search/lexical.ts';
import { processTerm, tokenize } from '../../src/search/french.ts';
import { LEXICAL_FIELDS, lexicalFields } from '../../src/search/lexical.ts';

/** MiniSearch as the lexical index used it before scores were precomputed: the reference to match. */
function miniSearchReference(corpus: Corpus) {
  const documentById = new Map(corpus.documents.map((d) => [d.id, d]));
  const docs = corpus.passages.map((p) => ({ id: p.id, ...lexicalFields(p, documentById.get(p.docId)?.displayName ?? '') }));
  const vocabulary = new Set<string>();
  for (const doc of docs) {
    for (const field of LEXICAL_FIELDS) {
      for (const token of tokenize(doc[field])) {
        const term = processTerm(token);
        if (term) vocabulary.add(term);
      }
    }
  }
  const index = new MiniSearch<(typeof docs)[number]>({
    fields: [...LEXICAL_FIELDS],
    storeFields: [],
    tokenize: (text) => tokenize(text),
    processTerm: (term) => processTerm(term),
    searchOptions: {
      boost: { ...LEXICAL_BOOSTS },
      combineWith: 'OR',
      prefix: false,
      fuzzy: (term) => (term.length >= 7 && !vocabulary.has(term) ? 1 : false),
      maxFuzzy: 1,
    },
  });
  index.addAll(docs);
  return (query: string, k: number, filter?: (id: string) => boolean) =>
    index
      .search(query, filter ? { filter: (r) => filter(String(r.id)) } : {})
      .slice(0, k)
      .map((r, i) => ({ passageId: String(r.id), score: r.score, rank: i + 1 }));
}

let corpus: Corpus;
let lexical: LexicalIndex;
let reference: ReturnType<typeof miniSearchReference>;
let questions: string[];

beforeAll(async () => {
  corpus = await loadCorpus(defaultCorpusDir);
  lexical = createLexicalIndex(corpus.passages, corpus.documents);
  reference = miniSearchReference(corpus);
  const devset = parse(fs.readFileSync(path.join(projectRoot, 'eval', 'devset.yml'), 'utf8')) as { questions: Array<{ question: string }> };
  questions = devset.questions.map((q) => q.question);
});

describe('lexical index = MiniSearch BM25+', () => {
  it('ranks every development-set question exactly as MiniSearch does', () => {
    expect(questions.length).toBeGreaterThan(100);
    for (const question of questions) {
      expect(lexical.search(question, { k: 120 }), question).toEqual(reference(question, 120));
    }
  });

  it('forgives typos the same way (fuzzy neighbours, their weights and order)', () => {
    // Each has a word of 7+ letters (after stemming) the corpus does not have: "exploitaton", "dautoevalu"…
    const typed = [
      'exploitaton sexuelle des enfants sur internnet',
      'questionnaire dautoévaluation des États',
      'exploitaiton des victimes',
      'prostitutoin forcée',
      'plateformse numériques',
    ];
    for (const question of typed) expect(lexical.search(question, { k: 400 }), question).toEqual(reference(question, 400));
  });

  it('applies filters before ranking and cuts at k as MiniSearch does', () => {
    const docId = corpus.documents[0]!.id;
    const onlyDoc = (id: string) => id.startsWith(`${docId}#`);
    for (const question of questions.slice(0, 40)) {
      expect(lexical.search(question, { k: 7, filter: onlyDoc }), question).toEqual(reference(question, 7, onlyDoc));
    }
    expect(lexical.search('', { k: 10 })).toEqual([]);
    expect(lexical.search('le la les de', { k: 10 })).toEqual(reference('le la les de', 10));
  });
});

describe('lexical index input', () => {
  it('refuses two passages with the same id, as MiniSearch did', () => {
    const [first] = corpus.passages;
    expect(() => createLexicalIndex([first!, { ...first! }], corpus.documents)).toThrow(/duplicate passage id/);
  });
});
