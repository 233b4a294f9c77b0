// What the assembler knows while it reads a document's units: the passages built so far, the open headings, the
// numbering, and where the next item or line of running text goes. The handlers in assemble.ts change it.
import { cleanInline, type CleanText } from './clean.ts';
import type { Heading } from './headings.ts';
import { repeatLabel } from './labels.ts';
import { FURNITURE, ITEM, MD_HEADING, NUMBERED, RECOMMENDATION } from './markers.ts';
import type { ParseWarning, PassageKind } from './schema.ts';
import { isTableUnit } from './table.ts';
import type { Unit } from './units.ts';

export interface AssembleContext {
  docId: string;
  /** File name used in warnings. */
  file: string;
  /** Hard-wrapped PDF extraction: clean its spacing artefacts too. */
  pdf: boolean;
}

/** A passage being built; assemble.ts turns the finished ones into passages. */
export interface Builder {
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

/** Marks a duplicate being skipped: its items and continuation lines are skipped too. */
export const DISCARD = 'discard' as const;
/** Where text goes: a passage, nowhere yet, or a skipped duplicate. */
export type Target = Builder | typeof DISCARD | undefined;

/** Text ending like a sentence (or a quotation, a bracket): what follows is not its continuation. */
export const ENDS_SENTENCE = /[.;:!?…»"”)\]]$/;
/** How an item's text starts: "a) Les États…", not "a) et b)". */
export const ITEM_START = /^[\p{Lu}«"“(\d]/u;

function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function sameText(a: string, b: string): boolean {
  const x = comparable(a);
  const y = comparable(b);
  return x.length > 0 && y.length > 0 && (x.startsWith(y) || y.startsWith(x));
}

export function firstLine(unit: Unit): number {
  return unit.lines[0]?.no ?? 1;
}

function lastLine(unit: Unit): number {
  return unit.lines[unit.lines.length - 1]?.no ?? 1;
}

export class AssemblerState {
  readonly warnings: ParseWarning[] = [];
  /** Every passage built, in reading order. */
  readonly order: Builder[] = [];
  private readonly byLabel = new Map<string, Builder>();
  private headings: Heading[] = [];
  /** False on the front page (title block), until the first section heading or numbered unit. */
  bodyStarted = false;
  /** Highest paragraph and recommendation numbers so far (0: none). */
  readonly last = { paragraph: 0, recommendation: 0 };
  /** Letter of the current "B. …" heading: tells headingLevel that "I. …" after "H. …" is a letter. */
  lastLetterHeading: string | undefined;
  /** The paragraph or recommendation that items go under. */
  top: Target;
  /** The lettered item that sub-items go under. */
  item: Builder | undefined;
  /** The passage that running text continues. */
  open: Target;
  /** An agenda-like numbered list inside a paragraph ("1. Questions d'organisation :"): next expected entry. */
  embeddedList: number | undefined;
  /** A heading right before a table: the table's caption. */
  pendingCaption: string | undefined;
  tables = 0;

  constructor(
    private readonly units: Unit[],
    private readonly ctx: AssembleContext,
  ) {}

  warn(line: number, message: string): void {
    this.warnings.push({ file: this.ctx.file, line, message });
  }

  clean(raw: string): CleanText {
    return cleanInline(raw, { pdf: this.ctx.pdf });
  }

  has(label: string): boolean {
    return this.byLabel.has(label);
  }

  /** A new passage under the current headings, starting with `text`. */
  create(kind: PassageKind, label: string, unit: Unit, text: CleanText, parent?: Builder): Builder {
    const b: Builder = {
      kind, label, headingPath: this.headings.map((h) => h.text), parts: [], noteRefs: [], start: firstLine(unit),
      end: lastLine(unit), children: [], seenMarkers: new Set(), ...(parent ? { parent } : {}),
    };
    this.append(b, unit, text);
    this.order.push(b);
    this.byLabel.set(label, b);
    parent?.children.push(b);
    return b;
  }

  append(b: Builder, unit: Unit, text: CleanText): void {
    if (text.text) b.parts.push(text.text);
    for (const n of text.noteRefs) if (!b.noteRefs.includes(n)) b.noteRefs.push(n);
    b.end = Math.max(b.end, lastLine(unit));
  }

  /** The passage running text goes to, if any (not a skipped duplicate). */
  openBuilder(): Builder | undefined {
    return this.open === DISCARD ? undefined : this.open;
  }

  /** The last text of the open passage ('' when none). */
  openText(): string {
    const open = this.openBuilder();
    return open ? (open.parts[open.parts.length - 1] ?? '') : '';
  }

  closeAll(): void {
    this.top = undefined;
    this.item = undefined;
    this.open = undefined;
    this.embeddedList = undefined;
  }

  /** A heading closes every open passage and replaces the headings at its level and below. */
  pushHeading(h: Heading): void {
    this.closeAll();
    this.headings = this.headings.filter((x) => x.level < h.level);
    this.headings.push(h);
    if (h.level === 1) this.lastLetterHeading = undefined;
    const letter = /^([A-Z])\.\s/.exec(h.text);
    if (h.level === 2 && letter) this.lastLetterHeading = letter[1];
  }

  /** Whether the next unit that is not furniture is a table (lookahead for table captions). */
  tableFollows(k: number): boolean {
    for (let j = k + 1; j < this.units.length; j++) {
      const u = this.units[j];
      if (u && !u.lines.every((l) => FURNITURE.test(l.text))) return isTableUnit(u);
    }
    return false;
  }

  /** The next item marker before the next paragraph or heading: tells "i)" the letter from "i)" the numeral. */
  nextItemMarker(k: number): string | undefined {
    for (let j = k + 1; j < this.units.length; j++) {
      const raw = this.units[j]?.raw ?? '';
      if (NUMBERED.test(raw) || MD_HEADING.test(raw) || RECOMMENDATION.test(raw)) return undefined;
      const m = ITEM.exec(raw);
      if (m && ITEM_START.test(this.clean(m[2] ?? '').text)) return m[1];
    }
    return undefined;
  }

  /** A repeated label: identical text is dropped (undefined), different text is kept under "<label> bis". */
  duplicateLabel(label: string, text: string, line: number): string | undefined {
    const existing = this.byLabel.get(label);
    if (existing && sameText(existing.parts[0] ?? '', text)) {
      this.warn(line, `duplicate of ${label} (same text) ignored`);
      return undefined;
    }
    let candidate = repeatLabel(label, 1);
    for (let i = 2; this.byLabel.has(candidate); i++) candidate = repeatLabel(label, i);
    this.warn(line, `${label} appears again with a different text; kept as "${candidate}"`);
    return candidate;
  }
}
