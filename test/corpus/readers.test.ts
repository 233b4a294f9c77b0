// The PDF and Word readers on real files: the five reports rendered by LibreOffice with a UN layout
// (scripts/render-fixtures.ts → test/fixtures/reports/). What the parser makes of them must be what it makes of
// the Markdown/text sources: same labels, same text modulo whitespace for at least 98 % of the passages.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CorpusMetaSchema, parseDocument, readReportFile, type ParsedDocument } from '../../src/corpus/index.ts';
import { DOCS, realCorpusDir, repoRoot } from './helpers.ts';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'reports');
const SOURCES: Record<string, string> = {
  [DOCS.r2017]: '2017-wg4-rapport.md',
  [DOCS.r2021]: '2021-wg4-rapport.txt',
  [DOCS.draft]: '2021-wg4-projet-de-rapport.txt',
  [DOCS.info]: '2021-wg4-document-information-marches-publics.md',
  [DOCS.sg2023]: '2023-a78-rapport-secretaire-general.md',
};
/** Passages whose text may differ between the source and a rendering, with why. None today. */
const KNOWN_DIFFERENCES: Record<string, { labels: string[]; why: string }> = {};
/** Job numbers the fixture script put in the footers. */
const JOB_NUMBERS = /V\.(?:17-06641|21-07788|21-07512|21-05398|23-13790)/;

const squash = (s: string): string => s.replace(/\s+/g, '');

async function metaOf(id: string) {
  const meta = CorpusMetaSchema.parse(parseYaml(await readFile(path.join(realCorpusDir, 'corpus.yml'), 'utf8')));
  const entry = meta.documents[id];
  if (!entry) throw new Error(`no corpus.yml entry for ${id}`);
  return entry;
}

async function parseSource(id: string): Promise<ParsedDocument> {
  const file = path.join(realCorpusDir, SOURCES[id] as string);
  return parseDocument({ id, text: await readFile(file, 'utf8'), sourcePath: file, meta: await metaOf(id) });
}

async function parseRendering(id: string, ext: 'pdf' | 'docx') {
  const file = path.join(fixtures, `${id}.${ext}`);
  const { read } = await readReportFile(file);
  return { read, parsed: parseDocument({ id, text: read.text, sourcePath: file, meta: await metaOf(id) }) };
}

describe.each(Object.keys(SOURCES))('%s rendered to PDF and Word', (id) => {
  it.each(['pdf', 'docx'] as const)('%s: same labels as the source, same text for at least 98 in 100 passages', async (ext) => {
    const source = await parseSource(id);
    const { parsed } = await parseRendering(id, ext);
    // Same labels; a footnote may come a passage earlier or later (it follows the page it sits on).
    expect(parsed.passages.map((p) => p.label).sort()).toEqual(source.passages.map((p) => p.label).sort());
    const rendered = new Map(parsed.passages.map((p) => [p.label, p]));
    const differing = source.passages.filter((p) => squash(p.text) !== squash(rendered.get(p.label)?.text ?? '')).map((p) => p.label);
    expect(differing).toEqual(KNOWN_DIFFERENCES[`${id}.${ext}`]?.labels ?? []);
    expect(1 - differing.length / source.passages.length).toBeGreaterThanOrEqual(0.98);
    expect(parsed.warnings.map((w) => w.message)).toEqual(source.warnings.map((w) => w.message));
  });

  it('pdf: page furniture gone, symbol found on the first page, every line mapped to its page', async () => {
    const { read } = await parseRendering(id, 'pdf');
    const symbol = (await metaOf(id)).symbol;
    if (symbol) {
      expect(read.symbol).toBe(symbol);
      // The running header is gone; the symbol stays only where the text itself cites it.
      const sourceText = await readFile(path.join(realCorpusDir, SOURCES[id] as string), 'utf8');
      expect(read.text.split(symbol).length).toBe(sourceText.split(symbol).length);
    }
    expect(read.text).not.toMatch(JOB_NUMBERS);
    expect(read.text).not.toMatch(/^\s*\d+\/\d+\s*$/m);
    expect(read.text).not.toMatch(/^Nations Unies/m);
    expect(read.pageOfLine).toHaveLength(read.text.split('\n').length);
    expect(Math.max(...read.pageOfLine)).toBe(read.pages);
  });
});

describe('what the readers undo', () => {
  it('joins words hyphenated at line ends and keeps the hyphens that belong to the word', async () => {
    const { read } = await parseRendering(DOCS.info, 'pdf');
    // LibreOffice hyphenated these at line ends in the fixture (the PDF has "enga-" / "ger", "c'est-à-" / "dire").
    expect(read.text).toContain('plus difficile à engager dans les cas');
    expect(read.text).toContain("(c'est-à-dire les autres entreprises");
    expect(read.text).not.toMatch(/\p{Ll}- \p{Ll}/u);
  });

  it('takes footnotes from the page bottoms and attaches them by number', async () => {
    const source = await parseSource(DOCS.sg2023);
    for (const ext of ['pdf', 'docx'] as const) {
      const { parsed } = await parseRendering(DOCS.sg2023, ext);
      const notes = parsed.passages.filter((p) => p.kind === 'note');
      expect(notes.map((n) => n.label)).toEqual(source.passages.filter((p) => p.kind === 'note').map((p) => p.label));
      const refs = (label: string, doc: ParsedDocument) => doc.passages.find((p) => p.label === label)?.noteRefs;
      // Paragraph 5 calls note 1 (¹ after "Pakistan (4 novembre 2022)").
      expect(refs('paragraphe 5', parsed)).toEqual(refs('paragraphe 5', source));
      expect(refs('paragraphe 5', parsed)).toContain(1);
    }
  });

  it('reads the Word header for the symbol and rebuilds tables as rows', async () => {
    const { read, parsed } = await parseRendering(DOCS.info, 'docx');
    expect(read.symbol).toBe('CTOC/COP/WG.4/2021/3');
    expect(parsed.passages.find((p) => p.label === 'tableau 1')?.text.split('\n')[0]).toBe('Les 10 principes du Pacte mondial des Nations Unies');
  });
});
