// The real multilingual-e5-small model, loaded once for this file.
import { beforeAll, describe, expect, it } from 'vitest';
import { pipeline } from '@xenova/transformers';
import { MODEL_DIMENSIONS, MODEL_ID, loadEmbedder, type Embedder } from '../../src/embed/index.ts';
import { resolveModelsDir } from '../../src/embed/model-location.ts';
import { MODEL_MAX_TOKENS } from '../../src/embed/windows.ts';
import { tokenWindows } from '../../src/embed/windows.ts';
import { cosine, norm } from '../index/fixtures.ts';

let embedder: Embedder;
beforeAll(async () => {
  embedder = await loadEmbedder();
});

/** transformers.js's own feature-extraction pipeline: the reference our batching and pooling must match. */
async function referenceEmbedding(input: string): Promise<Float32Array> {
  // loadEmbedder has already pointed transformers.js at the local model folder.
  const extractor = (await pipeline('feature-extraction', MODEL_ID, { quantized: true })) as unknown as (
    text: string,
    options: object,
  ) => Promise<{ data: Float32Array }>;
  return new Float32Array((await extractor(input, { pooling: 'mean', normalize: true })).data);
}

describe('embedding conventions', () => {
  it('describes the model and its dimensions', () => {
    expect(embedder.modelId).toBe(MODEL_ID);
    expect(embedder.dimensions).toBe(384);
    expect(MODEL_DIMENSIONS).toBe(384);
    expect(resolveModelsDir().dir).not.toBeNull();
  });

  it('prefixes queries with "query: " and passages with "passage: ", mean-pooled and normalised like the reference pipeline', async () => {
    const text = 'Le Groupe de travail a recommandé de renforcer la coopération internationale.';
    const [query, [passage]] = await Promise.all([embedder.embedQuery(text), embedder.embedPassages([text])]);
    expect(cosine(query, await referenceEmbedding(`query: ${text}`))).toBeGreaterThan(0.9999);
    expect(cosine(passage!, await referenceEmbedding(`passage: ${text}`))).toBeGreaterThan(0.9999);
    // The prefix changes the vector: without it the conventions would not be applied.
    expect(cosine(query, passage!)).toBeLessThan(0.999);
    expect(cosine(query, await referenceEmbedding(text))).toBeLessThan(0.999);
  });

  it('returns unit vectors of 384 dimensions, in input order, for batches of mixed lengths', async () => {
    const texts = Array.from({ length: 21 }, (_, i) => `Phrase numéro ${i} ${'sur la traite des personnes '.repeat(i % 7)}`);
    const vectors = await embedder.embedPassages(texts);
    expect(vectors).toHaveLength(21);
    for (const v of vectors) {
      expect(v).toHaveLength(384);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
    // Sorting by length for batching must not reorder results: each matches its own single embedding (not
    // bit for bit: int8 dynamic quantisation depends on the batch, the model's README measures ≥ 0.997).
    const [single] = await embedder.embedPassages([texts[13]!]);
    expect(cosine(vectors[13]!, single!)).toBeGreaterThan(0.995);
    expect(cosine(vectors[12]!, single!)).toBeLessThan(cosine(vectors[13]!, single!));
  });

  it('puts an English paraphrase of a French passage closer than an unrelated text', async () => {
    const [fr] = await embedder.embedPassages([
      'Les États parties devraient renforcer la protection des victimes de la traite des personnes, en particulier des enfants.',
    ]);
    const [en, unrelated] = await embedder.embedQueries([
      'How should states better protect child victims of human trafficking?',
      'What is the recipe for a chocolate cake with strawberries?',
    ]);
    expect(cosine(en!, fr!)).toBeGreaterThan(cosine(unrelated!, fr!) + 0.05);
  });

  it('caches repeated queries and agrees between embedQuery and embedQueries', async () => {
    const q = 'marchés publics et corruption';
    const first = await embedder.embedQuery(q);
    expect(await embedder.embedQuery(q)).toBe(first); // same instance: served from the LRU cache
    const [batched] = await embedder.embedQueries([q]);
    expect(batched).toBe(first);
  });

  it('reports progress up to the number of texts', async () => {
    const calls: Array<[number, number]> = [];
    await embedder.embedPassages(Array.from({ length: 20 }, (_, i) => `texte ${i}`), (done, total) => calls.push([done, total]));
    expect(calls.length).toBe(2); // two batches of at most 16
    expect(calls.at(-1)).toEqual([20, 20]);
  });

  it('counts tokens without special tokens', () => {
    expect(embedder.countTokens('')).toBe(0);
    expect(embedder.countTokens('passage: bonjour')).toBeGreaterThan(1);
  });
});

describe('texts longer than the model window', () => {
  const procurement =
    'La passation des marchés publics doit être transparente, concurrentielle et fondée sur des critères objectifs. ' +
    'Les États devraient publier les avis de marché, les critères d’attribution et les contrats conclus. ';
  const cooking =
    'Pour réussir une pâte à crêpes, mélangez la farine, les œufs et le lait, puis laissez reposer une heure. ' +
    'Faites cuire chaque crêpe dans une poêle chaude légèrement beurrée. ';

  it('cuts token sequences into overlapping windows that fit the model', () => {
    const ids = [0, ...Array.from({ length: 1200 }, (_, i) => 100 + i), 2];
    const windows = tokenWindows(ids);
    expect(windows.length).toBe(3);
    for (const w of windows) {
      expect(w.ids.length).toBeLessThanOrEqual(MODEL_MAX_TOKENS);
      expect(w.ids[0]).toBe(0);
      expect(w.ids.at(-1)).toBe(2);
    }
    // Every content token is in some window, and consecutive windows share 128 tokens.
    const covered = new Set(windows.flatMap((w) => w.ids.slice(1, -1)));
    expect(covered.size).toBe(1200);
    const [a, b] = windows;
    expect(a!.ids.slice(-129, -1)).toEqual(b!.ids.slice(1, 129));
    expect(tokenWindows([0, 5, 6, 2])).toEqual([{ ids: [0, 5, 6, 2], weight: 2 }]);
  });

  it('embeds the whole text (windows averaged, renormalised), not just its first 512 tokens', async () => {
    const head = procurement.repeat(12);
    const tail = cooking.repeat(12);
    const long = head + tail;
    expect(embedder.countTokens(`passage: ${long}`)).toBeGreaterThan(MODEL_MAX_TOKENS * 1.5);
    expect(embedder.countTokens(`passage: ${head}`)).toBeGreaterThan(MODEL_MAX_TOKENS - 20);

    const [whole, headOnly, tailOnly] = await embedder.embedPassages([long, head, tail]);
    expect(norm(whole!)).toBeCloseTo(1, 5);
    // A text cut at 512 tokens would be (almost) the head alone and know nothing of the cooking part.
    expect(cosine(whole!, headOnly!)).toBeLessThan(0.97);
    expect(cosine(whole!, tailOnly!)).toBeGreaterThan(cosine(headOnly!, tailOnly!) + 0.05);
  });
});
