// Issue 13, D3: a corpus never silently loses a paragraph. Paragraphs numbered 1000 and above are their own
// passages (they were merged into "paragraphe 999"), an over-long passage is kept whole with a warning, and
// a generated multi-megabyte report parses through the real CLI without a crash.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/corpus/index.ts';
import { projectRoot } from '../../src/config.ts';
import { createLookup } from '../../src/search/index.ts';

const run = promisify(execFile);
const bin = path.join(projectRoot, 'bin', 'rapporteur.js');

const FRONT = ['Distr. générale', '3 mars 2024', 'Français', '', 'Rapport de la réunion du Groupe de travail sur un long sujet', '', 'I. Introduction', ''];

/** A report of `count` numbered paragraphs of about `size` characters each. */
function longReport(count: number, size: number): string {
  const sentence = 'Les États parties devraient renforcer la coopération internationale contre la traite des personnes. ';
  const body = sentence.repeat(Math.max(1, Math.round(size / sentence.length))).trim();
  const lines = [...FRONT];
  for (let n = 1; n <= count; n++) lines.push(`${n}. Paragraphe ${n}. ${body}`, '');
  return lines.join('\n');
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rapporteur-long-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('paragraph numbers of any size', () => {
  it('reads paragraphs 1000 and above as their own passages, in order, without warnings', () => {
    const parsed = parseDocument({ id: 'long', text: longReport(1205, 120), sourcePath: 'long.txt' });
    const labels = parsed.passages.map((p) => p.label);
    expect(labels).toHaveLength(1205);
    expect(labels.slice(997, 1003)).toEqual(['paragraphe 998', 'paragraphe 999', 'paragraphe 1000', 'paragraphe 1001', 'paragraphe 1002', 'paragraphe 1003']);
    expect(labels.at(-1)).toBe('paragraphe 1205');
    expect(parsed.passages.find((p) => p.label === 'paragraphe 999')?.text).not.toContain('Paragraphe 1000.');
    expect(parsed.warnings).toEqual([]);
  });

  it('looks up paragraphe 1000 and above, while a bare four-digit number stays a year', () => {
    const parsed = parseDocument({ id: 'long', text: longReport(1205, 60), sourcePath: 'long.txt' });
    const find = createLookup({ passages: parsed.passages, documents: [parsed.document] });
    expect(find('paragraphe 1000').matches.map((m) => m.passage.label)).toEqual(['paragraphe 1000']);
    expect(find('§ 1204').matches.map((m) => m.passage.label)).toEqual(['paragraphe 1204']);
    expect(find('7 2024').matches.map((m) => m.passage.label)).toEqual(['paragraphe 7']); // 2024: the document's year
  });

  it('keeps an over-long passage whole and says so with a warning', () => {
    const text = [...FRONT, `1. ${'mot '.repeat(300_000)}fin.`, ''].join('\n');
    const parsed = parseDocument({ id: 'huge', text, sourcePath: 'huge.txt' });
    expect(parsed.passages).toHaveLength(1);
    expect(parsed.passages[0]?.text.length).toBeGreaterThan(1_000_000);
    expect(parsed.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^paragraphe 1 is 1 200 \d{3} characters long/)]);
  });
});

describe('a multi-megabyte report through `rapporteur corpus`', () => {
  it('parses a 5 MB report of 2 500 paragraphs and a 1.2 MB single paragraph without a crash', async () => {
    const corpus = path.join(dir, 'corpus');
    await mkdir(corpus);
    await writeFile(path.join(corpus, 'big-report.txt'), longReport(2500, 2000));
    await writeFile(path.join(corpus, 'one-huge-paragraph.txt'), [...FRONT, `1. ${'Les victimes de la traite '.repeat(48_000)}fin.`, ''].join('\n'));
    const { stdout, stderr } = await run(process.execPath, [bin, 'corpus', '--dir', corpus], { cwd: projectRoot, maxBuffer: 1 << 24 });
    expect(stderr).toBe('');
    expect(stdout).toMatch(/big-report .*\n\s+2500 passages: 2500 paragraph/);
    expect(stdout).toMatch(/one-huge-paragraph .*\n\s+1 passages: 1 paragraph\n\s+warning: .*one-huge-paragraph\.txt:9: paragraphe 1 is 1 248 \d{3} characters long/);
  });
});
