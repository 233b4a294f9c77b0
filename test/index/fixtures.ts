// Shared set-up for the index tests: a slice of the real corpus in a temp folder, and an embedder wrapper
// that counts what actually reaches the model.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/config.ts';
import type { Embedder } from '../../src/embed/index.ts';

export const REAL_CORPUS = path.join(projectRoot, 'corpus');
/** The smallest report (≈ 30 passages): enough structure, fast to embed on 2 cores. */
export const SLICE_FILES = ['2021-wg4-projet-de-rapport.txt', 'corpus.yml'];

export async function tempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `rapporteur-${prefix}-`));
}

/** Copies `files` of the real corpus into `<root>/corpus` and returns that folder. */
export async function corpusSlice(root: string, files: string[] = SLICE_FILES): Promise<string> {
  const dir = path.join(root, 'corpus');
  await fs.mkdir(dir, { recursive: true });
  for (const file of files) await fs.copyFile(path.join(REAL_CORPUS, file), path.join(dir, file));
  return dir;
}

export interface CountingEmbedder extends Embedder {
  /** Every text passed to embedPassages since the last reset. */
  readonly embeddedTexts: string[];
  reset(): void;
}

/** Delegates to a real embedder and records the texts sent to it. */
export function countingEmbedder(inner: Embedder): CountingEmbedder {
  const embeddedTexts: string[] = [];
  return {
    modelId: inner.modelId,
    dimensions: inner.dimensions,
    embeddedTexts,
    reset: () => void embeddedTexts.splice(0),
    embedQuery: (t) => inner.embedQuery(t),
    embedQueries: (t) => inner.embedQueries(t),
    embedPassages: (texts, onProgress) => {
      embeddedTexts.push(...texts);
      return inner.embedPassages(texts, onProgress);
    },
    countTokens: (t) => inner.countTokens(t),
  };
}

export function norm(v: Float32Array): number {
  let s = 0;
  for (const x of v) s += x * x;
  return Math.sqrt(s);
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s / (norm(a) * norm(b));
}

/** Runs `node bin/rapporteur.js ...args` and collects its exit code and output. */
export async function runCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; bin?: string } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { spawn } = await import('node:child_process');
  const bin = options.bin ?? path.join(projectRoot, 'bin', 'rapporteur.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
