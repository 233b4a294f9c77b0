// The French→French bridge (synonyms.ts): everyday words of a French question → the reports' own words, and
// its effect on a lexical search when `synonyms: true`.
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultCorpusDir } from '../../src/config.ts';
import { loadCorpus, type Corpus } from '../../src/corpus/index.ts';
import { createSearcher, type Searcher } from '../../src/search/index.ts';
import { lightStem, tokenize } from '../../src/search/french.ts';
import { STOP_WORDS } from '../../src/search/stopwords.ts';
import { reportWords, synonymEntries } from '../../src/search/synonyms.ts';

let corpus: Corpus;
let vocabulary: Set<string>;
let counts: Map<string, number>;
let searcher: Searcher;

beforeAll(async () => {
  corpus = await loadCorpus(defaultCorpusDir);
  counts = new Map();
  for (const passage of corpus.passages) {
    for (const token of tokenize(passage.text)) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  vocabulary = new Set(counts.keys());
  // Lexical mode only: the dense side is never asked.
  searcher = createSearcher({
    index: { passages: corpus.passages, documents: corpus.documents, searchPassages: () => [] },
    embedder: { embedQuery: async () => new Float32Array(0) },
  });
});

const contentWords = (text: string) => tokenize(text).filter((t) => !STOP_WORDS.has(t));

describe('reportWords', () => {
  it('maps a phrase to the reports’ words', () => {
    expect(reportWords('Peut-on avoir un avocat sans payer ?').split(' ')).toContain('gratuit');
    expect(reportWords('Que faire de l’argent saisi ?')).toMatch(/avoirs confisqués/);
  });

  it('maps a single word, in the singular or the plural', () => {
    expect(reportWords('les salariés')).toMatch(/travailleurs/);
    expect(reportWords('un salarié')).toMatch(/travailleurs/);
    expect(reportWords('un avocat')).toMatch(/représentation juridique/);
  });

  it('matches on folded text: accents, case and apostrophes do not matter', () => {
    expect(reportWords('SALARIES')).toBe(reportWords('salariés'));
    expect(reportWords('l’argent saisi')).toBe(reportWords("L'ARGENT SAISI"));
    expect(reportWords('Medecin')).toBe(reportWords('médecin'));
  });

  it('matches phrases before words, longest first, and keeps report phrases as they are', () => {
    // "société civile" is the reports' own wording: not the "entreprises" of "société".
    expect(reportWords('la société civile')).toBe('');
    expect(reportWords('une société')).toBe('entreprises');
    expect(reportWords('les fournisseurs d’accès à Internet')).toBe('');
  });

  it('returns nothing for a question in the reports’ own words, and each word once', () => {
    expect(reportWords('Les victimes de la traite des personnes')).toBe('');
    const words = reportWords('un avocat, une avocate, sans payer, gratuitement sans frais').split(' ');
    expect(new Set(words).size).toBe(words.length);
  });

  it('maps only to words the reports use', () => {
    const missing = synonymEntries().flatMap(([key, words]) =>
      contentWords(words)
        .filter((w) => !vocabulary.has(w))
        .map((w) => `${key} → ${w}`),
    );
    expect(missing).toEqual([]);
  });

  it('never maps a key to itself (no report word shares a stem with its key’s words)', () => {
    const selfMapped = synonymEntries().flatMap(([key, words]) => {
      const keyStems = new Set(contentWords(key).map(lightStem));
      return contentWords(words)
        .filter((w) => keyStems.has(lightStem(w)))
        .map((w) => `${key} → ${w}`);
    });
    expect(selfMapped).toEqual([]);
  });

  it('has no key the reports themselves use often (they match already), bar two deliberate bridges', () => {
    // "société" (5 times beside "société civile") and "internet" (7) stand for the reports' far more frequent
    // "entreprises" (68) and "en ligne"/"technologie" (20/25+).
    const deliberate = new Set(['société', 'internet']);
    const frequent = synonymEntries()
      .filter(([key]) => !deliberate.has(key) && tokenize(key).length === 1)
      .filter(([key]) => (counts.get(tokenize(key)[0]!) ?? 0) >= 3)
      .map(([key]) => key);
    expect(frequent).toEqual([]);
  });

  it('has one entry per key once singular and plural are folded together', () => {
    const canonical = synonymEntries().map(([key]) =>
      tokenize(key)
        .map((w) => (w.length > 3 && /[sx]$/.test(w) ? w.slice(0, -1) : w))
        .join(' '),
    );
    expect(canonical.length).toBe(new Set(canonical).size);
    expect(canonical.length).toBeGreaterThanOrEqual(300);
  });
});

describe('lexical search with synonyms', () => {
  // Paraphrase of Recommandation 2 c) of the 2021 report ("confisquer tout éventuel produit du crime … utiliser
  // les avoirs ainsi confisqués pour soutenir les victimes … dans leur processus de rétablissement").
  const QUESTION = 'Faut-il se servir de l’argent saisi aux réseaux criminels pour aider les survivants à se reconstruire ?';
  const TARGET = '2021-wg4-rapport#Recommandation 2 c)';

  it('ranks the paraphrased passage higher with synonyms than without', async () => {
    const rank = async (synonyms: boolean) => {
      const results = await searcher.search(QUESTION, { mode: 'lexical', k: 50, synonyms });
      const index = results.findIndex((r) => r.passage.id === TARGET);
      return index < 0 ? Infinity : index + 1;
    };
    const without = await rank(false);
    const withSynonyms = await rank(true);
    expect(withSynonyms).toBeLessThan(without);
    expect(withSynonyms).toBeLessThanOrEqual(3);
  });

  it('leaves English questions to the English bridge', async () => {
    const query = 'lawyer free of charge';
    const a = await searcher.search(query, { mode: 'lexical', language: 'en', synonyms: true });
    const b = await searcher.search(query, { mode: 'lexical', language: 'en' });
    expect(a.map((r) => r.passage.id)).toEqual(b.map((r) => r.passage.id));
  });
});
