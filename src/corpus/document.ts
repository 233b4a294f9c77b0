// One document: text → units → passages, with metadata from corpus.yml or inferred. Never throws on content.
import { assemble } from './assemble.ts';
import { cleanInline } from './clean.ts';
import { inferDocumentMeta } from './meta.ts';
import { DocumentSchema, type DocumentMeta, type ParsedDocument, type ParseWarning, type Passage } from './schema.ts';
import { toSourceText } from './source-text.ts';
import { buildUnits, isHardWrapped, type Unit } from './units.ts';
import { paragraphLabel, passageId } from './labels.ts';
import { sha256 } from './hash.ts';

export interface ParseDocumentInput {
  /** File name without extension, e.g. `2021-wg4-rapport`. */
  id: string;
  text: string;
  /** Where the text came from (used in the Document and in warnings). */
  sourcePath: string;
  /** Metadata from corpus.yml; inferred from the front page when absent. */
  meta?: DocumentMeta;
  /** sha256 of the file's bytes when the caller read them; otherwise the hash of the text's UTF-8 bytes. */
  contentHash?: string;
  /** Document symbol found in the file (first page, running headers); corpus.yml's wins. */
  symbol?: string;
}

/** Last resort for text without recognisable structure: every block becomes a numbered paragraph. */
function blocksAsParagraphs(units: Unit[], docId: string, pdf: boolean): Passage[] {
  const passages: Passage[] = [];
  for (const unit of units) {
    const cleaned = cleanInline(unit.raw, { pdf });
    if (!cleaned.text) continue;
    const label = paragraphLabel(passages.length + 1);
    passages.push({
      id: passageId(docId, label),
      docId,
      label,
      kind: 'paragraph',
      headingPath: [],
      text: cleaned.text,
      noteRefs: cleaned.noteRefs,
      lines: { start: unit.lines[0]?.no ?? 1, end: unit.lines[unit.lines.length - 1]?.no ?? 1 },
    });
  }
  return passages;
}

export function parseDocument(input: ParseDocumentInput): ParsedDocument {
  const file = input.sourcePath;
  const warnings: ParseWarning[] = [];
  const source = toSourceText(input.text);
  const meta = input.meta ?? inferDocumentMeta(source.unreadable ? '' : source.lines.join('\n'), input.id);
  const document = DocumentSchema.parse({
    id: input.id,
    displayName: meta.displayName,
    title: meta.title,
    date: meta.date,
    year: Number(meta.date.slice(0, 4)),
    kind: meta.kind,
    sourcePath: input.sourcePath,
    contentHash: input.contentHash ?? sha256(input.text),
    ...(meta.draftOf ? { draftOf: meta.draftOf } : {}),
    ...(meta.symbol ?? input.symbol ? { symbol: meta.symbol ?? input.symbol } : {}),
    ...(meta.sourceUrl ? { sourceUrl: meta.sourceUrl } : {}),
    metaSource: input.meta ? 'corpus.yml' : 'inferred',
  });
  if (source.unreadable) {
    warnings.push({ file, line: 1, message: source.unreadable });
    return { document, passages: [], warnings };
  }
  if (source.lines.every((l) => l.trim() === '')) {
    warnings.push({ file, line: 1, message: 'empty file: no passages' });
    return { document, passages: [], warnings };
  }

  const pdf = isHardWrapped(source.lines);
  const units = buildUnits(source.lines, pdf);
  try {
    const result = assemble(units, { docId: input.id, file, pdf });
    if (result.structured) return { document, passages: result.passages, warnings: [...warnings, ...result.warnings], structured: true };
    warnings.push({ file, line: 1, message: 'no numbered paragraphs or recommendations found; text blocks numbered in order' });
  } catch (error) {
    // A parser bug must not take the whole corpus down: fall back to blocks and say so.
    const message = error instanceof Error ? error.message : String(error);
    warnings.push({ file, line: 1, message: `parser error (${message}); text blocks numbered in order` });
  }
  return { document, passages: blocksAsParagraphs(units, input.id, pdf), warnings, structured: false };
}
