// The multilingual-e5-small encoder as the rest of the project sees it. Its conventions are not optional:
// `query: ` before questions, `passage: ` before passages, mean pooling over real tokens, L2 normalisation.
// We tokenise and pool ourselves (instead of the feature-extraction pipeline) so that a text longer than the
// model's window is embedded in overlapping windows that are averaged, never truncated.
import path from 'node:path';
import { projectRoot as defaultProjectRoot } from '../config.ts';
import { LruCache } from './lru.ts';
import {
  MODEL_DIMENSIONS,
  MODEL_ID,
  ModelLoadError,
  ModelNotFoundError,
  ONNX_FILE,
  defaultTokenizerCacheDir,
  downloadDirFor,
  holdsModel,
  offlineFromEnv,
  resolveModelsDir,
} from './model-location.ts';
import type { TokenizerClasses } from './compact-tokenizer.ts';
import { leanLoadRefusal, loadLean } from './lean-load.ts';
import type { ModelFileCache } from './model-file-cache.ts';
import { checkModelFiles, diagnoseModelFiles } from './model-files.ts';
import { installThreadOptions, threadOptionsFromEnv } from './onnx-threads.ts';
import { averageUnitVectors, normalize, tokenizerPieces, tokenWindows, TOKENIZER_CHUNK_CHARS } from './windows.ts';

export interface Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  /** Embeds a question (adds `query: `); repeated questions come from an LRU cache. */
  embedQuery(text: string): Promise<Float32Array>;
  embedQueries(texts: string[]): Promise<Float32Array[]>;
  /**
   * Embeds passages (adds `passage: `), in length-sorted batches of 16; a text longer than the model's
   * window is embedded in overlapping windows whose vectors are averaged and renormalised.
   * `onProgress(done, total)` counts finished texts.
   */
  embedPassages(texts: string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]>;
  /** Number of tokens of `text` without the special tokens the model adds. */
  countTokens(text: string): number;
  /**
   * Where the tokenizer's vocabulary came from: 'cache' (tokenizer-cache.ts, nothing parsed), or 'json'
   * (tokenizer.json parsed: the first start, or no cache; `undefined` until a lazy embedder has loaded).
   */
  readonly tokenizerSource?: 'cache' | 'json';
}

export interface LoadEmbedderOptions {
  /** Folder containing `Xenova/multilingual-e5-small/`; default: see resolveModelsDir. */
  modelsDir?: string;
  /** Forbid downloading the model; default: RAPPORTEUR_OFFLINE. */
  offline?: boolean;
  env?: NodeJS.ProcessEnv;
  projectRoot?: string;
  /**
   * Keep onnxruntime's memory arena (see ThreadOptions.cpuMemArena): for embedding many passages (index
   * builds: 15–20 % faster). Default false for loadEmbedder — a server embeds short questions and its peak
   * memory matters — and true for createLazyEmbedder, which index builds use.
   */
  arena?: boolean;
  /**
   * Load the model from disk the memory-saving way (default true; it needs the model on disk, and a download
   * always goes transformers.js's own way). false: transformers.js's own way, for comparison (same vectors).
   */
  lean?: boolean;
  /**
   * Folder of the tokenizer cache (the parsed vocabulary and its trie, read at the next start instead of
   * tokenizer.json: tokenizer-cache.ts), for the lean load; default `node_modules/.cache/rapporteur-tokenizer/`
   * in the project (defaultTokenizerCacheDir); false: no cache. A folder that cannot be written is said once,
   * as a process warning, and the model loads as without a cache.
   */
  tokenizerCache?: string | false;
}

/** Said once per process when the tokenizer cache cannot be written. */
let warnedCache = false;
function warnUnwritableCache(cacheDir: string, error: string): void {
  if (warnedCache) return;
  warnedCache = true;
  process.emitWarning(`the tokenizer cache could not be written in ${cacheDir} (${error}); each start parses tokenizer.json again`, {
    code: 'RAPPORTEUR_TOKENIZER_CACHE',
  });
}

/** Said once per process when the model is loaded transformers.js's own way although the lean way was asked for. */
let warnedStockLoad = false;
function warnStockLoad(reason: string): void {
  if (warnedStockLoad) return;
  warnedStockLoad = true;
  process.emitWarning(`loading the embedding model transformers.js's own way, in about twice the memory: ${reason}`, {
    code: 'RAPPORTEUR_LEAN_LOAD',
  });
}

const QUERY_PREFIX = 'query: ';
const PASSAGE_PREFIX = 'passage: ';

/** The exact text the model embeds for a passage: what a cache of passage vectors must key on. */
export function passageInput(text: string): string {
  return PASSAGE_PREFIX + text;
}
const BATCH_SIZE = 16;
const QUERY_CACHE_SIZE = 512;

// The slice of transformers.js we use, typed here rather than through its generated declarations.
export interface Tokenizer {
  encode(text: string, pair?: string | null, options?: { add_special_tokens?: boolean }): number[];
  pad_token_id?: number;
}
interface TensorLike {
  data: Float32Array;
  dims: number[];
}
export interface EncoderModel {
  (inputs: Record<string, unknown>): Promise<{ last_hidden_state: TensorLike }>;
  session: { inputNames: string[] };
}
export interface TransformersModule {
  env: {
    localModelPath: string;
    cacheDir: string;
    allowLocalModels: boolean;
    allowRemoteModels: boolean;
    useFSCache: boolean;
    useCustomCache: boolean;
    customCache: ModelFileCache | null;
  };
  AutoTokenizer: TokenizerClasses & { from_pretrained(id: string): Promise<Tokenizer> };
  AutoModel: { from_pretrained(id: string, options: { quantized: boolean }): Promise<EncoderModel> };
  Tensor: new (type: string, data: BigInt64Array, dims: number[]) => unknown;
}

/**
 * Loads the model once (≈ 1–2 s). Looks for it as resolveModelsDir says; when it is nowhere and downloading
 * is allowed, transformers.js fetches it into `models/` in the project. Throws ModelNotFoundError otherwise.
 */
export async function loadEmbedder(opts: LoadEmbedderOptions = {}): Promise<Embedder> {
  const env = opts.env ?? process.env;
  const root = opts.projectRoot ?? defaultProjectRoot;
  const offline = opts.offline ?? offlineFromEnv(env);
  let dir: string | null;
  let searched: string[];
  if (opts.modelsDir) {
    dir = holdsModel(opts.modelsDir) ? path.resolve(opts.modelsDir) : null;
    searched = [path.resolve(opts.modelsDir)];
  } else {
    ({ dir, searched } = resolveModelsDir({ env, projectRoot: root }));
  }
  const downloadDir = downloadDirFor({ modelsDir: opts.modelsDir, env, projectRoot: root });
  if (!dir && offline) throw new ModelNotFoundError(searched, 'downloading it is disabled (RAPPORTEUR_OFFLINE=1)', downloadDir);

  const modelFile = (modelsDir: string) => path.join(modelsDir, MODEL_ID, ONNX_FILE);
  // A damaged copy is named before onnxruntime or transformers.js meet it (they print stacks and a false fallback).
  if (dir) await checkModelFiles(path.join(dir, MODEL_ID));
  const sessionOptions = { ...threadOptionsFromEnv(env), cpuMemArena: opts.arena ?? false };
  // The lean load relies on library internals (lean-load.ts lists them): only on the versions it was checked on.
  const refusal = (opts.lean ?? true) && dir ? leanLoadRefusal() : null;
  const wrapped = !refusal && (await installThreadOptions(sessionOptions, [modelFile(dir ?? downloadDir)]));
  const transformers = (await import('@xenova/transformers')) as unknown as TransformersModule;
  transformers.env.allowLocalModels = true;
  transformers.env.localModelPath = dir ?? downloadDir;
  transformers.env.cacheDir = downloadDir;
  transformers.env.allowRemoteModels = !dir;
  // The lean load needs the files on disk (and our hold on onnxruntime, to open the ONNX file by path).
  const leanFrom = (opts.lean ?? true) && wrapped ? dir : null;
  if ((opts.lean ?? true) && dir && !leanFrom) warnStockLoad(refusal ?? 'onnxruntime-node could not be wrapped to open the model by path');

  let tokenizer: Tokenizer;
  let model: EncoderModel;
  let tokenizerSource: 'cache' | 'json' = 'json';
  try {
    if (leanFrom) {
      const cacheDir = opts.tokenizerCache === false ? undefined : path.resolve(root, opts.tokenizerCache ?? defaultTokenizerCacheDir(root));
      const lean = await loadLean(transformers, leanFrom, modelFile(leanFrom), cacheDir);
      ({ tokenizer, model } = lean);
      if (lean.tokenizerCache.use === 'read') tokenizerSource = 'cache';
      if (lean.tokenizerCache.use === 'unwritable') warnUnwritableCache(cacheDir!, lean.tokenizerCache.error);
    } else {
      // transformers.js's own way (also for a download): every file read into memory, the whole JSON parsed.
      transformers.env.useFSCache = true;
      transformers.env.useCustomCache = false;
      transformers.env.customCache = null;
      tokenizer = await transformers.AutoTokenizer.from_pretrained(MODEL_ID);
      model = await transformers.AutoModel.from_pretrained(MODEL_ID, { quantized: true });
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!dir) throw new ModelNotFoundError(searched, `downloading it failed (${message.split('\n')[0]})`, downloadDir);
    throw (await diagnoseModelFiles(path.join(dir, MODEL_ID))) ?? new ModelLoadError(path.join(dir, MODEL_ID), `could not be loaded (${message.split('\n')[0]})`);
  }
  return new E5Embedder(tokenizer, model, transformers.Tensor, tokenizerSource);
}

/** One piece of input for the encoder: a whole text, or one window of a long one. */
interface Unit {
  text: number;
  ids: number[];
  weight: number;
}

class E5Embedder implements Embedder {
  readonly modelId = MODEL_ID;
  readonly dimensions = MODEL_DIMENSIONS;
  readonly #queryCache = new LruCache<string, Float32Array>(QUERY_CACHE_SIZE);
  readonly #padId: number;
  readonly #needsTokenTypes: boolean;
  /** What the tokenizer puts around a text: [CLS, SEP] (XLM-R's <s> and </s>). */
  readonly #specialIds: number[];

  constructor(
    private readonly tokenizer: Tokenizer,
    private readonly model: EncoderModel,
    private readonly TensorClass: TransformersModule['Tensor'],
    readonly tokenizerSource: 'cache' | 'json',
  ) {
    this.#padId = tokenizer.pad_token_id ?? 1;
    this.#needsTokenTypes = model.session.inputNames.includes('token_type_ids');
    this.#specialIds = tokenizer.encode('');
  }

  countTokens(text: string): number {
    return this.#contentIds(text).length;
  }

  /** The token ids of `text` without special tokens; a long text is tokenized a bounded piece at a time. */
  #contentIds(text: string): number[] {
    if (text.length <= TOKENIZER_CHUNK_CHARS) return this.tokenizer.encode(text, null, { add_special_tokens: false });
    const ids: number[] = [];
    for (const piece of tokenizerPieces(text)) {
      for (const id of this.tokenizer.encode(piece, null, { add_special_tokens: false })) ids.push(id);
    }
    return ids;
  }

  /** The model's input ids for `text`, special tokens included (a short text exactly as the tokenizer gives it). */
  #inputIds(text: string): number[] {
    if (text.length <= TOKENIZER_CHUNK_CHARS) return this.tokenizer.encode(text);
    const ids = this.#contentIds(text);
    ids.unshift(this.#specialIds[0]!);
    ids.push(this.#specialIds[1]!);
    return ids;
  }

  async embedQuery(text: string): Promise<Float32Array> {
    const [vector] = await this.embedQueries([text]);
    return vector as Float32Array;
  }

  async embedQueries(texts: string[]): Promise<Float32Array[]> {
    const results: Array<Float32Array | undefined> = texts.map((t) => this.#queryCache.get(t));
    const missing = [...new Set(texts.filter((_, i) => results[i] === undefined))];
    if (missing.length > 0) {
      const vectors = await this.#embed(missing.map((t) => QUERY_PREFIX + t));
      missing.forEach((t, i) => this.#queryCache.set(t, vectors[i] as Float32Array));
    }
    // Vectors are shared with the cache: callers must treat them as read-only.
    return texts.map((t, i) => results[i] ?? (this.#queryCache.get(t) as Float32Array));
  }

  embedPassages(texts: string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]> {
    return this.#embed(
      texts.map(passageInput),
      onProgress,
    );
  }

  async #embed(inputs: string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]> {
    const units: Unit[] = [];
    const windowsLeft = new Array<number>(inputs.length).fill(0);
    inputs.forEach((input, text) => {
      for (const window of tokenWindows(this.#inputIds(input))) {
        units.push({ text, ids: window.ids, weight: window.weight });
        windowsLeft[text]! += 1;
      }
    });
    // Sorting by length keeps padding (pure waste) to a minimum: about twice as fast as input order.
    const order = units.map((_, i) => i).sort((a, b) => units[a]!.ids.length - units[b]!.ids.length);
    const unitVectors = new Array<Float32Array>(units.length);
    let done = 0;
    for (let start = 0; start < order.length; start += BATCH_SIZE) {
      const batch = order.slice(start, start + BATCH_SIZE);
      const vectors = await this.#forward(batch.map((u) => units[u]!.ids));
      batch.forEach((u, i) => {
        unitVectors[u] = vectors[i]!;
        const text = units[u]!.text;
        windowsLeft[text]! -= 1;
        if (windowsLeft[text] === 0) done++;
      });
      onProgress?.(done, inputs.length);
    }
    const perText: Array<{ vectors: Float32Array[]; weights: number[] }> = inputs.map(() => ({ vectors: [], weights: [] }));
    units.forEach((unit, u) => {
      perText[unit.text]!.vectors.push(unitVectors[u]!);
      perText[unit.text]!.weights.push(unit.weight);
    });
    return perText.map(({ vectors, weights }) => averageUnitVectors(vectors, weights));
  }

  /** One padded batch through the encoder; returns mean-pooled, normalised vectors. */
  async #forward(sequences: number[][]): Promise<Float32Array[]> {
    const batch = sequences.length;
    const length = Math.max(...sequences.map((s) => s.length));
    const ids = new BigInt64Array(batch * length).fill(BigInt(this.#padId));
    const mask = new BigInt64Array(batch * length);
    sequences.forEach((seq, b) => {
      seq.forEach((id, t) => {
        ids[b * length + t] = BigInt(id);
        mask[b * length + t] = 1n;
      });
    });
    const inputs: Record<string, unknown> = {
      input_ids: new this.TensorClass('int64', ids, [batch, length]),
      attention_mask: new this.TensorClass('int64', mask, [batch, length]),
    };
    if (this.#needsTokenTypes) inputs.token_type_ids = new this.TensorClass('int64', new BigInt64Array(batch * length), [batch, length]);
    const { last_hidden_state: hidden } = await this.model(inputs);
    const dims = this.dimensions;
    if (hidden.dims[2] !== dims) throw new Error(`the model returned ${hidden.dims[2]} dimensions, expected ${dims}`);
    return sequences.map((seq, b) => {
      // Mean pooling over the real tokens only (padding positions are masked out).
      const pooled = new Float32Array(dims);
      for (let t = 0; t < seq.length; t++) {
        const offset = (b * length + t) * dims;
        for (let d = 0; d < dims; d++) pooled[d] = (pooled[d] as number) + (hidden.data[offset + d] as number);
      }
      for (let d = 0; d < dims; d++) pooled[d] = (pooled[d] as number) / seq.length;
      return normalize(pooled);
    });
  }
}

/** An Embedder that loads the model on first use, plus a way to load it now. */
export interface LazyEmbedder extends Embedder {
  readonly loaded: boolean;
  load(): Promise<Embedder>;
}

/**
 * An Embedder whose model is loaded only when something must actually be embedded: a rebuild whose
 * embeddings are all cached never pays the ≈ 2 s model load. `countTokens` needs the tokenizer, so it
 * throws until `load()` (or any embed call) has finished.
 */
export function createLazyEmbedder(opts: LoadEmbedderOptions = {}): LazyEmbedder {
  let instance: Embedder | null = null;
  let loading: Promise<Embedder> | null = null;
  const load = (): Promise<Embedder> => {
    loading ??= loadEmbedder({ ...opts, arena: opts.arena ?? true }).then(
      (embedder) => (instance = embedder),
      (error: unknown) => {
        loading = null; // a later call may retry (e.g. after the model was put in place)
        throw error;
      },
    );
    return loading;
  };
  return {
    modelId: MODEL_ID,
    dimensions: MODEL_DIMENSIONS,
    get loaded() {
      return instance !== null;
    },
    load,
    embedQuery: async (text) => (await load()).embedQuery(text),
    embedQueries: async (texts) => (await load()).embedQueries(texts),
    embedPassages: async (texts, onProgress) => (await load()).embedPassages(texts, onProgress),
    countTokens: (text) => {
      if (!instance) throw new Error('countTokens needs the tokenizer: await load() first');
      return instance.countTokens(text);
    },
    get tokenizerSource() {
      return instance?.tokenizerSource;
    },
  };
}
