// Every command the README shows works as written. The test reads README.md's shell blocks (```sh lines, and
// `$ ` lines of plain blocks), and runs each `npm run …`, `npx rapporteur …` and `node bin/rapporteur.js …`
// command through bash in a scratch copy of the project (the real model, the shared index copied in, so the
// README's own `npm run index` is a no-change rebuild), in README order: a command fails the test with a
// non-zero exit or no output at all.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import { resolveModelsDir } from '../../src/embed/model-location.ts';

const run = promisify(execFile);

/** Commands the README shows (in a block or inline) that this test does not run, each with why. */
const NOT_RUN: Record<string, string> = {
  'npm ci': 'the install itself: the suite runs after it',
  'npm test': 'this very suite',
  'npm start': 'the Slack bot, a long-running server that needs Slack tokens: test/slack starts the real app',
  'npm run bench': 'four minutes of benchmarks: .ci/run smoke-runs `rapporteur bench --quick` before the tests',
};

const RUNNABLE = /^(npm run |npm start|npm test|npm ci|npx rapporteur |npx rapporteur$|node bin\/rapporteur\.js )/;

/** The shell commands of a Markdown text, in order: ```sh blocks line by line, and `$ ` lines of other blocks. */
export function readmeCommands(markdown: string): string[] {
  const commands: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const open = /^```(\S*)\s*$/.exec(line);
    if (open && fence === null) {
      fence = open[1] ?? '';
      continue;
    }
    if (line.startsWith('```') && fence !== null) {
      fence = null;
      continue;
    }
    if (fence === null) continue;
    const text = fence === 'sh' || fence === 'bash' || fence === 'shell' ? line : line.startsWith('$ ') ? line.slice(2) : '';
    const command = stripComment(text).trim();
    if (command && !command.startsWith('#') && RUNNABLE.test(command)) commands.push(command);
  }
  return commands;
}

/** Drops a trailing `  # comment` outside quotes. */
function stripComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) return line.slice(0, i);
  }
  return line;
}

let scratch: string;
let env: NodeJS.ProcessEnv;
let commands: string[];

beforeAll(async () => {
  commands = readmeCommands(await readFile(path.join(projectRoot, 'README.md'), 'utf8'));
  scratch = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-readme-'));
  const skip = new Set(['node_modules', 'index', '.git', 'state']);
  for (const entry of await readdir(projectRoot)) {
    if (!skip.has(entry)) await cp(path.join(projectRoot, entry), path.join(scratch, entry), { recursive: true });
  }
  await symlink(path.join(projectRoot, 'node_modules'), path.join(scratch, 'node_modules'), 'dir');
  await cp(inject('sharedIndexDir'), path.join(scratch, 'index'), { recursive: true });
  const models = resolveModelsDir().dir;
  if (!models) throw new Error('the embedding model is needed to run the README commands');
  env = { ...process.env, RAPPORTEUR_MODELS_DIR: models, CI: 'true' };
  delete env.SLACK_BOT_TOKEN;
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('the README', () => {
  it('shows the commands of its set-up', () => {
    expect(commands).toContain('npm ci');
    expect(commands).toContain('npm run index');
    expect(commands.some((c) => c.startsWith('npm run --silent ask -- '))).toBe(true);
  });

  it('still shows every command this test leaves out (no stale exception)', async () => {
    const readme = await readFile(path.join(projectRoot, 'README.md'), 'utf8');
    for (const skipped of Object.keys(NOT_RUN)) expect(readme, skipped).toContain(skipped);
  });

  it('every command it shows works as written', async () => {
    const failures: string[] = [];
    for (const command of commands) {
      if (command in NOT_RUN) continue;
      try {
        const { stdout, stderr } = await run('bash', ['-c', command], { cwd: scratch, env, maxBuffer: 1 << 26, timeout: 240_000 });
        if (!(stdout + stderr).trim()) failures.push(`${command}: printed nothing`);
      } catch (error) {
        const e = error as { code?: number; stderr?: string };
        failures.push(`${command}: exit ${e.code} ${(e.stderr ?? '').slice(0, 300)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 900_000);
});
