// Hybrid search with the real model and a real HNSW index built in a temporary folder from a slice of the
// corpus (the 2021 report, its draft and the 2017 report).
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCorpusDir } from '../../src/config.ts';
import { loadEmbedder } from '../../src/embed/index.ts';
import { ensureIndex, type LoadedIndex } from '../../src/index/index.ts';
import { createSearcher, type Searcher, type SearchResult } from '../../src/search/index.ts';

const SLICE = ['2021-wg4-rapport.txt', '2021-wg4-projet-de-rapport.txt', '2017-wg4-rapport.md', 'corpus.yml'];
const TARGET = '2021-wg4-rapport#Recommandation 7 c)';

let tmp: string;
let index: LoadedIndex;
let searcher: Searcher;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-search-'));
  const corpusDir = path.join(tmp, 'corpus');
  await mkdir(corpusDir);
  for (const file of SLICE) await copyFile(path.join(defaultCorpusDir, file), path.join(corpusDir, file));
  const embedder = await loadEmbedder();
  index = await ensureIndex({ corpusDir, indexDir: path.join(tmp, 'index'), embedder });
  searcher = createSearcher({ index, embedder });
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const ids = (results: SearchResult[]) => results.map((r) => r.passage.id);
const rankOf = (results: SearchResult[], id: string) => ids(results).indexOf(id) + 1;

describe('hybrid search on the real index', () => {
  it('finds Recommandation 7 c) from a French paraphrase', async () => {
    const results = await searcher.search(
      'Les contenus qui servent à recruter et exploiter des victimes doivent-ils être enlevés vite des plateformes internet ?',
    );
    const rank = rankOf(results, TARGET);
    expect(rank).toBeGreaterThan(0);
    expect(rank).toBeLessThanOrEqual(3);
  });

  it('finds Recommandation 7 c) from an English paraphrase', async () => {
    const results = await searcher.search('Should online platforms quickly take down content used to recruit and exploit trafficking victims?');
    const rank = rankOf(results, TARGET);
    expect(rank).toBeGreaterThan(0);
    expect(rank).toBeLessThanOrEqual(3);
  });

  it('finds it in each mode alone, and keeps both component ranks in hybrid results', async () => {
    const query = 'retirer rapidement des plateformes en ligne le contenu utilisé pour exploiter les victimes';
    for (const mode of ['dense', 'lexical'] as const) {
      const rank = rankOf(await searcher.search(query, { mode, k: 10 }), TARGET);
      expect(rank, mode).toBeGreaterThan(0);
    }
    const hybrid = await searcher.search(query, { k: 10 });
    const hit = hybrid.find((r) => r.passage.id === TARGET);
    expect(hit?.dense?.rank).toBeGreaterThan(0);
    expect(hit?.dense?.similarity).toBeGreaterThan(0.5);
    expect(hit?.lexical?.rank).toBeGreaterThan(0);
    expect(hit?.lexical?.score).toBeGreaterThan(0);
    for (const r of hybrid) {
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    const scores = hybrid.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(searcher.lastTimings().totalMs).toBeGreaterThan(0);
  });

  it('pages with offset without repeating results', async () => {
    const query = 'coopération internationale contre la traite';
    const first = await searcher.search(query, { k: 5 });
    const second = await searcher.search(query, { k: 5, offset: 5 });
    expect(first).toHaveLength(5);
    expect(second).toHaveLength(5);
    expect(ids(first).filter((id) => ids(second).includes(id))).toEqual([]);
  });

  it('filters by document, year and kind', async () => {
    const query = 'protection et assistance aux victimes';
    const byDoc = await searcher.search(query, { k: 20, filters: { docIds: ['2017-wg4-rapport'] } });
    expect(byDoc.length).toBeGreaterThan(0);
    expect(byDoc.every((r) => r.document.id === '2017-wg4-rapport')).toBe(true);

    const byYear = await searcher.search(query, { k: 20, filters: { years: [2021] } });
    expect(byYear.length).toBeGreaterThan(0);
    expect(byYear.every((r) => r.document.year === 2021)).toBe(true);

    const recommendations = await searcher.search('plateformes en ligne', { k: 20, filters: { kinds: ['recommendation'] } });
    expect(recommendations.length).toBeGreaterThan(0);
    for (const r of recommendations) expect(r.passage.label).toMatch(/^Recommandation \d+/);
    expect(ids(recommendations)).toContain(TARGET);
  });

  it('folds a draft passage into its final twin instead of returning both', async () => {
    const query = "L'Ordre souverain de Malte était représenté par un observateur";
    const results = await searcher.search(query, { k: 10 });
    const top = results[0];
    expect(top?.passage.docId).toBe('2021-wg4-rapport');
    expect(top?.alsoIn.map((a) => a.passage.id)).toContain('2021-wg4-projet-de-rapport#paragraphe 24');
    // The draft passage folded into the final one never shows up on its own.
    expect(ids(results)).not.toContain('2021-wg4-projet-de-rapport#paragraphe 24');
    for (const r of results) {
      if (r.document.draftOf) expect(searcher.draftTwins.has(r.passage.id)).toBe(false);
    }

    // Restricted to the draft, the draft passage is returned as itself.
    const draftOnly = await searcher.search(query, { k: 3, filters: { docIds: ['2021-wg4-projet-de-rapport'] } });
    expect(draftOnly[0]?.passage.id).toBe('2021-wg4-projet-de-rapport#paragraphe 24');
  });

  it('pairs draft passages with their twins, and only near-identical ones', () => {
    const twins = searcher.draftTwins;
    expect(twins.get('2021-wg4-projet-de-rapport#paragraphe 1')?.finalPassageId).toBe('2021-wg4-rapport#paragraphe 1');
    expect(twins.get('2021-wg4-projet-de-rapport#paragraphe 27 c)')?.finalPassageId).toBe('2021-wg4-rapport#paragraphe 48 c)');
    // Same boilerplate, another agenda item: not a twin.
    expect(twins.get('2021-wg4-projet-de-rapport#paragraphe 16')?.finalPassageId).not.toBe('2021-wg4-rapport#paragraphe 37');
    // The draft's "recommended measures" lead-ins have no counterpart in the final text.
    expect(twins.has('2021-wg4-projet-de-rapport#paragraphe 5')).toBe(false);
  });

  it('returns nothing for an empty query', async () => {
    expect(await searcher.search('   ')).toEqual([]);
  });
});
