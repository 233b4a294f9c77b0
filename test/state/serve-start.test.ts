// `rapporteur serve` checks its state store before it listens: an unusable one is one sentence and exit 2.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import { SIGNING_SECRET } from '../slack/helpers/signed-requests.ts';

const run = promisify(execFile);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-serve-state-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function serve(state: string) {
  try {
    await run(process.execPath, [path.join(projectRoot, 'bin', 'rapporteur.js'), 'serve'], {
      cwd: projectRoot,
      timeout: 60_000,
      env: { ...process.env, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_APP_TOKEN: '', PORT: '0', RAPPORTEUR_STATE: state },
    });
    return { code: 0, stderr: '' };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

describe('rapporteur serve with a state store it cannot use', () => {
  it('an unreachable Redis', async () => {
    const { code, stderr } = await serve('redis://127.0.0.1:1/0');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^rapporteur: Cannot reach Redis at redis:\/\/127\.0\.0\.1:1\/0 \(.*\); start it, or set RAPPORTEUR_STATE to sqlite: for a single process\.\n$/);
  });

  it('a damaged SQLite file', async () => {
    const file = path.join(dir, 'damaged.db');
    await writeFile(file, 'not a database\n'.repeat(200));
    const { code, stderr } = await serve(`sqlite:${file}`);
    expect(code).toBe(2);
    expect(stderr).toBe(`rapporteur: The state file ${file} is not a SQLite database or is damaged; move it away (a new one is created on start) or restore a backup.\n`);
  });

  it('a malformed RAPPORTEUR_STATE', async () => {
    const { code, stderr } = await serve('mysql://db');
    expect(code).toBe(2);
    expect(stderr).toBe('rapporteur: RAPPORTEUR_STATE must be sqlite:PATH, redis://host:port/db or memory.\n');
  });
});
