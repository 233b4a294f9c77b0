// Where the model is looked for, and the one sentence a missing model gives (in-process and from the CLI).
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import { MODEL_ID, ModelNotFoundError, loadEmbedder } from '../../src/embed/index.ts';
import { resolveModelsDir } from '../../src/embed/model-location.ts';
import { corpusSlice, runCli, tempDir } from '../index/fixtures.ts';

/** Lays out the files holdsModel looks for (contents do not matter for resolution). */
async function fakeModel(modelsDir: string): Promise<void> {
  const dir = path.join(modelsDir, MODEL_ID);
  await fs.mkdir(path.join(dir, 'onnx'), { recursive: true });
  for (const f of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']) await fs.writeFile(path.join(dir, f), '{}');
}

let root: string;
beforeAll(async () => {
  root = await tempDir('models');
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('resolveModelsDir', () => {
  it('tries RAPPORTEUR_MODELS_DIR, then models/ in the project, then ../shared/models/, in that order', async () => {
    const project = path.join(root, 'order', 'app');
    const fromEnv = path.join(root, 'order', 'custom');
    const local = path.join(project, 'models');
    const shared = path.join(root, 'order', 'shared', 'models');
    await fs.mkdir(project, { recursive: true });
    const env = { RAPPORTEUR_MODELS_DIR: fromEnv };

    expect(resolveModelsDir({ env, projectRoot: project })).toEqual({ dir: null, searched: [fromEnv, local, shared] });
    await fakeModel(shared);
    expect(resolveModelsDir({ env, projectRoot: project }).dir).toBe(shared);
    await fakeModel(local);
    expect(resolveModelsDir({ env, projectRoot: project }).dir).toBe(local);
    await fakeModel(fromEnv);
    expect(resolveModelsDir({ env, projectRoot: project })).toEqual({ dir: fromEnv, searched: [fromEnv] });
    // Without the variable, the project's own folder comes first.
    expect(resolveModelsDir({ env: {}, projectRoot: project })).toEqual({ dir: local, searched: [local] });
  });

  it('finds the shared model for this checkout', () => {
    expect(resolveModelsDir({ env: {} }).dir).toBe(path.resolve(projectRoot, '..', 'shared', 'models'));
  });

  it('throws ModelNotFoundError naming every place searched when offline and absent', async () => {
    const project = path.join(root, 'empty', 'app');
    await fs.mkdir(project, { recursive: true });
    const error = await loadEmbedder({ env: { RAPPORTEUR_OFFLINE: '1' }, projectRoot: project }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelNotFoundError);
    const message = (error as Error).message;
    expect(message).toContain(path.join(project, 'models'));
    expect(message).toContain(path.join(root, 'empty', 'shared', 'models'));
    expect(message).toContain('RAPPORTEUR_OFFLINE=1');
    expect(message).toContain('RAPPORTEUR_MODELS_DIR');
    expect(message.split('. ').length).toBe(1); // one sentence
  });
});

describe('`rapporteur index` without a model', () => {
  it('exits non-zero with one line naming where it looked', async () => {
    // A copy of the project where neither models/ nor ../shared/models exists (node_modules is shared).
    const app = path.join(root, 'fresh', 'app');
    await fs.mkdir(app, { recursive: true });
    for (const entry of ['bin', 'src']) await fs.cp(path.join(projectRoot, entry), path.join(app, entry), { recursive: true });
    for (const file of ['package.json', 'tsconfig.json']) await fs.copyFile(path.join(projectRoot, file), path.join(app, file));
    await fs.symlink(path.join(projectRoot, 'node_modules'), path.join(app, 'node_modules'));
    const corpus = await corpusSlice(path.join(root, 'fresh'));

    const env: NodeJS.ProcessEnv = { ...process.env, RAPPORTEUR_OFFLINE: '1' };
    delete env.RAPPORTEUR_MODELS_DIR;
    const result = await runCli(['index', '--corpus', corpus, '--out', path.join(root, 'fresh', 'index')], { env, bin: path.join(app, 'bin', 'rapporteur.js') });
    expect(result.code).not.toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^rapporteur: The embedding model Xenova\/multilingual-e5-small was not found in .*models.*RAPPORTEUR_OFFLINE=1/);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    // Nothing was left behind in place of an index.
    await expect(fs.access(path.join(root, 'fresh', 'index', 'manifest.json'))).rejects.toThrow();
  });
});
