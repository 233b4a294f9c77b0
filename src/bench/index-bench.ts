// The index benchmark on the real corpus: a full build from scratch into a temporary folder, the bare
// embedding of exactly the texts that build embedded (its floor), a rebuild with nothing changed and a
// rebuild after one paragraph changed (on a copy of the corpus, edited in place).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCorpus, passageContext, type Passage } from '../corpus/index.ts';
import { passageInput, type Embedder } from '../embed/index.ts';
import { buildIndex, sentencesOfPassage, type BuildProgress } from '../index/index.ts';
import { nowMs } from './clock.ts';
import type { IndexFigures } from './report.ts';

export interface IndexBenchOptions {
  corpusDir: string;
  embedder: Embedder;
  /** Index only this many documents (the smallest ones), for --quick. */
  sliceDocuments?: number;
  /** Where the corpus copy and the index go; removed afterwards unless `keep`. */
  workDir?: string;
  keep?: boolean;
  onProgress?: (label: string, done: number, total: number) => void;
}

const DOCUMENT_FILE = /\.(md|txt)$/i;

/** Copies the corpus (all of it, or its `slice` smallest documents) with its metadata file. */
export function copyCorpus(from: string, to: string, slice?: number): string[] {
  fs.mkdirSync(to, { recursive: true });
  const entries = fs.readdirSync(from, { withFileTypes: true }).filter((e) => e.isFile());
  let documents = entries.filter((e) => DOCUMENT_FILE.test(e.name)).map((e) => e.name);
  if (slice !== undefined) {
    documents = documents
      .map((name) => ({ name, size: fs.statSync(path.join(from, name)).size }))
      .sort((a, b) => a.size - b.size)
      .slice(0, slice)
      .map((d) => d.name);
  }
  const others = entries.filter((e) => !DOCUMENT_FILE.test(e.name)).map((e) => e.name);
  for (const name of [...documents, ...others]) fs.copyFileSync(path.join(from, name), path.join(to, name));
  return documents;
}

/**
 * Changes one paragraph of one document: appends a sentence to the longest line of the first document that
 * has a numbered paragraph ("12. …"), the way a typo fix or an amendment would touch one passage.
 * Returns the file changed.
 */
export function editOneParagraph(corpusDir: string, documents: string[]): string {
  for (const name of documents) {
    const file = path.join(corpusDir, name);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    let best = -1;
    for (let i = 0; i < lines.length; i++) {
      if (/^\s*\d{1,6}\.\s+\S/.test(lines[i]!) && (best < 0 || lines[i]!.length > lines[best]!.length)) best = i;
    }
    if (best < 0) continue;
    lines[best] = `${lines[best]!.trimEnd()} Cette phrase a été ajoutée par le banc d'essai.`;
    fs.writeFileSync(file, lines.join('\n'));
    return name;
  }
  throw new Error('no numbered paragraph found to edit in the corpus copy');
}

/**
 * What a build from scratch sends to the model: the distinct texts (passages in context, then their
 * sentences; a text repeated across passages is embedded once) and how many passage and sentence slots
 * they fill (the build's `embedded` counts slots).
 */
export function textsToEmbed(documents: Array<{ id: string; displayName: string }>, passages: Passage[]): { texts: string[]; slots: number } {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const texts = new Set<string>();
  let slots = 0;
  for (const passage of passages) {
    const document = byId.get(passage.docId);
    if (!document) continue;
    texts.add(passageContext(passage, document));
    slots++;
  }
  for (const passage of passages) {
    for (const { text } of sentencesOfPassage(passage)) {
      texts.add(text);
      slots++;
    }
  }
  return { texts: [...texts], slots };
}

export async function runIndexBench(options: IndexBenchOptions): Promise<IndexFigures> {
  const { embedder } = options;
  const report = options.onProgress ?? (() => {});
  const workDir = options.workDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-bench-index-'));
  const corpusDir = path.join(workDir, 'corpus');
  const indexDir = path.join(workDir, 'index');
  try {
    const documents = copyCorpus(options.corpusDir, corpusDir, options.sliceDocuments);
    const corpus = await loadCorpus(corpusDir);
    const { texts, slots } = textsToEmbed(corpus.documents, corpus.passages);
    const tokens = texts.reduce((sum, text) => sum + embedder.countTokens(passageInput(text)), 0);

    // One small batch first, so neither measurement pays onnxruntime's first-run warm-up.
    await embedder.embedPassages(texts.slice(0, 16));

    const onBuild = (label: string) => (event: BuildProgress) => {
      if (event.phase === 'embedding') report(label, event.done, event.total);
    };
    // The floor is measured before and after the build and the faster run kept: on a shared machine noise
    // only ever adds time, so the minimum is the honest floor (and the harder one for the build to meet).
    const floorRun = async (label: string) => {
      const begin = nowMs();
      await embedder.embedPassages(texts, (done, total) => report(label, done, total));
      return nowMs() - begin;
    };
    const floorBefore = await floorRun('index: bare embedding (floor, 1/2)');
    let start = nowMs();
    const full = await buildIndex({ corpusDir, indexDir, embedder, onProgress: onBuild('index: full build') });
    const fullBuildMs = nowMs() - start;
    const floorAfter = await floorRun('index: bare embedding (floor, 2/2)');
    const bareEmbedMs = Math.min(floorBefore, floorAfter);

    report('index: rebuild, nothing changed', 0, 1);
    start = nowMs();
    const unchanged = await buildIndex({ corpusDir, indexDir, embedder });
    const noChangeRebuildMs = nowMs() - start;

    editOneParagraph(corpusDir, documents);
    start = nowMs();
    const edited = await buildIndex({ corpusDir, indexDir, embedder, onProgress: onBuild('index: rebuild, one paragraph changed') });
    const oneParagraphRebuildMs = nowMs() - start;

    const embeddedCount = (s: { embedded: { passages: number; sentences: number } }) => s.embedded.passages + s.embedded.sentences;
    if (embeddedCount(full) !== slots) {
      throw new Error(`the floor covers ${slots} passages and sentences but the build embedded ${embeddedCount(full)}: the bench and the build disagree on what to embed`);
    }
    return {
      documents: full.documents,
      passages: full.passages,
      textsEmbedded: texts.length,
      tokensEmbedded: tokens,
      fullBuildMs,
      fullBuildTokensPerSecond: tokens / (fullBuildMs / 1000),
      bareEmbedMs,
      bareEmbedRunsMs: [floorBefore, floorAfter],
      bareEmbedTokensPerSecond: tokens / (bareEmbedMs / 1000),
      buildToFloorRatio: fullBuildMs / bareEmbedMs,
      noChangeRebuildMs,
      noChangeRebuildEmbedded: embeddedCount(unchanged),
      oneParagraphRebuildMs,
      oneParagraphRebuildEmbedded: embeddedCount(edited),
      slice: options.sliceDocuments !== undefined,
    };
  } finally {
    if (!options.keep) fs.rmSync(workDir, { recursive: true, force: true });
  }
}
