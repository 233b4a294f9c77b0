// The lean model load: the one entry (loadLean) to the parts of the embedding stage that reach inside
// transformers.js and onnxruntime-node to load multilingual-e5-small in about half the memory of the stock
// load, with bit-identical vectors (test/embed/lean-load.test.ts). Everything it relies on that is not those
// libraries' public API is listed here; it is used only on the exact versions it was checked against
// (LEAN_LOAD_VERSIONS, pinned in package.json), and embedder.ts says once, as a process warning, when it falls
// back to the stock load.
//
// What it relies on, and where:
// - @xenova/transformers 2.17.2
//   - `env.customCache` / `env.useCustomCache` with `match(url)` answering a Response-like object whose
//     `arrayBuffer()` is read once (model-file-cache.ts): documented, but the stand-in bytes for the ONNX file
//     are not a model — they only work together with the onnxruntime wrap below.
//   - `AutoTokenizer.TOKENIZER_CLASS_MAPPING` (a static, undocumented) and the Unigram tokenizer's constructor
//     reading only `vocab.length` and `vocab[i]` of `tokenizer.json`'s `model.vocab` (compact-tokenizer.ts).
//   - the deep module '@xenova/transformers/src/utils/data-structures.js' and `CharTrie.prototype.extend`,
//     replaced while the tokenizer is built (lean-vocab-trie.ts); `tokenizer.model.config` rewritten after
//     (releaseParsedVocabulary).
//   - that the Unigram constructor calls `extend` once, with its pieces in vocabulary order: the trie the
//     tokenizer cache keeps (tokenizer-cache.ts) is handed back for a vocabulary of the same size only.
//   - that it creates its session with `InferenceSession.create(buffer, { executionProviders })` of the
//     same onnxruntime-node instance this process imports.
// - onnxruntime-node 1.14.0 (transformers.js's own dependency, declared and pinned in package.json)
//   - `InferenceSession.create` replaced process-wide to add thread and arena options and to open the model
//     by path when it is handed the stand-in buffer (onnx-threads.ts); 1.14 ignores session options for
//     sessions created from a buffer, which is why the path matters.
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadUnigramTokenizer, type TokenizerCacheUse } from './compact-tokenizer.ts';
import type { EncoderModel, Tokenizer, TransformersModule } from './embedder.ts';
import { releaseParsedVocabulary, withLeanVocabTries } from './lean-vocab-trie.ts';
import { modelFileCache } from './model-file-cache.ts';
import { MODEL_ID } from './model-location.ts';
import { modelFileStandIn } from './onnx-threads.ts';

/** The versions the internals above were read in and tested against. */
export const LEAN_LOAD_VERSIONS: Readonly<Record<string, string>> = {
  '@xenova/transformers': '2.17.2',
  'onnxruntime-node': '1.14.0',
};

const require = createRequire(import.meta.url);

function installedVersion(name: string): string | null {
  try {
    return (require(`${name}/package.json`) as { version?: string }).version ?? null;
  } catch {
    return null;
  }
}

/**
 * Why the lean load must not be used with the installed libraries, or null when it may. `versionOf` is how
 * a package's installed version is found (its package.json, by default).
 */
export function leanLoadRefusal(versionOf: (name: string) => string | null = installedVersion): string | null {
  const off = Object.entries(LEAN_LOAD_VERSIONS).flatMap(([name, wanted]) => {
    const found = versionOf(name);
    return found === wanted ? [] : [`${name} ${found ?? 'not found'} (checked on ${wanted})`];
  });
  return off.length ? `the installed ${off.join(' and ')} may not have the internals the lean load relies on` : null;
}

/**
 * Loads the model from `modelsDir` in a fraction of the memory transformers.js's own way takes (peak RSS of
 * the serving process 790 → 365 MB, see bench/README.md), with the same tokenizer and the same session, so
 * the same vectors. In order:
 * 1. the model first, while the process is smallest (onnxruntime's own peak while it builds the session,
 *    50–75 MB above what it keeps, then does not stack on the tokenizer's): transformers.js is served a
 *    stand-in for the ONNX file by our custom cache (its file cache is consulted first, hence off), and
 *    onnxruntime opens the file by path;
 * 2. the tokenizer, with its vocabulary parsed a slice at a time (compact-tokenizer.ts) and held in a packed
 *    trie rather than a trie of Maps (lean-vocab-trie.ts); both read from `tokenizerCacheDir` when it holds
 *    them for this tokenizer.json, and written there when it does not (tokenizer-cache.ts);
 * 3. the parsed vocabulary the tokenizer no longer needs, released.
 * Call only when leanLoadRefusal() is null and installThreadOptions has wrapped onnxruntime.
 */
export async function loadLean(
  transformers: TransformersModule,
  modelsDir: string,
  onnxFile: string,
  tokenizerCacheDir?: string,
): Promise<{ tokenizer: Tokenizer; model: EncoderModel; tokenizerCache: TokenizerCacheUse }> {
  const modelDir = path.join(modelsDir, MODEL_ID);
  transformers.env.useFSCache = false;
  transformers.env.useCustomCache = true;
  transformers.env.customCache = modelFileCache(modelDir, onnxFile, modelFileStandIn(onnxFile));
  const model = await transformers.AutoModel.from_pretrained(MODEL_ID, { quantized: true });
  const compact = await loadUnigramTokenizer(modelDir, transformers.AutoTokenizer, tokenizerCacheDir ? { cacheDir: tokenizerCacheDir } : {});
  const tokenizer = (compact?.tokenizer as Tokenizer | undefined) ??
    (await withLeanVocabTries(() => transformers.AutoTokenizer.from_pretrained(MODEL_ID))).value;
  releaseParsedVocabulary(tokenizer);
  return { tokenizer, model, tokenizerCache: compact?.cache ?? { use: 'off' } };
}
