// Public surface of the embedding stage: the multilingual-e5-small model, found on disk and loaded once.
export {
  type Embedder,
  type LazyEmbedder,
  type LoadEmbedderOptions,
  loadEmbedder,
  createLazyEmbedder,
  passageInput,
} from './embedder.ts';
export {
  MODEL_ID,
  MODEL_DIMENSIONS,
  ModelNotFoundError,
  ModelLoadError,
  resolveModelsDir,
  holdsModel,
  offlineFromEnv,
} from './model-location.ts';
export { MODEL_MAX_TOKENS, WINDOW_OVERLAP, dot } from './windows.ts';
export { LruCache } from './lru.ts';
