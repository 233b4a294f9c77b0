// Issue 13, D12: concurrent `rapporteur index` runs into one folder are serialised by a lock file (never
// ENOTEMPTY, never debris; a lock left by a dead process is taken over). Real child processes, the real model.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import { corpusSlice, tempDir } from '../index/fixtures.ts';
import { rapporteurBin, runRapporteur } from '../support/cli.ts';

const rapporteur = runRapporteur;
const bin = rapporteurBin;

let root: string;
let corpusDir: string;
let indexDir: string;
beforeAll(async () => {
  root = await tempDir('index-lock');
  corpusDir = await corpusSlice(root);
  indexDir = path.join(root, 'index');
  const first = await rapporteur(['index', '--corpus', corpusDir, '--out', indexDir]);
  expect(first.code).toBe(0);
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const lockFile = () => path.join(root, '.index.lock');

describe('concurrent builds into one folder (D12)', () => {
  it('eight builds at once all succeed and leave only index/ behind', async () => {
    // Each rebuild with nothing changed still writes a new folder and swaps it in: the racy part.
    const runs = await Promise.all(Array.from({ length: 8 }, () => rapporteur(['index', '--corpus', corpusDir, '--out', indexDir])));
    for (const r of runs) {
      expect(r.stderr).not.toMatch(/ENOTEMPTY|unexpected error|\n\s+at /);
      expect(r.code).toBe(0);
    }
    expect((await fs.readdir(root)).sort()).toEqual(['corpus', 'index']);
    const check = await rapporteur(['index', '--check', '--corpus', corpusDir, '--out', indexDir]);
    expect(check.code).toBe(0);
  });

  it('a second build waits while a live process holds the lock, and takes the lock over once that process is dead', async () => {
    const holder = spawn('sleep', ['60'], { stdio: 'ignore' });
    await fs.writeFile(lockFile(), JSON.stringify({ pid: holder.pid, startedAt: new Date().toISOString() }));
    const child = spawn(process.execPath, [bin, 'index', '--corpus', corpusDir, '--out', indexDir], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // While the holder lives, the build says it waits and does not finish.
    for (let i = 0; i < 100 && !/waiting/.test(stderr); i++) await new Promise((r) => setTimeout(r, 100));
    expect(stderr).toMatch(new RegExp(`another build \\(pid ${holder.pid}\\) is writing .*index.*; waiting`));
    await new Promise((r) => setTimeout(r, 1500));
    expect(stdout).toBe('');
    holder.kill('SIGKILL');
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/^Indexed /);
    expect((await fs.readdir(root)).sort()).toEqual(['corpus', 'index']);
  });

  it('a lock left by a dead process is recovered at once', async () => {
    await fs.writeFile(lockFile(), JSON.stringify({ pid: 999_999, startedAt: '2020-01-01T00:00:00.000Z' }));
    const r = await rapporteur(['index', '--corpus', corpusDir, '--out', indexDir]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/waiting/);
    expect((await fs.readdir(root)).sort()).toEqual(['corpus', 'index']);
  });
});

