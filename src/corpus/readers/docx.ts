// Word reports (.docx) through mammoth: its HTML keeps paragraphs, headings, tables, bold and italics, and the
// footnotes with their calls. Headers and footers (the document symbol) are read from the package with jszip.
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { findSymbol, footnoteLine, superscript } from './layout.ts';
import { ReportFileError, type ReadReport } from './types.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e.startsWith('#x') || e.startsWith('#X') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? m),
  );

async function openPackage(bytes: Uint8Array, file: string): Promise<JSZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new ReportFileError(`${file} is not a Word document (.docx files are zip packages, and this is not one)`);
  }
  if (!zip.file('word/document.xml')) throw new ReportFileError(`${file} is a zip archive but not a Word document (it has no word/document.xml)`);
  return zip;
}

/** The symbol in the first page's header (or any header) of the document. */
async function headerSymbol(zip: JSZip): Promise<string | undefined> {
  const headers = zip.file(/^word\/header\d*\.xml$/).sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  const texts = await Promise.all(headers.map(async (h) => (await h.async('string')).replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '')));
  return findSymbol(decode(texts.join('\n')));
}

interface Block {
  kind: 'p' | 'h' | 'table';
  level: number;
  lines: string[];
  bold: boolean;
  italic: boolean;
  notes: string[];
}

/** mammoth's HTML → source text: one line per paragraph, tables as tab-separated rows, notes after their paragraph. */
function htmlToText(html: string): string {
  const blocks: Block[] = [];
  const notes = new Map<string, { label: string; text: string }>();
  let labelCount = 0;
  let block: Block | undefined;
  let inStrong = 0;
  let inEm = 0;
  let plainChars = 0;
  let boldChars = 0;
  let italicChars = 0;
  let row: string[] | undefined;
  let cell: string[] | undefined;
  let table: Block | undefined;
  let footnote: string | undefined;
  let footnoteText = '';
  let pendingRef: string | undefined;
  let inBackLink = false;
  let inRef = false;

  const text = (s: string): void => {
    if (footnote !== undefined) {
      if (!inBackLink) footnoteText += s;
      return;
    }
    if (inRef) return;
    let t = s;
    if (pendingRef !== undefined) {
      // A custom mark ("*") follows the reference mammoth numbers itself: it is the note's label.
      const custom = /^[*†‡§]/.exec(t);
      const label = custom ? custom[0] : String(++labelCount);
      if (custom) t = t.slice(1);
      notes.set(pendingRef, { label, text: '' });
      block?.notes.push(pendingRef);
      appendText(superscript(label));
      pendingRef = undefined;
    }
    appendText(t);
  };
  const appendText = (t: string): void => {
    if (cell) {
      cell.push(t);
      return;
    }
    if (!block) return;
    block.lines[block.lines.length - 1] += t;
    const n = t.replace(/\s/g, '').length;
    plainChars += n;
    if (inStrong) boldChars += n;
    if (inEm) italicChars += n;
  };
  const closeRef = (): void => {
    if (pendingRef !== undefined) text('');
  };
  const startBlock = (kind: Block['kind'], level: number): void => {
    closeRef();
    block = { kind, level, lines: [''], bold: false, italic: false, notes: [] };
    plainChars = boldChars = italicChars = 0;
  };
  const endBlock = (): void => {
    closeRef();
    if (!block) return;
    block.bold = plainChars > 0 && boldChars === plainChars;
    block.italic = plainChars > 0 && italicChars === plainChars;
    blocks.push(block);
    block = undefined;
  };

  for (const m of html.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g)) {
    if (m[4] !== undefined) {
      text(decode(m[4]));
      continue;
    }
    const closing = m[1] === '/';
    const tag = (m[2] ?? '').toLowerCase();
    const attrs = m[3] ?? '';
    if (tag === 'li' && !closing) {
      const id = /id="(footnote-[^"]+)"/.exec(attrs)?.[1];
      if (id) {
        footnote = id;
        footnoteText = '';
        continue;
      }
    }
    if (footnote !== undefined) {
      if (tag === 'a') inBackLink = !closing && /href="#footnote-ref/.test(attrs) ? true : closing ? false : inBackLink;
      if (tag === 'p' && closing) footnoteText += ' ';
      if (tag === 'li' && closing) {
        const note = notes.get(footnote);
        if (note) note.text = footnoteText.replace(/\s+/g, ' ').replace(/\s*↑\s*$/, '').trim();
        footnote = undefined;
      }
      continue;
    }
    switch (tag) {
      case 'p':
      case 'li':
        if (cell) {
          if (closing) cell.push(' ');
          break;
        }
        if (closing) endBlock();
        else startBlock('p', 0);
        break;
      case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6':
        if (closing) endBlock();
        else startBlock('h', Number(tag.slice(1)));
        break;
      case 'br':
        if (block && !cell) block.lines.push('');
        else cell?.push(' ');
        break;
      case 'strong':
        inStrong += closing ? -1 : 1;
        break;
      case 'em':
        inEm += closing ? -1 : 1;
        break;
      case 'a': {
        const ref = /href="#(footnote-[^"]+)"/.exec(attrs)?.[1];
        if (!closing && ref) {
          closeRef();
          pendingRef = ref;
          inRef = true;
        } else if (closing) inRef = false;
        break;
      }
      case 'table':
        if (!closing) {
          endBlock();
          table = { kind: 'table', level: 0, lines: [], bold: false, italic: false, notes: [] };
        } else if (table) {
          blocks.push(table);
          table = undefined;
        }
        break;
      case 'tr':
        if (!closing) row = [];
        else if (row && table) {
          table.lines.push(row.join('\t'));
          row = undefined;
        }
        break;
      case 'td': case 'th':
        if (!closing) cell = [];
        else if (cell) {
          row?.push(cell.join('').replace(/\s+/g, ' ').trim());
          cell = undefined;
        }
        break;
    }
  }
  endBlock();

  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') {
      out.push(...b.lines, '');
      continue;
    }
    const lines = b.lines.map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
    if (lines.length === 0) continue;
    if (b.kind === 'h' || b.bold) out.push(`${'#'.repeat(Math.max(2, b.level))} ${lines.join(' ')}`);
    else if (b.italic) out.push(`*${lines.join(' ')}*`);
    else out.push(...lines);
    out.push('');
    for (const ref of b.notes) {
      const note = notes.get(ref);
      if (note?.text) out.push(footnoteLine(note.label, note.text), '');
    }
  }
  return out.join('\n');
}

export async function readDocx(bytes: Uint8Array, file: string): Promise<ReadReport> {
  const zip = await openPackage(bytes, file);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch {
    throw new ReportFileError(`${file} is a damaged Word document (mammoth could not read its content)`);
  }
  const text = htmlToText(html);
  if (text.replace(/\s/g, '').length === 0) throw new ReportFileError(`${file} is a Word document without any text`);
  const symbol = await headerSymbol(zip);
  return { text, pageOfLine: [], ...(symbol ? { symbol } : {}) };
}
