// The assembler's second phase: builders become passages (texts joined, lead-ins from parents), with the
// warnings only the whole document can tell (empty passages, dangling notes, a last passage cut short).
import { ENDS_SENTENCE, type AssembleContext, type Builder } from './assembler-state.ts';
import { noteLabel, passageId } from './labels.ts';
import type { Passage } from './schema.ts';
import { splitSentences } from './sentences.ts';

/** Shortest lead-in worth showing on its own; "Par exemple :" needs the sentence before it. */
const MIN_LEAD_IN = 40;
/**
 * A passage longer than this (about ten of the model's windows; the longest in the corpus is 2 409 characters) is
 * kept whole, since its text is what is cited, but flagged: usually numbering the parser did not recognise
 * glued many paragraphs together. The embedder reads it in overlapping windows.
 */
export const LONG_PASSAGE_CHARS = 20_000;

/** 1200004 → "1 200 004", as the warnings print sizes. */
function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** The parent's closing sentence (the one introducing the items), with the one before when it is very short. */
function leadInOf(text: string): string | undefined {
  const spans = splitSentences(text);
  const last = spans[spans.length - 1];
  if (!last) return undefined;
  const previous = spans[spans.length - 2];
  const start = last.end - last.start < MIN_LEAD_IN && previous ? previous.start : last.start;
  return text.slice(start, last.end);
}

/** Builders → passages: texts joined, lead-ins from parents, empty passages dropped, dangling notes reported. */
export function toPassages(builders: Builder[], context: AssembleContext, addWarning: (line: number, message: string) => void): Passage[] {
  const passages: Passage[] = [];
  const textOf = (b: Builder): string => (b.kind === 'table' ? b.parts.join('\n') : b.parts.join(' ').replace(/\s+/g, ' ').trim());
  const noteLabels = new Set(builders.filter((b) => b.kind === 'note').map((b) => b.label));
  for (const b of builders) {
    let text = textOf(b);
    if (!text) {
      if (b.children.length === 0) {
        addWarning(b.start, `${b.label} has no text; dropped`);
        continue;
      }
      text = b.label;
    }
    const passage: Passage = {
      id: passageId(context.docId, b.label),
      docId: context.docId,
      label: b.label,
      kind: b.kind,
      headingPath: b.headingPath,
      text,
      noteRefs: b.noteRefs,
      lines: { start: b.start, end: b.end },
    };
    if (b.parent) {
      passage.parentLabel = b.parent.label;
      const leadIn = leadInOf(textOf(b.parent));
      if (leadIn) passage.leadIn = leadIn;
    }
    if (text.length > LONG_PASSAGE_CHARS && b.kind !== 'table') {
      addWarning(b.start, `${b.label} is ${groupDigits(text.length)} characters long (numbering not recognised?); kept whole, embedded in overlapping windows`);
    }
    for (const n of b.noteRefs) {
      if (!noteLabels.has(noteLabel(n))) addWarning(b.start, `${b.label} refers to note ${n}, which is not in the file`);
    }
    passages.push(passage);
  }
  const lastText = [...passages].reverse().find((p) => p.kind !== 'note' && p.kind !== 'table');
  if (lastText && !ENDS_SENTENCE.test(lastText.text)) {
    addWarning(lastText.lines.end, `${lastText.label} ends mid-sentence (truncated file?)`);
  }
  return passages;
}
