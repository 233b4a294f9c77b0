// Public surface of the index stage: build index/ from the corpus and the model, persist it, load it back.
export { buildIndex, IndexBuildError, type BuildIndexOptions, type BuildProgress, type BuildSummary } from './build.ts';
export { loadIndex, type LoadedIndex, type LoadIndexOptions } from './load.ts';
export { ensureIndex, type EnsureIndexOptions } from './ensure.ts';
export { BuildLockTimeoutError } from './build-lock.ts';
export { IndexError, type IndexProblem } from './errors.ts';
export { IndexManifestSchema, INDEX_FILES, INDEX_FORMAT_VERSION, DEFAULT_HNSW, type IndexManifest, type HnswParams } from './manifest.ts';
export { sentencesOfPassage, type IndexedSentence } from './sentences.ts';
export { watchIndex, type IndexWatcher } from './watch.ts';
