// Opening index/: every check that can fail with a clear sentence happens before hnswlib reads the file
// (hnswlib trusts its input; a truncated file must never reach it).
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import { CORPUS_META_FILE, isReportFile, loadCorpus, type Document, type Passage } from '../corpus/index.ts';
import { dot } from '../embed/index.ts';
import { lostItsManifest, recoverIndexDir } from './atomic-dir.ts';
import { IndexError } from './errors.ts';
import {
  DATA_FILES,
  INDEX_FILES,
  INDEX_FORMAT_VERSION,
  IndexManifestSchema,
  StoredPassagesSchema,
  StoredSentencesSchema,
  type IndexManifest,
} from './manifest.ts';
import { parseFingerprint, type IndexedSentence } from './sentences.ts';
import { readFileOrNull, row, sha256, unpackVectors } from './vectors-file.ts';

export interface LoadedIndex {
  manifest: IndexManifest;
  dir: string;
  documents: Document[];
  /** passages[i] has HNSW label i. */
  passages: Passage[];
  passageById: Map<string, Passage>;
  documentById: Map<string, Document>;
  sentences: IndexedSentence[];
  /** The sentences of a passage with their vectors (views: read-only), in order; [] for an unknown id. */
  sentencesOf(passageId: string): Array<{ sentence: IndexedSentence; vector: Float32Array }>;
  /** The passage's unit vector (a read-only view); throws for an unknown id. */
  passageVector(passageId: string): Float32Array;
  /**
   * The k passages most similar to `query` (a unit vector), best first, with their cosine similarity.
   * k is clamped to the number of passages; with `filter`, only passages it accepts are returned.
   */
  searchPassages(query: Float32Array, k: number, filter?: (p: Passage) => boolean): Array<{ passage: Passage; similarity: number }>;
}

export interface LoadIndexOptions {
  modelId: string;
  dimensions: number;
  /** When given, the index must have been built from this corpus as it is now. */
  corpusDir?: string;
}

export async function loadIndex(indexDir: string, opts: LoadIndexOptions): Promise<LoadedIndex> {
  const dir = path.resolve(indexDir);
  await recoverIndexDir(dir);
  const manifest = await readManifest(dir);
  if (manifest.modelId !== opts.modelId || manifest.dimensions !== opts.dimensions) {
    throw new IndexError(
      'incompatible',
      dir,
      `The index in ${dir} was built with ${manifest.modelId} (${manifest.dimensions} dimensions) but the model in use is ${opts.modelId} (${opts.dimensions} dimensions)`,
    );
  }
  const bytes = await readVerifiedFiles(dir, manifest);
  if (opts.corpusDir) await assertFresh(dir, manifest, path.resolve(opts.corpusDir));

  const corrupt = (what: string): IndexError => new IndexError('corrupt', dir, `The index in ${dir} is damaged (${what})`);
  let stored: { passages: ReturnType<typeof StoredPassagesSchema.parse>; sentences: ReturnType<typeof StoredSentencesSchema.parse> };
  try {
    stored = {
      passages: StoredPassagesSchema.parse(JSON.parse(bytes.get(INDEX_FILES.passages)!.toString('utf8'))),
      sentences: StoredSentencesSchema.parse(JSON.parse(bytes.get(INDEX_FILES.sentences)!.toString('utf8'))),
    };
  } catch {
    throw corrupt('its tables do not match the expected format');
  }
  const { documents, passages } = stored.passages;
  const dims = manifest.dimensions;
  const passageMatrix = unpackVectors(bytes.get(INDEX_FILES.passageVectors)!, passages.length, dims);
  const sentenceMatrix = unpackVectors(bytes.get(INDEX_FILES.sentenceVectors)!, stored.sentences.sentences.length, dims);
  if (passages.length !== manifest.passageCount || !passageMatrix || !sentenceMatrix) throw corrupt('its counts disagree with the manifest');

  const hnsw = new hnswlib.HierarchicalNSW(manifest.space, dims);
  try {
    hnsw.readIndexSync(path.join(dir, INDEX_FILES.hnsw));
  } catch {
    throw corrupt(`${INDEX_FILES.hnsw} cannot be read`);
  }
  if (hnsw.getCurrentCount() !== passages.length || hnsw.getNumDimensions() !== dims) throw corrupt(`${INDEX_FILES.hnsw} disagrees with the manifest`);
  // ef is not stored in the file: it is back to its default after every read.
  hnsw.setEf(manifest.hnsw.ef);

  const passageById = new Map(passages.map((p) => [p.id, p]));
  const labelById = new Map(passages.map((p, i) => [p.id, i]));
  const sentences: IndexedSentence[] = [];
  const sentencesByPassage = new Map<string, Array<{ sentence: IndexedSentence; vector: Float32Array }>>();
  for (const [j, s] of stored.sentences.sentences.entries()) {
    const passage = passageById.get(s.passageId);
    if (!passage || s.end > passage.text.length || s.start > s.end) throw corrupt('a sentence points outside its passage');
    const sentence: IndexedSentence = { passageId: s.passageId, start: s.start, end: s.end, text: passage.text.slice(s.start, s.end) };
    sentences.push(sentence);
    const list = sentencesByPassage.get(s.passageId) ?? [];
    list.push({ sentence, vector: row(sentenceMatrix, j, dims) });
    sentencesByPassage.set(s.passageId, list);
  }

  const passageVector = (passageId: string): Float32Array => {
    const label = labelById.get(passageId);
    if (label === undefined) throw new Error(`no passage ${passageId} in the index`);
    return row(passageMatrix, label, dims);
  };

  const searchPassages: LoadedIndex['searchPassages'] = (query, k, filter) => {
    if (query.length !== dims) throw new Error(`query vector has ${query.length} dimensions, the index ${dims}`);
    const count = passages.length;
    if (count === 0 || k <= 0) return [];
    const queryArray = Array.from(query);
    const knn = (n: number) => {
      const { neighbors, distances } = hnsw.searchKnn(queryArray, Math.min(n, count));
      // cosine space: distance = 1 − cosine similarity.
      return neighbors.map((label, i) => ({ passage: passages[label] as Passage, similarity: 1 - (distances[i] as number) }));
    };
    if (!filter) return knn(k);
    const accepted = passages.filter(filter);
    const want = Math.min(k, accepted.length);
    if (want === 0) return [];
    // Oversample, filter; when the filter is too selective for the graph walk, scan the accepted ones.
    const hits = knn(Math.max(want * 4, want + 32)).filter((h) => filter(h.passage));
    if (hits.length >= want) return hits.slice(0, want);
    return accepted
      .map((passage) => ({ passage, similarity: dot(query, passageVector(passage.id)) }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, want);
  };

  return {
    manifest,
    dir,
    documents,
    passages,
    passageById,
    documentById: new Map(documents.map((d) => [d.id, d])),
    sentences,
    sentencesOf: (passageId) => sentencesByPassage.get(passageId) ?? [],
    passageVector,
    searchPassages,
  };
}

async function readManifest(dir: string): Promise<IndexManifest> {
  const file = path.join(dir, INDEX_FILES.manifest);
  if (!existsSync(file)) {
    // Still `missing` (what ensureIndex builds): the folder holds only our own files, so a build replaces it.
    if (await lostItsManifest(dir)) throw new IndexError('missing', dir, `The index in ${dir} has lost its ${INDEX_FILES.manifest} (deleted, or an incomplete copy), so it cannot be checked or used`);
    throw new IndexError('missing', dir, `No index found in ${dir}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch {
    throw new IndexError('corrupt', dir, `The index manifest ${file} is not valid JSON`);
  }
  const parsed = IndexManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
    const detail =
      version !== undefined && version !== INDEX_FORMAT_VERSION
        ? `has format version ${String(version)}, this program reads ${INDEX_FORMAT_VERSION}`
        : 'does not describe an index this program can read';
    throw new IndexError('incompatible', dir, `The index manifest ${file} ${detail}`);
  }
  return parsed.data;
}

/** Reads every data file and checks its size and checksum against the manifest. */
async function readVerifiedFiles(dir: string, manifest: IndexManifest): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of DATA_FILES) {
    const expected = manifest.artifacts[name];
    const bytes = await readFileOrNull(path.join(dir, name));
    if (!expected || !bytes) throw new IndexError('corrupt', dir, `The index in ${dir} is incomplete (${name} is missing)`);
    if (bytes.byteLength !== expected.bytes) {
      throw new IndexError('corrupt', dir, `The index file ${path.join(dir, name)} is truncated or damaged (${bytes.byteLength} bytes, expected ${expected.bytes})`);
    }
    if (sha256(bytes) !== expected.sha256) throw new IndexError('corrupt', dir, `The index file ${path.join(dir, name)} is corrupt (checksum mismatch)`);
    files.set(name, bytes);
  }
  return files;
}

/** Throws a `stale` IndexError naming the first difference between the corpus folder and the manifest. */
async function assertFresh(dir: string, manifest: IndexManifest, corpusDir: string): Promise<void> {
  const stale = (what: string): IndexError => new IndexError('stale', dir, `The index in ${dir} is out of date: ${what}`);
  for (const file of manifest.files) {
    const bytes = await readFileOrNull(path.join(corpusDir, file.path));
    if (!bytes) throw stale(`${file.path} is no longer in ${corpusDir}`);
    if (sha256(bytes) !== file.contentHash) throw stale(`${file.path} changed since it was indexed`);
  }
  const known = new Set(manifest.files.map((f) => f.path));
  const entries = await fs.readdir(corpusDir).catch(() => [] as string[]);
  const added = entries.filter((name) => isReportFile(name) && !known.has(name));
  if (added.length > 0) throw stale(`${added.join(', ')} ${added.length === 1 ? 'is' : 'are'} new in ${corpusDir}`);
  const meta = await readFileOrNull(path.join(corpusDir, CORPUS_META_FILE));
  if ((meta === null) !== (manifest.metaFile === null) || (meta && manifest.metaFile && sha256(meta) !== manifest.metaFile.contentHash)) {
    throw stale(`${CORPUS_META_FILE} changed since it was indexed`);
  }
  // Same files, but does the parser still read them the same way? (Parsing the corpus takes ~30 ms.)
  const corpus = await loadCorpus(corpusDir).catch(() => null);
  if (!corpus || parseFingerprint(corpus.documents, corpus.passages) !== manifest.parseFingerprint) {
    throw stale('the parser now reads the reports differently (the program was updated since it was built)');
  }
}
