// A stand-in for Slack's Web API on 127.0.0.1: answers the methods the bot uses, records every call (and
// every response_url post), can answer chosen methods with failures (429 with Retry-After, HTTP 500, a Slack error
// such as invalid_auth) or hold their answer back, and can serve a Socket Mode WebSocket returned by
// apps.connections.open. Real HTTP, real WebSocket; nothing inside Bolt is faked.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** HTTP status answered (a Slack error such as invalid_auth comes with 200 and `error`). */
  status: number;
  /** The `error` of an `{ ok: false }` answer. */
  error?: string;
}

/** A scripted answer to a Web API call in place of the normal one. */
export interface FailureReply {
  status: number;
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export const BOT_USER_ID = 'UBOT0001';
export const BOT_ID = 'BBOT0001';
export const TEAM_ID = 'T0001';

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // The Web API client form-encodes objects (blocks, view, prompts) as JSON strings.
    try {
      params[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    } catch {
      params[key] = value;
    }
  }
  return params;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export class LocalSlack {
  readonly calls: RecordedCall[] = [];
  private server: Server = createServer((req, res) => void this.handle(req, res));
  private wss?: WebSocketServer;
  private sockets: WebSocket[] = [];
  private failures = new Map<string, { reply: FailureReply; remaining: number }>();
  private held = new Map<string, Array<() => void>>();
  private nextTs = 1_700_000_000;
  /** Messages received on the Socket Mode WebSocket (acks). */
  readonly socketMessages: Array<Record<string, unknown>> = [];
  port = 0;

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  /** Answer the next `times` calls to `method` with HTTP 429 and `Retry-After: retryAfterSeconds`. */
  rateLimit(method: string, times = 1, retryAfterSeconds = 0): void {
    this.fail(method, { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': String(retryAfterSeconds) } }, times);
  }

  /** Answer the next `times` calls to `method` (Infinity: all of them) with `reply` instead of the normal answer. */
  fail(method: string, reply: FailureReply, times = 1): void {
    this.failures.set(method, { reply, remaining: times });
  }

  /** Answer `method` normally again. */
  heal(method: string): void {
    this.failures.delete(method);
  }

  /** Hold back the answers to `method` (the calls are recorded on arrival) until the returned release is called. */
  hold(method: string): () => void {
    this.held.set(method, []);
    return () => {
      const waiting = this.held.get(method) ?? [];
      this.held.delete(method);
      for (const resume of waiting) resume();
    };
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200);
  }

  /** Wait until `predicate` holds over the recorded calls (polling), or fail with what was recorded. */
  async waitFor<T>(predicate: (calls: RecordedCall[]) => T | undefined | false, timeoutMs = 60_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = predicate(this.calls);
      if (result) return result;
      if (Date.now() > deadline) {
        throw new Error(`timed out; recorded: ${this.calls.map((c) => `${c.method}(${c.status})`).join(', ')}`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Start a WebSocket server that apps.connections.open will hand out; it greets with "hello" like Slack. */
  async startSocketMode(): Promise<void> {
    this.wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.wss!.once('listening', () => resolve()));
    this.wss.on('connection', (socket) => {
      this.sockets.push(socket);
      socket.on('message', (data) => this.socketMessages.push(JSON.parse(String(data)) as Record<string, unknown>));
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0001' } }));
    });
  }

  /** Deliver an envelope to every connected Socket Mode client. */
  sendEnvelope(envelope: Record<string, unknown>): void {
    for (const socket of this.sockets) socket.send(JSON.stringify(envelope));
  }

  get socketClients(): number {
    return this.sockets.length;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    if (this.wss) await new Promise<void>((resolve) => this.wss!.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const params = parseBody(raw, req.headers['content-type']);
    // response_url posts are told apart by the id in their path.
    if (url.pathname.startsWith('/respond/')) params.__id = url.pathname.slice('/respond/'.length);
    const method = url.pathname.startsWith('/api/')
      ? url.pathname.slice('/api/'.length)
      : url.pathname.startsWith('/respond/')
        ? 'response_url'
        : url.pathname;
    const failure = this.failures.get(method);
    if (failure && failure.remaining > 0) {
      failure.remaining -= 1;
      const body = failure.reply.body ?? { ok: false, error: 'internal_error' };
      this.calls.push({ method, params, status: failure.reply.status, ...(typeof body.error === 'string' ? { error: body.error } : {}) });
      res.writeHead(failure.reply.status, { 'content-type': 'application/json', ...failure.reply.headers });
      res.end(JSON.stringify(body));
      return;
    }
    this.calls.push({ method, params, status: 200 });
    const waiting = this.held.get(method);
    if (waiting) await new Promise<void>((resume) => waiting.push(resume));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(this.reply(method, params)));
  }

  private reply(method: string, params: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://local.slack.test/', team: 'Local', user: 'rapporteur', team_id: TEAM_ID, user_id: BOT_USER_ID, bot_id: BOT_ID };
      case 'chat.postMessage':
        return { ok: true, channel: params.channel, ts: `${this.nextTs++}.000100`, message: { text: params.text } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${this.nextTs++}.000200` };
      case 'chat.update':
        return { ok: true, channel: params.channel, ts: params.ts };
      case 'conversations.replies':
        return { ok: true, messages: [], has_more: false };
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: 'V0001', ...(params.view as object) } };
      case 'apps.connections.open': {
        const address = this.wss?.address() as AddressInfo | undefined;
        return address ? { ok: true, url: `ws://127.0.0.1:${address.port}/link` } : { ok: false, error: 'not_allowed' };
      }
      case 'response_url':
        return { ok: true };
      default:
        // reactions.add/remove, assistant.threads.setStatus/setTitle/setSuggestedPrompts, …
        return { ok: true };
    }
  }
}
