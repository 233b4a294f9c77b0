// Issue 13, D14 and D15: a damaged copy of the model — a truncated ONNX file, a corrupt tokenizer.json or
// config.json — stops `ask` and `index` with one sentence naming the file: no JS stack trace, no false
// "Using `wasm` as a fallback" line. Real child processes on scratch copies of the model folder
// (RAPPORTEUR_MODELS_DIR); the intact files are symbolic links to the real ones.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import { MODEL_ID } from '../../src/embed/index.ts';
import { resolveModelsDir } from '../../src/embed/model-location.ts';

const run = promisify(execFile);
const bin = path.join(projectRoot, 'bin', 'rapporteur.js');
const FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'onnx/model_quantized.onnx'];

let root: string;
let realModelDir: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'rapporteur-model-files-'));
  const { dir } = resolveModelsDir();
  if (!dir) throw new Error('the model is needed for this test');
  realModelDir = path.join(dir, MODEL_ID);
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** A models folder whose files link to the real ones, but for `damaged`, written with the given bytes. */
async function damagedCopy(name: string, damaged: Record<string, Buffer | string>): Promise<{ modelsDir: string; modelDir: string }> {
  const modelsDir = path.join(root, name);
  const modelDir = path.join(modelsDir, MODEL_ID);
  await fs.mkdir(path.join(modelDir, 'onnx'), { recursive: true });
  for (const file of FILES) {
    const target = path.join(modelDir, file);
    if (file in damaged) await fs.writeFile(target, damaged[file]!);
    else await fs.symlink(path.join(realModelDir, file), target);
  }
  return { modelsDir, modelDir };
}

async function rapporteur(args: string[], modelsDir: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd: projectRoot,
      env: { ...process.env, RAPPORTEUR_MODELS_DIR: modelsDir, RAPPORTEUR_OFFLINE: '1' },
      maxBuffer: 1 << 24,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function truncated(file: string, bytes: number): Promise<Buffer> {
  const handle = await fs.open(path.join(realModelDir, file), 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    await handle.read(buffer, 0, bytes, 0);
    return buffer;
  } finally {
    await handle.close();
  }
}

function expectOneSentenceNaming(result: { code: number; stdout: string; stderr: string }, file: string, why: RegExp): void {
  expect(result.stderr).not.toMatch(/\n\s+at |wasm|fallback|unexpected error/);
  expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^rapporteur: The model file /)]);
  expect(result.stderr).toContain(file);
  expect(result.stderr).toMatch(why);
  expect(result.stdout).toBe('');
  expect(result.code).toBe(1);
}

describe('a damaged model folder', () => {
  it('a truncated ONNX file (D14): `ask` names it in one sentence', async () => {
    const { modelsDir, modelDir } = await damagedCopy('truncated-onnx', { 'onnx/model_quantized.onnx': await truncated('onnx/model_quantized.onnx', 30_000_000) });
    const result = await rapporteur(['ask', '--index', inject('sharedIndexDir'), 'Que recommande le Groupe de travail ?'], modelsDir);
    expectOneSentenceNaming(result, path.join(modelDir, 'onnx', 'model_quantized.onnx'), /is truncated/);
  });

  it('an ONNX file that is not a model at all (D14): `index` names it too', async () => {
    const { modelsDir, modelDir } = await damagedCopy('garbage-onnx', { 'onnx/model_quantized.onnx': '<html>404 Not Found</html>\n' });
    const corpus = path.join(root, 'corpus');
    await fs.mkdir(corpus, { recursive: true });
    await fs.copyFile(path.join(projectRoot, 'corpus', '2021-wg4-projet-de-rapport.txt'), path.join(corpus, '2021-wg4-projet-de-rapport.txt'));
    const result = await rapporteur(['index', '--corpus', corpus, '--out', path.join(root, 'index')], modelsDir);
    // The line reporter may have said "parsing …" and "embedding …" first; the error is the last line.
    const lines = result.stderr.trim().split('\n');
    expectOneSentenceNaming({ ...result, stderr: lines.at(-1)! }, path.join(modelDir, 'onnx', 'model_quantized.onnx'), /not an ONNX model/);
    expect(result.stderr).not.toMatch(/\n\s+at |wasm|fallback/);
  });

  it('a truncated tokenizer.json (D15) names tokenizer.json', async () => {
    const { modelsDir, modelDir } = await damagedCopy('truncated-tokenizer', { 'tokenizer.json': await truncated('tokenizer.json', 100_000) });
    const result = await rapporteur(['ask', '--index', inject('sharedIndexDir'), 'Que recommande le Groupe de travail ?'], modelsDir);
    expectOneSentenceNaming(result, path.join(modelDir, 'tokenizer.json'), /is not valid JSON/);
  });

  it.each([
    ['not JSON', '{"model_type": "bert", '],
    ['JSON of the wrong shape', '[1, 2, 3]'],
  ])('a config.json that is %s (D15) names config.json', async (_what, content) => {
    const { modelsDir, modelDir } = await damagedCopy(`config-${_what.replace(/\W/g, '')}`, { 'config.json': content });
    const result = await rapporteur(['ask', '--index', inject('sharedIndexDir'), 'Que recommande le Groupe de travail ?'], modelsDir);
    expectOneSentenceNaming(result, path.join(modelDir, 'config.json'), /not valid JSON|expected content/);
  });
});
