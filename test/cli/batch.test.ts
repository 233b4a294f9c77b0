// `rapporteur ask --batch` as scripts use it: one output line per input line whatever the line ends, bad lines
// cited briefly, and a reader that stops early (`| head -1`) ends the command quietly. Real child processes
// on the shared index of the whole corpus.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import { rapporteurBin, runRapporteur } from '../support/cli.ts';

const rapporteur = runRapporteur;
const bin = rapporteurBin;
const run = promisify(execFile);

let indexArgs: string[];
let scratch: string;
beforeAll(async () => {
  indexArgs = ['--index', inject('sharedIndexDir')];
  scratch = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-batch-'));
});

const QUESTIONS = ['que dit la recommandation 7 c ?', 'Combien de victimes le fonds aide-t-il chaque année ?', 'Que recommande le Groupe de travail sur les marchés publics ?'];

describe('ask --batch: one output line per input line', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR only', '\r'],
  ])('%s line ends, blank lines answered with an error object in place', async (_name, eol) => {
    const file = path.join(scratch, `eol-${_name.replace(/\W/g, '')}.txt`);
    const lines = [QUESTIONS[0], '', QUESTIONS[1], '   ', QUESTIONS[2]];
    await writeFile(file, lines.join(eol) + eol);
    const { code, stdout, stderr } = await rapporteur(['ask', ...indexArgs, '--json', '--top', '1', '--batch', file]);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(code).toBe(2); // a bad line makes the batch exit 2, the others are still answered
    const out = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { question?: string; line?: number; error?: string; results?: unknown[] });
    expect(out).toHaveLength(lines.length);
    expect(out.map((o) => o.line)).toEqual([1, 2, 3, 4, 5]);
    expect(out[0]?.question).toBe(QUESTIONS[0]);
    expect(out[1]?.error).toMatch(/empty/);
    expect(out[2]?.question).toBe(QUESTIONS[1]);
    expect(out[3]?.error).toMatch(/empty/);
    expect(out[4]?.question).toBe(QUESTIONS[2]);
    expect(out[4]?.results?.length).toBe(1);
  });

  it('in text mode, one line on stderr per bad line, naming its line number', async () => {
    const file = path.join(scratch, 'text-mode.txt');
    await writeFile(file, `${QUESTIONS[0]}\n\n${QUESTIONS[1]}\n`);
    const { code, stdout, stderr } = await rapporteur(['ask', ...indexArgs, '--top', '1', '--batch', file]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^rapporteur: line 2: the question is empty$/)]);
    expect(stdout).toContain('Recommandation 7 c)');
    expect(stdout).toContain('3 500 victimes');
  });
});

describe('ask --batch: an error line cites at most a short prefix of the bad input', () => {
  it('a 1 MB line of NUL characters gives a short error line, not megabytes', async () => {
    const file = path.join(scratch, 'nuls.txt');
    await writeFile(file, `${QUESTIONS[0]}\n${'\u0000'.repeat(1_000_000)}\n${'x'.repeat(300_000)}\n`);
    const { code, stdout, stderr } = await rapporteur(['ask', ...indexArgs, '--json', '--top', '1', '--batch', file]);
    expect(code).toBe(2);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]!.length).toBeLessThan(600);
    expect(lines[2]!.length).toBeLessThan(600);
    const nul = JSON.parse(lines[1]!) as { line: number; error: string; question: string; length: number };
    expect(nul).toMatchObject({ line: 2, length: 1_000_000, error: expect.stringMatching(/control characters|too long/) });
    expect(nul.question.length).toBeLessThanOrEqual(81);
    const long = JSON.parse(lines[2]!) as { error: string; question: string };
    expect(long.error).toMatch(/too long/);
    expect(long.question).toMatch(/^x{80}…$/);
  });
});

describe('a reader that stops early', () => {
  it('`ask --json --batch FILE | head -1` ends quietly: no EPIPE, no stack trace, exit 0', async () => {
    const file = path.join(scratch, 'many.txt');
    const many = Array.from({ length: 80 }, (_, i) => `Que disent les rapports de la coopération numéro ${i} entre les États ?`);
    await writeFile(file, `${many.join('\n')}\n`);
    const script = `"${process.execPath}" "${bin}" ask ${indexArgs.map((a) => `"${a}"`).join(' ')} --json --batch "${file}" | head -1; echo "exit=\${PIPESTATUS[0]}" >&2`;
    const { stdout, stderr } = await run('bash', ['-c', script], { cwd: projectRoot, maxBuffer: 1 << 24 });
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout).question).toBe(many[0]);
    expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(stderr.trim()).toBe('exit=0');
  });

  it('`corpus --json | head -1` ends quietly too', async () => {
    const script = `"${process.execPath}" "${bin}" corpus --json | head -1; echo "exit=\${PIPESTATUS[0]}" >&2`;
    const { stdout, stderr } = await run('bash', ['-c', script], { cwd: projectRoot, maxBuffer: 1 << 24 });
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr.trim()).toBe('exit=0');
  });
});
