// Public surface of the embedding stage: the multilingual-e5-small model, found on disk and loaded once.
export { type Embedder, loadEmbedder, createLazyEmbedder, passageInput } from './embedder.ts';
export { MODEL_ID, MODEL_DIMENSIONS, ModelNotFoundError, ModelLoadError } from './model-location.ts';
export { dot } from './windows.ts';
export { LruCache } from './lru.ts';
