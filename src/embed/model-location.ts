// Where the embedding model lives on disk, and the one error a missing model produces.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot as defaultProjectRoot } from '../config.ts';

/** The only model the index and the queries are embedded with (its conventions are in src/embed/embedder.ts). */
export const MODEL_ID = 'Xenova/multilingual-e5-small';
export const MODEL_DIMENSIONS = 384;

/** The ONNX file, relative to `<modelsDir>/<MODEL_ID>/`. */
export const ONNX_FILE = path.join('onnx', 'model_quantized.onnx');
/** Files transformers.js reads for this model, relative to `<modelsDir>/<MODEL_ID>/`. */
const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', ONNX_FILE];

/** Where the project keeps the tokenizer cache (tokenizer-cache.ts), beside the reports' (corpus/read-report.ts). */
export function defaultTokenizerCacheDir(projectRoot: string = defaultProjectRoot): string {
  return path.join(projectRoot, 'node_modules', '.cache', 'rapporteur-tokenizer');
}

/** Whether `modelsDir` holds a usable copy of the model (`<modelsDir>/Xenova/multilingual-e5-small/...`). */
export function holdsModel(modelsDir: string, modelId: string = MODEL_ID): boolean {
  return REQUIRED_FILES.every((file) => fs.existsSync(path.join(modelsDir, modelId, file)));
}

/**
 * Finds the folder that contains `Xenova/multilingual-e5-small`, trying in order: `RAPPORTEUR_MODELS_DIR`,
 * `models/` in the project, `../shared/models/` beside the project. `searched` lists every place tried (for
 * the error message); `dir` is null when none holds the model.
 */
export function resolveModelsDir(opts: { env?: NodeJS.ProcessEnv; projectRoot?: string } = {}): {
  dir: string | null;
  searched: string[];
} {
  const env = opts.env ?? process.env;
  const root = opts.projectRoot ?? defaultProjectRoot;
  const candidates: string[] = [];
  const fromEnv = modelsDirFromEnv(env, root);
  if (fromEnv) candidates.push(fromEnv);
  candidates.push(path.join(root, 'models'), path.resolve(root, '..', 'shared', 'models'));
  const searched: string[] = [];
  for (const candidate of candidates) {
    searched.push(candidate);
    if (holdsModel(candidate)) return { dir: candidate, searched };
  }
  return { dir: null, searched };
}

/** Where a download lands (where the next run looks): the folder asked for, RAPPORTEUR_MODELS_DIR, or models/. */
export function downloadDirFor(opts: { modelsDir?: string; env?: NodeJS.ProcessEnv; projectRoot?: string } = {}): string {
  const root = opts.projectRoot ?? defaultProjectRoot;
  if (opts.modelsDir) return path.resolve(opts.modelsDir);
  return modelsDirFromEnv(opts.env ?? process.env, root) ?? path.join(root, 'models');
}

function modelsDirFromEnv(env: NodeJS.ProcessEnv, root: string): string | undefined {
  const fromEnv = env.RAPPORTEUR_MODELS_DIR?.trim();
  return fromEnv ? path.resolve(root, fromEnv) : undefined;
}

/** Whether the environment forbids downloading the model (`RAPPORTEUR_OFFLINE=1`, `true` or `yes`). */
export function offlineFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(1|true|yes)$/i.test(env.RAPPORTEUR_OFFLINE?.trim() ?? '');
}

/** The model is in none of the searched folders and could not (or may not) be downloaded. */
export class ModelNotFoundError extends Error {
  constructor(
    readonly searched: string[],
    readonly reason: string,
    readonly downloadDir: string,
  ) {
    const places = searched.length > 1 ? `${searched.slice(0, -1).join(', ')} or ${searched.at(-1)}` : (searched[0] ?? '(nowhere)');
    super(
      `The embedding model ${MODEL_ID} was not found in ${places}, and ${reason}; ` +
        `put the folder ${MODEL_ID} into one of them (or point RAPPORTEUR_MODELS_DIR at the folder that contains it), ` +
        `or run once with internet access and without RAPPORTEUR_OFFLINE to download it into ${downloadDir}.`,
    );
    this.name = 'ModelNotFoundError';
  }
}

/**
 * The model folder is there but one of its files cannot be used (a truncated ONNX file, a corrupt
 * tokenizer.json or config.json): the message names the file and says how to replace it.
 */
export class ModelLoadError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(
      `The model file ${file} ${detail}; replace the folder ${MODEL_ID} with an intact copy ` +
        `(or point RAPPORTEUR_MODELS_DIR at the folder that contains one).`,
    );
    this.name = 'ModelLoadError';
  }
}
