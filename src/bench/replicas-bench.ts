// One `rapporteur serve` against two on the same machine, sharing one state store: a burst of distinct
// questions sent at once as signed Events API requests (round robin, as a load balancer would), timed from
// the first request to the last answer delivered (posted or streamed) to a local stand-in for the Web API.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { projectRoot } from '../config.ts';
import { nowMs } from './clock.ts';

export interface ReplicaRun {
  processes: number;
  questions: number;
  /** First request sent → last answer posted, ms. */
  burstMs: number;
  questionsPerSecond: number;
}

export interface ReplicasFigures {
  state: string;
  runs: ReplicaRun[];
  /** Throughput of two processes over one. */
  speedup: number;
}

const SECRET = randomBytes(16).toString('hex');
/**
 * Tells this run's events and threads from those of earlier runs: the state store is shared and durable (a
 * Redis database), and it remembers the event ids and threads it has answered, so a second run with the same
 * ids would be ignored as duplicates and wait forever.
 */
const RUN = randomBytes(4).toString('hex');
/** A burst that has not been answered in this long has failed (a process stuck or events dropped). */
const BURST_TIMEOUT_MS = 180_000;

/** Answers every Web API method with ok and notes the threads answered (posted or streamed). */
class Recorder {
  private server: Server = createServer((req, res) => void this.handle(req, res));
  private ts = 1_900_000_000;
  readonly answered = new Set<string>();
  /** Open streams: their ts → the thread they answer in. */
  private streams = new Map<string, string>();
  private waiters: Array<() => void> = [];
  port = 0;

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const params: Record<string, unknown> = req.headers['content-type']?.includes('json')
      ? (JSON.parse(raw || '{}') as Record<string, unknown>)
      : Object.fromEntries(new URLSearchParams(raw));
    const method = (req.url ?? '').replace(/^\/api\//, '');
    const ts = `${this.ts++}.000100`;
    // An answer is a message posted in the thread, or a reply streamed there (answered when the stream stops).
    if (method === 'chat.startStream' && params.thread_ts) this.streams.set(ts, String(params.thread_ts));
    const answeredThread =
      method === 'chat.postMessage' && params.thread_ts ? String(params.thread_ts) : method === 'chat.stopStream' ? this.streams.get(String(params.ts)) : undefined;
    if (answeredThread) {
      this.answered.add(answeredThread);
      for (const wake of this.waiters.splice(0)) wake();
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    const reply = method === 'auth.test' ? { ok: true, user_id: 'UBENCH', bot_id: 'BBENCH', team_id: 'TBENCH' } : { ok: true, ts, channel: params.channel };
    res.end(JSON.stringify(reply));
  }
}

interface Serve {
  child: ChildProcess;
  port: number;
}

function startServe(options: { corpusDir: string; indexDir: string; state: string; apiUrl: string; workDir: string }): Promise<Serve> {
  const child = spawn(process.execPath, [path.join(projectRoot, 'bin', 'rapporteur.js'), 'serve', '--corpus', options.corpusDir, '--index', options.indexDir], {
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_APP_TOKEN: '',
      SLACK_API_URL: options.apiUrl,
      PORT: '0',
      RAPPORTEUR_STATE: options.state,
      RAPPORTEUR_RATE_LIMIT: '100000',
      RAPPORTEUR_FEEDBACK_FILE: path.join(options.workDir, 'no-feedback.jsonl'),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let port = 0;
    let out = '';
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const lines = out.split('\n');
      out = lines.pop() ?? '';
      for (const line of lines) {
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg?.startsWith('listening on port')) port = entry.port ?? 0;
        if (entry.msg === 'ready: answering questions') resolve({ child, port });
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before it was ready: ${err.trim().split('\n').at(-1) ?? ''}`)));
  });
}

async function stopServe(serve: Serve): Promise<void> {
  if (serve.child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    serve.child.once('exit', () => resolve());
    serve.child.kill('SIGTERM');
  });
}

function signedEvent(port: number, text: string, ts: string): Promise<Response> {
  const body = JSON.stringify({
    token: 'legacy', team_id: 'TBENCH', api_app_id: 'ABENCH', type: 'event_callback', event_id: `EvBench${RUN}${ts.replace('.', '')}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'app_mention', user: `UQ${ts.split('.')[0]}`, text: `<@UBENCH> ${text}`, ts, channel: `CBENCH${RUN.toUpperCase()}`, event_ts: ts },
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
    body,
  });
}

async function burst(recorder: Recorder, ports: number[], questions: string[], firstTs: number): Promise<number> {
  const threads = questions.map((_, i) => `${firstTs + i}.000100`);
  const started = nowMs();
  await Promise.all(questions.map((text, i) => signedEvent(ports[i % ports.length]!, text, threads[i]!)));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const missing = threads.filter((ts) => !recorder.answered.has(ts)).length;
      reject(new Error(`replicas bench: ${missing} of ${threads.length} questions unanswered after ${BURST_TIMEOUT_MS / 1000} s`));
    }, BURST_TIMEOUT_MS);
  });
  try {
    while (!threads.every((ts) => recorder.answered.has(ts))) await Promise.race([recorder.changed(), timeout]);
  } finally {
    clearTimeout(timer);
  }
  return nowMs() - started;
}

export async function runReplicasBench(options: {
  corpusDir: string;
  indexDir: string;
  /** RAPPORTEUR_STATE both processes share (a Redis URL, or one SQLite file). */
  state: string;
  workDir: string;
  questions: string[];
  onProgress?: (label: string, done: number, total: number) => void;
}): Promise<ReplicasFigures> {
  const recorder = new Recorder();
  await recorder.start();
  const apiUrl = `http://127.0.0.1:${recorder.port}/api/`;
  const runs: ReplicaRun[] = [];
  try {
    for (const processes of [1, 2]) {
      options.onProgress?.(`replicas: ${processes} process${processes > 1 ? 'es' : ''}`, 0, 1);
      const serves = await Promise.all(Array.from({ length: processes }, () => startServe({ ...options, apiUrl })));
      try {
        // One question first, untimed: the first answer of a process pays for warming up.
        await burst(recorder, serves.map((s) => s.port), Array(processes).fill(options.questions[0]!), 1_000_000 * processes);
        const burstMs = await burst(recorder, serves.map((s) => s.port), options.questions, 1_000_000 * processes + 1000);
        runs.push({ processes, questions: options.questions.length, burstMs, questionsPerSecond: options.questions.length / (burstMs / 1000) });
      } finally {
        await Promise.all(serves.map(stopServe));
      }
      options.onProgress?.(`replicas: ${processes} process${processes > 1 ? 'es' : ''}`, 1, 1);
    }
  } finally {
    await recorder.stop();
  }
  return { state: options.state.replace(/\/\/[^@/]*@/, '//***@'), runs, speedup: runs[1]!.questionsPerSecond / runs[0]!.questionsPerSecond };
}
