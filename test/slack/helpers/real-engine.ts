// The real answer engine on a slice of the corpus (two reports that share references such as "7 c"), in a
// temporary folder: the index is built for real (model, HNSW on disk) once per test file.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createAnswerEngine, type RapporteurEngine } from '../../../src/answer/index.ts';
import { defaultCorpusDir } from '../../../src/config.ts';

export const SLICE = ['corpus.yml', '2017-wg4-rapport.md', '2021-wg4-rapport.txt'];

export interface SliceEngine {
  engine: RapporteurEngine;
  dir: string;
  corpusDir: string;
  indexDir: string;
  cleanup(): Promise<void>;
}

export async function createSliceEngine(): Promise<SliceEngine> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-slack-'));
  const corpusDir = path.join(dir, 'corpus');
  const indexDir = path.join(dir, 'index');
  for (const file of SLICE) await cp(path.join(defaultCorpusDir, file), path.join(corpusDir, file));
  const engine = await createAnswerEngine({ corpusDir, indexDir });
  return { engine, dir, corpusDir, indexDir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
