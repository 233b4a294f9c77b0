// `rapporteur index`: parse the corpus, embed what the cache does not already hold, write the HNSW index and
// its tables into a fresh folder, then swap it in place of index/.
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import { CORPUS_META_FILE, loadCorpus, passageContext, type Document, type Passage } from '../corpus/index.ts';
import { passageInput, type Embedder } from '../embed/index.ts';
import { assertReplaceable, createBuildDir, recoverIndexDir, removeLeftovers, swapIntoPlace } from './atomic-dir.ts';
import { acquireBuildLock } from './build-lock.ts';
import { embeddingKey, readEmbeddingCache } from './embedding-cache.ts';
import {
  DATA_FILES,
  DEFAULT_HNSW,
  INDEX_FILES,
  INDEX_FORMAT_VERSION,
  IndexManifestSchema,
  type IndexManifest,
} from './manifest.ts';
import { parseFingerprint, sentencesOfPassage, type IndexedSentence } from './sentences.ts';
import { packVectors, sha256 } from './vectors-file.ts';

export type BuildProgress =
  /** Another live build holds the folder's lock: this one waits for it to finish. */
  | { phase: 'waiting'; pid: number; indexDir: string; lockFile: string }
  | { phase: 'parsing'; corpusDir: string }
  | { phase: 'parsed'; documents: number; passages: number; sentences: number; warnings: number }
  /** `total` counts the texts the cache did not hold (passages and sentences), `done` those embedded so far. */
  | { phase: 'embedding'; done: number; total: number }
  | { phase: 'writing'; indexDir: string }
  | { phase: 'done'; summary: BuildSummary };

export interface BuildSummary {
  indexDir: string;
  corpusDir: string;
  documents: number;
  passages: number;
  sentences: number;
  /** Parser warnings (lines it could not attach to a passage, guessed metadata). */
  warnings: number;
  /** Texts sent to the model in this build (0 on a rebuild with nothing changed: no forward pass at all). */
  embedded: { passages: number; sentences: number };
  /** Texts whose vectors came from the previous index. */
  reused: { passages: number; sentences: number };
  seconds: number;
  embedSeconds: number;
  manifest: IndexManifest;
}

/** A build that cannot proceed for a reason the user can fix (empty corpus, --out pointing at other files). */
export class IndexBuildError extends Error {
  override name = 'IndexBuildError';
}

export interface BuildIndexOptions {
  corpusDir: string;
  indexDir: string;
  embedder: Embedder;
  onProgress?: (event: BuildProgress) => void;
}

export async function buildIndex(opts: BuildIndexOptions): Promise<BuildSummary> {
  const indexDir = path.resolve(opts.indexDir);
  const progress = opts.onProgress ?? (() => {});
  // One build at a time per folder, from the first step to the swap: concurrent swaps raced (ENOTEMPTY).
  const lock = await acquireBuildLock(indexDir, { onWait: ({ pid, lockFile }) => progress({ phase: 'waiting', pid, indexDir, lockFile }) });
  try {
    return await buildLocked(opts, indexDir, progress);
  } finally {
    await lock.release().catch(() => undefined);
  }
}

async function buildLocked(opts: BuildIndexOptions, indexDir: string, progress: (event: BuildProgress) => void): Promise<BuildSummary> {
  const started = performance.now();
  const corpusDir = path.resolve(opts.corpusDir);
  const { embedder } = opts;

  await recoverIndexDir(indexDir);
  const refusal = await assertReplaceable(indexDir);
  if (refusal) throw new IndexBuildError(`cannot write the index: ${refusal}`);
  await removeLeftovers(indexDir);

  progress({ phase: 'parsing', corpusDir });
  // Hashed before parsing: an edit made during the build must make the new index stale, not look indexed.
  const metaPath = path.join(corpusDir, CORPUS_META_FILE);
  const metaFile = existsSync(metaPath) ? { path: CORPUS_META_FILE, contentHash: sha256(await fs.readFile(metaPath)) } : null;
  const corpus = await loadCorpus(corpusDir);
  const { documents, passages } = corpus;
  if (passages.length === 0) {
    throw new IndexBuildError(`no passages found in ${corpusDir}: nothing to index; put the reports there (.md or .txt files, see \`rapporteur corpus\`) or point --corpus at the folder that holds them`);
  }
  const documentById = new Map(documents.map((d) => [d.id, d]));
  assertUniqueIds(passages);
  const sentences = passages.flatMap(sentencesOfPassage);
  progress({ phase: 'parsed', documents: documents.length, passages: passages.length, sentences: sentences.length, warnings: corpus.warnings.length });

  // The build folder exists from here on, so an interrupted build leaves visible debris that the next
  // build removes, never a damaged index/.
  const buildDir = await createBuildDir(indexDir);
  try {
    const passageTexts = passages.map((p) => passageContext(p, documentOf(documentById, p)));
    const sentenceTexts = sentences.map((s) => s.text);
    const passageKeys = passageTexts.map((t) => embeddingKey(embedder.modelId, passageInput(t)));
    const sentenceKeys = sentenceTexts.map((t) => embeddingKey(embedder.modelId, passageInput(t)));

    const cache = await readEmbeddingCache(indexDir, embedder.modelId, embedder.dimensions);
    const embedStarted = performance.now();
    const embedded = await embedMissing(embedder, cache, [...passageKeys, ...sentenceKeys], [...passageTexts, ...sentenceTexts], (done, total) =>
      progress({ phase: 'embedding', done, total }),
    );
    const embedSeconds = (performance.now() - embedStarted) / 1000;

    progress({ phase: 'writing', indexDir });
    const passageVectors = passageKeys.map((k) => cache.get(k) as Float32Array);
    const sentenceVectors = sentenceKeys.map((k) => cache.get(k) as Float32Array);
    const artifacts = await writeData(buildDir, embedder.dimensions, { documents, passages, passageKeys, passageVectors, sentences, sentenceKeys, sentenceVectors });

    const manifest = IndexManifestSchema.parse({
      formatVersion: INDEX_FORMAT_VERSION,
      modelId: embedder.modelId,
      dimensions: embedder.dimensions,
      space: 'cosine',
      hnsw: DEFAULT_HNSW,
      documentCount: documents.length,
      passageCount: passages.length,
      sentenceCount: sentences.length,
      builtAt: new Date().toISOString(),
      buildSeconds: round((performance.now() - started) / 1000),
      files: documents.map((d) => ({ docId: d.id, path: path.basename(d.sourcePath), contentHash: d.contentHash })),
      metaFile,
      parseFingerprint: parseFingerprint(documents, passages),
      artifacts,
    } satisfies IndexManifest);
    // The manifest goes last: a folder is an index only once every file it describes is complete.
    await fs.writeFile(path.join(buildDir, INDEX_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
    await swapIntoPlace(buildDir, indexDir);

    const fresh = new Set(embedded);
    const summary: BuildSummary = {
      indexDir,
      corpusDir,
      documents: documents.length,
      passages: passages.length,
      sentences: sentences.length,
      warnings: corpus.warnings.length,
      embedded: { passages: countIn(passageKeys, fresh), sentences: countIn(sentenceKeys, fresh) },
      reused: { passages: passages.length - countIn(passageKeys, fresh), sentences: sentences.length - countIn(sentenceKeys, fresh) },
      seconds: round((performance.now() - started) / 1000),
      embedSeconds: round(embedSeconds),
      manifest,
    };
    progress({ phase: 'done', summary });
    return summary;
  } catch (error) {
    await fs.rm(buildDir, { recursive: true, force: true });
    throw error;
  }
}

function documentOf(documentById: Map<string, Document>, passage: Passage): Document {
  const document = documentById.get(passage.docId);
  if (!document) throw new IndexBuildError(`passage ${passage.id} belongs to no parsed document`);
  return document;
}

function assertUniqueIds(passages: Passage[]): void {
  const seen = new Set<string>();
  for (const p of passages) {
    if (seen.has(p.id)) throw new IndexBuildError(`two passages share the id ${p.id}: the parser must make ids unique`);
    seen.add(p.id);
  }
}

/**
 * Embeds, in one length-sorted run, every distinct text whose key the cache lacks (the draft report repeats
 * many sentences of the final one: each is embedded once), and adds the vectors to `cache`.
 * Returns the keys embedded.
 */
async function embedMissing(
  embedder: Embedder,
  cache: Map<string, Float32Array>,
  keys: string[],
  texts: string[],
  onProgress: (done: number, total: number) => void,
): Promise<string[]> {
  const missing = new Map<string, string>();
  keys.forEach((key, i) => {
    if (!cache.has(key) && !missing.has(key)) missing.set(key, texts[i] as string);
  });
  if (missing.size === 0) return [];
  const missingKeys = [...missing.keys()];
  onProgress(0, missingKeys.length);
  const vectors = await embedder.embedPassages([...missing.values()], onProgress);
  missingKeys.forEach((key, i) => cache.set(key, vectors[i] as Float32Array));
  return missingKeys;
}

interface IndexData {
  documents: Document[];
  passages: Passage[];
  passageKeys: string[];
  passageVectors: Float32Array[];
  sentences: IndexedSentence[];
  sentenceKeys: string[];
  sentenceVectors: Float32Array[];
}

/** Writes every data file into `dir`; returns their sizes and checksums for the manifest. */
async function writeData(dir: string, dimensions: number, data: IndexData): Promise<IndexManifest['artifacts']> {
  const files = new Map<string, Buffer>();
  files.set(INDEX_FILES.passages, Buffer.from(JSON.stringify({ documents: data.documents, passages: data.passages, passageHashes: data.passageKeys })));
  files.set(INDEX_FILES.passageVectors, packVectors(data.passageVectors, dimensions));
  files.set(
    INDEX_FILES.sentences,
    Buffer.from(JSON.stringify({ sentences: data.sentences.map((s, j) => ({ passageId: s.passageId, start: s.start, end: s.end, hash: data.sentenceKeys[j] })) })),
  );
  files.set(INDEX_FILES.sentenceVectors, packVectors(data.sentenceVectors, dimensions));
  for (const [name, bytes] of files) await fs.writeFile(path.join(dir, name), bytes);

  const hnswPath = path.join(dir, INDEX_FILES.hnsw);
  const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
  // A fixed seed makes the graph, and so search results, the same for the same corpus.
  index.initIndex({ maxElements: data.passageVectors.length, m: DEFAULT_HNSW.M, efConstruction: DEFAULT_HNSW.efConstruction, randomSeed: 42 });
  data.passageVectors.forEach((vector, label) => index.addPoint(Array.from(vector), label));
  index.writeIndexSync(hnswPath);
  files.set(INDEX_FILES.hnsw, await fs.readFile(hnswPath));

  const artifacts: IndexManifest['artifacts'] = {};
  for (const name of DATA_FILES) {
    const bytes = files.get(name) as Buffer;
    artifacts[name] = { bytes: bytes.byteLength, sha256: sha256(bytes) };
  }
  return artifacts;
}

function countIn(keys: string[], set: Set<string>): number {
  return keys.filter((k) => set.has(k)).length;
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
