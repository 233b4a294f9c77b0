// `rapporteur corpus` as a user runs it: a real child process through bin/rapporteur.js.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { realCorpus, repoRoot } from './helpers.ts';

const run = promisify(execFile);
const bin = path.join(repoRoot, 'bin', 'rapporteur.js');

const JsonLineSchema = z.object({
  docId: z.string().min(1),
  label: z.string().min(1),
  kind: z.enum(['recommendation', 'paragraph', 'item', 'subitem', 'note', 'table']),
  section: z.string(),
  text: z.string().min(1),
});

describe('rapporteur corpus', () => {
  it('--json prints one JSON object per passage per line and nothing else on stdout', async () => {
    const { stdout } = await run(process.execPath, [bin, 'corpus', '--json'], { cwd: repoRoot, maxBuffer: 32 * 1024 * 1024 });
    const lines = stdout.split('\n').filter((l) => l !== '');
    expect(stdout.endsWith('\n')).toBe(true);
    const rows = lines.map((l) => JsonLineSchema.parse(JSON.parse(l)));
    const corpus = await realCorpus();
    expect(rows.map((r) => `${r.docId}#${r.label}`)).toEqual(corpus.passages.map((p) => p.id));
    const r7c = rows.find((r) => r.docId === '2021-wg4-rapport' && r.label === 'Recommandation 7 c)');
    expect(r7c?.section).toMatch(/^II\. Recommandations › A\. Recommandations concernant les stratégies efficaces/);
    expect(new Set(rows.map((r) => r.docId)).size).toBe(5);
  });

  it('a missing --dir is one line on stderr and exit code 2, without a stack trace', async () => {
    const error = await run(process.execPath, [bin, 'corpus', '--dir', path.join(repoRoot, 'no-such-folder')], { cwd: repoRoot }).then(
      () => undefined,
      (e: { code?: number; stderr?: string; stdout?: string }) => e,
    );
    expect(error?.code).toBe(2);
    expect(error?.stdout).toBe('');
    expect(error?.stderr?.trim().split('\n')).toEqual([`rapporteur: corpus folder not found: ${path.join(repoRoot, 'no-such-folder')}`]);
  });
});
