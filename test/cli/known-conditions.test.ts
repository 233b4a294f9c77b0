// Issue 13, D16: the conditions a person causes and can fix — an empty corpus, a read-only folder, `--out`
// under a file, a port already in use — each come out as one sentence with the remedy and exit code 2, not
// "unexpected error: EPERM/EEXIST/EADDRINUSE". Real child processes.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';

const run = promisify(execFile);
const bin = path.join(projectRoot, 'bin', 'rapporteur.js');

async function rapporteur(args: string[], options: { uid?: number; gid?: number } = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: projectRoot, maxBuffer: 1 << 24, ...options });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The last stderr line is the one sentence (progress lines such as "building it first…" may precede it). */
function expectSentence(result: { code: number; stderr: string }, sentence: RegExp): void {
  expect(result.stderr).not.toMatch(/unexpected error|\n\s+at |E[A-Z]{3,}:/);
  const last = result.stderr.trim().split('\n').at(-1) ?? '';
  expect(last).toMatch(/^rapporteur: /);
  expect(last).toMatch(sentence);
  expect(result.code).toBe(2);
}

let root: string;
let corpus: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'rapporteur-conditions-'));
  await fs.chmod(root, 0o755);
  corpus = path.join(root, 'corpus');
  await fs.mkdir(corpus);
  await fs.copyFile(path.join(projectRoot, 'corpus', '2021-wg4-projet-de-rapport.txt'), path.join(corpus, '2021-wg4-projet-de-rapport.txt'));
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('known conditions: one sentence with the remedy, exit 2', () => {
  it('an empty corpus, from `index` and from `ask` (which builds a missing index first)', async () => {
    const empty = path.join(root, 'empty');
    await fs.mkdir(empty);
    const remedy = /no passages found in .*empty: nothing to index; put the reports there \(\.md or \.txt files/;
    expectSentence(await rapporteur(['index', '--corpus', empty, '--out', path.join(root, 'index-empty')]), remedy);
    expectSentence(await rapporteur(['ask', '--corpus', empty, '--index', path.join(root, 'index-empty'), 'Qui présidait ?']), remedy);
  });

  it('`--out` under a file', async () => {
    const file = path.join(root, 'a-file');
    await fs.writeFile(file, 'not a folder');
    expectSentence(await rapporteur(['index', '--corpus', corpus, '--out', path.join(file, 'index')]), /it, or a folder above it, is a file; choose another folder/);
    expectSentence(await rapporteur(['index', '--corpus', corpus, '--out', file]), /exists and is not a folder/);
  });

  it('a read-only folder (run as an unprivileged user when the suite runs as root)', async () => {
    const readOnly = path.join(root, 'read-only');
    await fs.mkdir(readOnly);
    await fs.chmod(readOnly, 0o555);
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const result = await rapporteur(['index', '--corpus', corpus, '--out', path.join(readOnly, 'index')], asUser);
    expectSentence(result, /permission denied \(a read-only folder\?\); use a folder you can write to/);
    expect(await fs.readdir(readOnly)).toEqual([]);
  });

  it('`serve` on a port already in use says so at once', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const child = spawn(process.execPath, [bin, 'serve', '--index', inject('sharedIndexDir')], {
      cwd: projectRoot,
      env: { ...process.env, SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'abcdef0123456789', SLACK_APP_TOKEN: '', PORT: String(port), SLACK_API_URL: 'http://127.0.0.1:9/api/', LOG_LEVEL: 'error' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      for (let i = 0; i < 300 && !/rapporteur: /.test(stderr); i++) await new Promise((r) => setTimeout(r, 100));
      const line = stderr.split('\n').find((l) => l.startsWith('rapporteur: '));
      expect(line).toBe(`rapporteur: port ${port} is already in use (another \`rapporteur serve\`?); stop that process or set PORT to a free port`);
      expect(stderr).not.toMatch(/unexpected error|\n\s+at /);
    } finally {
      // How fast the process then exits is D5 (the Slack side); here only its words are checked.
      child.kill('SIGKILL');
      await exited;
      blocker.close();
    }
  });
});
