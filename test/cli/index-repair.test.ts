// Issue 13, D13: an index whose manifest.json was deleted is repaired, not refused (a folder holding only our
// own files is ours to replace), and `ask` says something useful. Real child processes, the real model.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusSlice, tempDir } from '../index/fixtures.ts';
import { runRapporteur } from '../support/cli.ts';

const rapporteur = runRapporteur;

let root: string;
let corpusDir: string;
let indexDir: string;
beforeAll(async () => {
  root = await tempDir('index-repair');
  corpusDir = await corpusSlice(root);
  indexDir = path.join(root, 'index');
  const first = await rapporteur(['index', '--corpus', corpusDir, '--out', indexDir]);
  expect(first.code).toBe(0);
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});


describe('an index whose manifest.json was deleted (D13)', () => {
  it('--check says what happened and what to do; `index` repairs it; `ask` rebuilds and answers', async () => {
    await fs.rm(path.join(indexDir, 'manifest.json'));
    const check = await rapporteur(['index', '--check', '--corpus', corpusDir, '--out', indexDir]);
    expect(check.code).toBe(1);
    expect(check.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^rapporteur: .*manifest\.json.*; run `rapporteur index`/)]);

    const repaired = await rapporteur(['index', '--corpus', corpusDir, '--out', indexDir]);
    expect(repaired.stderr).not.toMatch(/not empty|unexpected error/);
    expect(repaired.code).toBe(0);
    expect((await rapporteur(['index', '--check', '--corpus', corpusDir, '--out', indexDir])).code).toBe(0);

    await fs.rm(path.join(indexDir, 'manifest.json'));
    const ask = await rapporteur(['ask', '--json', '--corpus', corpusDir, '--index', indexDir, 'Qui présidait la réunion ?']);
    expect(ask.stderr).not.toMatch(/unexpected error/);
    expect(ask.code).toBe(0);
    expect(JSON.parse(ask.stdout).results.length).toBeGreaterThan(0);
  }, 400_000); // two full builds of the slice (without a manifest no vector can be trusted as a cache)

  it('a folder holding files of someone else is still refused, in one sentence that says what to do (exit 2)', async () => {
    const foreign = path.join(root, 'foreign');
    await fs.mkdir(foreign);
    await fs.writeFile(path.join(foreign, 'thesis.docx'), 'precious');
    for (const args of [['index', '--corpus', corpusDir, '--out', foreign], ['ask', '--corpus', corpusDir, '--index', foreign, 'Qui présidait ?']]) {
      const r = await rapporteur(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^rapporteur: cannot write the index: .*foreign is not empty and holds no index.*another folder/)]);
    }
    expect(await fs.readdir(foreign)).toEqual(['thesis.docx']);
    await fs.rm(foreign, { recursive: true });
  });
});
