// transformers.js reads every file of a model into JavaScript before using it, the 120 MB ONNX file included
// (twice: its FileResponse starts a stream that reads the file again), then hands the bytes to onnxruntime.
// Its documented hook for where files come from is `env.customCache` (the Web Cache API's `match`/`put`):
// ours answers for the ONNX file with a few bytes that stand for it (onnx-threads.ts creates the session
// from the file's path when it sees them), and for the model's other files (tokenizer.json: 17 MB) with
// their bytes read once.
import fs from 'node:fs';
import path from 'node:path';

/** The part of a Response that transformers.js's getModelFile reads when it has no progress callback. */
interface CachedFile {
  status: number;
  headers: Headers;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** What transformers.js requires of `env.customCache`. */
export interface ModelFileCache {
  match(request: string): Promise<CachedFile | undefined>;
  put(request: string, response: unknown): Promise<void>;
}

/** The file's bytes, in an ArrayBuffer of their own (what transformers.js wraps in a Uint8Array). */
async function readBytes(file: string): Promise<ArrayBuffer> {
  const bytes = await fs.promises.readFile(file);
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? (bytes.buffer as ArrayBuffer) : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

const found = (arrayBuffer: () => Promise<ArrayBuffer>): CachedFile => ({ status: 200, headers: new Headers(), arrayBuffer });

/**
 * A cache for the files of the model in `modelDir` (absolute): `modelFile` is answered with `standIn`,
 * returned as is (not copied: the stand-in is recognised by identity); any other existing file under
 * `modelDir` with its bytes, read once when transformers.js asks for them (its own FileResponse reads a file
 * twice); everything else misses, and transformers.js then looks for it as without a cache. It asks with
 * the file's local path first. `put` is never called for local files (transformers.js caches only fetched
 * responses) and stores nothing.
 */
export function modelFileCache(modelDir: string, modelFile: string, standIn: ArrayBuffer): ModelFileCache {
  const root = path.resolve(modelDir);
  const target = path.resolve(modelFile);
  return {
    async match(request) {
      if (/^[a-z]+:/i.test(request)) return undefined;
      const file = path.resolve(request);
      if (file === target) return found(async () => standIn);
      if (!file.startsWith(root + path.sep) || !fs.existsSync(file)) return undefined;
      return found(() => readBytes(file));
    },
    async put() {},
  };
}
