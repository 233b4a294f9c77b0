// `kill -9` of a real `rapporteur index` process in the middle of a build must leave the previous index
// loadable and searchable; the next build cleans up after it.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import { MODEL_DIMENSIONS, MODEL_ID, loadEmbedder, type Embedder } from '../../src/embed/index.ts';
import { IndexError, buildIndex, loadIndex } from '../../src/index/index.ts';
import { INDEX_FILES } from '../../src/index/manifest.ts';
import { corpusSlice, tempDir } from './fixtures.ts';

const IDS = { modelId: MODEL_ID, dimensions: MODEL_DIMENSIONS };

let root: string;
let corpusDir: string;
let indexDir: string;
let embedder: Embedder;

beforeAll(async () => {
  root = await tempDir('interrupt');
  corpusDir = await corpusSlice(root);
  indexDir = path.join(root, 'index');
  embedder = await loadEmbedder();
  await buildIndex({ corpusDir, indexDir, embedder });
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** Starts `rapporteur index` and SIGKILLs it once it reports embedding progress; resolves with what it saw. */
function killMidEmbedding(): Promise<{ killed: boolean; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin', 'rapporteur.js'), 'index', '--corpus', corpusDir, '--out', indexDir], {
      // One thread: a slower child leaves a wide window to kill it in.
      env: { ...process.env, RAPPORTEUR_THREADS: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const progress = [...stderr.matchAll(/^embedded (\d+)\/(\d+)/gm)].at(-1);
      if (!killed && progress && Number(progress[1]) < Number(progress[2])) {
        killed = child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve({ killed, signal, stderr }));
  });
}

describe('an interrupted build', () => {
  it('leaves the previous index intact, loadable and searchable', async () => {
    const manifestBefore = await fs.readFile(path.join(indexDir, INDEX_FILES.manifest), 'utf8');
    const hnswBefore = await fs.readFile(path.join(indexDir, INDEX_FILES.hnsw));

    // Change every passage (display name) and many sentences, so the child has plenty to embed.
    const yml = path.join(corpusDir, 'corpus.yml');
    await fs.writeFile(yml, (await fs.readFile(yml, 'utf8')).replace('Projet de rapport du Groupe de travail', 'Projet de rapport révisé du Groupe de travail'));
    const report = path.join(corpusDir, '2021-wg4-projet-de-rapport.txt');
    await fs.writeFile(report, (await fs.readFile(report, 'utf8')).replaceAll('Groupe de travail', 'Groupe de travail intergouvernemental'));

    const run = await killMidEmbedding();
    expect(run.killed, `the child finished before it could be killed:\n${run.stderr}`).toBe(true);
    expect(run.signal).toBe('SIGKILL');

    // The old index is untouched…
    expect(await fs.readFile(path.join(indexDir, INDEX_FILES.manifest), 'utf8')).toBe(manifestBefore);
    expect((await fs.readFile(path.join(indexDir, INDEX_FILES.hnsw))).equals(hnswBefore)).toBe(true);
    // …loads and answers queries…
    const index = await loadIndex(indexDir, IDS);
    const hits = index.searchPassages(await embedder.embedQuery('Quelles mesures le Groupe de travail a-t-il recommandées ?'), 3);
    expect(hits).toHaveLength(3);
    expect(hits[0]!.similarity).toBeGreaterThan(0.5);
    // …and honestly reports that it no longer matches the corpus.
    await expect(loadIndex(indexDir, { ...IDS, corpusDir })).rejects.toThrow(IndexError);
    // The dead build's folder is visible beside it.
    const leftovers = (await fs.readdir(root)).filter((n) => n.startsWith('.index-build-'));
    expect(leftovers).toHaveLength(1);

    // The next build removes the leftover and brings the index up to date.
    const summary = await buildIndex({ corpusDir, indexDir, embedder });
    expect(summary.embedded.passages).toBe(summary.passages);
    expect((await fs.readdir(root)).filter((n) => n.startsWith('.index-build-'))).toEqual([]);
    const rebuilt = await loadIndex(indexDir, { ...IDS, corpusDir });
    expect(rebuilt.passages.some((p) => p.text.includes('Groupe de travail intergouvernemental'))).toBe(true);
  });
});
