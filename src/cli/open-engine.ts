// Opens the answer engine for a CLI command, saying on stderr when it builds a missing index first.
import { createAnswerEngine, type ConversationStore, type RapporteurEngine, type Technique } from '../answer/index.ts';
import type { Embedder } from '../embed/index.ts';
import { firstBuildReporter } from './progress.ts';

export async function openEngine(options: {
  corpusDir: string;
  indexDir: string;
  store?: ConversationStore;
  techniques?: { with?: Technique[]; without?: Technique[] };
  /** The model of an engine already open, so a second engine (`eval --paired`) does not load it again. */
  embedder?: Embedder;
}): Promise<RapporteurEngine> {
  // A missing model, a damaged index… become one line and an exit code in src/cli/errors.ts.
  return createAnswerEngine({ ...options, onBuildProgress: firstBuildReporter(options.indexDir) });
}
