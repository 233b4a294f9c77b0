// Groups source lines into units — a heading, a paragraph start, an item, a footnote, a table, or a run of
// unmarked text — and re-flows hard-wrapped (PDF-extracted) text, where every line is a fragment of a paragraph.
import { ITEM, TABLE_ROW, opensUnit } from './markers.ts';

export interface SourceLine {
  /** 1-based line number in the source file. */
  no: number;
  text: string;
}

export interface Unit {
  lines: SourceLine[];
  /** The unit's lines joined with single spaces (raw: Markdown and markers still in). */
  raw: string;
}

const TERMINAL = /[.;:!?»)\]…"”*]\s*$/;

/**
 * A document is hard-wrapped when most of its lines stop mid-sentence and none is long: the PDF-extraction
 * case, where paragraphs must be rebuilt from fragments separated by blank lines.
 */
export function isHardWrapped(lines: string[]): boolean {
  const content = lines.map((l) => l.trim()).filter((l) => l.length >= 30);
  if (content.length < 10) return false;
  const open = content.filter((l) => !TERMINAL.test(l)).length;
  const long = content.filter((l) => l.length > 140).length;
  return open / content.length > 0.5 && long / content.length < 0.05;
}

/**
 * Splits the source into units. In Markdown-like text a blank line ends a unit; in hard-wrapped text single
 * blank lines are just the PDF's line spacing, and only a line of spaces or two blank lines in a row end a unit.
 * In both, a line with a structural marker (number, item letter, heading, footnote…) starts a new unit.
 */
export function buildUnits(lines: string[], hardWrapped: boolean): Unit[] {
  const units: Unit[] = [];
  let current: SourceLine[] = [];
  let tableMode = false;
  let blankRun = 0;
  let sawSpacesOnly = false;

  const flush = (): void => {
    if (current.length > 0) units.push(makeUnit(current));
    current = [];
    tableMode = false;
  };

  lines.forEach((text, index) => {
    const no = index + 1;
    if (text.trim() === '') {
      blankRun++;
      if (text.length > 0) sawSpacesOnly = true;
      if (!hardWrapped) flush();
      return;
    }
    const separated = blankRun > 0 && (!hardWrapped || blankRun >= 2 || sawSpacesOnly);
    blankRun = 0;
    sawSpacesOnly = false;
    if (separated) flush();
    const isTableRow = TABLE_ROW.test(text);
    if (tableMode && isTableRow) {
      current.push({ no, text });
      return;
    }
    if (isTableRow) {
      flush();
      tableMode = true;
      current.push({ no, text });
      return;
    }
    if (tableMode || opensUnit(text)) flush();
    current.push({ no, text });
  });
  flush();
  return units.flatMap(splitGluedItems);
}

function makeUnit(lines: SourceLine[]): Unit {
  return { lines, raw: lines.map((l) => l.text.trim()).join(' ') };
}

/** "j) … ; k) … ; l) …" on one line: items glued together (seen in a duplicated tail) become one unit each. */
const GLUED_ITEM = /(?<=[;.])\s*(?=(?:[-*]\s+)?[a-z]{1,5}\)\s+[\p{Lu}«"“*])/gu;

function splitGluedItems(unit: Unit): Unit[] {
  if (!ITEM.test(unit.raw) || unit.lines.length === 0) return [unit];
  const pieces = unit.raw.split(GLUED_ITEM).map((p) => p.trim()).filter((p) => p.length > 0);
  if (pieces.length <= 1) return [unit];
  return pieces.map((raw) => ({ lines: unit.lines, raw }));
}
