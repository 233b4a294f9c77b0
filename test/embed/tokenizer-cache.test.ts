// The tokenizer cache (src/embed/tokenizer-cache.ts): the next start reads the parsed vocabulary and its trie
// from one binary file instead of tokenizer.json, and gets the very same tokenizer; a cache that is not of
// this tokenizer.json, or not whole, is never read; a folder that cannot be written only costs the speed.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutoTokenizer, env } from '@xenova/transformers';
import { MODEL_ID, loadEmbedder } from '../../src/embed/index.ts';
import { resolveModelsDir } from '../../src/embed/model-location.ts';
import { loadUnigramTokenizer, type TokenizerClasses } from '../../src/embed/compact-tokenizer.ts';
import { PackedTrie } from '../../src/embed/packed-trie.ts';
import { readTokenizerCache, tokenizerCacheFile, writeTokenizerCache } from '../../src/embed/tokenizer-cache.ts';
import { sha256 } from '../../src/corpus/index.ts';
import { REAL_CORPUS, tempDir } from '../index/fixtures.ts';

interface TokenizerLike {
  encode(text: string): number[];
  model: { vocab: string[]; scores: number[]; trie: { commonPrefixSearch(text: string): Iterable<string> } };
}

const modelsDir = resolveModelsDir().dir!;
const modelDir = path.join(modelsDir, MODEL_ID);
const auto = AutoTokenizer as unknown as TokenizerClasses;
let scratch: string;
let digest: string;
let reference: TokenizerLike;
let corpusText: string[];
beforeAll(async () => {
  scratch = await tempDir('tokenizer-cache');
  digest = sha256(await fs.readFile(path.join(modelDir, 'tokenizer.json')));
  env.localModelPath = modelsDir; // transformers.js's own load, from the same files, for reference
  env.allowRemoteModels = false;
  reference = (await AutoTokenizer.from_pretrained(MODEL_ID)) as unknown as TokenizerLike;
  const files = (await fs.readdir(REAL_CORPUS)).filter((f) => /\.(md|txt)$/.test(f));
  const texts = await Promise.all(files.map((f) => fs.readFile(path.join(REAL_CORPUS, f), 'utf8')));
  corpusText = texts.flatMap((t) => t.split(/\n\s*\n/)).filter((p) => p.trim().length > 0);
});
afterAll(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
});

const tricky = ['', ' ', 'émoji 🙂🙃 et 𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'lone \ud83d surrogate \ude42', '中文 日本語 한국어 العربية', '<mask> <s> </s>', 'a'.repeat(600)];

describe('the tokenizer cache', () => {
  it('is written at the first load and read at the next, which gives the same tokenizer as AutoTokenizer', async () => {
    const cacheDir = path.join(scratch, 'cache');
    const first = await loadUnigramTokenizer(modelDir, auto, { cacheDir });
    expect(first!.cache).toEqual({ use: 'written' });
    expect(await fs.readdir(cacheDir)).toEqual([path.basename(tokenizerCacheFile(cacheDir, digest))]);
    const second = await loadUnigramTokenizer(modelDir, auto, { cacheDir });
    expect(second!.cache).toEqual({ use: 'read' });
    expect(second!.leanTries).toBe(1);

    const cached = second!.tokenizer as TokenizerLike;
    expect(cached.constructor).toBe(reference.constructor);
    expect(cached.model.vocab).toEqual(reference.model.vocab);
    expect(cached.model.scores).toEqual(reference.model.scores);
    for (const text of [...corpusText, ...tricky]) expect(cached.encode(text)).toEqual(reference.encode(text));
    const joined = `▁${corpusText.slice(0, 60).join('▁').replace(/\s+/g, '▁')}`;
    for (let start = 0; start < joined.length; start += 11) {
      const rest = joined.slice(start, start + 30);
      expect([...cached.model.trie.commonPrefixSearch(rest)]).toEqual([...(first!.tokenizer as TokenizerLike).model.trie.commonPrefixSearch(rest)]);
    }
  });

  it('keeps every code unit of the pieces (lone surrogates, emoji), their scores and the trie, exactly', async () => {
    const pieces = ['▁', '▁de', 'é', '🙂', 'a\ud83d', '\ude42b', '中文', '', 'x'.repeat(70)];
    const scores = [0, -1.5, -2.25, -3e-7, -10, -11, 1 / 3, -0, -123.456789];
    const trie = new PackedTrie(pieces.slice(0, 4));
    const file = path.join(scratch, 'tricky', 'tokenizer.bin');
    const restJson = JSON.stringify({ model: { type: 'Unigram', vocab: [] }, normalizer: { note: 'épreuve ✓' } });
    await writeTokenizerCache(file, 'a'.repeat(64), { restJson, pieces, scores, trie: trie.arrays() });
    const read = await readTokenizerCache(file, 'a'.repeat(64));
    expect(read!.pieces).toEqual(pieces);
    expect(Array.from(read!.scores)).toEqual(scores);
    expect(read!.restJson).toBe(restJson);
    const back = new PackedTrie(read!.trie!);
    for (const text of ['▁des', '🙂🙂', 'éa', 'zz']) expect([...back.commonPrefixSearch(text)]).toEqual([...trie.commonPrefixSearch(text)]);
  });

  it('is not read for another tokenizer.json, nor when it is cut short or altered, and is then written again', async () => {
    const cacheDir = path.join(scratch, 'damaged');
    expect((await loadUnigramTokenizer(modelDir, auto, { cacheDir }))!.cache.use).toBe('written');
    const file = tokenizerCacheFile(cacheDir, digest);
    expect(await readTokenizerCache(file, 'b'.repeat(64))).toBeNull(); // made from another tokenizer.json
    const whole = await fs.readFile(file);
    await fs.writeFile(file, whole.subarray(0, whole.length - 100));
    expect(await readTokenizerCache(file, digest)).toBeNull(); // cut short
    const altered = Buffer.from(whole);
    altered.write('{"format":9', 12, 'latin1'); // the header is not this format's
    await fs.writeFile(file, altered);
    expect(await readTokenizerCache(file, digest)).toBeNull();
    await fs.writeFile(file, 'not a cache');
    expect(await readTokenizerCache(file, digest)).toBeNull();

    const again = await loadUnigramTokenizer(modelDir, auto, { cacheDir });
    expect(again!.cache.use).toBe('written');
    for (const text of corpusText.slice(0, 50)) expect((again!.tokenizer as TokenizerLike).encode(text)).toEqual(reference.encode(text));
    expect((await fs.readFile(file)).equals(whole)).toBe(true); // the same bytes as the first time
  });

  it('refuses trie arrays that cannot be a trie', () => {
    const { unit, firstChild, childCount, isPiece } = new PackedTrie(['ab', 'ac']).arrays();
    expect(() => new PackedTrie({ unit, firstChild, childCount: childCount.slice(1), isPiece })).toThrow(RangeError);
    const outside = childCount.slice();
    outside[0] = 99;
    expect(() => new PackedTrie({ unit, firstChild, childCount: outside, isPiece })).toThrow(RangeError);
  });

  it('only costs the speed when its folder cannot be written: the embedder loads, and says so once', async () => {
    const blocked = path.join(scratch, 'blocked');
    await fs.writeFile(blocked, 'a file where the cache folder should be');
    const unwritable = await loadUnigramTokenizer(modelDir, auto, { cacheDir: path.join(blocked, 'cache') });
    expect(unwritable!.cache.use).toBe('unwritable');
    expect((unwritable!.tokenizer as TokenizerLike).encode('Que recommande le Groupe de travail ?')).toEqual(reference.encode('Que recommande le Groupe de travail ?'));

    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const embedder = await loadEmbedder({ tokenizerCache: path.join(blocked, 'cache') });
      expect(embedder.tokenizerSource).toBe('json');
      expect((await embedder.embedQuery('traite des personnes')).length).toBe(384);
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    } finally {
      process.off('warning', onWarning);
    }
    const ours = warnings.filter((w) => (w as Error & { code?: string }).code === 'RAPPORTEUR_TOKENIZER_CACHE');
    expect(ours).toHaveLength(1);
    expect(ours[0]!.message).toContain(path.join(blocked, 'cache'));
  });

  it('gives the embedder the same vectors from the cache as from tokenizer.json', async () => {
    const cacheDir = path.join(scratch, 'embedder');
    const parsed = await loadEmbedder({ tokenizerCache: cacheDir });
    const cached = await loadEmbedder({ tokenizerCache: cacheDir });
    expect([parsed.tokenizerSource, cached.tokenizerSource]).toEqual(['json', 'cache']);
    const texts = ['Que recommande le Groupe de travail sur les marchés publics ?', corpusText[3]!, 'émoji 🙂 \ud83d'];
    expect(await cached.embedQueries(texts)).toEqual(await parsed.embedQueries(texts));
    expect(texts.map((t) => cached.countTokens(t))).toEqual(texts.map((t) => parsed.countTokens(t)));
  });
});
