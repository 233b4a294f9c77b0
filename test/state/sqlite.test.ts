// The SQLite state file across real restarts of `rapporteur serve`, its schema migrations, and the one-line
// messages for a file that cannot be used.
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/state/sqlite.ts';
import { openSqliteStore } from '../../src/state/sqlite.ts';
import { LocalSlack } from '../slack/helpers/local-slack.ts';
import { sendCommand, sendEvent, sendInteraction } from '../slack/helpers/signed-requests.ts';
import { ServeProcess } from './helpers/serve-process.ts';
import { answerIdOf, blocksOf, buttonClick, buttonsOf, mention, postsIn, sourceNumbers } from './helpers/slack-payloads.ts';

const run = promisify(execFile);
const QUESTION = 'Que recommande le rapport 2021 sur les plateformes en ligne ?';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-sqlite-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `rapporteur feedback` on a state file: the lightest command that opens the store. */
async function feedbackCommand(state: string, options: { uid?: number } = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(projectRoot, 'bin', 'rapporteur.js'), 'feedback'], {
      cwd: projectRoot,
      env: { ...process.env, RAPPORTEUR_STATE: state, RAPPORTEUR_FEEDBACK_FILE: path.join(dir, 'none.jsonl') },
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('a restart of `rapporteur serve` on the same SQLite file', () => {
  it('keeps the thread history, the answer cache and the de-duplication', async () => {
    const local = new LocalSlack();
    await local.start();
    const file = path.join(dir, 'restart', 'rapporteur.db');
    const options = { apiUrl: local.apiUrl, state: `sqlite:${file}`, indexDir: inject('sharedIndexDir'), feedbackFile: path.join(dir, 'none.jsonl') };
    let serve = await new ServeProcess(options).start();
    try {
      // Before: a question in a channel thread, and a private /rapporteur answer with "Partager".
      const question = mention('U1', 'C1', QUESTION, { eventId: 'EvRestart1' });
      await sendEvent(serve.url, question.envelope);
      const first = await local.waitFor(() => postsIn(local, 'C1', question.ts)[0]);
      expect(sourceNumbers(first)[0]).toBe(1);
      await sendCommand(serve.url, { command: '/rapporteur', text: QUESTION, user_id: 'U2', channel_id: 'C2', response_url: local.responseUrl('cmd'), trigger_id: 't' });
      const privateAnswer = await local.waitFor((calls) => calls.find((c) => c.method === 'response_url' && c.params.__id === 'cmd'));
      const share = buttonsOf(blocksOf(privateAnswer)).find((b) => b.action_id === 'share_answer')!;
      const sharedId = JSON.parse(share.value as string).a as string;

      expect(await serve.stop()).toBe(0);
      serve = await new ServeProcess(options).start();

      // The same delivery again (Slack retrying across the restart): not answered twice.
      await sendEvent(serve.url, question.envelope, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
      await serve.waitForLog((l) => l.msg.includes('duplicate delivery of EvRestart1 ignored'));
      // A follow-up in the thread pages through the ranking the first process kept.
      const followUp = mention('U1', 'C1', 'plus de résultats', { threadTs: question.ts });
      await sendEvent(serve.url, followUp.envelope);
      const more = await local.waitFor(() => postsIn(local, 'C1', question.ts)[1]);
      expect(sourceNumbers(more)[0]).toBe(6);
      expect(postsIn(local, 'C1', question.ts)).toHaveLength(2);
      // "Partager" posts the answer that was shown before the restart (same id: from the cache, not asked again).
      await sendInteraction(serve.url, buttonClick('U2', 'C2', { type: 'button', action_id: 'share_answer', block_id: 'b', value: share.value }, local.responseUrl('share'), true));
      const shared = await local.waitFor(() => postsIn(local, 'C2')[0]);
      expect(answerIdOf(shared)).toBe(sharedId);
    } finally {
      await serve.stop();
      await local.stop();
    }
  });
});

describe('a crash of `rapporteur serve` on SQLite', () => {
  it('answers, once, after the restart, a question acked just before a kill -9', async () => {
    const local = new LocalSlack();
    await local.start();
    const file = path.join(dir, 'crash', 'rapporteur.db');
    const options = { apiUrl: local.apiUrl, state: `sqlite:${file}`, indexDir: inject('sharedIndexDir'), feedbackFile: path.join(dir, 'none.jsonl') };
    const first = await new ServeProcess(options).start();
    let second: ServeProcess | undefined;
    try {
      local.hold('chat.postMessage'); // stuck posting its answer when it is killed
      const question = mention('U3', 'C3', 'Quelles mesures pour protéger les victimes de la traite ?');
      expect((await sendEvent(first.url, question.envelope)).status).toBe(200);
      await local.waitFor((calls) => calls.find((c) => c.method === 'chat.postMessage' && c.status === 0 && c.params.thread_ts === question.ts), 180_000);
      await first.crash();
      expect(postsIn(local, 'C3', question.ts)).toHaveLength(0);

      second = await new ServeProcess(options).start();
      const answer = await local.waitFor(() => postsIn(local, 'C3', question.ts)[0], 60_000);
      expect(sourceNumbers(answer).length).toBeGreaterThan(0);
      await second.waitForLog((l) => l.msg.startsWith('answering a question left in flight'));
      // Answered and removed from the file: nothing is left in flight to answer again.
      for (let i = 0; i < 200; i++) {
        const db = new Database(file, { readonly: true });
        const { n } = db.prepare('SELECT COUNT(*) AS n FROM in_flight').get() as { n: number };
        db.close();
        if (n === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const db = new Database(file, { readonly: true });
      expect(db.prepare('SELECT COUNT(*) AS n FROM in_flight').get()).toEqual({ n: 0 });
      db.close();
      expect(postsIn(local, 'C3', question.ts)).toHaveLength(1);
    } finally {
      await second?.stop();
      await local.stop();
    }
  });
});

describe('schema versions', () => {
  it('migrates a file of an older schema, keeping what it holds', async () => {
    const file = path.join(dir, 'v1.db');
    const old = new Database(file);
    old.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1);');
    old.exec(MIGRATIONS[0]!);
    const turn = { question: 'q', resolvedQuery: 'q', filters: {}, language: 'fr', kind: 'answer', ranking: [], shown: 0, at: Date.now() };
    old.prepare('INSERT INTO turns (conversation, at, json) VALUES (?, ?, ?)').run('C1:1.0', turn.at, JSON.stringify(turn));
    old.close();

    const store = openSqliteStore(file);
    expect((await store.conversations.turns('C1:1.0')).map((t) => t.question)).toEqual(['q']);
    await store.inFlight.begin({ id: 'f1', at: Date.now(), question: {}, place: {} }, 0); // the table of version 2
    expect((await store.inFlight.claimAbandoned(1000, 60_000)).map((e) => e.id)).toEqual(['f1']);
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT version FROM schema_version').get()).toEqual({ version: SCHEMA_VERSION });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses a file written by a newer version, in one sentence', async () => {
    const file = path.join(dir, 'newer.db');
    openSqliteStore(file).close();
    const db = new Database(file);
    db.prepare('UPDATE schema_version SET version = ?').run(SCHEMA_VERSION + 1);
    db.close();
    const { code, stderr } = await feedbackCommand(`sqlite:${file}`);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `rapporteur: The state file ${file} has schema version ${SCHEMA_VERSION + 1}, newer than this Rapporteur knows (${SCHEMA_VERSION}); run the newer version, or set RAPPORTEUR_STATE to another file.\n`,
    );
  });
});

describe('a state file that cannot be used', () => {
  it('a damaged file: one sentence, exit 2', async () => {
    const file = path.join(dir, 'damaged.db');
    await writeFile(file, 'this is not a database, just some text that a bad copy left here\n'.repeat(100));
    const { code, stderr } = await feedbackCommand(`sqlite:${file}`);
    expect(code).toBe(2);
    expect(stderr).toBe(`rapporteur: The state file ${file} is not a SQLite database or is damaged; move it away (a new one is created on start) or restore a backup.\n`);
  });

  it('a read-only file: one sentence, exit 2', async () => {
    const folder = path.join(dir, 'read-only');
    const file = path.join(folder, 'rapporteur.db');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(folder);
    openSqliteStore(file).close();
    await chmod(file, 0o444);
    await chmod(folder, 0o555);
    await chmod(dir, 0o755);
    // root ignores file modes: run the command as "nobody" then.
    const asUser = process.getuid?.() === 0 ? { uid: 65534 } : {};
    const { code, stderr } = await feedbackCommand(`sqlite:${file}`, asUser);
    expect(code).toBe(2);
    expect(stderr).toBe(`rapporteur: The state file ${file} cannot be written (read-only file or folder?); fix its permissions or set RAPPORTEUR_STATE to another place.\n`);
  });
});
