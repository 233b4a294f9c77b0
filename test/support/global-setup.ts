// Builds one index of the whole real corpus before the suite, shared read-only by the test files that need it
// (answers over the development set, the Slack app). The build goes through the real model and the real HNSW
// writer. It lives in node_modules/.cache so that a second local run only checks it is current (the build is
// incremental); CI starts from a clean clone and builds it once. Tests of building itself use their own folders.
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { defaultCorpusDir, projectRoot } from '../../src/config.ts';
import { loadEmbedder } from '../../src/embed/index.ts';
import { buildIndex } from '../../src/index/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sharedIndexDir: string;
  }
}

export default async function setup(project: TestProject) {
  const indexDir = path.join(projectRoot, 'node_modules', '.cache', 'rapporteur-test-index');
  const embedder = await loadEmbedder();
  await buildIndex({ corpusDir: defaultCorpusDir, indexDir, embedder });
  project.provide('sharedIndexDir', indexDir);
}
