// The sentences of each passage, as the answer stage quotes them: spans into `passage.text`.
import { passageContext, splitSentences, type Document, type Passage } from '../corpus/index.ts';
import { sha256 } from './vectors-file.ts';

export interface IndexedSentence {
  passageId: string;
  start: number;
  end: number;
  /** Always `passage.text.slice(start, end)`. */
  text: string;
}

/** The sentences of `passage`, in order; a passage the splitter finds no sentence in is one sentence. */
export function sentencesOfPassage(passage: Passage): IndexedSentence[] {
  const spans = splitSentences(passage.text).filter((s) => s.end > s.start);
  const usable = spans.length > 0 ? spans : [{ start: 0, end: passage.text.length }];
  return usable.map(({ start, end }) => ({ passageId: passage.id, start, end, text: passage.text.slice(start, end) }));
}

/**
 * A digest of a parse: the documents, every passage, every sentence span and the text each passage is
 * embedded as (`passageContext`). Two parses with the same fingerprint index the same texts under the same
 * labels with the same vectors; a program that embeds passages differently makes older indexes stale.
 */
export function parseFingerprint(documents: readonly Document[], passages: readonly Passage[]): string {
  const sentences = passages.flatMap(sentencesOfPassage).map(({ passageId, start, end }) => [passageId, start, end]);
  const documentById = new Map(documents.map((d) => [d.id, d]));
  const embedded = passages.map((p) => passageContext(p, documentById.get(p.docId) ?? { displayName: p.docId }));
  // Where the corpus folder lives is not part of what it says: a copy elsewhere is the same parse.
  const located = documents.map(({ sourcePath: _where, ...document }) => document);
  return sha256(JSON.stringify({ documents: located, passages, sentences, embedded }));
}
