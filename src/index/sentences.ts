// The sentences of each passage, as the answer stage quotes them: spans into `passage.text`.
import { splitSentences, type Passage } from '../corpus/index.ts';

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
