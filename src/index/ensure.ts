import type { Embedder } from '../embed/index.ts';
import { buildIndex, type BuildProgress } from './build.ts';
import { IndexError } from './errors.ts';
import { loadIndex, type LoadedIndex } from './load.ts';

export interface EnsureIndexOptions {
  corpusDir: string;
  indexDir: string;
  embedder: Embedder;
  onProgress?: (event: BuildProgress) => void;
  /** Also rebuild an index that is out of date with the corpus (default: only a missing one is built). */
  rebuildStale?: boolean;
}

/**
 * Loads the index, building it first when there is none (what `ask` and the bot do on a fresh checkout).
 * A stale, damaged or incompatible index is reported (IndexError), not silently replaced, unless
 * `rebuildStale` asks for it.
 */
export async function ensureIndex(opts: EnsureIndexOptions): Promise<LoadedIndex> {
  const loadOptions = { modelId: opts.embedder.modelId, dimensions: opts.embedder.dimensions, corpusDir: opts.corpusDir };
  try {
    return await loadIndex(opts.indexDir, loadOptions);
  } catch (error) {
    const repairable = error instanceof IndexError && (error.problem === 'missing' || (opts.rebuildStale === true && error.problem === 'stale'));
    if (!repairable) throw error;
  }
  await buildIndex({ corpusDir: opts.corpusDir, indexDir: opts.indexDir, embedder: opts.embedder, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
  return loadIndex(opts.indexDir, loadOptions);
}
