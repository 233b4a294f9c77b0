// Renders each report of corpus/ to PDF and DOCX with LibreOffice, laid out the way the United Nations
// publishes them: a masthead with the document symbol on the first page, the symbol as running header, the
// job number and an "n/N" page counter as running footer, real footnotes at the bottom of the pages,
// justified and hyphenated French text. The files land in test/fixtures/reports/ and are committed, so the
// tests (and CI) never need LibreOffice.
//
//   npx tsx scripts/render-fixtures.ts            # needs `soffice` (apt-get install libreoffice-writer-nogui hyphen-fr)
//
// The report is written as a flat OpenDocument file (.fodt: LibreOffice's own XML format), then converted by
// `soffice --headless --convert-to pdf|docx`. Bold and italics are direct formatting, as in most Word files. The job numbers are invented (V.yy-nnnnn, as the UN's are).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { CorpusMetaSchema } from '../src/corpus/index.ts';
import { cleanInline } from '../src/corpus/clean.ts';
import { parseFootnoteLine } from '../src/corpus/footnotes.ts';
import { isEmphasisedLine } from '../src/corpus/headings.ts';
import { FURNITURE, ITEM, MD_HEADING } from '../src/corpus/markers.ts';
import { toSourceText } from '../src/corpus/source-text.ts';
import { isTableUnit } from '../src/corpus/table.ts';
import { buildUnits, isHardWrapped, type Unit } from '../src/corpus/units.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = path.join(root, 'corpus');
const outDir = path.join(root, 'test/fixtures/reports');

/** Invented job numbers, one per report (the UN's have this shape: V.yy-nnnnn). */
const JOB_NUMBERS: Record<string, string> = {
  '2017-wg4-rapport': 'V.17-06641',
  '2021-wg4-rapport': 'V.21-07788',
  '2021-wg4-projet-de-rapport': 'V.21-07512',
  '2021-wg4-document-information-marches-publics': 'V.21-05398',
  '2023-a78-rapport-secretaire-general': 'V.23-13790',
};

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A footnote marker inside running text, kept through cleanInline as an opaque token. */
const TOKEN = /\u0001([^\u0002]+)\u0002/g;
// cleanInline drops asterisks, so the "*" note travels as "x".
const token = (label: string): string => `\u0001${label === '*' ? 'x' : label}\u0002`;
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function tokeniseMarkers(raw: string, hasStarNote: boolean): string {
  let text = raw
    .replace(/<sup>\s*(\d+)\s*<\/sup>/gi, (_m, n: string) => token(n))
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (run) => token(String(Number([...run].map((c) => SUPERSCRIPTS.indexOf(c)).join('')))))
    .replace(/(?<=\S)\\\*/g, token('*'));
  // "liste préliminaire*": a lone asterisk glued to a word (not an emphasis pair) calls the "*" note.
  if (hasStarNote && (text.match(/(?<!\\)\*/g)?.length ?? 0) % 2 === 1) text = text.replace(/(?<=\p{L})\*(?=\s|$)/u, token('*'));
  return text;
}

interface Inline {
  text: string;
  /** Footnote labels at the end of this run of text ("7", "*"). */
  note?: string;
}
type Block =
  | { type: 'heading'; level: number; inlines: Inline[] }
  | { type: 'para'; style: 'Body' | 'Item' | 'Front'; emphasis?: 'bold' | 'italic'; lines: Inline[][] }
  | { type: 'table'; rows: string[][] };

function inlines(raw: string, hasStarNote: boolean, pdf: boolean): Inline[] {
  const cleaned = cleanInline(tokeniseMarkers(raw, hasStarNote), { pdf }).text;
  const out: Inline[] = [];
  let last = 0;
  for (const m of cleaned.matchAll(TOKEN)) {
    out.push({ text: cleaned.slice(last, m.index), note: m[1] === 'x' ? '*' : (m[1] ?? '') });
    last = (m.index ?? 0) + m[0].length;
  }
  out.push({ text: cleaned.slice(last) });
  return out.filter((r) => r.text || r.note);
}

interface Report {
  blocks: Block[];
  notes: Map<string, string>;
  /** The last footnote number LibreOffice gave, to check that it numbers the notes as the source does. */
  lastNumber: number;
}

/** The report's units as layout blocks; footnote definitions are kept apart, keyed by their label. */
function toBlocks(text: string): Report {
  const source = toSourceText(text);
  const pdf = isHardWrapped(source.lines);
  const units = buildUnits(source.lines, pdf);
  const notes = new Map<string, string>();
  const hasStarNote = units.some((u) => parseFootnoteLine(u.raw)?.label === 'note *');
  const blocks: Block[] = [];
  /** Notes never called in the text are hung at the end of the paragraph before their definition. */
  const dangling: Array<{ label: string; after: number }> = [];
  for (const original of units) {
    const kept = original.lines.filter((l) => !FURNITURE.test(l.text));
    if (kept.length === 0) continue;
    const unit: Unit = kept.length === original.lines.length ? original : { lines: kept, raw: kept.map((l) => l.text.trim()).join(' ') };
    const footnote = parseFootnoteLine(unit.raw);
    if (footnote) {
      const label = footnote.label.replace(/^note /, '');
      if (!notes.has(label)) {
        notes.set(label, cleanInline(footnote.body).text);
        dangling.push({ label, after: blocks.length - 1 });
      }
      continue;
    }
    if (isTableUnit(unit)) {
      const rows = unit.lines
        .map((l) => (l.text.includes('\t') ? l.text.split('\t') : l.text.trim().replace(/^\||\|$/g, '').split('|')))
        .filter((cells) => !cells.every((c) => /^\s*:?-{2,}:?\s*$/.test(c)))
        .map((cells) => cells.map((c) => cleanInline(c).text));
      blocks.push({ type: 'table', rows });
      continue;
    }
    const md = MD_HEADING.exec(unit.raw);
    if (md) {
      blocks.push({ type: 'heading', level: Math.min(md[1]?.length ?? 1, 5), inlines: inlines(md[2] ?? '', hasStarNote, pdf) });
      continue;
    }
    const raw = unit.raw.replace(/^\s*[-*•]\s+(?=[a-z]{1,5}\)\s)/, '');
    const emphasis = isEmphasisedLine(unit.raw) ? (/^\s*(\*\*|__)/.test(unit.raw) ? 'bold' : 'italic') : undefined;
    // Hard line breaks of a Markdown front page ("Distr. générale  ↵18 septembre 2017") stay line breaks.
    const lines = !pdf && unit.lines.length > 1 && unit.lines.every((l) => l.text.trim().length < 120)
      ? unit.lines.map((l) => inlines(l.text.trim(), hasStarNote, pdf))
      : [inlines(raw, hasStarNote, pdf)];
    blocks.push({ type: 'para', style: lines.length > 1 ? 'Front' : ITEM.test(raw) ? 'Item' : 'Body', ...(emphasis ? { emphasis } : {}), lines });
  }
  const called = new Set(blocks.flatMap((b) => (b.type === 'para' ? b.lines.flat() : b.type === 'heading' ? b.inlines : [])).map((r) => r.note));
  for (const { label, after } of dangling) {
    if (called.has(label)) continue;
    const target = blocks.slice(0, Math.max(after + 1, 1)).reverse().find((b) => b.type === 'para') ?? blocks.find((b) => b.type === 'para');
    if (target?.type === 'para') target.lines[target.lines.length - 1]?.push({ text: '', note: label });
  }
  return { blocks, notes, lastNumber: 0 };
}

function renderInlines(runs: Inline[], report: Report, used: Set<string>, span?: string): string {
  const notes = report.notes;
  return runs
    .map((r) => {
      const text = r.text ? (span ? `<text:span text:style-name="${span}">${xml(r.text)}</text:span>` : xml(r.text)) : '';
      if (r.note === undefined) return text;
      const body = notes.get(r.note);
      if (body === undefined || used.has(r.note)) return `${text}<text:span text:style-name="Sup">${xml(r.note)}</text:span>`;
      used.add(r.note);
      // Numbered notes are numbered by LibreOffice (as Word does); only a symbol ("*") is a custom mark.
      const numbered = /^\d+$/.test(r.note);
      if (numbered && Number(r.note) !== ++report.lastNumber) throw new Error(`note ${r.note} would be numbered ${report.lastNumber}`);
      const citation = numbered ? `<text:note-citation>${r.note}</text:note-citation>` : `<text:note-citation text:label="${xml(r.note)}">${xml(r.note)}</text:note-citation>`;
      return (
        `${text}<text:note text:note-class="footnote">${citation}` +
        `<text:note-body><text:p text:style-name="Footnote">${xml(body)}</text:p></text:note-body></text:note>`
      );
    })
    .join('');
}

function renderBody(report: Report): string {
  const used = new Set<string>();
  const out: string[] = [];
  report.blocks.forEach((block, i) => {
    const first = i === 0 ? 'First' : '';
    if (block.type === 'heading') {
      out.push(`<text:h text:style-name="${first || `Heading_20_${block.level}`}" text:outline-level="${block.level}">${renderInlines(block.inlines, report, used)}</text:h>`);
    } else if (block.type === 'para') {
      const span = block.emphasis === 'bold' ? 'Bold' : block.emphasis === 'italic' ? 'Italic' : undefined;
      const body = block.lines.map((l) => renderInlines(l, report, used, span)).join('<text:line-break/>');
      out.push(`<text:p text:style-name="${first || block.style}">${body}</text:p>`);
    } else {
      const cols = Math.max(...block.rows.map((r) => r.length));
      const rows = block.rows
        .map((r, k) => `<table:table-row>${r.map((c) => `<table:table-cell table:style-name="Cell" office:value-type="string"><text:p text:style-name="${k === 0 ? 'TableHead' : 'TableText'}">${xml(c)}</text:p></table:table-cell>`).join('')}</table:table-row>`)
        .join('');
      out.push(`<table:table table:name="Table${i}" table:style-name="Table"><table:table-column table:style-name="Col1"/><table:table-column table:style-name="Col2" table:number-columns-repeated="${cols - 1}"/>${rows}</table:table>`);
    }
  });
  return out.join('\n');
}

function fodt(report: Report, symbol: string | undefined, job: string): string {
  const headerText = symbol ? xml(symbol) : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman"/></office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/><style:text-properties style:font-name="Liberation Serif" fo:font-size="10pt" fo:language="fr" fo:country="FR" fo:hyphenate="true" fo:hyphenation-remain-char-count="3" fo:hyphenation-push-char-count="3"/></style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="justify" fo:margin-left="1.9cm" fo:margin-top="0cm" fo:margin-bottom="0.21cm" fo:line-height="115%"/></style:style>
 <style:style style:name="First" style:family="paragraph" style:parent-style-name="Body" style:master-page-name="First_20_Page"/>
 <style:style style:name="Front" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:text-align="start"/></style:style>
 <style:style style:name="Item" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:margin-left="2.5cm"/></style:style>
 <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="justify" fo:margin-left="1.9cm" fo:margin-bottom="0.05cm"/><style:text-properties fo:font-size="8.5pt"/></style:style>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-weight="bold" fo:font-size="8.5pt"/></style:style>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties><style:tab-stops><style:tab-stop style:position="16.6cm" style:type="right"/></style:tab-stops></style:paragraph-properties><style:text-properties fo:font-size="8.5pt"/></style:style>
 <style:style style:name="TableHead" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="9pt" fo:font-style="italic"/></style:style>
 <style:style style:name="TableText" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="9pt"/></style:style>
 ${[1, 2, 3, 4, 5].map((l) => `<style:style style:name="Heading_20_${l}" style:display-name="Heading ${l}" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="${l}" style:class="text"><style:paragraph-properties fo:margin-left="${l === 1 ? '0cm' : '1.9cm'}" fo:margin-top="0.3cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="${l <= 2 ? '11pt' : '10pt'}" fo:font-weight="bold" fo:hyphenate="false"/></style:style>`).join('\n ')}
 <text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Sup" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
 <style:style style:name="Bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Italic" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 <style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"><style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.1cm" style:distance-after-sep="0.1cm" style:rel-width="25%" style:color="#000000" style:adjustment="left"/></style:page-layout-properties><style:header-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-bottom="0.6cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.6cm"/></style:footer-style></style:page-layout>
 <style:style style:name="Table" style:family="table"><style:table-properties style:width="14.7cm" fo:margin-left="1.9cm" table:align="left" fo:margin-bottom="0.3cm"/></style:style>
 <style:style style:name="Col1" style:family="table-column"><style:table-column-properties style:column-width="3.5cm"/></style:style>
 <style:style style:name="Col2" style:family="table-column"><style:table-column-properties style:column-width="11.2cm"/></style:style>
 <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.12cm" fo:border-top="0.5pt solid #000000" fo:border-bottom="0.5pt solid #000000"/></style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="A4">
  <style:header><text:p text:style-name="Header">${headerText}</text:p></style:header>
  <style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current">2</text:page-number>/<text:page-count>9</text:page-count><text:tab/>${xml(job)}</text:p></style:footer>
 </style:master-page>
 <style:master-page style:name="First_20_Page" style:display-name="First Page" style:page-layout-name="A4" style:next-style-name="Standard">
  <style:header><text:p text:style-name="Footer">Nations Unies<text:tab/><text:span text:style-name="Bold">${headerText}</text:span></text:p></style:header>
  <style:footer><text:p text:style-name="Footer">${xml(job)} (F)<text:tab/>*${xml(job.replace(/\D/g, ''))}*</text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
${renderBody(report)}
</office:text></office:body></office:document>
`;
}

function main(): void {
  const meta = CorpusMetaSchema.parse(parseYaml(readFileSync(path.join(corpusDir, 'corpus.yml'), 'utf8')));
  const work = mkdtempSync(path.join(os.tmpdir(), 'rapporteur-fixtures-'));
  const profile = `file://${path.join(work, 'profile')}`;
  mkdirSync(outDir, { recursive: true });
  try {
    for (const [id, entry] of Object.entries(meta.documents)) {
      const file = ['md', 'txt'].map((ext) => path.join(corpusDir, `${id}.${ext}`)).find((f) => {
        try {
          readFileSync(f);
          return true;
        } catch {
          return false;
        }
      });
      if (!file) throw new Error(`no source file for ${id}`);
      const report = toBlocks(readFileSync(file, 'utf8'));
      const source = path.join(work, `${id}.fodt`);
      writeFileSync(source, fodt(report, entry.symbol, JOB_NUMBERS[id] ?? 'V.00-00000'));
      for (const format of ['pdf', 'docx']) {
        execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', format, '--outdir', work, source], { stdio: 'pipe' });
        renameSync(path.join(work, `${id}.${format}`), path.join(outDir, `${id}.${format}`));
      }
      console.log(`${id}: ${report.blocks.length} blocks, ${report.notes.size} footnotes → ${path.relative(root, outDir)}/${id}.{pdf,docx}`);
    }
  } finally {
    if (!process.env.KEEP_FODT) rmSync(work, { recursive: true, force: true });
  }
}

main();
