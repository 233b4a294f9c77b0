// Real model, real HNSW files on disk, a slice of the real corpus in a temp folder. One full build in
// beforeAll; each test copies that index when it damages it.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Corpus } from '../../src/corpus/index.ts';
import { MODEL_DIMENSIONS, MODEL_ID, createLazyEmbedder, loadEmbedder } from '../../src/embed/index.ts';
import {
  IndexError,
  buildIndex,
  ensureIndex,
  loadIndex,
  type BuildSummary,
  type LoadedIndex,
} from '../../src/index/index.ts';
import { INDEX_FILES, IndexManifestSchema } from '../../src/index/manifest.ts';
import { corpusSlice, cosine, countingEmbedder, norm, runCli, tempDir, type CountingEmbedder } from './fixtures.ts';

const IDS = { modelId: MODEL_ID, dimensions: MODEL_DIMENSIONS };
const ENDS_WITH_ADVICE = /; run `rapporteur index`\.$/;

let root: string;
let corpusDir: string;
let indexDir: string;
let embedder: CountingEmbedder;
let first: BuildSummary;
let corpus: Corpus;

beforeAll(async () => {
  root = await tempDir('index');
  corpusDir = await corpusSlice(root);
  indexDir = path.join(root, 'index');
  embedder = countingEmbedder(await loadEmbedder());
  first = await buildIndex({ corpusDir, indexDir, embedder });
  corpus = await loadCorpus(corpusDir);
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** A copy of the built index (and of the corpus when asked), for tests that damage or change them. */
async function copyOfIndex(name: string): Promise<string> {
  const dir = path.join(root, name, 'index');
  await fs.cp(indexDir, dir, { recursive: true });
  return dir;
}

async function loadError(dir: string, opts: Parameters<typeof loadIndex>[1] = IDS): Promise<IndexError> {
  const error = await loadIndex(dir, opts).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IndexError);
  return error as IndexError;
}

describe('build → load round trip', () => {
  let index: LoadedIndex;
  beforeAll(async () => {
    index = await loadIndex(indexDir, { ...IDS, corpusDir });
  });

  it('embeds every passage and sentence once and writes a valid manifest', async () => {
    expect(first.passages).toBe(corpus.passages.length);
    expect(first.embedded.passages).toBe(corpus.passages.length);
    expect(first.reused).toEqual({ passages: 0, sentences: 0 });
    expect(first.sentences).toBeGreaterThanOrEqual(first.passages);
    const manifest = IndexManifestSchema.parse(JSON.parse(await fs.readFile(path.join(indexDir, INDEX_FILES.manifest), 'utf8')));
    expect(manifest).toMatchObject({ modelId: MODEL_ID, dimensions: 384, space: 'cosine', passageCount: first.passages, sentenceCount: first.sentences });
    expect(manifest.files).toEqual(corpus.documents.map((d) => ({ docId: d.id, path: path.basename(d.sourcePath), contentHash: d.contentHash })));
    expect(manifest.metaFile?.path).toBe('corpus.yml');
    // Only the index files, no leftovers of the build folder beside it.
    expect((await fs.readdir(root)).filter((n) => n.startsWith('.index-build-'))).toEqual([]);
  });

  it('gives back the parsed passages in label order, with their documents', () => {
    expect(index.passages).toEqual(corpus.passages);
    expect(index.documents).toEqual(corpus.documents);
    expect(index.passageById.get(corpus.passages[3]!.id)).toEqual(corpus.passages[3]);
    expect(index.documentById.get(corpus.documents[0]!.id)?.displayName).toBe(corpus.documents[0]!.displayName);
  });

  it('keeps the sentences of each passage as exact spans with unit vectors', () => {
    expect(index.sentences).toHaveLength(first.sentences);
    for (const passage of index.passages) {
      const sentences = index.sentencesOf(passage.id);
      expect(sentences.length).toBeGreaterThan(0);
      for (const { sentence, vector } of sentences) {
        expect(sentence.text).toBe(passage.text.slice(sentence.start, sentence.end));
        expect(norm(vector)).toBeCloseTo(1, 4);
      }
    }
    expect(index.sentencesOf('no such passage')).toEqual([]);
  });

  it('finds a passage from its own vector first, and from a query about it near the top', async () => {
    for (const passage of index.passages.slice(0, 10)) {
      const [best] = index.searchPassages(index.passageVector(passage.id), 1);
      expect(best?.passage.id).toBe(passage.id);
      expect(best?.similarity).toBeCloseTo(1, 4);
    }
    const target = index.passages.find((p) => p.text.length > 200)!;
    const hits = index.searchPassages(await embedder.embedQuery(target.text), 3);
    expect(hits.map((h) => h.passage.id)).toContain(target.id);
  });

  it('returns cosine similarities best first, clamps k, and applies filters (with an exact scan when few pass)', async () => {
    const query = await embedder.embedQuery('protection des victimes de la traite');
    const all = index.searchPassages(query, 10_000);
    expect(all).toHaveLength(index.passages.length);
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.similarity).toBeGreaterThanOrEqual(all[i]!.similarity - 1e-6);
    expect(all[0]!.similarity).toBeCloseTo(cosine(query, index.passageVector(all[0]!.passage.id)), 4);
    expect(index.searchPassages(query, 0)).toEqual([]);

    // The least similar passage is outside any oversampled graph walk: only the exact scan finds it.
    const last = all.at(-1)!.passage;
    expect(index.searchPassages(query, 5, (p) => p.id === last.id).map((h) => h.passage.id)).toEqual([last.id]);
    const items = index.searchPassages(query, 4, (p) => p.kind !== 'paragraph');
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((h) => h.passage.kind !== 'paragraph')).toBe(true);
    expect(index.searchPassages(query, 3, () => false)).toEqual([]);
    expect(() => index.passageVector('missing#x')).toThrow();
  });
});

describe('incremental rebuilds', () => {
  it('with nothing changed, reuses every embedding and never loads the model', async () => {
    const lazy = createLazyEmbedder();
    const summary = await buildIndex({ corpusDir, indexDir, embedder: lazy });
    expect(lazy.loaded).toBe(false);
    expect(summary.embedded).toEqual({ passages: 0, sentences: 0 });
    expect(summary.reused).toEqual({ passages: first.passages, sentences: first.sentences });
    const index = await loadIndex(indexDir, { ...IDS, corpusDir });
    expect(index.passages).toHaveLength(first.passages);
  });

  it('after one paragraph changed, embeds that passage (and its changed sentence) only', async () => {
    const changedRoot = path.join(root, 'changed');
    const dir = await copyOfIndex('changed');
    const changedCorpus = await corpusSlice(changedRoot);
    const file = path.join(changedCorpus, '2021-wg4-projet-de-rapport.txt');
    const source = await fs.readFile(file, 'utf8');
    // A passage nobody else quotes (no children, not a lead-in) with a word found nowhere else in the file.
    const isQuoted = (p: (typeof corpus.passages)[number]) => corpus.passages.some((o) => o !== p && (o.parentLabel === p.label || o.leadIn?.includes(p.text.slice(0, 30))));
    let word = '';
    const target = corpus.passages.find((p) => {
      if (isQuoted(p)) return false;
      word = p.text.match(/\p{L}{9,}/gu)?.find((w) => source.split(w).length === 2) ?? '';
      return word !== '';
    });
    expect(target).toBeDefined();
    await fs.writeFile(file, source.replace(word, `MODIFIÉ${word}`));

    embedder.reset();
    const before = await loadIndex(dir, IDS);
    const summary = await buildIndex({ corpusDir: changedCorpus, indexDir: dir, embedder });
    expect(summary.embedded.passages).toBe(1);
    expect(summary.embedded.sentences).toBeGreaterThanOrEqual(1);
    expect(embedder.embeddedTexts.length).toBe(summary.embedded.passages + summary.embedded.sentences);
    expect(embedder.embeddedTexts.every((t) => t.includes(`MODIFIÉ${word}`))).toBe(true);

    const after = await loadIndex(dir, { ...IDS, corpusDir: changedCorpus });
    expect(after.passageById.get(target!.id)?.text).toContain(`MODIFIÉ${word}`);
    const other = after.passages.find((p) => p.id !== target!.id)!;
    expect(Array.from(after.passageVector(other.id))).toEqual(Array.from(before.passageVector(other.id)));
    expect(cosine(after.passageVector(target!.id), before.passageVector(target!.id))).toBeLessThan(0.99999);
  });
});

describe('an index that cannot be used says so in one sentence', () => {
  it('missing', async () => {
    const error = await loadError(path.join(root, 'nowhere'));
    expect(error.problem).toBe('missing');
    expect(error.message).toMatch(ENDS_WITH_ADVICE);
  });

  it('truncated or corrupt HNSW file (also from the CLI, with a non-zero exit)', async () => {
    const truncated = await copyOfIndex('truncated');
    const hnswFile = path.join(truncated, INDEX_FILES.hnsw);
    const bytes = await fs.readFile(hnswFile);
    await fs.writeFile(hnswFile, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const error = await loadError(truncated);
    expect(error.problem).toBe('corrupt');
    expect(error.message).toMatch(/passages\.hnsw is truncated or damaged/);
    expect(error.message).toMatch(ENDS_WITH_ADVICE);

    const flipped = await copyOfIndex('flipped');
    const flippedBytes = Buffer.from(bytes);
    const middle = Math.floor(bytes.length / 2);
    flippedBytes.writeUInt8(flippedBytes.readUInt8(middle) ^ 0xff, middle);
    await fs.writeFile(path.join(flipped, INDEX_FILES.hnsw), flippedBytes);
    expect((await loadError(flipped)).message).toMatch(/passages\.hnsw is corrupt \(checksum mismatch\); run `rapporteur index`\.$/);

    const cli = await runCli(['index', '--check', '--corpus', corpusDir, '--out', truncated]);
    expect(cli.code).toBe(1);
    expect(cli.stderr.trim().split('\n')).toHaveLength(1);
    expect(cli.stderr).toMatch(/^rapporteur: The index file .*passages\.hnsw is truncated or damaged .*; run `rapporteur index`\.\n$/);
  });

  it('built for another dimension or model', async () => {
    const dir = await copyOfIndex('dims');
    const manifestPath = path.join(dir, INDEX_FILES.manifest);
    const manifest = JSON.parse(await fs.readFile(manifestPath, 'utf8'));
    await fs.writeFile(manifestPath, JSON.stringify({ ...manifest, dimensions: 768 }));
    const error = await loadError(dir);
    expect(error.problem).toBe('incompatible');
    expect(error.message).toMatch(/\(768 dimensions\) but the model in use is Xenova\/multilingual-e5-small \(384 dimensions\); run `rapporteur index`\.$/);
    expect((await loadError(indexDir, { modelId: 'other/model', dimensions: 384 })).problem).toBe('incompatible');
    await fs.writeFile(manifestPath, '{ not json');
    expect((await loadError(dir)).problem).toBe('corrupt');
  });

  it('out of date with the corpus (changed, added or removed file), also from the CLI', async () => {
    const changedCorpus = await corpusSlice(path.join(root, 'stale'));
    await loadIndex(indexDir, { ...IDS, corpusDir: changedCorpus }); // identical copy: fresh
    const file = path.join(changedCorpus, '2021-wg4-projet-de-rapport.txt');
    await fs.appendFile(file, '\n6. Un paragraphe ajouté.\n');
    const error = await loadError(indexDir, { ...IDS, corpusDir: changedCorpus });
    expect(error.problem).toBe('stale');
    expect(error.message).toMatch(/is out of date: 2021-wg4-projet-de-rapport\.txt changed since it was indexed; run `rapporteur index`\.$/);
    const cli = await runCli(['index', '--check', '--corpus', changedCorpus, '--out', indexDir]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/^rapporteur: The index in .* is out of date: .*; run `rapporteur index`\.\n$/);

    await fs.rm(file);
    expect((await loadError(indexDir, { ...IDS, corpusDir: changedCorpus })).message).toMatch(/is no longer in/);
    await fs.copyFile(path.join(corpusDir, '2021-wg4-projet-de-rapport.txt'), file);
    await fs.writeFile(path.join(changedCorpus, '2099-nouveau.md'), '# Nouveau\n\n1. Texte.\n');
    expect((await loadError(indexDir, { ...IDS, corpusDir: changedCorpus })).message).toMatch(/2099-nouveau\.md is new/);
  });

  it('out of date with the parser: same files, but the passages they parse into differ', async () => {
    const dir = await copyOfIndex('parser');
    await loadIndex(dir, { ...IDS, corpusDir }); // as built: fresh
    // What an index built by an older parser looks like: every file hash matches, the parse does not.
    const manifestPath = path.join(dir, INDEX_FILES.manifest);
    const manifest = JSON.parse(await fs.readFile(manifestPath, 'utf8'));
    await fs.writeFile(manifestPath, JSON.stringify({ ...manifest, parseFingerprint: '0'.repeat(64) }));
    const error = await loadError(dir, { ...IDS, corpusDir });
    expect(error.problem).toBe('stale');
    expect(error.message).toMatch(/the parser now reads the reports differently .*; run `rapporteur index`\.$/);
  });
});

describe('the index folder', () => {
  it('ensureIndex loads an existing index without building, and builds a missing one', async () => {
    embedder.reset();
    const existing = await ensureIndex({ corpusDir, indexDir, embedder });
    expect(existing.passages).toHaveLength(first.passages);
    expect(embedder.embeddedTexts).toEqual([]);

    const fresh = path.join(root, 'ensured', 'index');
    const built = await ensureIndex({ corpusDir, indexDir: fresh, embedder });
    expect(built.passages).toHaveLength(first.passages);
    expect(embedder.embeddedTexts.length).toBeGreaterThan(0);
    await expect(ensureIndex({ corpusDir: await corpusSlice(path.join(root, 'ensured-stale'), ['2017-wg4-rapport.md']), indexDir: fresh, embedder })).rejects.toThrow(
      IndexError,
    );
  });

  it('puts back an index displaced by a swap that died between its two renames', async () => {
    const dir = await copyOfIndex('displaced');
    const parent = path.dirname(dir);
    const displaced = path.join(parent, '.index-build-999999-abcdef.old');
    await fs.rename(dir, displaced);
    const index = await loadIndex(dir, IDS);
    expect(index.passages).toHaveLength(first.passages);
    expect(await fs.readdir(parent)).toEqual(['index']);
  });

  it('keeps a README in the folder, removes dead builds, and refuses to replace a folder that is not an index', async () => {
    const dir = await copyOfIndex('kept');
    const parent = path.dirname(dir);
    await fs.writeFile(path.join(dir, 'README.md'), '# index/\n');
    await fs.mkdir(path.join(parent, '.index-build-999999-dead00'));
    await buildIndex({ corpusDir, indexDir: dir, embedder: createLazyEmbedder() });
    expect(await fs.readFile(path.join(dir, 'README.md'), 'utf8')).toBe('# index/\n');
    expect(await fs.readdir(parent)).toEqual(['index']);

    const notAnIndex = path.join(root, 'not-an-index');
    await fs.mkdir(notAnIndex);
    await fs.writeFile(path.join(notAnIndex, 'thesis.docx'), 'precious');
    await expect(buildIndex({ corpusDir, indexDir: notAnIndex, embedder: createLazyEmbedder() })).rejects.toThrow(/is not empty and holds no index/);
    expect(await fs.readdir(notAnIndex)).toEqual(['thesis.docx']);
  });
});

describe('`rapporteur index`', () => {
  it('--json prints one summary object; a rebuild with nothing changed embeds nothing', async () => {
    const dir = await copyOfIndex('cli-json');
    const result = await runCli(['index', '--json', '--corpus', corpusDir, '--out', dir]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({
      indexDir: dir,
      corpusDir,
      passages: first.passages,
      sentences: first.sentences,
      embedded: { passages: 0, sentences: 0 },
      reused: { passages: first.passages, sentences: first.sentences },
      modelId: MODEL_ID,
      dimensions: 384,
    });
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('logs plain lines when not on a terminal and ends with a one-line summary', async () => {
    const dir = await copyOfIndex('cli-plain');
    const result = await runCli(['index', '--corpus', corpusDir, '--out', dir]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^parsing .*\nparsed 1 document: \d+ passages, \d+ sentences(, \d+ warnings? \(see `rapporteur corpus`\))?\nwriting .*\n$/);
    expect(result.stdout).toMatch(/^Indexed \d+ passages and \d+ sentences of 1 document into .* \(nothing changed, no text embedded\)\.\n$/);
    const check = await runCli(['index', '--check', '--corpus', corpusDir, '--out', dir]);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/is up to date/);
  });

  it('rejects a missing corpus folder in one line with exit code 2', async () => {
    const result = await runCli(['index', '--corpus', path.join(root, 'no-corpus'), '--out', path.join(root, 'no-index')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^rapporteur: corpus folder not found: .*no-corpus\n$/);
  });
});
