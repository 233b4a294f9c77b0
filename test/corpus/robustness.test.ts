// Bad or unusual input never throws: empty, binary, CRLF, BOM, truncated, unstructured files, numbering
// gaps and repeats, a duplicated glued tail (case 9), and a new report dropped in without corpus.yml metadata.
import { mkdtemp, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { CorpusError, loadCorpus, parseDocument, PassageSchema, type ParsedDocument } from '../../src/corpus/index.ts';
import { DOCS, realCorpusDir } from './helpers.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rapporteur-corpus-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const REPORT = [
  'Distr. générale',
  '3 mars 2024',
  'Français',
  '',
  'Rapport de la réunion du Groupe de travail sur un sujet nouveau',
  '',
  'I. Introduction',
  '',
  '1. Premier paragraphe de la réunion.',
  '',
  '2. Le Groupe de travail a recommandé les mesures suivantes :',
  '',
  'a) Première mesure ;',
  '',
  'b) Deuxième mesure.',
  '',
  'II. Conclusions',
  '',
  '3. Dernier paragraphe du rapport.',
  '',
].join('\n');

function parse(text: string, id = 'essai'): ParsedDocument {
  return parseDocument({ id, text, sourcePath: `corpus/${id}.md` });
}

const labelsOf = (parsed: ParsedDocument): string[] => parsed.passages.map((p) => p.label);

describe('robustness', () => {
  it('an empty or blank file gives no passages and one warning', () => {
    for (const text of ['', '\n\n   \n']) {
      const parsed = parse(text);
      expect(parsed.passages).toEqual([]);
      expect(parsed.warnings).toEqual([{ file: 'corpus/essai.md', line: 1, message: 'empty file: no passages' }]);
      expect(parsed.document.id).toBe('essai');
      expect(parsed.document.metaSource).toBe('inferred');
    }
  });

  it('a binary file is skipped with a warning, through loadCorpus too', async () => {
    const sub = await mkdtemp(path.join(dir, 'bin-'));
    await writeFile(path.join(sub, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x10]));
    const corpus = await loadCorpus(sub);
    expect(corpus.documents.map((d) => d.id)).toEqual(['image']);
    expect(corpus.passages).toEqual([]);
    expect(corpus.warnings).toHaveLength(1);
    expect(corpus.warnings[0]?.message).toMatch(/binary/);
    expect(corpus.warnings[0]?.file).toMatch(/image\.md$/);
  });

  it('CRLF line endings and a BOM parse like plain LF text', () => {
    const plain = parse(REPORT);
    const crlf = parse(`\uFEFF${REPORT.replace(/\n/g, '\r\n')}`);
    expect(labelsOf(plain)).toEqual(['paragraphe 1', 'paragraphe 2', 'paragraphe 2 a)', 'paragraphe 2 b)', 'paragraphe 3']);
    expect(crlf.passages.map(({ label, text, lines, headingPath }) => ({ label, text, lines, headingPath }))).toEqual(
      plain.passages.map(({ label, text, lines, headingPath }) => ({ label, text, lines, headingPath })),
    );
    expect(crlf.passages.every((p) => !p.text.includes('\r') && !p.text.includes('\uFEFF'))).toBe(true);
    expect(crlf.warnings).toEqual([]);
  });

  it('a truncated file keeps what it has and warns at the last line', () => {
    const cut = REPORT.slice(0, REPORT.indexOf('mesures suivantes') + 'mesures'.length);
    const parsed = parse(cut);
    expect(labelsOf(parsed)).toEqual(['paragraphe 1', 'paragraphe 2']);
    expect(parsed.passages[1]?.text).toBe('Le Groupe de travail a recommandé les mesures');
    expect(parsed.warnings).toEqual([
      { file: 'corpus/essai.md', line: 11, message: 'paragraphe 2 ends mid-sentence (truncated file?)' },
    ]);
  });

  it('a file with no recognisable structure becomes whole-text paragraphs, with a warning', () => {
    const parsed = parse('Une première note libre sans numéro.\n\nUne seconde, sur deux\nlignes.\n');
    expect(parsed.passages.map((p) => [p.label, p.text, p.lines])).toEqual([
      ['paragraphe 1', 'Une première note libre sans numéro.', { start: 1, end: 1 }],
      ['paragraphe 2', 'Une seconde, sur deux lignes.', { start: 3, end: 4 }],
    ]);
    expect(parsed.warnings.map((w) => w.message)).toEqual([
      'no numbered paragraphs or recommendations found; text blocks numbered in order',
    ]);
  });

  it('gaps and repeats in the numbering are warnings with file:line, not crashes', () => {
    const text = REPORT.replace('3. Dernier paragraphe', '5. Dernier paragraphe').concat(
      '\n5. Dernier paragraphe du rapport.\n\n5. Un autre texte sous le même numéro.\n',
    );
    const parsed = parse(text);
    expect(labelsOf(parsed)).toEqual([
      'paragraphe 1', 'paragraphe 2', 'paragraphe 2 a)', 'paragraphe 2 b)', 'paragraphe 5', 'paragraphe 5 bis',
    ]);
    expect(parsed.warnings).toEqual([
      { file: 'corpus/essai.md', line: 19, message: 'paragraph numbering jumps from 2 to 5' },
      { file: 'corpus/essai.md', line: 21, message: 'duplicate of paragraphe 5 (same text) ignored' },
      { file: 'corpus/essai.md', line: 23, message: 'paragraphe 5 appears again with a different text; kept as "paragraphe 5 bis"' },
    ]);
  });

  it('skipped item letters are a warning; the items are kept', () => {
    const parsed = parse(REPORT.replace('b) Deuxième mesure.', 'd) Deuxième mesure.'));
    expect(labelsOf(parsed)).toContain('paragraphe 2 d)');
    expect(parsed.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['15: item d) follows a) in paragraphe 2: letters skipped']);
  });

  it('9. a duplicated tail of glued items j)–l) yields each label once, with warnings', async () => {
    const source = await readFile(path.join(realCorpusDir, `${DOCS.sg2023}.md`), 'utf8');
    const items = ['j', 'k', 'l'].map((x) => {
      const line = source.split('\n').find((l) => l.startsWith(`${x}) Les `) || l.startsWith(`${x}) Le Groupe interinstitutions`));
      if (!line) throw new Error(`item ${x} not found`);
      return line;
    });
    const glued = `${source}\n\n${items.join(' ')}\n`;
    const lastLine = glued.split('\n').length - 1;
    const parsed = parse(glued, DOCS.sg2023);
    const labels72 = labelsOf(parsed).filter((l) => l.startsWith('paragraphe 72 '));
    expect(labels72).toEqual('abcdefghijkl'.split('').map((x) => `paragraphe 72 ${x})`));
    expect(parsed.warnings).toEqual(
      ['j', 'k', 'l'].map((x) => ({
        file: `corpus/${DOCS.sg2023}.md`,
        line: lastLine,
        message: `duplicate of paragraphe 72 ${x}) (same text) ignored`,
      })),
    );
    const l = parsed.passages.find((p) => p.label === 'paragraphe 72 l)');
    expect(l?.text).toMatch(/de toutes les régions\.$/);
    expect(l?.lines).toEqual({ start: 351, end: 351 });
  });

  it('a new report dropped in the folder without corpus.yml entry parses with inferred metadata', async () => {
    const sub = await mkdtemp(path.join(dir, 'new-'));
    await copyFile(path.join(realCorpusDir, 'corpus.yml'), path.join(sub, 'corpus.yml'));
    await copyFile(path.join(realCorpusDir, `${DOCS.r2017}.md`), path.join(sub, `${DOCS.r2017}.md`));
    await writeFile(path.join(sub, '2024-nouveau-rapport.txt'), REPORT.replace(/\n/g, '\r\n'));
    const corpus = await loadCorpus(sub);
    const doc = corpus.documents.find((d) => d.id === '2024-nouveau-rapport');
    expect(doc).toMatchObject({
      displayName: 'Rapport (mars 2024)',
      title: 'Rapport de la réunion du Groupe de travail sur un sujet nouveau',
      date: '2024-03-03',
      year: 2024,
      kind: 'report',
      metaSource: 'inferred',
    });
    expect(doc?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(corpus.passages.filter((p) => p.docId === '2024-nouveau-rapport').map((p) => p.label)).toHaveLength(5);
    expect(corpus.documents.find((d) => d.id === DOCS.r2017)?.metaSource).toBe('corpus.yml');
    // corpus.yml entries without their file are reported, not fatal.
    const metaWarnings = corpus.warnings.filter((w) => w.file.endsWith('corpus.yml')).map((w) => w.message);
    expect(metaWarnings).toHaveLength(5);
    expect(metaWarnings).toContain('"2021-wg4-rapport" is described but has no report file');
    expect(metaWarnings).toContain('"2021-wg4-projet-de-rapport" is a draft of unknown document "2021-wg4-rapport"');
  });

  it('a missing folder or an invalid corpus.yml is a CorpusError with a one-line message', async () => {
    await expect(loadCorpus(path.join(dir, 'does-not-exist'))).rejects.toThrow(CorpusError);
    const sub = await mkdtemp(path.join(dir, 'yml-'));
    await writeFile(path.join(sub, 'corpus.yml'), 'documents:\n  x:\n    displayName: X\n    date: hier\n');
    await expect(loadCorpus(sub)).rejects.toThrow(/corpus\.yml: documents\.x\.title: .*|corpus\.yml: documents\.x/);
    await writeFile(path.join(sub, 'corpus.yml'), 'documents: [unclosed\n');
    await expect(loadCorpus(sub)).rejects.toThrow(/not valid YAML/);
  });

  it('inferDocumentMeta-driven metadata for the real reports matches corpus.yml where it matters', async () => {
    const text = await readFile(path.join(realCorpusDir, `${DOCS.sg2023}.md`), 'utf8');
    const parsed = parseDocument({ id: DOCS.sg2023, text, sourcePath: 'x.md' });
    expect(parsed.document).toMatchObject({
      title: "Amélioration de la coordination de l'action contre la traite des personnes — Rapport du Secrétaire général",
      date: '2023-07-23',
      kind: 'secretary-general-report',
      metaSource: 'inferred',
    });
  });

  it('every real report cut at arbitrary points still parses into valid, uniquely labelled passages', async () => {
    const files = (await readdir(realCorpusDir)).filter((f) => /\.(md|txt)$/.test(f));
    expect(files).toHaveLength(5);
    for (const file of files) {
      const text = await readFile(path.join(realCorpusDir, file), 'utf8');
      for (let i = 1; i <= 12; i++) {
        const cut = text.slice(0, Math.floor((text.length * i) / 13));
        const parsed = parse(cut, file.replace(/\.\w+$/, ''));
        for (const p of parsed.passages) PassageSchema.parse(p);
        const labels = labelsOf(parsed);
        expect(new Set(labels).size, `${file} cut ${i}`).toBe(labels.length);
        for (const w of parsed.warnings) expect(w.line).toBeGreaterThanOrEqual(1);
      }
    }
  });
});
