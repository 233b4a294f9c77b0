// Embeddings are cached by sha256(model id + the exact text given to the model), so a rebuild embeds only
// texts it has never seen. The cache is the previous index itself: its vector files hold one vector per
// passage and per sentence, and its tables hold their keys. A missing or damaged index just means no cache.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { INDEX_FILES, IndexManifestSchema, StoredPassagesSchema, StoredSentencesSchema } from './manifest.ts';
import { readFileOrNull, row, sha256, unpackVectors } from './vectors-file.ts';

/** The cache key of one embedded text; `embeddedText` is the model's input (embed's `passageInput`). */
export function embeddingKey(modelId: string, embeddedText: string): string {
  return sha256(`${modelId}\u0000${embeddedText}`);
}

/** Reads the vectors of the index in `indexDir` keyed by their embedding keys; empty when unusable. */
export async function readEmbeddingCache(
  indexDir: string,
  modelId: string,
  dimensions: number,
): Promise<Map<string, Float32Array>> {
  const cache = new Map<string, Float32Array>();
  const manifestPath = path.join(indexDir, INDEX_FILES.manifest);
  if (!existsSync(manifestPath)) return cache;
  try {
    const manifest = IndexManifestSchema.parse(JSON.parse(await fs.readFile(manifestPath, 'utf8')));
    if (manifest.modelId !== modelId || manifest.dimensions !== dimensions) return cache;
    // Only files whose checksum still matches may feed the new index.
    const verified = async (name: string): Promise<Buffer | null> => {
      const bytes = await readFileOrNull(path.join(indexDir, name));
      const expected = manifest.artifacts[name];
      return bytes && expected && sha256(bytes) === expected.sha256 ? bytes : null;
    };
    const passagesBytes = await verified(INDEX_FILES.passages);
    const passageVectorBytes = await verified(INDEX_FILES.passageVectors);
    if (passagesBytes && passageVectorBytes) {
      const { passageHashes } = StoredPassagesSchema.pick({ passageHashes: true }).parse(JSON.parse(passagesBytes.toString('utf8')));
      const matrix = unpackVectors(passageVectorBytes, passageHashes.length, dimensions);
      if (matrix) passageHashes.forEach((key, i) => cache.set(key, row(matrix, i, dimensions)));
    }
    const sentencesBytes = await verified(INDEX_FILES.sentences);
    const sentenceVectorBytes = await verified(INDEX_FILES.sentenceVectors);
    if (sentencesBytes && sentenceVectorBytes) {
      const { sentences } = StoredSentencesSchema.parse(JSON.parse(sentencesBytes.toString('utf8')));
      const matrix = unpackVectors(sentenceVectorBytes, sentences.length, dimensions);
      if (matrix) sentences.forEach((s, j) => cache.set(s.hash, row(matrix, j, dimensions)));
    }
  } catch {
    // A damaged previous index is rebuilt from scratch; loadIndex reports damage, the builder repairs it.
    cache.clear();
  }
  return cache;
}
