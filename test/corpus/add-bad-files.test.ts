// `rapporteur corpus add` refuses files it cannot read: one sentence on stderr, exit code 2, and nothing written
// to the corpus folder. Real child processes on a copy of corpus/. The encrypted PDF is a committed fixture (made
// with qpdf from a rendered report); the others are made here: a PDF without text, a truncated PDF, a zip that
// is not a Word document, and a sparse 200 MB file.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realCorpusDir, repoRoot } from './helpers.ts';

const run = promisify(execFile);
const bin = path.join(repoRoot, 'bin', 'rapporteur.js');
const fixtures = path.join(repoRoot, 'test', 'fixtures');

/** A valid one-page PDF that draws a grey rectangle and has no text at all (what a scan without OCR is like). */
function pdfWithoutText(): Buffer {
  const content = '0.5 g 72 72 451 698 re f';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

let work: string;
let corpusDir: string;

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) out[name] = createHash('sha256').update(await readFile(path.join(dir, name))).digest('hex');
  return out;
}

async function add(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, [bin, 'corpus', 'add', file, '--dir', corpusDir], { cwd: repoRoot }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }),
  );
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-bad-files-'));
  corpusDir = path.join(work, 'corpus');
  await cp(realCorpusDir, corpusDir, { recursive: true });
  await writeFile(path.join(work, 'scan.pdf'), pdfWithoutText());
  const whole = await readFile(path.join(fixtures, 'reports', '2021-wg4-rapport.pdf'));
  await writeFile(path.join(work, 'truncated.pdf'), whole.subarray(0, Math.floor(whole.length / 2)));
  const zip = new JSZip();
  zip.file('photos/readme.txt', 'Des photos de vacances, pas un rapport.');
  await writeFile(path.join(work, 'not-word.docx'), await zip.generateAsync({ type: 'nodebuffer' }));
  await writeFile(path.join(work, 'huge.pdf'), '');
  await truncate(path.join(work, 'huge.pdf'), 200 * 1024 * 1024); // sparse: no 200 MB written to disk
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('rapporteur corpus add, bad files', () => {
  const cases: Array<[string, () => string, RegExp]> = [
    ['an encrypted PDF', () => path.join(fixtures, 'bad', 'encrypted.pdf'), /is protected by a password/],
    ['a PDF with no text layer', () => path.join(work, 'scan.pdf'), /has no text layer \(a scanned image\?\); Rapporteur does not do OCR/],
    ['a truncated PDF', () => path.join(work, 'truncated.pdf'), /is truncated/],
    ['a .docx that is a zip of something else', () => path.join(work, 'not-word.docx'), /is a zip archive but not a Word document/],
    ['a 200 MB file', () => path.join(work, 'huge.pdf'), /is 200 MB, more than the 50 MB a report may have/],
  ];

  it.each(cases)('%s: one sentence, exit code 2, nothing written to corpus/', async (_what, file, message) => {
    const before = await snapshot(corpusDir);
    const result = await add(file());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(lines[0]).not.toMatch(/\bat \S+:\d+|Error:/);
    expect(await snapshot(corpusDir)).toEqual(before);
  });
});
