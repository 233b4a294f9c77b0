// From units to passages: the running paragraph numbering, headings, items and sub-items, footnotes, tables,
// page-break continuations and duplicates. One pass over the units with a small amount of state.
import { cleanInline, type CleanText } from './clean.ts';
import { parseFootnoteLine } from './footnotes.ts';
import { hasHeadingShape, headingLevel, isEmphasisedLine, type Heading } from './headings.ts';
import { decideItem } from './items.ts';
import { FURNITURE, ITEM, LETTER_HEADING, MD_HEADING, NUMBERED, RECOMMENDATION, ROMAN_HEADING } from './markers.ts';
import type { ParseWarning, Passage, PassageKind } from './schema.ts';
import { splitSentences } from './sentences.ts';
import { isTableUnit, renderTable } from './table.ts';
import type { Unit } from './units.ts';
import { passageId } from './labels.ts';

interface Builder {
  kind: PassageKind;
  label: string;
  headingPath: string[];
  parts: string[];
  noteRefs: number[];
  start: number;
  end: number;
  parent?: Builder;
  children: Builder[];
  /** Items: last letter seen and every letter seen (for duplicates); sub-items: last roman numeral seen. */
  lastMarker?: string;
  seenMarkers: Set<string>;
}

export interface AssembleContext {
  docId: string;
  /** File name used in warnings. */
  file: string;
  /** Hard-wrapped PDF extraction: clean its spacing artefacts too. */
  pdf: boolean;
}

export interface AssembleResult {
  passages: Passage[];
  warnings: ParseWarning[];
  /** False when no numbered paragraph or recommendation was found (the caller then falls back to blocks). */
  structured: boolean;
}

const ENDS_SENTENCE = /[.;:!?…»"”)\]]$/;
const ITEM_START = /^[\p{Lu}«"“(\d]/u;
/** Marks a duplicate being skipped: its continuation lines are skipped too. */
const DISCARD = 'discard' as const;

function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function sameText(a: string, b: string): boolean {
  const x = comparable(a);
  const y = comparable(b);
  return x.length > 0 && y.length > 0 && (x.startsWith(y) || y.startsWith(x));
}

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

export function assemble(units: Unit[], ctx: AssembleContext): AssembleResult {
  const warnings: ParseWarning[] = [];
  const warn = (line: number, message: string): void => {
    warnings.push({ file: ctx.file, line, message });
  };
  const clean = (raw: string): CleanText => cleanInline(raw, { pdf: ctx.pdf });

  const order: Builder[] = [];
  const byLabel = new Map<string, Builder>();
  let headings: Heading[] = [];
  let bodyStarted = false;
  let lastParagraph = 0;
  let lastRecommendation = 0;
  let lastLetterHeading: string | undefined;
  let top: Builder | typeof DISCARD | undefined;
  let item: Builder | undefined;
  let open: Builder | typeof DISCARD | undefined;
  /** An agenda-like numbered list inside a paragraph ("1. Questions d'organisation :"): next expected entry. */
  let embeddedList: number | undefined;
  let pendingCaption: string | undefined;
  let tables = 0;

  const headingPath = (): string[] => headings.map((h) => h.text);
  const firstLine = (u: Unit): number => u.lines[0]?.no ?? 1;
  const lastLine = (u: Unit): number => u.lines[u.lines.length - 1]?.no ?? 1;

  const create = (kind: PassageKind, label: string, unit: Unit, text: CleanText, parent?: Builder): Builder => {
    const b: Builder = {
      kind, label, headingPath: headingPath(), parts: [], noteRefs: [], start: firstLine(unit), end: lastLine(unit),
      children: [], seenMarkers: new Set(), ...(parent ? { parent } : {}),
    };
    append(b, unit, text);
    order.push(b);
    byLabel.set(label, b);
    parent?.children.push(b);
    return b;
  };
  const append = (b: Builder, unit: Unit, text: CleanText): void => {
    if (text.text) b.parts.push(text.text);
    for (const n of text.noteRefs) if (!b.noteRefs.includes(n)) b.noteRefs.push(n);
    b.end = Math.max(b.end, lastLine(unit));
  };
  const closeAll = (): void => {
    top = undefined;
    item = undefined;
    open = undefined;
    embeddedList = undefined;
  };
  const pushHeading = (h: Heading): void => {
    closeAll();
    headings = headings.filter((x) => x.level < h.level);
    headings.push(h);
    if (h.level === 1) lastLetterHeading = undefined;
    const letter = /^([A-Z])\.\s/.exec(h.text);
    if (h.level === 2 && letter) lastLetterHeading = letter[1];
  };
  const openText = (): string => {
    if (!open || open === DISCARD) return '';
    return open.parts[open.parts.length - 1] ?? '';
  };
  /** The next unit that is not furniture, for lookahead (table captions). */
  const nextUnit = (k: number): Unit | undefined => {
    for (let j = k + 1; j < units.length; j++) {
      const u = units[j];
      if (u && !u.lines.every((l) => FURNITURE.test(l.text))) return u;
    }
    return undefined;
  };
  /** The next item marker before the next paragraph or heading: tells "i)" the letter from "i)" the numeral. */
  const nextItemMarker = (k: number): string | undefined => {
    for (let j = k + 1; j < units.length; j++) {
      const raw = units[j]?.raw ?? '';
      if (NUMBERED.test(raw) || MD_HEADING.test(raw) || RECOMMENDATION.test(raw)) return undefined;
      const m = ITEM.exec(raw);
      if (m && ITEM_START.test(clean(m[2] ?? '').text)) return m[1];
    }
    return undefined;
  };
  /** A repeated label: identical text is dropped, different text is kept under "<label> bis". */
  const duplicateLabel = (label: string, text: string, line: number): string | undefined => {
    const existing = byLabel.get(label);
    if (existing && sameText(existing.parts[0] ?? '', text)) {
      warn(line, `duplicate of ${label} (same text) ignored`);
      return undefined;
    }
    let candidate = `${label} bis`;
    for (let i = 2; byLabel.has(candidate); i++) candidate = `${label} bis ${i}`;
    warn(line, `${label} appears again with a different text; kept as "${candidate}"`);
    return candidate;
  };

  const startParagraph = (n: number, unit: Unit, text: CleanText): void => {
    const line = firstLine(unit);
    let label: string | undefined = `paragraphe ${n}`;
    if (byLabel.has(label)) label = duplicateLabel(label, text.text, line);
    else if (n !== lastParagraph + 1) {
      warn(line, lastParagraph === 0 ? `paragraph numbering starts at ${n}` : `paragraph numbering jumps from ${lastParagraph} to ${n}`);
    }
    bodyStarted = true;
    embeddedList = undefined;
    item = undefined;
    if (label === undefined) {
      top = DISCARD;
      open = DISCARD;
      return;
    }
    lastParagraph = Math.max(lastParagraph, n);
    const b = create('paragraph', label, unit, text);
    top = b;
    open = b;
  };

  const startRecommendation = (n: number, unit: Unit): void => {
    const line = firstLine(unit);
    let label: string | undefined = `Recommandation ${n}`;
    if (byLabel.has(label)) label = duplicateLabel(label, '', line) ?? undefined;
    else if (n !== lastRecommendation + 1) {
      warn(line, `recommendation numbering jumps from ${lastRecommendation} to ${n}`);
    }
    bodyStarted = true;
    closeAll();
    if (label === undefined) {
      top = DISCARD;
      open = DISCARD;
      return;
    }
    lastRecommendation = Math.max(lastRecommendation, n);
    const b = create('recommendation', label, unit, { text: '', noteRefs: [] });
    top = b;
    open = b;
  };

  /** Returns false when the line is not an item after all (it then reads as running text). */
  const handleItem = (marker: string, rest: string, unit: Unit, k: number): boolean => {
    const text = clean(rest);
    if (!ITEM_START.test(text.text) || top === undefined) return false;
    const line = firstLine(unit);
    if (top === DISCARD) {
      open = DISCARD;
      return true;
    }
    if (embeddedList !== undefined) {
      append(top, unit, { text: `${marker}) ${text.text}`, noteRefs: text.noteRefs });
      open = top;
      return true;
    }
    const parent = top;
    const nextMarker = nextItemMarker(k);
    const decision = decideItem(marker, {
      ...(parent.lastMarker ? { lastLetter: parent.lastMarker } : {}),
      seenLetters: parent.seenMarkers,
      hasItem: item !== undefined,
      ...(item?.lastMarker ? { lastRoman: item.lastMarker } : {}),
      seenRomans: item?.seenMarkers ?? new Set<string>(),
      ...(nextMarker ? { nextMarker } : {}),
    });
    let choice: 'letter' | 'roman';
    switch (decision) {
      case 'letter':
      case 'roman':
        choice = decision;
        break;
      case 'duplicate-letter':
      case 'duplicate-roman': {
        const owner = decision === 'duplicate-letter' ? parent : item;
        if (!owner) return false;
        const label = duplicateLabel(`${owner.label} ${marker})`, text.text, line);
        if (label === undefined) {
          open = DISCARD;
          return true;
        }
        const b = create(decision === 'duplicate-letter' ? 'item' : 'subitem', label, unit, text, owner);
        if (decision === 'duplicate-letter') item = b;
        open = b;
        return true;
      }
      case 'letter-gap':
        warn(line, `item ${marker}) follows ${parent.lastMarker ?? 'no item'}) in ${parent.label}: letters skipped`);
        choice = 'letter';
        break;
      case 'roman-out-of-sequence':
        warn(line, `sub-item ${marker}) out of sequence in ${item?.label ?? parent.label}`);
        choice = 'roman';
        break;
      case 'stray': {
        warn(line, `unexpected item marker ${marker}) in ${parent.label}; kept as running text`);
        const target = open && open !== DISCARD ? open : parent;
        append(target, unit, { text: `${marker}) ${text.text}`, noteRefs: text.noteRefs });
        return true;
      }
    }
    if (choice === 'letter') {
      parent.lastMarker = marker;
      parent.seenMarkers.add(marker);
      item = create('item', `${parent.label} ${marker})`, unit, text, parent);
      open = item;
    } else if (item) {
      item.lastMarker = marker;
      item.seenMarkers.add(marker);
      open = create('subitem', `${item.label} ${marker})`, unit, text, item);
    }
    return true;
  };

  for (let k = 0; k < units.length; k++) {
    const original = units[k];
    if (!original) continue;
    // Page furniture (rules, bare link URLs) never carries text.
    const kept = original.lines.filter((l) => !FURNITURE.test(l.text));
    if (kept.length === 0) continue;
    const unit: Unit = kept.length === original.lines.length ? original : { lines: kept, raw: kept.map((l) => l.text.trim()).join(' ') };
    const raw = unit.raw;
    const line = firstLine(unit);

    if (isTableUnit(unit)) {
      tables++;
      const rendered = renderTable(unit, pendingCaption);
      pendingCaption = undefined;
      create('table', `tableau ${tables}`, unit, rendered);
      continue;
    }

    const footnote = parseFootnoteLine(raw);
    if (footnote) {
      const text = clean(footnote.body);
      const label = byLabel.has(footnote.label) ? duplicateLabel(footnote.label, text.text, line) : footnote.label;
      if (label !== undefined && text.text) create('note', label, unit, text);
      continue;
    }

    const recommendation = RECOMMENDATION.exec(raw);
    if (recommendation) {
      startRecommendation(Number(recommendation[1]), unit);
      continue;
    }

    const md = MD_HEADING.exec(raw);
    if (md) {
      const text = clean(md[2] ?? '').text;
      if (!text) continue;
      const level = headingLevel(text, lastLetterHeading);
      if (!bodyStarted && level !== 1) continue; // title block of the front page
      const next = nextUnit(k);
      if (next && isTableUnit(next)) {
        pendingCaption = text;
        continue;
      }
      bodyStarted = true;
      pushHeading({ level, text });
      continue;
    }

    const numbered = NUMBERED.exec(raw);
    if (numbered) {
      const n = Number(numbered[1]);
      const text = clean(numbered[2] ?? '');
      if (embeddedList !== undefined && n === embeddedList && top && top !== DISCARD) {
        embeddedList++;
        append(top, unit, { text: `${n}. ${text.text}`, noteRefs: text.noteRefs });
        open = top;
        continue;
      }
      if (n === lastParagraph + 1) {
        startParagraph(n, unit, text);
        continue;
      }
      if (n === 1 && top && top !== DISCARD && /:$/.test(openText())) {
        embeddedList = 2;
        append(top, unit, { text: `${n}. ${text.text}`, noteRefs: text.noteRefs });
        open = top;
        continue;
      }
      if (hasHeadingShape(text.text)) {
        if (bodyStarted) pushHeading({ level: 3, text: `${n}. ${text.text}` });
        continue;
      }
      startParagraph(n, unit, text);
      continue;
    }

    const cleaned = clean(raw);
    const roman = ROMAN_HEADING.exec(raw);
    if (roman && hasHeadingShape(cleaned.text) && headingLevel(cleaned.text, lastLetterHeading) === 1) {
      bodyStarted = true;
      pushHeading({ level: 1, text: cleaned.text });
      continue;
    }
    if ((LETTER_HEADING.test(raw) || roman) && bodyStarted && hasHeadingShape(cleaned.text)) {
      pushHeading({ level: 2, text: cleaned.text });
      continue;
    }

    const itemMatch = ITEM.exec(raw);
    if (itemMatch && handleItem(itemMatch[1] ?? '', itemMatch[2] ?? '', unit, k)) continue;

    const continuesOpen = open !== undefined && open !== DISCARD && !ENDS_SENTENCE.test(openText());
    if (bodyStarted && !continuesOpen && isEmphasisedLine(raw) && hasHeadingShape(cleaned.text)) {
      const next = nextUnit(k);
      if (next && isTableUnit(next)) pendingCaption = cleaned.text;
      else pushHeading({ level: 4, text: cleaned.text });
      continue;
    }

    // Running text without a marker: the rest of a passage cut by a page break or footnotes.
    if (open === DISCARD) continue;
    if (open) {
      append(open, unit, cleaned);
      continue;
    }
    if (bodyStarted && cleaned.text) warn(line, `text outside any numbered paragraph ignored: "${cleaned.text.slice(0, 60)}"`);
  }

  return { passages: toPassages(order, ctx, warn), warnings, structured: lastParagraph > 0 || lastRecommendation > 0 };
}

/** Builders → passages: texts joined, lead-ins from parents, empty passages dropped, dangling notes reported. */
function toPassages(builders: Builder[], context: AssembleContext, addWarning: (line: number, message: string) => void): Passage[] {
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
      if (!noteLabels.has(`note ${n}`)) addWarning(b.start, `${b.label} refers to note ${n}, which is not in the file`);
    }
    passages.push(passage);
  }
  const lastText = [...passages].reverse().find((p) => p.kind !== 'note' && p.kind !== 'table');
  if (lastText && !ENDS_SENTENCE.test(lastText.text)) {
    addWarning(lastText.lines.end, `${lastText.label} ends mid-sentence (truncated file?)`);
  }
  return passages;
}
