// How the bot behaves when the world around it misbehaves (issue 13): a Slack authorization that fails at
// start-up or is refused, a port in use, a slow or rate-limited Web API, hostile or odd HTTP requests, forged
// clicks, a "Partager" whose answer was forgotten. The real app over signed HTTP with the real engine (on the
// shared index of the whole corpus), the Web API replaced by the local recorder, and real `rapporteur serve`
// child processes where the exit matters.
import { spawn } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAnswerEngine, type RapporteurEngine } from '../../src/answer/index.ts';
import { defaultCorpusDir, projectRoot } from '../../src/config.ts';
import { createEngineSlot, createSlackBot, loadSlackEnv, startServer, type SlackBot } from '../../src/slack/index.ts';
import { BOT_USER_ID, LocalSlack, type RecordedCall } from './helpers/local-slack.ts';
import { eventEnvelope, nextTs, post, sendCommand, sendEvent, sendInteraction, sign, SIGNING_SECRET } from './helpers/signed-requests.ts';

type Json = Record<string, any>;

const QUESTION = 'Que recommande le rapport 2021 sur les plateformes en ligne ?';
const FAST_RETRIES = { retries: 2, factor: 1, minTimeout: 5, maxTimeout: 20 };
const FAST_AUTH_RETRY = { initialMs: 10, maxMs: 50 };
const silent = pino({ level: 'silent' });
const BIN = path.join(projectRoot, 'bin', 'rapporteur.js');

let local: LocalSlack;
let engine: RapporteurEngine;
let tmp: string;

function envFor(extra: Record<string, string> = {}) {
  return loadSlackEnv({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: local.apiUrl,
    PORT: '0',
    RAPPORTEUR_FEEDBACK_FILE: path.join(tmp, 'feedback.jsonl'),
    RAPPORTEUR_RATE_LIMIT: '100',
    RAPPORTEUR_STATE: 'memory',
    // Answers are read as posted messages here; streamed answers are tested in agent.test.ts.
    RAPPORTEUR_STREAMING: 'off',
    ...extra,
  });
}

function newBot(): SlackBot {
  return createSlackBot({ env: envFor(), engine: createEngineSlot(engine), logger: silent, retryConfig: FAST_RETRIES, authRetry: FAST_AUTH_RETRY });
}

const posted = (calls: RecordedCall[], channel: string, threadTs?: string) =>
  calls.filter(
    (c) => c.method === 'chat.postMessage' && c.status === 200 && c.params.channel === channel && (threadTs === undefined || c.params.thread_ts === threadTs),
  );
const responses = (calls: RecordedCall[], id: string) => calls.filter((c) => c.method === 'response_url' && c.params.__id === id);
const blocksOf = (call: RecordedCall): Json[] => (call.params.blocks as Json[] | undefined) ?? [];
const buttons = (blocks: Json[]): Json[] =>
  blocks.flatMap((b) => [...(b.type === 'actions' ? b.elements : []), ...(b.accessory?.type === 'button' ? [b.accessory] : [])]);
const citations = (call: RecordedCall) =>
  blocksOf(call)
    .filter((b) => b.type === 'context')
    .flatMap((b) => b.elements.map((e: Json) => e.text as string))
    .filter((t) => t.startsWith('📄'));

function mention(user: string, channel: string, text: string, threadTs?: string): { ts: string; envelope: Json } {
  const ts = nextTs();
  const event: Json = { type: 'app_mention', user, text: `<@${BOT_USER_ID}> ${text}`, ts, channel, event_ts: ts };
  if (threadTs) event.thread_ts = threadTs;
  return { ts, envelope: eventEnvelope(event) };
}

function click(user: string, channel: string, action: Json, where: { ephemeral: boolean; messageTs?: string; threadTs?: string; responseId: string }): Json {
  return {
    type: 'block_actions',
    team: { id: 'T0001', domain: 'local' },
    user: { id: user, username: user.toLowerCase(), team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'legacy',
    trigger_id: `trigger-${where.responseId}`,
    channel: { id: channel, name: 'general' },
    container: { type: 'message', message_ts: where.messageTs ?? nextTs(), channel_id: channel, is_ephemeral: where.ephemeral },
    ...(where.ephemeral ? {} : { message: { type: 'message', ts: where.messageTs, thread_ts: where.threadTs, text: '' } }),
    response_url: local.responseUrl(where.responseId),
    actions: [{ ...action, action_ts: nextTs() }],
  };
}

/** A child `rapporteur serve`; resolves with its exit, or with code "killed" if it was still running after `limitMs`. */
function serveChild(env: Record<string, string>, limitMs: number): Promise<{ code: number | 'killed'; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--corpus', defaultCorpusDir, '--index', inject('sharedIndexDir')], {
      env: { PATH: process.env.PATH, RAPPORTEUR_THREADS: '1', RAPPORTEUR_STATE: 'memory', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, limitMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: killed ? 'killed' : (code ?? -1), stdout, stderr });
    });
  });
}

/** One raw HTTP request, so a test can declare a Content-Length it never sends or stream a chunked body. */
function rawPost(url: string, headers: Record<string, string>, write: (req: import('node:http').ClientRequest) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    write(req);
  });
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-operating-'));
  local = new LocalSlack();
  await local.start();
  engine = await createAnswerEngine({ corpusDir: defaultCorpusDir, indexDir: inject('sharedIndexDir') });
});

afterAll(async () => {
  await local?.stop();
  await rm(tmp, { recursive: true, force: true });
});

describe('Slack authorization at start-up (D1, D2)', () => {
  it('D1: a first auth.test that fails (fatal_error) is retried, not cached: the bot then answers', async () => {
    local.fail('auth.test', { status: 200, body: { ok: false, error: 'fatal_error' } }, 1);
    const server = await startServer({ env: envFor(), logger: silent, indexDir: inject('sharedIndexDir'), openEngine: async () => engine, retryConfig: FAST_RETRIES, authRetry: FAST_AUTH_RETRY });
    try {
      await server.ready;
      expect(local.calls.filter((c) => c.method === 'auth.test').map((c) => c.error ?? 'ok')).toEqual(['fatal_error', 'ok']);
      const { ts, envelope } = mention('U30', 'C30', QUESTION);
      expect((await sendEvent(`http://127.0.0.1:${server.port}/slack/events`, envelope)).status).toBe(200);
      const answer = await local.waitFor((calls) => posted(calls, 'C30', ts)[0], 30_000);
      expect(citations(answer).length).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
  });

  it('D2: while Slack is unreachable it retries with backoff and says "not ready" (/healthz 503, events 503), then recovers', async () => {
    local.fail('auth.test', { status: 500, body: { ok: false, error: 'internal_error' } }, Infinity);
    const server = await startServer({ env: envFor(), logger: silent, indexDir: inject('sharedIndexDir'), openEngine: async () => engine, retryConfig: FAST_RETRIES, authRetry: FAST_AUTH_RETRY });
    const base = `http://127.0.0.1:${server.port}`;
    try {
      await local.waitFor((calls) => calls.filter((c) => c.method === 'auth.test').length >= 3);
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(503);
      const body = (await health.json()) as Json;
      expect(body).toMatchObject({ ready: false, engine: 'ready' });
      expect(body.slack).toMatch(/^not ready: HTTP 500/);
      // An event is refused with 503, so that Slack delivers it again later instead of it being lost.
      const early = mention('U31', 'C31', QUESTION);
      expect((await sendEvent(`${base}/slack/events`, early.envelope)).status).toBe(503);

      local.heal('auth.test');
      await server.ready;
      const ready = await fetch(`${base}/healthz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ ready: true, engine: 'ready', slack: 'ready' });
      const retried = await sendEvent(`${base}/slack/events`, early.envelope, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' } });
      expect(retried.status).toBe(200);
      await local.waitFor((calls) => posted(calls, 'C31', early.ts)[0], 30_000);
    } finally {
      local.heal('auth.test');
      await server.stop();
    }
  });

  it('D2: /healthz says the engine is still loading (503) while Slack is authorized', async () => {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    const server = await startServer({
      env: envFor(),
      logger: silent,
      indexDir: inject('sharedIndexDir'),
      openEngine: async () => {
        await opened;
        return engine;
      },
      retryConfig: FAST_RETRIES,
      authRetry: FAST_AUTH_RETRY,
    });
    try {
      let body: Json = {};
      for (let i = 0; i < 200 && body.slack !== 'ready'; i++) {
        const response = await fetch(`http://127.0.0.1:${server.port}/healthz`);
        expect(response.status).toBe(503);
        body = (await response.json()) as Json;
        if (body.slack !== 'ready') await new Promise((r) => setTimeout(r, 25));
      }
      expect(body).toEqual({ ready: false, engine: 'loading', slack: 'ready' });
      open();
      await server.ready;
      expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
    } finally {
      open();
      await server.stop();
    }
  });

  it('D2: `rapporteur serve` with a revoked token (invalid_auth) says so in one sentence and exits 2, never "ready"', async () => {
    local.fail('auth.test', { status: 200, body: { ok: false, error: 'invalid_auth' } }, Infinity);
    try {
      const result = await serveChild(
        { SLACK_BOT_TOKEN: 'xoxb-revoked-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: local.apiUrl, PORT: '0' },
        90_000,
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^rapporteur: SLACK_BOT_TOKEN was refused by Slack \(invalid_auth\): [^\n]+\.\n$/);
      expect(result.stdout).not.toMatch(/ready: answering/);
    } finally {
      local.heal('auth.test');
    }
  });
});

describe('fatal start-up errors (D5)', () => {
  it('`rapporteur serve` on a port in use exits at once, not after the Web API retries (300 s)', async () => {
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    // Slack answers 500: a client that called auth.test would keep retrying for five minutes.
    local.fail('auth.test', { status: 500 }, Infinity);
    try {
      const result = await serveChild(
        { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: local.apiUrl, PORT: String((squatter.address() as AddressInfo).port) },
        60_000,
      );
      expect(result.code).not.toBe('killed');
      expect(result.code).not.toBe(0);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      local.heal('auth.test');
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  });
});

describe('requests the bot must refuse or survive (D4, D9, D10)', () => {
  let bot: SlackBot;
  let url: string;
  beforeAll(async () => {
    bot = newBot();
    const { port } = await bot.start();
    url = `http://127.0.0.1:${port}/slack/events`;
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('D9: a validly signed request timestamped 10 minutes in the future (or past) is refused with 401', async () => {
    const before = local.calls.length;
    for (const offset of [600, -600]) {
      const { envelope } = mention('U40', 'C40', QUESTION);
      const body = JSON.stringify(envelope);
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...sign(body, SIGNING_SECRET, Math.floor(Date.now() / 1000) + offset) },
        body,
      });
      expect(response.status).toBe(401);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(local.calls.slice(before).filter((c) => c.method !== 'auth.test')).toHaveLength(0);
  });

  it('D10: a signed body of JSON null, or payload=null, gets an HTTP answer (400), and the bot goes on answering', async () => {
    const json = await post(url, 'null', 'application/json', {}).then((r) => r.status);
    const form = await post(url, 'payload=null', 'application/x-www-form-urlencoded', {}).then((r) => r.status);
    const array = await post(url, '[1,2]', 'application/json', {}).then((r) => r.status);
    expect([json, form, array]).toEqual([400, 400, 400]);
    const { ts, envelope } = mention('U41', 'C41', QUESTION);
    expect((await sendEvent(url, envelope)).status).toBe(200);
    await local.waitFor((calls) => posted(calls, 'C41', ts)[0], 30_000);
  }, 30_000);

  it('D4: bodies over 1 MB are refused with 413 before they are read, declared or streamed; small unsigned ones get 401', async () => {
    // Declared: 100 MB announced, nothing sent — the answer must not wait for the body.
    const declared = await rawPost(url, { 'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024) }, (req) => req.flushHeaders());
    expect(declared).toBe(413);
    // Sent whole: 2 MB with its Content-Length.
    const big = `{"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`;
    const whole = await rawPost(url, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(big)) }, (req) => req.end(big));
    expect(whole).toBe(413);
    // Streamed without a length (chunked): counted as it comes.
    const streamed = await rawPost(url, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, (req) => {
      const chunk = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 24; i++) req.write(chunk);
      req.end();
    });
    expect(streamed).toBe(413);
    // The signature is checked before the body is parsed: unsigned junk is 401, not a parse error.
    const junk = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(junk.status).toBe(401);
  });
});

describe('decorations never hold an answer back (D6)', () => {
  let bot: SlackBot;
  let url: string;
  beforeAll(async () => {
    bot = newBot();
    const { port } = await bot.start();
    url = `http://127.0.0.1:${port}/slack/events`;
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('the answer is posted while reactions.add is still pending; 👀 is removed once it was added', async () => {
    const release = local.holdUntilReleased('reactions.add');
    const { ts, envelope } = mention('U50', 'C50', QUESTION);
    try {
      await sendEvent(url, envelope);
      const answer = await local.waitFor((calls) => posted(calls, 'C50', ts)[0], 30_000);
      expect(citations(answer).length).toBeGreaterThan(0);
      expect(local.calls.some((c) => c.method === 'reactions.remove' && c.params.timestamp === ts)).toBe(false);
    } finally {
      release();
    }
    await local.waitFor((calls) => calls.find((c) => c.method === 'reactions.remove' && c.params.timestamp === ts), 30_000);
  });

  it('a 429 on reactions.add (Retry-After: 1 hour) stalls neither the answer nor other Web API calls', async () => {
    local.rateLimit('reactions.add', 3, 3600);
    try {
      const first = mention('U51', 'C51', QUESTION);
      await sendEvent(url, first.envelope);
      await local.waitFor((calls) => posted(calls, 'C51', first.ts)[0], 30_000);
      const second = mention('U51', 'C51', 'Quelles mesures contre le recrutement en ligne ?');
      await sendEvent(url, second.envelope);
      await local.waitFor((calls) => posted(calls, 'C51', second.ts)[0], 30_000);
    } finally {
      local.heal('reactions.add');
    }
  });
});

describe('clicks (D8, D23)', () => {
  let bot: SlackBot;
  let url: string;
  beforeAll(async () => {
    bot = newBot();
    const { port } = await bot.start();
    url = `http://127.0.0.1:${port}/slack/events`;
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('D8: "Plus de résultats" on a private /rapporteur answer works for its asker, and is politely refused to anyone else', async () => {
    await sendCommand(url, { command: '/rapporteur', text: QUESTION, user_id: 'U60', channel_id: 'C60', response_url: local.responseUrl('d8-cmd'), trigger_id: 't' });
    const reply = await local.waitFor((calls) => responses(calls, 'd8-cmd')[0], 30_000);
    const more = buttons(blocksOf(reply)).find((b) => b.action_id === 'more_results')!;
    expect(more).toBeDefined();

    // Another user, elsewhere, replaying the button value of U60's private answer.
    await sendInteraction(url, click('U66', 'C66', { type: 'button', action_id: 'more_results', block_id: 'a', value: more.value }, { ephemeral: true, responseId: 'd8-forged' }));
    const refusal = await local.waitFor((calls) => responses(calls, 'd8-forged')[0], 30_000);
    expect(refusal.params).toMatchObject({ response_type: 'ephemeral' });
    expect(String(refusal.params.text)).toMatch(/^Ce bouton appartient à une autre conversation/);
    expect(blocksOf(refusal).some((b) => b.type === 'section' && /^\d+\. /.test(b.text.text))).toBe(false);

    // The asker gets the next sources.
    await sendInteraction(url, click('U60', 'C60', { type: 'button', action_id: 'more_results', block_id: 'a', value: more.value }, { ephemeral: true, responseId: 'd8-own' }));
    const next = await local.waitFor((calls) => responses(calls, 'd8-own')[0], 30_000);
    expect(blocksOf(next).some((b) => b.type === 'section' && /^6\. /.test(b.text.text))).toBe(true);
  });

  it('D8: on a public thread answer, anyone in that thread may page on, but a click from another channel is refused', async () => {
    const { ts, envelope } = mention('U61', 'C61', QUESTION);
    await sendEvent(url, envelope);
    const answer = await local.waitFor((calls) => posted(calls, 'C61', ts)[0], 30_000);
    const more = buttons(blocksOf(answer)).find((b) => b.action_id === 'more_results')!;

    await sendInteraction(url, click('U67', 'C67', { type: 'button', action_id: 'more_results', block_id: 'a', value: more.value }, { ephemeral: false, messageTs: nextTs(), responseId: 'd8-elsewhere' }));
    const refusal = await local.waitFor((calls) => calls.find((c) => c.method === 'chat.postEphemeral' && c.params.user === 'U67'), 30_000);
    expect(refusal.params).toMatchObject({ channel: 'C67' });
    expect(String(refusal.params.text)).toMatch(/^Ce bouton appartient à une autre conversation/);
    expect(posted(local.calls, 'C67')).toHaveLength(0);

    await sendInteraction(url, click('U62', 'C61', { type: 'button', action_id: 'more_results', block_id: 'a', value: more.value }, { ephemeral: false, messageTs: '1700000000.000100', threadTs: ts, responseId: 'd8-thread' }));
    await local.waitFor((calls) => posted(calls, 'C61', ts)[1], 30_000);
  });

  it('D23: "Partager" after the answer was forgotten (a restart) says it expired, and posts nothing publicly', async () => {
    const long = `Que recommande le rapport 2021 sur les plateformes en ligne et ${'sur la coopération des fournisseurs de services '.repeat(30)}?`;
    await sendCommand(url, { command: '/rapporteur', text: long, user_id: 'U63', channel_id: 'C63', response_url: local.responseUrl('d23-cmd'), trigger_id: 't' });
    const reply = await local.waitFor((calls) => responses(calls, 'd23-cmd')[0], 30_000);
    const share = buttons(blocksOf(reply)).find((b) => b.action_id === 'share_answer')!;
    expect(share).toBeDefined();

    const restarted = newBot();
    const { port } = await restarted.start();
    try {
      await sendInteraction(
        `http://127.0.0.1:${port}/slack/events`,
        click('U63', 'C63', { type: 'button', action_id: 'share_answer', block_id: 'b', value: share.value }, { ephemeral: true, responseId: 'd23-share' }),
      );
      const notice = await local.waitFor((calls) => responses(calls, 'd23-share')[0], 30_000);
      expect(notice.params).toMatchObject({ response_type: 'ephemeral' });
      expect(String(notice.params.text)).toMatch(/^Cette réponse n’est plus en mémoire/);
      await new Promise((r) => setTimeout(r, 500));
      expect(posted(local.calls, 'C63')).toHaveLength(0);
      expect(responses(local.calls, 'd23-share').filter((c) => c.params.response_type === 'in_channel' || c.params.delete_original)).toHaveLength(0);
    } finally {
      await restarted.stop();
    }
  });
});
