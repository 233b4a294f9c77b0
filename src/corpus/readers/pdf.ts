// PDF reports through pdf.js (pdfjs-dist's legacy build, the one meant for Node): text items with their
// positions and fonts become lines; lines become paragraphs, headings, tables and footnotes; running headers
// and footers are dropped; words hyphenated at line ends are rejoined. The result is plain source text.
import { getDocument, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { ITEM, opensUnit } from '../markers.ts';
import { romanValue } from '../roman.ts';
import { findSymbol, footnoteLine, isFurnitureLine, joinLines, normalise, repeatedLines, superscript, Vocabulary } from './layout.ts';
import { ReportFileError, type ReadReport } from './types.ts';

interface Item {
  str: string;
  x: number;
  y: number;
  size: number;
  width: number;
  bold: boolean;
  italic: boolean;
}

interface Line {
  page: number;
  /** Baseline (of the line's normal text, not of its raised footnote calls). */
  y: number;
  x: number;
  /** Where the line's last item ends: a paragraph's last line stops short of the right margin. */
  right: number;
  size: number;
  text: string;
  bold: boolean;
  italic: boolean;
  /** Cells when the line has column gaps (a table row), else undefined. */
  cells?: Array<{ x: number; text: string }>;
  /** The line's pieces of text with where they start, to cut a table row at its columns. */
  segments: Array<{ x: number; text: string }>;
  /** Ends with a hyphen set apart from the word: the hyphenation of a word cut at the line end. */
  softHyphen: boolean;
  /** A footnote label standing alone at the start of the line ("12", "*"). */
  lead?: string;
}

/** A gap wider than this many font sizes separates table cells, not words. */
const CELL_GAP = 2.5;
/** Characters of text under which a PDF is taken for a scan (images only). */
const MIN_TEXT = 40;

function pdfError(file: string, error: unknown): ReportFileError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new ReportFileError(`${file} is protected by a password; save an unprotected copy and add that`);
  return new ReportFileError(`${file} is not a readable PDF (damaged or truncated)`);
}

async function pageItems(page: PDFPageProxy): Promise<Item[]> {
  const content = await page.getTextContent();
  await page.getOperatorList(); // loads the fonts, whose real names (…-Bold, …-Italic) say the weight and style
  const fonts = new Map<string, string>();
  const items: Item[] = [];
  for (const raw of content.items) {
    if (!('str' in raw)) continue;
    const item = raw as TextItem;
    if (item.str === '') continue;
    let font = fonts.get(item.fontName);
    if (font === undefined) {
      try {
        font = String((page.commonObjs.get(item.fontName) as { name?: string } | null)?.name ?? item.fontName);
      } catch {
        font = item.fontName;
      }
      fonts.set(item.fontName, font);
    }
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
    items.push({ str: item.str, x, y, size: Math.hypot(c, d) || Math.hypot(a, b), width: item.width, bold: /bold|black|heavy/i.test(font), italic: /italic|oblique/i.test(font) });
  }
  return items;
}

/** The body font size: the size most of the document's characters are set in. */
function bodySize(pages: Item[][]): number {
  const chars = new Map<number, number>();
  for (const item of pages.flat()) {
    const size = Math.round(item.size * 2) / 2;
    chars.set(size, (chars.get(size) ?? 0) + item.str.length);
  }
  return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

/** Items → lines: same baseline, left to right; small raised items (footnote calls) join the line below them. */
function toLines(items: Item[], page: number, body: number): Line[] {
  const isSup = (i: Item): boolean => i.size < body * 0.75;
  const rows: Item[][] = [];
  for (const item of [...items].filter((i) => !isSup(i)).sort((p, q) => q.y - p.y || p.x - q.x)) {
    const row = rows.find((r) => Math.abs((r[0]?.y ?? 0) - item.y) < Math.max(1.5, item.size * 0.2));
    if (row) row.push(item);
    else rows.push([item]);
  }
  for (const item of items.filter(isSup)) {
    const row = rows
      .filter((r) => {
        const y = r[0]?.y ?? 0;
        return item.y >= y - 1 && item.y - y < (r[0]?.size ?? body) * 0.8;
      })
      .sort((p, q) => (p[0]?.y ?? 0) - (q[0]?.y ?? 0))[0];
    if (row) row.push({ ...item, str: /^\d+$|^\*$/.test(item.str.trim()) ? superscript(item.str.trim()) : item.str });
    else rows.push([item]);
  }
  return rows.map((row) => makeLine(row.sort((p, q) => p.x - q.x), page));
}

function makeLine(items: Item[], page: number): Line {
  const cells: Array<{ x: number; text: string }> = [];
  let text = '';
  let cellStart = items[0]?.x ?? 0;
  let cellText = '';
  let previous: Item | undefined;
  for (const item of items) {
    const wideSpace = item.str.trim() === '' && item.width > item.size * CELL_GAP;
    const gap = previous ? item.x - (previous.x + previous.width) : 0;
    if (wideSpace || (previous && gap > item.size * CELL_GAP)) {
      if (cellText.trim()) cells.push({ x: cellStart, text: cellText.trim() });
      cellText = '';
      if (wideSpace) {
        previous = undefined;
        continue;
      }
    }
    if (cellText === '') cellStart = item.x;
    const afterCall = previous !== undefined && /^[⁰¹²³⁴⁵⁶⁷⁸⁹*]+$/.test(previous.str);
    const needsSpace = previous && gap > item.size * (afterCall ? 0.3 : 0.15) && !/\s$/.test(cellText) && !/^\s/.test(item.str);
    cellText += (needsSpace ? ' ' : '') + item.str;
    previous = item;
  }
  if (cellText.trim()) cells.push({ x: cellStart, text: cellText.trim() });
  // (A justified line's last gap can hold a space before the hyphen of a word cut at the line end.)
  text = cells.map((c) => c.text).join(' ');
  const words = items.filter((i) => i.str.trim() !== '');
  const main = words.filter((i) => !/^[⁰¹²³⁴⁵⁶⁷⁸⁹*]+$/.test(i.str));
  const first = words[0];
  const line: Line = {
    page,
    y: Math.min(...(main.length ? main : words).map((i) => i.y)),
    right: Math.max(...items.map((i) => i.x + i.width)),
    x: first?.x ?? 0,
    size: Math.max(...(main.length ? main : words).map((i) => i.size)),
    text: text.replace(/\s+/g, ' ').trim().replace(/(\p{L})\s+-$/u, '$1-'),
    bold: main.length > 0 && main.every((i) => i.bold),
    italic: main.length > 0 && main.every((i) => i.italic),
    segments: words.map((i) => ({ x: i.x, text: i.str })),
    softHyphen: words.length > 1 && words[words.length - 1]?.str === '-',
  };
  if (cells.length > 1) line.cells = cells;
  if (first && words.length > 1 && /^(?:\d{1,3}|\*)$/.test(first.str.trim())) line.lead = first.str.trim();
  return line;
}

interface Note {
  label: string;
  page: number;
  parts: string[];
}

interface PageLayout {
  body: Line[];
  notes: Note[];
}

/** Splits one page into body lines and footnotes (the small-type block at the bottom), furniture removed. */
function layoutPage(lines: Line[], body: number, furniture: Set<string>, nextNote: () => number, lastNote: () => Note | undefined): PageLayout {
  const ends = new Set([...lines.slice(0, 2), ...lines.slice(-3)]);
  const first = lines[0];
  const last = lines[lines.length - 1];
  const kept = lines.filter((l) => !((ends.has(l) && isFurnitureLine(l.text, l.page)) || ((l === first || l === last) && furniture.has(normalise(l.text)))));
  let start = kept.length;
  while (start > 0 && (kept[start - 1]?.size ?? body) < body * 0.95 && !kept[start - 1]?.cells) start--;
  const zone = kept.slice(start);
  const notes: Note[] = [];
  const opensNote = (l: Line): boolean => l.lead === '*' || (l.lead !== undefined && Number(l.lead) === nextNote() + notes.filter((n) => n.label !== '*').length);
  if (zone.length > 0 && !opensNote(zone[0] as Line) && !lastNote()) return { body: kept, notes };
  for (const line of zone) {
    if (opensNote(line)) notes.push({ label: line.lead ?? '*', page: line.page, parts: [line.text.slice((line.lead ?? '').length).trim()] });
    else (notes[notes.length - 1] ?? lastNote())?.parts.push(line.text);
  }
  return { body: kept.slice(0, start), notes };
}

/** A line that opens a paragraph, item, heading or note; "port) décrit" (a word cut before a bracket) does not. */
function startsUnit(text: string): boolean {
  const item = ITEM.exec(text);
  if (item) return (item[1] ?? '').length === 1 || romanValue(item[1] ?? '') !== undefined;
  return opensUnit(text);
}

const TERMINAL = /[.;:!?»)\]…"”]$/;

/** Body lines → paragraphs, table rows, headings; footnotes emitted after the paragraph open at their page's end. */
function assembleText(pages: PageLayout[], body: number, vocabulary: Vocabulary): { text: string; pageOfLine: number[] } {
  const out: string[] = [];
  const pageOfLine: number[] = [];
  const emit = (line: string, page: number): void => {
    out.push(line, '');
    pageOfLine.push(page, page);
  };
  let paragraph: Line[] = [];
  let table: Table | undefined;
  const pending: Note[] = [];

  const flushTable = (): void => {
    if (!table) return;
    for (const row of table.rows) {
      out.push(row.join('\t'));
      pageOfLine.push(table.page);
    }
    out.push('');
    pageOfLine.push(table.page);
    table = undefined;
  };
  const flushParagraph = (): void => {
    flushTable();
    const first = paragraph[0];
    if (first) {
      let text = first.text;
      paragraph.slice(1).forEach((line, k) => {
        text = joinLines(text, line.text, vocabulary, paragraph[k]?.softHyphen);
      });
      const heading = paragraph.every((l) => l.bold) || first.size > body * 1.05;
      emit(heading ? `## ${text}` : paragraph.every((l) => l.italic) ? `*${text}*` : text, first.page);
    }
    paragraph = [];
  };
  const flushNotes = (beforePage: number): void => {
    while (pending[0] && pending[0].page < beforePage) {
      const note = pending.shift() as Note;
      let text = note.parts[0] ?? '';
      for (const part of note.parts.slice(1)) text = joinLines(text, part, vocabulary);
      emit(footnoteLine(note.label, text), note.page);
    }
  };

  /** The right margin: where most full lines of the document end. */
  const margin = rightMargin(pages.flatMap((p) => p.body));
  for (const page of pages) {
    const pitch = medianPitch(page.body, body);
    for (const line of page.body) {
      const previous = paragraph[paragraph.length - 1];
      const inTable = table !== undefined && table.page === line.page && Math.abs(line.size - table.size) < 0.25;
      if (line.cells || inTable) {
        if (paragraph.length) flushParagraph();
        flushNotes(line.page);
        if (!table || !inTable) {
          flushTable();
          table = { columns: (line.cells ?? []).map((c) => c.x), rows: [], page: line.page, size: line.size, soft: [] };
        }
        addTableLine(table, line, vocabulary);
        continue;
      }
      flushTable();
      const samePage = previous?.page === line.page;
      const continues =
        previous !== undefined &&
        line.size === previous.size &&
        line.bold === previous.bold &&
        !startsUnit(line.text) &&
        (samePage
          ? previous.y - line.y < pitch * 1.25
          : // Across a page break: the paragraph goes on when its last line was full (justified to the margin).
            previous.right >= margin - previous.size && (!TERMINAL.test(previous.text) || /^\p{Ll}/u.test(line.text)));
      if (!continues) {
        flushParagraph();
        flushNotes(line.page);
      }
      paragraph.push(line);
    }
    pending.push(...page.notes);
  }
  flushParagraph();
  flushNotes(Infinity);
  return { text: out.join('\n'), pageOfLine };
}

interface Table {
  columns: number[];
  rows: string[][];
  page: number;
  size: number;
  /** Per column: whether the cell's text so far ends with a hyphenation hyphen. */
  soft: boolean[];
}

/** A table line: a new row when it has text in the first column, else the wrapped rest of the cells above. */
function addTableLine(table: Table, line: Line, vocabulary: Vocabulary): void {
  const cells = table.columns.map(() => '');
  const soft = table.columns.map(() => false);
  for (const segment of line.segments) {
    let column = 0;
    table.columns.forEach((x, k) => {
      if (segment.x >= x - 2) column = k;
    });
    // A hyphen set apart ends a word cut at the line end: glued, and remembered as a soft hyphen.
    soft[column] = segment.text === '-';
    cells[column] = cells[column] ? `${cells[column]}${soft[column] ? '' : ' '}${segment.text}`.replace(/\s+/g, ' ').trim() : segment.text.trim();
  }
  const row = table.rows[table.rows.length - 1];
  if (!row || cells[0]) {
    table.rows.push(cells);
    table.soft = soft;
    return;
  }
  cells.forEach((text, k) => {
    if (text) row[k] = row[k] ? joinLines(row[k] ?? '', text, vocabulary, table.soft[k]) : text;
    if (text) table.soft[k] = soft[k] ?? false;
  });
}

function rightMargin(lines: Line[]): number {
  const ends = lines.map((l) => Math.round(l.right)).sort((a, b) => b - a);
  // The 20th percentile from the right: beyond the odd line that overflows, within the justified ones.
  return ends[Math.floor(ends.length * 0.2)] ?? 0;
}

/** The usual distance between consecutive lines of a paragraph on this page. */
function medianPitch(lines: Line[], body: number): number {
  const deltas: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1] as Line;
    const b = lines[i] as Line;
    const d = a.y - b.y;
    if (d > 0 && d < body * 2.2 && Math.abs(a.size - b.size) < 0.5) deltas.push(d);
  }
  deltas.sort((p, q) => p - q);
  return deltas[Math.floor(deltas.length / 2)] ?? body * 1.2;
}

export async function readPdf(bytes: Uint8Array, file: string): Promise<ReadReport> {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) throw new ReportFileError(`${file} is not a PDF file (no %PDF header)`);
  if (!tail.includes('%%EOF')) throw new ReportFileError(`${file} is truncated (the PDF has no end-of-file marker)`);
  let doc;
  try {
    doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: true, verbosity: 0 }).promise;
  } catch (error) {
    throw pdfError(file, error);
  }
  try {
    const items: Item[][] = [];
    try {
      for (let n = 1; n <= doc.numPages; n++) items.push(await pageItems(await doc.getPage(n)));
    } catch (error) {
      throw pdfError(file, error);
    }
    const characters = items.flat().reduce((sum, i) => sum + i.str.trim().length, 0);
    if (characters < MIN_TEXT) {
      throw new ReportFileError(`${file} has no text layer (a scanned image?); Rapporteur does not do OCR, so convert it to text with an OCR tool first`);
    }
    const body = bodySize(items);
    const lines = items.map((pageItems, k) => toLines(pageItems, k + 1, body));
    const firstPage = lines[0] ?? [];
    const symbol = findSymbol(firstPage.slice(0, 3).map((l) => l.text).join('\n')) ?? findSymbol(lines.flatMap((p) => p.slice(0, 1)).map((l) => l.text).join('\n'));
    // Running headers and footers: the first and last line of a page, when they repeat (page numbers aside).
    const furniture = repeatedLines(lines.map((p) => [...p.slice(0, 1), ...p.slice(-1)].map((l) => l.text).filter((t) => !opensUnit(t))), lines.length);
    const vocabulary = new Vocabulary();
    for (const page of lines) vocabulary.addLines(page.map((l) => l.text));
    let notesSoFar = 0;
    let last: Note | undefined;
    const pages = lines.map((pageLines) => {
      const layout = layoutPage(pageLines, body, furniture, () => notesSoFar + 1, () => last);
      notesSoFar += layout.notes.filter((n) => n.label !== '*').length;
      last = layout.notes[layout.notes.length - 1] ?? last;
      return layout;
    });
    const { text, pageOfLine } = assembleText(pages, body, vocabulary);
    return { text, pageOfLine, pages: doc.numPages, ...(symbol ? { symbol } : {}) };
  } finally {
    await doc.destroy();
  }
}
