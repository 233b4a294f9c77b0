// transformers.js loads a tokenizer by decoding all of tokenizer.json into one string (17 MB of UTF-8, 34 MB
// as a JavaScript string since it is not all Latin-1) and parsing it whole: 250 002 `[piece, score]` arrays
// that the Unigram model copies into its own `vocab` and `scores` and never reads again. At its peak that is
// ≈ 100 MB for what ends as ≈ 20 MB. Here the same tokenizer class is built from the same JSON, except that
// the vocabulary is parsed a few thousand entries at a time and handed over through an array-like view, so
// only one slice of it exists as JavaScript objects at any moment. What that parse gives (and the trie built
// over it) is cached in a binary file for the next start (tokenizer-cache.ts), which then parses nothing.
import fs from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '../corpus/index.ts';
import { withLeanVocabTries } from './lean-vocab-trie.ts';
import { readTokenizerCache, tokenizerCacheFile, writeTokenizerCache, type CachedVocabulary } from './tokenizer-cache.ts';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** Entries parsed per JSON.parse call: small enough to stay a few hundred KB, large enough to be fast. */
const SLICE_ENTRIES = 4096;

class MalformedJson extends Error {}

interface Utf8Decoder {
  decode(bytes: Uint8Array): string;
}

function skipSpace(b: Uint8Array, i: number): number {
  while (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09) i++;
  return i;
}

/** Index just past the string whose opening quote is at `i` (UTF-8 continuation bytes are never `"` or `\`). */
function stringEnd(b: Uint8Array, i: number): number {
  for (i++; i < b.length; i++) {
    if (b[i] === BACKSLASH) i++;
    else if (b[i] === QUOTE) return i + 1;
  }
  throw new MalformedJson('unterminated string');
}

/** Index just past the JSON value that starts at `i` (no leading space). */
function valueEnd(b: Uint8Array, i: number): number {
  const first = b[i];
  if (first === QUOTE) return stringEnd(b, i);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    let depth = 0;
    for (; i < b.length; i++) {
      const c = b[i];
      if (c === QUOTE) i = stringEnd(b, i) - 1;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    throw new MalformedJson('unterminated object or array');
  }
  // A number, true, false or null: runs to the next delimiter.
  while (i < b.length && ![COMMA, CLOSE_BRACE, CLOSE_BRACKET, 0x20, 0x0a, 0x0d, 0x09].includes(b[i]!)) i++;
  return i;
}

/**
 * Where the value of member `key` of the object starting at `start` begins, or null when it has none. The
 * values of the members before it are skipped; its own is not read (the vocabulary is most of the file).
 */
function memberStart(b: Uint8Array, start: number, key: string, decoder: Utf8Decoder): number | null {
  let i = skipSpace(b, start);
  if (b[i] !== OPEN_BRACE) throw new MalformedJson('expected an object');
  i = skipSpace(b, i + 1);
  while (b[i] !== CLOSE_BRACE) {
    if (b[i] !== QUOTE) throw new MalformedJson('expected a key');
    const keyEnd = stringEnd(b, i);
    const name: unknown = JSON.parse(decoder.decode(b.subarray(i, keyEnd)));
    i = skipSpace(b, keyEnd);
    if (b[i] !== COLON) throw new MalformedJson('expected a colon');
    const valueStart = skipSpace(b, i + 1);
    if (name === key) return valueStart;
    i = skipSpace(b, valueEnd(b, valueStart));
    if (b[i] === COMMA) i = skipSpace(b, i + 1);
    else if (b[i] !== CLOSE_BRACE) throw new MalformedJson('expected a comma');
  }
  return null;
}

/** The `[piece, score]` entries of the array that starts at `start`, parsed a slice at a time, and its end. */
function parseVocabulary(b: Uint8Array, start: number, decoder: Utf8Decoder): { pieces: string[]; scores: number[]; end: number } {
  const pieces: string[] = [];
  const scores: number[] = [];
  const flush = (from: number, to: number) => {
    const entries: unknown = JSON.parse(`[${decoder.decode(b.subarray(from, to))}]`);
    if (!Array.isArray(entries)) throw new MalformedJson('expected an array');
    for (const entry of entries as unknown[]) {
      if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || typeof entry[1] !== 'number') {
        throw new MalformedJson('a vocabulary entry is not [piece, score]');
      }
      pieces.push(entry[0]);
      scores.push(entry[1]);
    }
  };
  let i = skipSpace(b, start);
  if (b[i] !== OPEN_BRACKET) throw new MalformedJson('expected the vocabulary array');
  i = skipSpace(b, i + 1);
  let sliceStart = i;
  let count = 0;
  while (b[i] !== CLOSE_BRACKET) {
    if (i >= b.length) throw new MalformedJson('unterminated vocabulary');
    const entryEnd = valueEnd(b, i);
    count++;
    if (count === SLICE_ENTRIES) {
      flush(sliceStart, entryEnd);
      count = 0;
    }
    i = skipSpace(b, entryEnd);
    if (b[i] === COMMA) {
      i = skipSpace(b, i + 1);
      if (count === 0) sliceStart = i;
    } else if (b[i] !== CLOSE_BRACKET) throw new MalformedJson('expected a comma in the vocabulary');
    else if (count > 0) flush(sliceStart, entryEnd);
  }
  return { pieces, scores, end: i + 1 };
}

/**
 * An array-like that the Unigram constructor reads as `vocab.length` and `vocab[i]` = `[piece, score]`,
 * each pair made on demand (and dropped as soon as it has been read).
 */
function vocabularyView(pieces: readonly string[], scores: ArrayLike<number>): unknown[] {
  return new Proxy([] as unknown[], {
    get(target, property, receiver) {
      if (property === 'length') return pieces.length;
      if (typeof property === 'string') {
        const index = Number(property);
        if (Number.isInteger(index) && index >= 0 && index < pieces.length && String(index) === property) return [pieces[index], scores[index]];
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

/** The tokenizer classes of transformers.js, as AutoTokenizer chooses among them. */
export interface TokenizerClasses {
  TOKENIZER_CLASS_MAPPING: Record<string, new (tokenizerJSON: unknown, tokenizerConfig: unknown) => unknown>;
}

/**
 * tokenizer.json with its vocabulary apart (`restJson`: the rest, its vocabulary an empty array), or null
 * when it is not valid JSON.
 */
function parseTokenizerJson(bytes: Uint8Array): Omit<CachedVocabulary, 'trie'> | null {
  const decoder = new TextDecoder('utf-8');
  try {
    const model = memberStart(bytes, 0, 'model', decoder);
    const vocabStart = model === null ? null : memberStart(bytes, model, 'vocab', decoder);
    if (vocabStart === null) return null;
    const { pieces, scores, end } = parseVocabulary(bytes, vocabStart, decoder);
    const restJson = decoder.decode(bytes.subarray(0, vocabStart)) + '[]' + decoder.decode(bytes.subarray(end));
    return { restJson, pieces, scores };
  } catch (error) {
    // Let transformers.js parse it and report what is wrong.
    if (error instanceof MalformedJson || error instanceof SyntaxError) return null;
    throw error;
  }
}

/** Everything but the vocabulary, parsed as usual; null unless it is valid JSON for a Unigram model. */
function parseRest(restJson: string): { model: { type: 'Unigram'; vocab: unknown } } | null {
  try {
    const json = JSON.parse(restJson) as { model?: { type?: unknown; vocab?: unknown } } | null;
    return json?.model?.type === 'Unigram' ? (json as { model: { type: 'Unigram'; vocab: unknown } }) : null;
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

/** How a tokenizer load went with the cache: read from it, written to it, not writable (`error`), or no cache. */
export type TokenizerCacheUse = { use: 'read' | 'written' | 'off' } | { use: 'unwritable'; error: string };

export interface UnigramLoad {
  tokenizer: unknown;
  /** Vocabulary tries held as PackedTries (1 for multilingual-e5-small; 0: transformers.js's CharTrie). */
  leanTries: number;
  cache: TokenizerCacheUse;
}

/**
 * The tokenizer AutoTokenizer.from_pretrained would build from `<modelDir>/tokenizer.json` and
 * `tokenizer_config.json` (the same class, given the same JSON), loaded with a fraction of the transient
 * memory, its vocabulary trie packed (lean-vocab-trie.ts). With `cacheDir`, the parsed vocabulary and its trie
 * are read from the cache of this tokenizer.json when there is one, and written there when not. Returns null
 * — the caller then uses AutoTokenizer — when the files are not the Unigram tokenizer this is written for, or
 * the class AutoTokenizer would pick is unknown.
 */
export async function loadUnigramTokenizer(modelDir: string, auto: TokenizerClasses, options: { cacheDir?: string } = {}): Promise<UnigramLoad | null> {
  const config: unknown = JSON.parse(await fs.readFile(path.join(modelDir, 'tokenizer_config.json'), 'utf8'));
  if (config === null || typeof config !== 'object') return null;
  // As AutoTokenizer.from_pretrained: some configs name the "Fast" variant.
  const className = (config as { tokenizer_class?: unknown }).tokenizer_class;
  const TokenizerClass = typeof className === 'string' ? auto.TOKENIZER_CLASS_MAPPING[className.replace(/Fast$/, '')] : undefined;
  if (!TokenizerClass) return null;

  const bytes = await fs.readFile(path.join(modelDir, 'tokenizer.json'));
  const digest = options.cacheDir ? sha256(bytes) : '';
  const cacheFile = options.cacheDir ? tokenizerCacheFile(options.cacheDir, digest) : null;
  const cached = cacheFile ? await readTokenizerCache(cacheFile, digest) : null;
  const vocabulary = cached ?? parseTokenizerJson(bytes);
  const json = vocabulary && parseRest(vocabulary.restJson);
  if (!vocabulary || !json) return null;
  json.model.vocab = vocabularyView(vocabulary.pieces, vocabulary.scores);
  const prebuilt = cached?.trie ? { pieces: cached.pieces.length, arrays: cached.trie } : undefined;
  const { value: tokenizer, leanTries } = await withLeanVocabTries(async () => new TokenizerClass(json, config), prebuilt);

  let cache: TokenizerCacheUse = { use: cached ? 'read' : 'off' };
  if (cacheFile && !cached) {
    const trie = leanTries.length === 1 ? leanTries[0]!.arrays() : null;
    try {
      await writeTokenizerCache(cacheFile, digest, { ...vocabulary, trie });
      cache = { use: 'written' };
    } catch (error) {
      cache = { use: 'unwritable', error: error instanceof Error ? error.message : String(error) };
    }
  }
  return { tokenizer, leanTries: leanTries.length, cache };
}
