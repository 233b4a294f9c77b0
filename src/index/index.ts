// Public surface of the index stage: build index/ from the corpus and the model, persist it, load it back,
// and watch it for a rebuild.
export { buildIndex, IndexBuildError, type BuildProgress, type BuildSummary } from './build.ts';
export { loadIndex, type LoadedIndex } from './load.ts';
export { ensureIndex } from './ensure.ts';
export { BuildLockTimeoutError } from './build-lock.ts';
export { IndexError } from './errors.ts';
export { sentencesOfPassage } from './sentences.ts';
export { watchIndex, type IndexWatcher } from './watch.ts';
