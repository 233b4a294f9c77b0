// What `index/` holds and the manifest that describes it. The manifest is written last: a folder without a
// valid manifest is never an index.
import { z } from 'zod';
import { DocumentSchema, PassageSchema } from '../corpus/index.ts';

export const INDEX_FORMAT_VERSION = 2;

/** File names inside an index folder. */
export const INDEX_FILES = {
  manifest: 'manifest.json',
  /** hnswlib-node HierarchicalNSW over passage vectors; label i is passages[i]. Stores neither space nor dim. */
  hnsw: 'passages.hnsw',
  /** { documents, passages, passageHashes }: the passages table, in label order. */
  passages: 'passages.json',
  /** Float32 little-endian, passageCount × dimensions, row i = passage i (exact vectors, cache source). */
  passageVectors: 'passage-vectors.f32',
  /** { sentences: [{ passageId, start, end, hash }] }: sentence spans in passage order. */
  sentences: 'sentences.json',
  /** Float32 little-endian, sentenceCount × dimensions, row j = sentence j. */
  sentenceVectors: 'sentence-vectors.f32',
} as const;

/** The data files whose size and sha256 the manifest records (checked before hnswlib ever reads a byte). */
export const DATA_FILES = [
  INDEX_FILES.hnsw,
  INDEX_FILES.passages,
  INDEX_FILES.passageVectors,
  INDEX_FILES.sentences,
  INDEX_FILES.sentenceVectors,
] as const;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const HnswParamsSchema = z.object({
  M: z.number().int().positive(),
  efConstruction: z.number().int().positive(),
  ef: z.number().int().positive(),
});
export type HnswParams = z.infer<typeof HnswParamsSchema>;

export const DEFAULT_HNSW: HnswParams = { M: 16, efConstruction: 200, ef: 100 };

export const IndexManifestSchema = z.object({
  formatVersion: z.literal(INDEX_FORMAT_VERSION),
  modelId: z.string().min(1),
  dimensions: z.number().int().positive(),
  space: z.literal('cosine'),
  hnsw: HnswParamsSchema,
  documentCount: z.number().int().nonnegative(),
  passageCount: z.number().int().nonnegative(),
  sentenceCount: z.number().int().nonnegative(),
  builtAt: z.iso.datetime(),
  buildSeconds: z.number().nonnegative(),
  /** One entry per corpus document: the file (relative to the corpus folder) and the sha256 of its bytes. */
  files: z.array(z.object({ docId: z.string().min(1), path: z.string().min(1), contentHash: sha256Hex })),
  /** corpus.yml (display names and dates go into the embedded text), or null when the corpus has none. */
  metaFile: z.object({ path: z.string().min(1), contentHash: sha256Hex }).nullable(),
  /**
   * sha256 of what the parser made of the corpus (documents, passages, sentence spans). Unchanged files parsed
   * by changed code can give other passages; the index must then be rebuilt, or it would cite stale text.
   */
  parseFingerprint: sha256Hex,
  /** Size and sha256 of every data file, so truncation or corruption is caught before loading. */
  artifacts: z.record(z.string(), z.object({ bytes: z.number().int().nonnegative(), sha256: sha256Hex })),
});
export type IndexManifest = z.infer<typeof IndexManifestSchema>;

export const StoredPassagesSchema = z.object({
  documents: z.array(DocumentSchema),
  passages: z.array(PassageSchema),
  /** Embedding-cache key of each passage's embedded text, in label order. */
  passageHashes: z.array(sha256Hex),
});

export const StoredSentencesSchema = z.object({
  sentences: z.array(
    z.object({
      passageId: z.string().min(1),
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      hash: sha256Hex,
    }),
  ),
});
