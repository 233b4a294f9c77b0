// transformers.js's Unigram tokenizer puts its vocabulary in a CharTrie whose every node is an object with its
// own Map: for the 250 002 pieces of multilingual-e5-small that is ≈ 117 MB of JavaScript heap, two thirds of
// the 170 MB the whole tokenizer keeps. The trie serves one question, "which pieces are prefixes of this text?",
// which a PackedTrie answers exactly as fast, in 5.6 MB.
//
// The trie is built inside the Unigram constructor, so the only way not to build it is to replace
// CharTrie.prototype.extend while the tokenizer loads (withLeanVocabTries). The replacement gives each trie
// it fills its own commonPrefixSearch, so the trie keeps working after the prototype is restored.

import { PackedTrie, type PackedTrieArrays } from './packed-trie.ts';

/** Where transformers.js defines CharTrie: the module its tokenizers import (no public export). */
const DATA_STRUCTURES = '@xenova/transformers/src/utils/data-structures.js';

interface CharTrieLike {
  root: { children: Map<string, unknown> };
  extend(texts: string[]): void;
  push(text: string): void;
  commonPrefixSearch(text: string): Generator<string>;
}
interface CharTrieClass {
  prototype: CharTrieLike;
}

/** Whether `text` holds a surrogate that is not half of a well-formed pair. */
function hasLoneSurrogate(text: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

/**
 * Makes an empty CharTrie a PackedTrie holding `texts` (`packed`, or one built now); null when that would not
 * be exact (a lone surrogate is the only key a code unit of a surrogate can match in a CharTrie, see
 * PackedTrie.commonPrefixSearch).
 */
function makeLean(trie: CharTrieLike, texts: string[], packed?: PackedTrie): PackedTrie | null {
  if (trie.root.children.size > 0 || texts.some(hasLoneSurrogate)) return null;
  packed ??= new PackedTrie(texts);
  const frozen = () => {
    throw new Error('a packed vocabulary trie cannot take more pieces once built');
  };
  // Own properties: they outlive the patched prototype and shadow the node-building methods (which the
  // Unigram model calls once, in its constructor).
  Object.assign(trie, { extend: frozen, push: frozen, commonPrefixSearch: (text: string) => packed.commonPrefixSearch(text) });
  return packed;
}

let charTrie: Promise<CharTrieClass | null> | null = null;

/** transformers.js's CharTrie class, or null when it is not where version 2.17 keeps it. */
function loadCharTrie(): Promise<CharTrieClass | null> {
  charTrie ??= import(DATA_STRUCTURES).then(
    (module: { CharTrie?: CharTrieClass }) => {
      const proto = module.CharTrie?.prototype as unknown as Record<string, unknown> | undefined;
      const usable = proto && ['extend', 'push', 'commonPrefixSearch'].every((m) => typeof proto[m] === 'function');
      return usable ? (module.CharTrie as CharTrieClass) : null;
    },
    () => null,
  );
  return charTrie;
}

/** A trie built before, for the one vocabulary of `pieces` pieces it was built over (tokenizer-cache.ts). */
export interface PrebuiltTrie {
  pieces: number;
  arrays: PackedTrieArrays;
}

/**
 * Runs `load` (a transformers.js tokenizer load) with vocabulary tries built as PackedTries, or, for a
 * vocabulary of `prebuilt.pieces` pieces, taken from `prebuilt` (the caller vouches that it was built over
 * those very pieces). Returns the tries made lean (none when CharTrie could not be reached or a vocabulary
 * has lone surrogates: the normal trie is then built, same tokens, more memory).
 */
export async function withLeanVocabTries<T>(load: () => Promise<T>, prebuilt?: PrebuiltTrie): Promise<{ value: T; leanTries: PackedTrie[] }> {
  const CharTrie = await loadCharTrie();
  if (!CharTrie) return { value: await load(), leanTries: [] };
  const proto = CharTrie.prototype;
  const originalExtend = proto.extend;
  const leanTries: PackedTrie[] = [];
  proto.extend = function (this: CharTrieLike, texts: string[]) {
    const reuse = prebuilt && texts.length === prebuilt.pieces ? new PackedTrie(prebuilt.arrays) : undefined;
    const packed = makeLean(this, texts, reuse);
    if (packed) leanTries.push(packed);
    else originalExtend.call(this, texts);
  };
  try {
    return { value: await load(), leanTries };
  } finally {
    proto.extend = originalExtend;
  }
}

/**
 * Lets the parsed `tokenizer.json` vocabulary (250 002 `[piece, score]` arrays, ≈ 21 MB) be collected: a
 * Unigram model copies it into its own `vocab` and `scores` when constructed and never reads its config again.
 * Returns whether there was something to release.
 */
export function releaseParsedVocabulary(tokenizer: unknown): boolean {
  const model = (tokenizer as { model?: { constructor?: { name?: string }; vocab?: unknown; scores?: unknown; config?: { vocab?: unknown } } }).model;
  if (model?.constructor?.name !== 'Unigram' || !Array.isArray(model.vocab) || !Array.isArray(model.scores)) return false;
  if (!model.config || !Array.isArray(model.config.vocab)) return false;
  model.config = { ...model.config, vocab: [] };
  return true;
}
