// From units to passages: one pass over the units, each read by the first handler that knows its kind (table,
// footnote, recommendation, heading, numbered paragraph, item, continuation), over the state in assembler-state.ts.
import { AssemblerState, DISCARD, ENDS_SENTENCE, firstLine, ITEM_START, type AssembleContext, type Builder } from './assembler-state.ts';
import type { CleanText } from './clean.ts';
import { parseFootnoteLine } from './footnotes.ts';
import { hasHeadingShape, headingLevel, isEmphasisedLine } from './headings.ts';
import { decideItem, type ItemDecision } from './items.ts';
import { itemLabel, itemMarker, paragraphLabel, recommendationLabel, tableLabel } from './labels.ts';
import { FURNITURE, ITEM, LETTER_HEADING, MD_HEADING, NUMBERED, RECOMMENDATION, ROMAN_HEADING } from './markers.ts';
import type { ParseWarning, Passage } from './schema.ts';
import { isTableUnit, renderTable } from './table.ts';
import { toPassages } from './to-passages.ts';
import type { Unit } from './units.ts';

export interface AssembleResult {
  passages: Passage[];
  warnings: ParseWarning[];
  /** False when no numbered paragraph or recommendation was found (the caller then falls back to blocks). */
  structured: boolean;
}

/** How much of an ignored text a warning quotes. */
const IGNORED_TEXT_SHOWN = 60;
const NO_TEXT: CleanText = { text: '', noteRefs: [] };

/** The unit being read, with what several handlers need of it. */
interface At {
  unit: Unit;
  /** Its position in the units (for lookahead). */
  index: number;
  raw: string;
  line: number;
  /** The whole unit cleaned (computed once, when a handler first asks). */
  cleaned: () => CleanText;
}

/** Reads the unit; true when it was handled (as a passage, a heading, or dropped on purpose). */
type Handler = (s: AssemblerState, at: At) => boolean;

export function assemble(units: Unit[], ctx: AssembleContext): AssembleResult {
  const s = new AssemblerState(units, ctx);
  for (let k = 0; k < units.length; k++) {
    const unit = withoutFurniture(units[k]);
    if (unit) readUnit(s, unitAt(s, unit, k));
  }
  const passages = toPassages(s.order, ctx, (line, message) => s.warn(line, message));
  return { passages, warnings: s.warnings, structured: s.last.paragraph > 0 || s.last.recommendation > 0 };
}

/** In this order: the first that recognises the unit reads it; the last takes whatever is left. */
const HANDLERS: Handler[] = [
  readTable,
  readFootnote,
  readRecommendation,
  readMarkdownHeading,
  readNumbered,
  readPlainHeading,
  readItem,
  readEmphasisedHeading,
  readContinuation,
];

function readUnit(s: AssemblerState, at: At): void {
  for (const handler of HANDLERS) if (handler(s, at)) return;
}

/** The unit without its page furniture (rules, bare link URLs), which never carries text; undefined when nothing is left. */
function withoutFurniture(original: Unit | undefined): Unit | undefined {
  if (!original) return undefined;
  const kept = original.lines.filter((l) => !FURNITURE.test(l.text));
  if (kept.length === 0) return undefined;
  return kept.length === original.lines.length ? original : { lines: kept, raw: kept.map((l) => l.text.trim()).join(' ') };
}

function unitAt(s: AssemblerState, unit: Unit, index: number): At {
  let cleaned: CleanText | undefined;
  return { unit, index, raw: unit.raw, line: firstLine(unit), cleaned: () => (cleaned ??= s.clean(unit.raw)) };
}

/** A table: one passage "tableau N", captioned by the heading just before it. */
function readTable(s: AssemblerState, at: At): boolean {
  if (!isTableUnit(at.unit)) return false;
  s.tables++;
  const rendered = renderTable(at.unit, s.pendingCaption);
  s.pendingCaption = undefined;
  s.create('table', tableLabel(s.tables), at.unit, rendered);
  return true;
}

/** A footnote line: a "note N" passage, outside the text flow. */
function readFootnote(s: AssemblerState, at: At): boolean {
  const footnote = parseFootnoteLine(at.raw);
  if (!footnote) return false;
  const text = s.clean(footnote.body);
  const label = s.has(footnote.label) ? s.duplicateLabel(footnote.label, text.text, at.line) : footnote.label;
  if (label !== undefined && text.text) s.create('note', label, at.unit, text);
  return true;
}

/** "Recommandation 7": opens a recommendation; its text and items follow. */
function readRecommendation(s: AssemblerState, at: At): boolean {
  const m = RECOMMENDATION.exec(at.raw);
  if (!m) return false;
  startNumbered(s, 'recommendation', Number(m[1]), at.unit, NO_TEXT);
  return true;
}

/** "## II. Recommandations": a heading (or a table's caption); the front page's title block is skipped. */
function readMarkdownHeading(s: AssemblerState, at: At): boolean {
  const md = MD_HEADING.exec(at.raw);
  if (!md) return false;
  const text = s.clean(md[2] ?? '').text;
  if (!text) return true;
  const level = headingLevel(text, s.lastLetterHeading);
  if (!s.bodyStarted && level !== 1) return true; // title block of the front page
  if (s.tableFollows(at.index)) {
    s.pendingCaption = text;
    return true;
  }
  s.bodyStarted = true;
  s.pushHeading({ level, text });
  return true;
}

/** "12. Texte": the next paragraph, an entry of a list inside the paragraph, or a numbered heading. */
function readNumbered(s: AssemblerState, at: At): boolean {
  const m = NUMBERED.exec(at.raw);
  if (!m) return false;
  const n = Number(m[1]);
  const text = s.clean(m[2] ?? '');
  const top = s.top === DISCARD ? undefined : s.top;
  if (top && s.embeddedList !== undefined && n === s.embeddedList) {
    s.embeddedList++;
    appendToTop(s, top, at.unit, `${n}.`, text);
  } else if (n === s.last.paragraph + 1) {
    startNumbered(s, 'paragraph', n, at.unit, text);
  } else if (top && n === 1 && /:$/.test(s.openText())) {
    // "… l'ordre du jour suivant :" then "1. …": a list inside the paragraph, not paragraph 1.
    s.embeddedList = 2;
    appendToTop(s, top, at.unit, `${n}.`, text);
  } else if (hasHeadingShape(text.text)) {
    if (s.bodyStarted) s.pushHeading({ level: 3, text: `${n}. ${text.text}` });
  } else {
    startNumbered(s, 'paragraph', n, at.unit, text);
  }
  return true;
}

/** "II. Recommandations" (level 1) or "A. Stratégies" (level 2) on a plain line. */
function readPlainHeading(s: AssemblerState, at: At): boolean {
  const text = at.cleaned().text;
  const roman = ROMAN_HEADING.exec(at.raw);
  if (roman && hasHeadingShape(text) && headingLevel(text, s.lastLetterHeading) === 1) {
    s.bodyStarted = true;
    s.pushHeading({ level: 1, text });
    return true;
  }
  if ((LETTER_HEADING.test(at.raw) || roman) && s.bodyStarted && hasHeadingShape(text)) {
    s.pushHeading({ level: 2, text });
    return true;
  }
  return false;
}

/** "a) Texte", "ii) Texte" under the open paragraph or recommendation; false when it reads as running text. */
function readItem(s: AssemblerState, at: At): boolean {
  const m = ITEM.exec(at.raw);
  if (!m) return false;
  const marker = m[1] ?? '';
  const text = s.clean(m[2] ?? '');
  if (!ITEM_START.test(text.text) || s.top === undefined) return false;
  if (s.top === DISCARD) {
    s.open = DISCARD;
    return true;
  }
  if (s.embeddedList !== undefined) {
    appendToTop(s, s.top, at.unit, itemMarker(marker), text);
    return true;
  }
  return addItem(s, s.top, marker, at, text);
}

/** A bold or italic line that does not continue a sentence: a level-4 heading (or a table's caption). */
function readEmphasisedHeading(s: AssemblerState, at: At): boolean {
  const text = at.cleaned().text;
  const continuesOpen = s.openBuilder() !== undefined && !ENDS_SENTENCE.test(s.openText());
  if (!s.bodyStarted || continuesOpen || !isEmphasisedLine(at.raw) || !hasHeadingShape(text)) return false;
  if (s.tableFollows(at.index)) s.pendingCaption = text;
  else s.pushHeading({ level: 4, text });
  return true;
}

/** Running text without a marker: the rest of a passage cut by a page break or footnotes. */
function readContinuation(s: AssemblerState, at: At): boolean {
  if (s.open === DISCARD) return true;
  const text = at.cleaned();
  if (s.open) s.append(s.open, at.unit, text);
  else if (s.bodyStarted && text.text) s.warn(at.line, `text outside any numbered paragraph ignored: "${text.text.slice(0, IGNORED_TEXT_SHOWN)}"`);
  return true;
}

/** A new paragraph or recommendation number: warns on gaps, keeps a repeat as "bis" or drops it when identical. */
function startNumbered(s: AssemblerState, kind: 'paragraph' | 'recommendation', n: number, unit: Unit, text: CleanText): void {
  const line = firstLine(unit);
  const last = s.last[kind];
  let label: string | undefined = kind === 'paragraph' ? paragraphLabel(n) : recommendationLabel(n);
  if (s.has(label)) label = s.duplicateLabel(label, text.text, line);
  else if (n !== last + 1) s.warn(line, numberingGap(kind, last, n));
  s.bodyStarted = true;
  s.embeddedList = undefined;
  s.item = undefined;
  if (label === undefined) {
    s.top = DISCARD;
    s.open = DISCARD;
    return;
  }
  s.last[kind] = Math.max(last, n);
  const b = s.create(kind, label, unit, text);
  s.top = b;
  s.open = b;
}

function numberingGap(kind: 'paragraph' | 'recommendation', last: number, n: number): string {
  if (kind === 'recommendation') return `recommendation numbering jumps from ${last} to ${n}`;
  return last === 0 ? `paragraph numbering starts at ${n}` : `paragraph numbering jumps from ${last} to ${n}`;
}

/** Text that stays inside the open paragraph ("1. …" of an agenda, "a) …" under it), its marker kept. */
function appendToTop(s: AssemblerState, top: Builder, unit: Unit, marker: string, text: CleanText): void {
  s.append(top, unit, { text: `${marker} ${text.text}`, noteRefs: text.noteRefs });
  s.open = top;
}

/** A lettered item or roman sub-item under `parent`, as decideItem reads the marker in its sequence. */
function addItem(s: AssemblerState, parent: Builder, marker: string, at: At, text: CleanText): boolean {
  const nextMarker = s.nextItemMarker(at.index);
  const decision = decideItem(marker, {
    ...(parent.lastMarker ? { lastLetter: parent.lastMarker } : {}),
    seenLetters: parent.seenMarkers,
    hasItem: s.item !== undefined,
    ...(s.item?.lastMarker ? { lastRoman: s.item.lastMarker } : {}),
    seenRomans: s.item?.seenMarkers ?? new Set<string>(),
    ...(nextMarker ? { nextMarker } : {}),
  });
  const reading = readingOf(s, decision, parent, marker, at.line);
  if (reading === 'duplicate') return addDuplicateItem(s, decision === 'duplicate-letter' ? 'item' : 'subitem', parent, marker, at, text);
  if (reading === 'letter') {
    parent.lastMarker = marker;
    parent.seenMarkers.add(marker);
    s.item = s.create('item', itemLabel(parent.label, marker), at.unit, text, parent);
    s.open = s.item;
  } else if (reading === 'roman' && s.item) {
    s.item.lastMarker = marker;
    s.item.seenMarkers.add(marker);
    s.open = s.create('subitem', itemLabel(s.item.label, marker), at.unit, text, s.item);
  } else if (reading === 'stray') {
    // Kept as running text, marker and all.
    s.append(s.openBuilder() ?? parent, at.unit, { text: `${itemMarker(marker)} ${text.text}`, noteRefs: text.noteRefs });
  }
  return true;
}

/** What to do with an item marker: warns when it is out of sequence or stray. */
function readingOf(s: AssemblerState, decision: ItemDecision, parent: Builder, marker: string, line: number): 'letter' | 'roman' | 'duplicate' | 'stray' {
  switch (decision) {
    case 'letter':
    case 'roman':
      return decision;
    case 'duplicate-letter':
    case 'duplicate-roman':
      return 'duplicate';
    case 'letter-gap':
      s.warn(line, `item ${marker}) follows ${parent.lastMarker ?? 'no item'}) in ${parent.label}: letters skipped`);
      return 'letter';
    case 'roman-out-of-sequence':
      s.warn(line, `sub-item ${marker}) out of sequence in ${s.item?.label ?? parent.label}`);
      return 'roman';
    case 'stray':
      s.warn(line, `unexpected item marker ${marker}) in ${parent.label}; kept as running text`);
      return 'stray';
  }
}

/**
 * An item letter or numeral used again: kept as "bis" when its text differs, skipped with its lines when not;
 * false (running text) for a numeral with no item open.
 */
function addDuplicateItem(s: AssemblerState, kind: 'item' | 'subitem', parent: Builder, marker: string, at: At, text: CleanText): boolean {
  const owner = kind === 'item' ? parent : s.item;
  if (!owner) return false;
  const label = s.duplicateLabel(itemLabel(owner.label, marker), text.text, at.line);
  if (label === undefined) {
    s.open = DISCARD;
    return true;
  }
  const b = s.create(kind, label, at.unit, text, owner);
  if (kind === 'item') s.item = b;
  s.open = b;
  return true;
}
