// The serving process as Slack drives it, for the memory figure: the real Bolt app (HTTP receiver, listeners,
// answer cache, conversations, de-duplication, rate limiter, pino) started in the probe process around its
// engine, a local stand-in for the Web API, and every question sent as a signed `app_mention` event; each
// one counts as answered when the bot posts its answer in the thread. Nothing inside Bolt is replaced.
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { RapporteurEngine } from '../answer/index.ts';

const BOT_USER_ID = 'UBENCH01';
const TEAM_ID = 'TBENCH01';
/** Users the questions are spread over (each has the bot's per-user rate limit, raised here). */
const USERS = 50;

export interface SlackLoadResult {
  questions: number;
  answered: number;
  ms: number;
}

/**
 * A Web API stand-in: ok for every method, with the fields the bot reads; reports a thread's answer by its
 * thread_ts when it is complete: a posted reply, or a streamed one at chat.stopStream.
 */
function startLocalWebApi(onReply: (threadTs: string) => void): Promise<{ url: string; close(): Promise<void> }> {
  let ts = 1_900_000_000;
  const streams = new Map<string, string>();
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const params: Record<string, string> = req.headers['content-type']?.includes('json')
      ? (JSON.parse(raw || '{}') as Record<string, string>)
      : Object.fromEntries(new URLSearchParams(raw));
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
    let reply: Record<string, unknown> = { ok: true };
    if (method === 'auth.test') reply = { ok: true, team_id: TEAM_ID, user_id: BOT_USER_ID, bot_id: 'BBENCH01', user: 'rapporteur', team: 'Bench' };
    else if (method === 'chat.postMessage') {
      reply = { ok: true, channel: params.channel, ts: `${ts++}.000100` };
      if (params.thread_ts) onReply(params.thread_ts);
    } else if (method === 'chat.startStream') {
      const streamTs = `${ts++}.000300`;
      if (params.thread_ts) streams.set(streamTs, params.thread_ts);
      reply = { ok: true, channel: params.channel, ts: streamTs };
    } else if (method === 'chat.appendStream' || method === 'chat.stopStream') {
      reply = { ok: true, channel: params.channel, ts: params.ts };
      const threadTs = streams.get(params.ts ?? '');
      if (method === 'chat.stopStream' && threadTs) {
        streams.delete(params.ts ?? '');
        onReply(threadTs);
      }
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}

/**
 * Starts the Slack app around `engine`, sends each question as a mention (one at a time, as a steady
 * stream of people would), waits for each answer, and stops the app. `onProgress` counts answers.
 */
export async function answerThroughSlack(
  engine: RapporteurEngine,
  indexDir: string,
  questions: string[],
  onProgress?: (done: number, total: number) => void,
): Promise<SlackLoadResult> {
  const { createLogger, loadSlackEnv, startServer } = await import('../slack/index.ts');
  const waiting = new Map<string, () => void>();
  const api = await startLocalWebApi((threadTs) => waiting.get(threadTs)?.());
  const secret = randomBytes(16).toString('hex');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-bench-slack-'));
  const env = loadSlackEnv({
    SLACK_BOT_TOKEN: 'xoxb-bench-token',
    SLACK_SIGNING_SECRET: secret,
    PORT: '0',
    SLACK_API_URL: api.url,
    RAPPORTEUR_RATE_LIMIT: '1000000',
    RAPPORTEUR_FEEDBACK_FILE: path.join(scratch, 'feedback.jsonl'),
    // The default backend, in a folder of its own: the project's state file is not the bench's to write.
    RAPPORTEUR_STATE: `sqlite:${path.join(scratch, 'rapporteur.db')}`,
    LOG_LEVEL: 'error',
  });
  const logger = createLogger('error');
  const server = await startServer({ env, logger, indexDir, openEngine: async () => engine, watchIntervalMs: 3_600_000 });
  const started = performance.now();
  let answered = 0;
  try {
    await server.ready;
    const url = `http://127.0.0.1:${server.port}/slack/events`;
    for (const [i, question] of questions.entries()) {
      const ts = `${1_800_000_000 + i}.000100`;
      const body = JSON.stringify({
        token: 'legacy',
        team_id: TEAM_ID,
        api_app_id: 'ABENCH01',
        type: 'event_callback',
        event_id: `EvBench${i}`,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
        event: { type: 'app_mention', user: `UQ${i % USERS}`, text: `<@${BOT_USER_ID}> ${question}`, ts, channel: 'CBENCH01', event_ts: ts },
      });
      const timestamp = Math.floor(Date.now() / 1000);
      const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
      const reply = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), 30_000);
        waiting.set(ts, () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
        body,
      });
      await response.arrayBuffer();
      if (response.ok && (await reply)) answered++;
      waiting.delete(ts);
      if (i % 10 === 0 || i === questions.length - 1) onProgress?.(i + 1, questions.length);
    }
  } finally {
    await server.stop().catch(() => undefined);
    await api.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return { questions: questions.length, answered, ms: performance.now() - started };
}
