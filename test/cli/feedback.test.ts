// `rapporteur feedback` as a person runs it: a real child process on a SQLite state file, after the
// feedback.jsonl of earlier versions was imported (once) on its first start.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';

const run = promisify(execFile);
let dir: string;
let env: NodeJS.ProcessEnv;

async function feedback(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(projectRoot, 'bin', 'rapporteur.js'), 'feedback', ...args], { cwd: projectRoot, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const line = (over: Record<string, unknown>) =>
  JSON.stringify({ answerId: 'a1', rating: 'positive', question: 'Q1 ?', labels: ['Rapport (oct. 2021), Recommandation 7 c)'], userId: 'U1', channelId: 'C1', at: '2026-11-30T09:00:00.000Z', ...over });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-feedback-'));
  const legacy = [
    line({}),
    line({ answerId: 'a2', question: 'Q2 ?', rating: 'negative', userId: 'U2', at: '2026-12-01T10:00:00.000Z' }),
    line({ answerId: 'a2', question: 'Q2 ?', rating: 'negative', userId: 'U2', at: '2026-12-01T10:00:20.000Z', comment: 'Il manque 2023.' }),
    '{"torn": ', // a crash mid-line in the old file
  ];
  await writeFile(path.join(dir, 'feedback.jsonl'), `${legacy.join('\n')}\n`);
  env = { ...process.env, RAPPORTEUR_STATE: `sqlite:${path.join(dir, 'rapporteur.db')}`, RAPPORTEUR_FEEDBACK_FILE: path.join(dir, 'feedback.jsonl') };
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('rapporteur feedback', () => {
  it('lists the imported feedback newest first, with question, cited labels and comment', async () => {
    const { code, stdout } = await feedback([]);
    expect(code).toBe(0);
    const entries = stdout.trim().split('\n\n');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toBe('2026-12-01 10:00 UTC  👎  U2 in C1\n  Q2 ?\n  cited: Rapport (oct. 2021), Recommandation 7 c)\n  comment: Il manque 2023.');
    expect(entries[1]).toMatch(/^2026-11-30 09:00 UTC {2}👍 {2}U1 in C1\n {2}Q1 \?/);
  });

  it('--json prints one object per line; the file is imported only once', async () => {
    const { code, stdout } = await feedback(['--json']);
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => r.answerId)).toEqual(['a2', 'a1']);
    expect(rows[0]).toMatchObject({ rating: 'negative', comment: 'Il manque 2023.', labels: ['Rapport (oct. 2021), Recommandation 7 c)'] });
  });

  it('--since keeps what was given at or after the date; a bad date is one line and exit 2', async () => {
    const { stdout } = await feedback(['--json', '--since', '2026-12-01']);
    expect(stdout.trim().split('\n').map((l) => JSON.parse(l).answerId)).toEqual(['a2']);
    const none = await feedback(['--since', '2027-01-01']);
    expect(none).toMatchObject({ code: 0, stdout: '', stderr: 'rapporteur: no feedback since 2027-01-01T00:00:00.000Z yet\n' });
    const bad = await feedback(['--since', 'hier']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('rapporteur: --since: expected a date such as 2026-12-01 or 2026-12-01T09:00\n');
  });

  it('an unreachable Redis or a malformed RAPPORTEUR_STATE: one line, exit 2', async () => {
    const saved = env;
    env = { ...saved, RAPPORTEUR_STATE: 'redis://127.0.0.1:1/0' };
    const down = await feedback([]);
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/^rapporteur: Cannot reach Redis at redis:\/\/127\.0\.0\.1:1\/0 \(.*ECONNREFUSED.*\); start it, or set RAPPORTEUR_STATE to sqlite: for a single process\.\n$/);
    env = { ...saved, RAPPORTEUR_STATE: 'postgres://x' };
    const bad = await feedback([]);
    expect(bad).toMatchObject({ code: 2, stderr: 'rapporteur: RAPPORTEUR_STATE must be sqlite:PATH, redis://host:port/db or memory.\n' });
    env = saved;
  });
});
