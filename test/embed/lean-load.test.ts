// The memory-saving load (src/embed/embedder.ts, loadLean) against transformers.js's own way: the same token
// ids for the whole corpus, the same vectors, and each of its parts doing what it claims, for real.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutoTokenizer } from '@xenova/transformers';
import { MODEL_ID, loadEmbedder, type Embedder } from '../../src/embed/index.ts';
import { resolveModelsDir } from '../../src/embed/model-location.ts';
import { loadUnigramTokenizer, type TokenizerClasses } from '../../src/embed/compact-tokenizer.ts';
import { releaseParsedVocabulary } from '../../src/embed/lean-vocab-trie.ts';
import { PackedTrie } from '../../src/embed/packed-trie.ts';
import { modelFileCache } from '../../src/embed/model-file-cache.ts';
import { installThreadOptions, modelFileStandIn } from '../../src/embed/onnx-threads.ts';
import { REAL_CORPUS, tempDir } from '../index/fixtures.ts';

interface TokenizerLike {
  encode(text: string): number[];
  model: { trie: { root: { children: Map<string, unknown> } }; config: { vocab: unknown[] }; vocab: string[] };
}

const modelsDir = resolveModelsDir().dir!;
const modelDir = path.join(modelsDir, MODEL_ID);
const onnxFile = path.join(modelDir, 'onnx', 'model_quantized.onnx');

let lean: Embedder;
let stock: Embedder;
let scratch: string;
beforeAll(async () => {
  scratch = await tempDir('lean-load');
  lean = await loadEmbedder(); // the default: the lean load, without onnxruntime's arena
  // transformers.js's own way, as before: the ONNX file read into memory, the whole tokenizer.json parsed,
  // the vocabulary in a CharTrie, onnxruntime's arena on.
  stock = await loadEmbedder({ lean: false, arena: true });
});
afterAll(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
});

/** The corpus as paragraphs: every text the index embeds is made of these. */
async function corpusParagraphs(): Promise<string[]> {
  const files = (await fs.readdir(REAL_CORPUS)).filter((f) => /\.(md|txt)$/.test(f));
  const texts = await Promise.all(files.map((f) => fs.readFile(path.join(REAL_CORPUS, f), 'utf8')));
  return texts.flatMap((t) => t.split(/\n\s*\n/)).filter((p) => p.trim().length > 0);
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

describe('the lean load gives the same vectors as transformers.js’s own', () => {
  it('embeds questions and passages, short and longer than the window, identically to 1e-6', async () => {
    const paragraphs = await corpusParagraphs();
    const passages = [...paragraphs.slice(0, 40), paragraphs.slice(0, 30).join(' ')]; // the last: > 512 tokens
    expect(lean.countTokens(`passage: ${passages.at(-1)!}`)).toBeGreaterThan(600);
    const questions = ['Que recommande le Groupe de travail sur les marchés publics ?', 'What about whistleblowers? 🙂', 'e-procurement 2023'];
    const [leanPassages, stockPassages] = [await lean.embedPassages(passages), await stock.embedPassages(passages)];
    const [leanQuestions, stockQuestions] = [await lean.embedQueries(questions), await stock.embedQueries(questions)];
    let worst = 0;
    leanPassages.forEach((v, i) => (worst = Math.max(worst, maxAbsDiff(v, stockPassages[i]!))));
    leanQuestions.forEach((v, i) => (worst = Math.max(worst, maxAbsDiff(v, stockQuestions[i]!))));
    expect(worst).toBeLessThanOrEqual(1e-6);
  });

  it('counts the same tokens for every paragraph of the corpus', async () => {
    const paragraphs = await corpusParagraphs();
    expect(paragraphs.length).toBeGreaterThan(500);
    const differing = paragraphs.filter((p) => lean.countTokens(p) !== stock.countTokens(p));
    expect(differing).toEqual([]);
  });
});

describe('the compact tokenizer', () => {
  it('is the class AutoTokenizer builds, with a packed trie for its vocabulary, and encodes the corpus to the same ids', async () => {
    const loaded = await loadUnigramTokenizer(modelDir, AutoTokenizer as unknown as TokenizerClasses);
    const { tokenizer, leanTries, cache } = loaded!;
    expect(cache).toEqual({ use: 'off' });
    const compact = tokenizer as TokenizerLike;
    expect(releaseParsedVocabulary(compact)).toBe(true);
    const reference = (await AutoTokenizer.from_pretrained(MODEL_ID)) as unknown as TokenizerLike;
    expect(compact.constructor).toBe(reference.constructor);
    expect(leanTries).toBe(1);
    expect(compact.model.trie.root.children.size).toBe(0); // no trie of Maps was built…
    expect(reference.model.trie.root.children.size).toBeGreaterThan(1000); // …unlike transformers.js's own
    expect(compact.model.config.vocab).toEqual([]);
    expect(compact.model.vocab).toEqual(reference.model.vocab);

    const paragraphs = await corpusParagraphs();
    const tricky = ['', ' ', 'émoji 🙂🙃 et 𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'lone \ud83d surrogate \ude42', '中文 日本語 한국어 العربية', '<mask> <s> </s>'];
    tricky.push('a'.repeat(600));
    for (const text of [...paragraphs, ...tricky]) expect(compact.encode(text)).toEqual(reference.encode(text));
  });

  it('leaves a tokenizer it does not know to AutoTokenizer (null)', async () => {
    const dir = path.join(scratch, 'other');
    await fs.mkdir(dir, { recursive: true });
    const auto = AutoTokenizer as unknown as TokenizerClasses;
    await fs.writeFile(path.join(dir, 'tokenizer_config.json'), JSON.stringify({ tokenizer_class: 'NoSuchTokenizer' }));
    expect(await loadUnigramTokenizer(dir, auto)).toBeNull();
    await fs.writeFile(path.join(dir, 'tokenizer_config.json'), JSON.stringify({ tokenizer_class: 'XLMRobertaTokenizerFast' }));
    await fs.writeFile(path.join(dir, 'tokenizer.json'), JSON.stringify({ model: { type: 'BPE', vocab: { a: 0 } } }));
    expect(await loadUnigramTokenizer(dir, auto)).toBeNull(); // not a Unigram model
    await fs.writeFile(path.join(dir, 'tokenizer.json'), '{"model": {"type": "Unigram", "vocab": [["a", -1.0], ["b"');
    expect(await loadUnigramTokenizer(dir, auto)).toBeNull(); // truncated: transformers.js will say what is wrong
    await fs.writeFile(path.join(dir, 'tokenizer.json'), '{"model": {"type": "Unigram", "vocab": [["a", -1.0], ["b", nope]]}}');
    expect(await loadUnigramTokenizer(dir, auto)).toBeNull(); // not JSON
  });
});

describe('PackedTrie', () => {
  it('yields what transformers.js’s CharTrie yields, surrogates included', async () => {
    const { CharTrie } = (await import('@xenova/transformers/src/utils/data-structures.js' as string)) as {
      CharTrie: new () => { extend(texts: string[]): void; commonPrefixSearch(text: string): Iterable<string> };
    };
    const pieces = ['▁', '▁d', '▁de', '▁des', 'é', 'ét', '🙂', '🙂a', 'a🙂', 'a', 'ab', 'abc', 'abc', 'x\u0301', '中', '中文', 'zz'];
    const trie = new CharTrie();
    trie.extend(pieces);
    const packed = new PackedTrie(pieces);
    const texts = ['▁des chats', 'abcd', 'a🙂b', '🙂a', 'ét', 'x\u0301y', '中文字', '\ud83d', 'ab\ude42', '', 'zzz', 'z', 'b'];
    for (const text of texts) expect([...packed.commonPrefixSearch(text)]).toEqual([...trie.commonPrefixSearch(text)]);
  });

  it('finds the same prefixes as CharTrie for every position of the corpus, with the real vocabulary', async () => {
    const { CharTrie } = (await import('@xenova/transformers/src/utils/data-structures.js' as string)) as {
      CharTrie: new () => { extend(texts: string[]): void; commonPrefixSearch(text: string): Iterable<string> };
    };
    const tokenizer = (await AutoTokenizer.from_pretrained(MODEL_ID)) as unknown as TokenizerLike;
    const vocab = tokenizer.model.vocab;
    const trie = new CharTrie();
    trie.extend(vocab);
    const packed = new PackedTrie(vocab);
    expect(packed.size).toBeGreaterThan(vocab.length); // one node per distinct prefix
    const text = `▁${(await corpusParagraphs()).join('▁').replace(/\s+/g, '▁')} 🙂▁🙂`;
    for (let start = 0; start < text.length; start += 7) {
      const rest = text.slice(start, start + 40);
      expect([...packed.commonPrefixSearch(rest)]).toEqual([...trie.commonPrefixSearch(rest)]);
    }
  });
});

describe('the ONNX stand-in', () => {
  it('is served for the ONNX file, the other model files are read once, anything else misses', async () => {
    const standIn = modelFileStandIn(onnxFile);
    const cache = modelFileCache(modelDir, onnxFile, standIn);
    expect(await (await cache.match(onnxFile))!.arrayBuffer()).toBe(standIn);
    const tokenizerJson = await (await cache.match(path.join(modelDir, 'tokenizer.json')))!.arrayBuffer();
    expect(Buffer.from(tokenizerJson).equals(await fs.readFile(path.join(modelDir, 'tokenizer.json')))).toBe(true);
    expect(await cache.match(path.join(modelDir, 'no-such-file.json'))).toBeUndefined();
    expect(await cache.match(path.join(scratch, 'tokenizer.json'))).toBeUndefined();
    expect(await cache.match(`https://huggingface.co/${MODEL_ID}/resolve/main/tokenizer.json`)).toBeUndefined();
    expect(standIn.byteLength).toBeLessThan(1024);
  });

  it('opens the model by path in onnxruntime when transformers.js hands it the stand-in', async () => {
    expect(await installThreadOptions({ intraOpNumThreads: 1, cpuMemArena: false }, [onnxFile])).toBe(true);
    const ort = (await import('onnxruntime-node' as string)) as {
      InferenceSession: { create(model: Uint8Array, options: object): Promise<{ inputNames: string[]; outputNames: string[] }> };
    };
    // As transformers.js calls it: a view on the bytes it was given, and its own execution providers.
    const session = await ort.InferenceSession.create(new Uint8Array(modelFileStandIn(onnxFile)), { executionProviders: ['cpu', 'wasm'] });
    expect(session.inputNames).toContain('input_ids');
    expect(session.outputNames).toContain('last_hidden_state');
    // Bytes that are not a registered stand-in still reach onnxruntime as a model (and are refused).
    await expect(ort.InferenceSession.create(new TextEncoder().encode('not a model'), { executionProviders: ['cpu'] })).rejects.toThrow();
  });
});
