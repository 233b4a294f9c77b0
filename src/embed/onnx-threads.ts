// transformers.js 2.17 creates its onnxruntime-node session with `{ executionProviders }` only, and
// `env.backends.onnx.wasm.numThreads` concerns the wasm backend, not the native one used under Node. The
// native thread pool is set through the session options, so we wrap `InferenceSession.create` (the same
// onnxruntime-node instance transformers.js imports) to add them, and hand it the model's path rather than
// a buffer: either a stand-in that transformers.js was given instead of the file (see modelFileStandIn), or
// the buffer it read itself (see fileOf). onnxruntime-node is a dependency of transformers.js, not ours: when
// it cannot be imported we fall back to onnxruntime's defaults (as many threads as cores).
import fs from 'node:fs';
import os from 'node:os';

export interface ThreadOptions {
  /** Threads for one operator (matrix multiplications); onnxruntime's default is the number of physical cores. */
  intraOpNumThreads: number;
  /**
   * onnxruntime's CPU memory arena (its default: on). Measured on this model: with it, batches of 16 long
   * passages embed 15–20 % faster and peak lower (≈ 700 vs 800–930 MB over 300 paragraphs), but the process
   * holds ≈ 35 MB more once loaded and keeps the buffers of the largest batch it has seen (≈ 300 MB after
   * 16 × 256 tokens); without it, short questions embed as fast and most memory goes back after each call.
   * The vectors are the same either way.
   */
  cpuMemArena?: boolean;
}

/**
 * `RAPPORTEUR_THREADS` when it is a positive integer, else every core this process may use (at most 4).
 * Measured on 2 cores: 2 threads embed ≈ 1.85× faster than 1 on an idle machine, but 1 thread is as fast or
 * faster when another process keeps a core busy (the pool threads then wait on each other); set
 * RAPPORTEUR_THREADS=1 on a shared machine.
 */
export function threadOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ThreadOptions {
  const fromEnv = Number.parseInt(env.RAPPORTEUR_THREADS ?? '', 10);
  const intra = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : Math.min(4, os.availableParallelism());
  return { intraOpNumThreads: intra };
}

type CreateSession = (...args: unknown[]) => Promise<unknown>;
interface SessionFactory {
  create: CreateSession;
}

let installed: { options: ThreadOptions; modelFiles: string[] } | null = null;

/** Stand-in buffers handed to transformers.js in place of a model file, and the file each stands for. */
const standIns = new WeakMap<ArrayBufferLike, string>();

/**
 * A few bytes that stand for the model file at `file` (an absolute path): a session created from them (a
 * view on this very buffer) is created from the file instead, which onnxruntime reads itself. Reading the
 * 120 MB file into JavaScript costs ≈ 200 MB more at peak (transformers.js reads it twice), and a session
 * created from a buffer keeps ≈ 210 MB more than one created from the path. Only meaningful once
 * installThreadOptions has returned true; otherwise the bytes would reach onnxruntime as a (bad) model.
 */
export function modelFileStandIn(file: string): ArrayBuffer {
  const bytes = new TextEncoder().encode(`stand-in for the ONNX model ${file}, to be opened by path`);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  standIns.set(buffer, file);
  return buffer;
}

/**
 * The model file a buffer was read from, if it is one of `modelFiles` (same size). onnxruntime-node 1.14
 * ignores every session option when a model is loaded from a buffer (measured: 1, 2 or 8 intra-op threads
 * all run alike, and even an unknown execution provider passes), and transformers.js always passes a
 * buffer; given the file's path instead, the options apply.
 */
function fileOf(buffer: ArrayBufferView, modelFiles: string[]): string | null {
  for (const file of modelFiles) {
    try {
      if (fs.statSync(file).size === buffer.byteLength) return file;
    } catch {
      // not there (yet): try the next candidate
    }
  }
  return null;
}

/**
 * Makes every onnxruntime-node session created from now on use `options` (sequential execution, one
 * inter-op thread: the encoder is a single chain of operators). `modelFiles` are the paths the model may
 * have been read from. Returns false when onnxruntime-node cannot be reached (its defaults then apply).
 */
export async function installThreadOptions(options: ThreadOptions, modelFiles: string[] = []): Promise<boolean> {
  if (installed) {
    installed = { options, modelFiles };
    return true;
  }
  let factory: SessionFactory | undefined;
  try {
    const ort = (await import('onnxruntime-node')) as unknown as { default?: { InferenceSession?: SessionFactory }; InferenceSession?: SessionFactory };
    factory = ort.default?.InferenceSession ?? ort.InferenceSession;
  } catch {
    return false;
  }
  if (!factory || typeof factory.create !== 'function') return false;
  const original = factory.create.bind(factory);
  installed = { options, modelFiles };
  factory.create = (...args: unknown[]) => {
    const current = installed;
    const [model, sessionOptions] = args;
    // Only the form transformers.js uses, create(buffer, options), is rewritten; anything else passes as is.
    if (current && args.length === 2 && ArrayBuffer.isView(model) && sessionOptions !== null && typeof sessionOptions === 'object') {
      const file = standIns.get(model.buffer) ?? fileOf(model, current.modelFiles);
      if (file) {
        // Parsed for real now: the native binding knows only the `cpu' provider (transformers.js also lists `wasm').
        return original(file, {
          ...sessionOptions,
          executionProviders: ['cpu'],
          executionMode: 'sequential',
          interOpNumThreads: 1,
          intraOpNumThreads: current.options.intraOpNumThreads,
          enableCpuMemArena: current.options.cpuMemArena ?? true,
        });
      }
    }
    return original(...args);
  };
  return true;
}
