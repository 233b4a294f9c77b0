// The bot's own latency, as a user sees it: from an event's arrival to the first streamed chunk (the search
// task that chat.startStream opens with) and to the complete answer (chat.stopStream). The real bot runs in
// this process with its HTTP receiver on a free port and the real engine; each question is a signed
// `app_mention` in a thread of its own, one at a time (the next once the bot is done with the last); the
// Slack Web API is a small local server that answers the methods the bot calls and notes when each stream
// starts and stops. Warm: a few questions are asked first, untimed.
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import type { Embedder } from '../embed/index.ts';
import { nowMs } from './clock.ts';
import { summarize, type LatencySummary } from './stats.ts';

export interface SlackBenchOptions {
  corpusDir: string;
  indexDir: string;
  embedder: Embedder;
  questions: string[];
  /** Asked first and not timed. */
  warmup?: number;
  onProgress?: (label: string, done: number, total: number) => void;
}

export interface SlackFigures {
  /** Questions timed (after the warm-up). */
  events: number;
  /** Event sent → chat.startStream received (the first chunk). */
  firstChunk: LatencySummary;
  /** Event sent → chat.stopStream received (the whole answer). */
  complete: LatencySummary;
}

const BOT_USER = 'UBENCHBOT';

interface StreamTimes {
  startedAt?: number;
  stoppedAt?: number;
  done?: () => void;
  /** The 👀 removed: the bot has finished with this event (the next one is sent only then). */
  idle?: () => void;
}

/** The Web API stand-in: every method answers ok; streams are timed by the thread they answer. */
function webApiRecorder(): { server: Server; threads: Map<string, StreamTimes> } {
  const threads = new Map<string, StreamTimes>();
  const streamThread = new Map<string, string>();
  let nextTs = 1_700_000_000;
  const read = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    if (req.headers['content-type']?.includes('application/json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
    return Object.fromEntries(new URLSearchParams(raw)) as Record<string, unknown>;
  };
  const server = createServer((req, res) => {
    void read(req).then((params) => {
      const at = nowMs();
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
      let reply: Record<string, unknown> = { ok: true };
      if (method === 'auth.test') reply = { ok: true, user_id: BOT_USER, bot_id: 'BBENCH', team_id: 'TBENCH', team: 'bench', user: 'rapporteur' };
      else if (method === 'chat.startStream') {
        const ts = `${nextTs++}.000100`;
        const thread = String(params.thread_ts);
        streamThread.set(ts, thread);
        const times = threads.get(thread) ?? {};
        times.startedAt ??= at;
        threads.set(thread, times);
        reply = { ok: true, channel: params.channel, ts };
      } else if (method === 'chat.stopStream') {
        const times = threads.get(streamThread.get(String(params.ts)) ?? '');
        if (times) {
          times.stoppedAt = at;
          times.done?.();
        }
        reply = { ok: true, channel: params.channel, ts: params.ts };
      } else if (method === 'reactions.remove') {
        threads.get(String(params.timestamp))?.idle?.();
      } else if (method === 'chat.postMessage') reply = { ok: true, channel: params.channel, ts: `${nextTs++}.000200` };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply));
    });
  });
  return { server, threads };
}

function signed(secret: string, body: string): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

export async function runSlackBench(options: SlackBenchOptions): Promise<SlackFigures> {
  // The Slack stage and the engine are loaded only when this part runs.
  const { createAnswerEngine } = await import('../answer/index.ts');
  const { createEngineSlot, createSlackBot, loadSlackEnv } = await import('../slack/index.ts');
  const recorder = webApiRecorder();
  await new Promise<void>((resolve) => recorder.server.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(recorder.server.address() as AddressInfo).port}/api/`;
  const secret = randomBytes(16).toString('hex');
  const engine = await createAnswerEngine({ corpusDir: options.corpusDir, indexDir: options.indexDir, embedder: options.embedder });
  const bot = createSlackBot({
    env: loadSlackEnv({
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: apiUrl,
      PORT: '0',
      RAPPORTEUR_RATE_LIMIT: '1000000',
      RAPPORTEUR_FEEDBACK_FILE: path.join(os.tmpdir(), `rapporteur-bench-feedback-${process.pid}.jsonl`),
    }),
    engine: createEngineSlot(engine),
    logger: pino({ level: 'silent' }),
    // No retries: a call still in flight when the run ends (👀 removed) must not keep the process alive.
    retryConfig: { retries: 0 },
  });
  const { port } = await bot.start();
  const eventsUrl = `http://127.0.0.1:${port}/slack/events`;
  const warmup = options.warmup ?? 3;
  const firstChunk: number[] = [];
  const complete: number[] = [];
  try {
    for (let i = 0; i < options.questions.length; i++) {
      const ts = `${1_800_000_000 + i}.000100`;
      const times: StreamTimes = {};
      const finished = new Promise<void>((resolve) => (times.done = resolve));
      const idle = new Promise<void>((resolve) => (times.idle = resolve));
      recorder.threads.set(ts, times);
      const envelope = {
        type: 'event_callback',
        team_id: 'TBENCH',
        api_app_id: 'ABENCH',
        event_id: `EvBench${i}`,
        event_time: Math.floor(Date.now() / 1000),
        event: { type: 'app_mention', user: 'UBENCH', text: `<@${BOT_USER}> ${options.questions[i]}`, ts, channel: 'CBENCH', event_ts: ts },
        authorizations: [{ team_id: 'TBENCH', user_id: BOT_USER, is_bot: true }],
      };
      const body = JSON.stringify(envelope);
      const sent = nowMs();
      const response = await fetch(eventsUrl, { method: 'POST', headers: signed(secret, body), body });
      if (response.status !== 200) throw new Error(`the bot answered HTTP ${response.status} to a signed event`);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no streamed answer within 60 s')), 60_000)));
      // Timed to the stream's stop; the next event waits until the bot is done with this one (👀 removed).
      await Promise.race([Promise.all([finished, idle]), timeout]).finally(() => clearTimeout(timer));
      if (i >= warmup) {
        firstChunk.push(times.startedAt! - sent);
        complete.push(times.stoppedAt! - sent);
      }
      options.onProgress?.('slack: event → streamed answer', i + 1, options.questions.length);
    }
  } finally {
    await bot.stop();
    recorder.server.closeAllConnections();
    await new Promise<void>((resolve) => recorder.server.close(() => resolve()));
  }
  return { events: firstChunk.length, firstChunk: summarize(firstChunk), complete: summarize(complete) };
}
