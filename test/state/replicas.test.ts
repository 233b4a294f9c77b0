// Two real `rapporteur serve` processes on different ports, sharing one Redis and one index folder, over
// signed HTTP with the local Web API recorder: what Slack would see from a bot run as two replicas.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LocalSlack } from '../slack/helpers/local-slack.ts';
import { sendCommand, sendEvent } from '../slack/helpers/signed-requests.ts';
import { flushRedis, startPrivateRedis, testRedisUrl, type PrivateRedis } from '../support/redis.ts';
import { ServeProcess } from './helpers/serve-process.ts';
import { mention, postsIn, sourceNumbers } from './helpers/slack-payloads.ts';

const redisUrl = testRedisUrl(2);
const QUESTIONS = [
  'Que recommande le rapport 2021 sur les plateformes en ligne ?',
  'Quelles mesures pour protéger les victimes de la traite ?',
  'Que dit le rapport sur la coopération internationale ?',
  'Comment former les services de détection et de répression ?',
  'Que recommande-t-on sur la confiscation des avoirs ?',
  'Quel rôle pour la société civile ?',
  'Que faire contre le travail forcé dans les chaînes d’approvisionnement ?',
  'Quelles recommandations sur les enfants victimes ?',
  'Que dit le groupe de travail sur la collecte de données ?',
  'Comment lutter contre la corruption liée à la traite ?',
  'Que recommande le rapport sur l’assistance juridique ?',
];

let local: LocalSlack;
let dir: string;
let a: ServeProcess;
let b: ServeProcess;

describe.skipIf(!redisUrl)('two serve processes sharing one Redis', () => {
  beforeAll(async () => {
    await flushRedis(redisUrl!);
    local = new LocalSlack();
    await local.start();
    dir = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-replicas-'));
    const options = { apiUrl: local.apiUrl, state: redisUrl!, indexDir: inject('sharedIndexDir'), feedbackFile: path.join(dir, 'none.jsonl') };
    [a, b] = await Promise.all([new ServeProcess(options).start(), new ServeProcess(options).start()]);
    expect(a.port).not.toBe(b.port);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await local?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers once an event delivered to both', async () => {
    const question = mention('U1', 'C1', QUESTIONS[0]!, { eventId: 'EvBoth1' });
    const [toA, toB] = await Promise.all([sendEvent(a.url, question.envelope), sendEvent(b.url, question.envelope)]);
    expect([toA.status, toB.status]).toEqual([200, 200]);
    // Generous waits: two fresh processes' first answers on a loaded 2-core machine.
    await local.waitFor(() => postsIn(local, 'C1', question.ts)[0], 180_000);
    // The other process said it dropped it.
    const dropped = (l: { msg: string }) => l.msg.includes('duplicate delivery of EvBoth1 ignored');
    await Promise.race([a.waitForLog(dropped, 180_000), b.waitForLog(dropped, 180_000)]);
    expect(postsIn(local, 'C1', question.ts)).toHaveLength(1);
  });

  it('answers a follow-up on the second process with the turn the first answered', async () => {
    const question = mention('U2', 'C2', QUESTIONS[0]!);
    await sendEvent(a.url, question.envelope);
    const first = await local.waitFor(() => postsIn(local, 'C2', question.ts)[0]);
    expect(sourceNumbers(first)[0]).toBe(1);
    await sendEvent(b.url, mention('U2', 'C2', 'plus de résultats', { threadTs: question.ts }).envelope);
    const more = await local.waitFor(() => postsIn(local, 'C2', question.ts)[1]);
    expect(sourceNumbers(more)[0]).toBe(6);
  });

  it('counts one rate limit per user across both: eleven questions, ten answers, one notice', async () => {
    const asked = QUESTIONS.map((text, i) => mention('U3', `C3-${i}`, text));
    for (const [i, question] of asked.entries()) await sendEvent((i % 2 ? b : a).url, question.envelope);
    const notices = () => local.calls.filter((c) => c.method === 'chat.postEphemeral' && c.params.user === 'U3');
    const answered = () => asked.filter((q, i) => postsIn(local, `C3-${i}`, q.ts).length > 0);
    await local.waitFor(() => answered().length === 10 && notices().length === 1, 180_000);
    expect(answered()).toHaveLength(10);
    expect(notices()).toHaveLength(1);
    expect(String(notices()[0]!.params.text)).toMatch(/\d+ s/);
  });

  it('takes over within 30 s, and answers exactly once, the questions whose process was killed right after the ack', async () => {
    // The process will be stuck mid-answer when it is killed: posting the answer of a mention (the 👀 no
    // longer holds an answer back: issue 13, D6), and the answer of a /rapporteur command to its response_url.
    local.hold('chat.postMessage');
    local.hold('response_url');
    const question = mention('U4', 'C4', QUESTIONS[1]!);
    expect((await sendEvent(a.url, question.envelope)).status).toBe(200);
    const command = await sendCommand(a.url, { command: '/rapporteur', text: QUESTIONS[4]!, user_id: 'U4', channel_id: 'C4', response_url: local.responseUrl('killed'), trigger_id: 't' });
    expect(command.status).toBe(200);
    await local.waitFor((calls) => calls.find((c) => c.method === 'chat.postMessage' && c.status === 0 && c.params.thread_ts === question.ts), 180_000);
    await local.waitFor((calls) => calls.find((c) => c.method === 'response_url' && c.params.__id === 'killed'), 180_000);
    await a.crash();
    const killedAt = Date.now();
    // The take-over is what the lease (12 s) and the poll (2 s) bound; the answer after it takes a second or
    // two on an idle machine (13.4 s from the kill in CI). Issue 15: answered within 30 s of the kill.
    const takeOver = (l: { msg: string }) => l.msg.startsWith('answering a question left in flight');
    await b.waitForLog(takeOver, 30_000);
    expect(Date.now() - killedAt).toBeLessThan(30_000);
    const delivered = () => local.calls.filter((c) => c.method === 'response_url' && c.params.__id === 'killed' && c.status === 200);
    const answer = await local.waitFor(() => postsIn(local, 'C4', question.ts)[0], 30_000);
    const commandAnswer = await local.waitFor(() => delivered()[0], 30_000);
    process.stdout.write(`kill -9 → both answers delivered by the other process: ${((Date.now() - killedAt) / 1000).toFixed(1)} s\n`);
    expect(Date.now() - killedAt).toBeLessThan(30_000);
    expect(sourceNumbers(answer).length).toBeGreaterThan(0);
    expect(commandAnswer.params.response_type).toBe('ephemeral');
    await local.waitFor(() => b.logs.filter((l) => l.msg.startsWith('answering a question left in flight')).length === 2 || undefined);
    // Answered and no longer in flight: nobody will answer them again.
    const redis = new Redis(redisUrl!);
    for (let i = 0; i < 200 && (await redis.hlen('rapporteur:in-flight')) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await redis.hlen('rapporteur:in-flight')).toBe(0);
    await redis.quit();
    expect(postsIn(local, 'C4', question.ts)).toHaveLength(1);
    expect(delivered()).toHaveLength(1);
    expect(b.logs.filter((l) => l.msg.startsWith('answering a question left in flight'))).toHaveLength(2);
  });
});

describe.skipIf(!redisUrl)('Redis stopped while two processes serve, and started again', () => {
  let redis: PrivateRedis;
  let p: ServeProcess;
  let q: ServeProcess;
  let slack: LocalSlack;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    slack = new LocalSlack();
    await slack.start();
    const options = { apiUrl: slack.apiUrl, state: redis.url, indexDir: inject('sharedIndexDir'), feedbackFile: path.join(os.tmpdir(), 'rapporteur-none.jsonl') };
    [p, q] = await Promise.all([new ServeProcess(options).start(), new ServeProcess(options).start()]);
  });
  afterAll(async () => {
    await Promise.all([p?.stop(), q?.stop()]);
    await slack?.stop();
    await redis?.stop();
  });

  it('keeps answering with a warning, de-duplicates in each process, and uses Redis again once it is back', async () => {
    await redis.stop();
    const during = mention('U5', 'C5', QUESTIONS[2]!, { eventId: 'EvOutage1' });
    await sendEvent(p.url, during.envelope);
    await sendEvent(p.url, during.envelope); // a retry to the same process: still dropped
    await slack.waitFor(() => postsIn(slack, 'C5', during.ts)[0]);
    await p.waitForLog((l) => l.msg.startsWith('state store unreachable'));
    await p.waitForLog((l) => l.msg.includes('duplicate delivery of EvOutage1 ignored'));
    expect(postsIn(slack, 'C5', during.ts)).toHaveLength(1);
    const onQ = mention('U5', 'C6', QUESTIONS[3]!);
    await sendEvent(q.url, onQ.envelope);
    await slack.waitFor(() => postsIn(slack, 'C6', onQ.ts)[0]);

    await redis.start();
    // Reconnected (ioredis retries every ≤ 2 s): a follow-up started on p continues on q through Redis.
    await p.waitForLog((l) => l.msg.startsWith('state store reachable again'), 30_000).catch(() => undefined);
    let shared = false;
    for (let attempt = 0; attempt < 20 && !shared; attempt++) {
      const question = mention('U6', `C7-${attempt}`, QUESTIONS[0]!);
      await sendEvent(p.url, question.envelope);
      await slack.waitFor(() => postsIn(slack, `C7-${attempt}`, question.ts)[0]);
      await sendEvent(q.url, mention('U6', `C7-${attempt}`, 'plus de résultats', { threadTs: question.ts }).envelope);
      const more = await slack.waitFor(() => postsIn(slack, `C7-${attempt}`, question.ts)[1]);
      shared = sourceNumbers(more)[0] === 6;
      if (!shared) await new Promise((r) => setTimeout(r, 1000)); // still reconnecting
    }
    expect(shared).toBe(true);
    expect(p.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    for (const proc of [p, q]) expect(await Promise.race([proc.exited.then(() => 'exited'), Promise.resolve('running')])).toBe('running');
  });
});
