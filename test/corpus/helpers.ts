// Shared by the corpus tests: the real corpus, loaded once per test file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus, type Corpus, type Passage } from '../../src/corpus/index.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const realCorpusDir = path.join(repoRoot, 'corpus');

export const DOCS = {
  r2017: '2017-wg4-rapport',
  r2021: '2021-wg4-rapport',
  draft: '2021-wg4-projet-de-rapport',
  info: '2021-wg4-document-information-marches-publics',
  sg2023: '2023-a78-rapport-secretaire-general',
} as const;

let cached: Promise<Corpus> | undefined;
export function realCorpus(): Promise<Corpus> {
  cached ??= loadCorpus(realCorpusDir);
  return cached;
}

export function passagesOf(corpus: Corpus, docId: string): Passage[] {
  return corpus.passages.filter((p) => p.docId === docId);
}

/** The passage with this label in this document; fails the test with a clear message when missing. */
export function get(corpus: Corpus, docId: string, label: string): Passage {
  const found = corpus.passages.find((p) => p.docId === docId && p.label === label);
  if (!found) throw new Error(`no passage "${label}" in ${docId}`);
  return found;
}

export function labels(corpus: Corpus, docId: string, kind?: Passage['kind']): string[] {
  return passagesOf(corpus, docId)
    .filter((p) => kind === undefined || p.kind === kind)
    .map((p) => p.label);
}

export const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
export const letters = (from: string, to: string): string[] =>
  range(from.charCodeAt(0), to.charCodeAt(0)).map((c) => String.fromCharCode(c));
