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
  status: number;
  /** Set when the stand-in answered `{ ok: false, error }`. */
  error?: string;
}

/** A scripted answer to a Web API call in place of the normal one. */
export interface FailureReply {
  status: number;
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** One Socket Mode connection as the stand-in saw it: when it opened (hello sent) and closed. */
export interface SocketConnection {
  openedAt: number;
  closedAt?: number;
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
  private holds = new Map<string, number>();
  private heldUntilReleased = new Map<string, Array<() => void>>();
  private nextTs = 1_700_000_000;
  /** Messages received on the Socket Mode WebSocket (acks). */
  readonly socketMessages: Array<Record<string, unknown>> = [];
  /** Every Socket Mode connection, in order, with its open and close times. */
  readonly connections: SocketConnection[] = [];
  /** Envelopes sent and not yet acked: like Slack, they are delivered again on the next connection. */
  private unacked = new Map<string, Record<string, unknown>>();
  /** Methods answered with `{ ok: false, error }` (no retry: a platform error). */
  private errors = new Map<string, { error: string; times: number }>();
  /** Open chat streams by ts: the chunks appended so far and whether stopped. */
  readonly streams = new Map<string, { channel: unknown; thread_ts: unknown; chunks: Array<Record<string, unknown>>; stopped: boolean }>();
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

  /** Answer `method` normally again (after fail or rateLimit). */
  heal(method: string): void {
    this.failures.delete(method);
  }

  /** Hold back the answers to `method` (the calls are recorded on arrival) until the returned release is called. */
  holdUntilReleased(method: string): () => void {
    this.heldUntilReleased.set(method, []);
    return () => {
      const waiting = this.heldUntilReleased.get(method) ?? [];
      this.heldUntilReleased.delete(method);
      for (const resume of waiting) resume();
    };
  }

  /** Answer the next `times` calls to `method` with `{ ok: false, error }` (HTTP 200, as Slack does). */
  failWith(method: string, error: string, times = 1): void {
    this.errors.set(method, { error, times });
  }

  /** Leave the next `times` calls to `method` unanswered (recorded with status 0), as a process stuck mid-call. */
  hold(method: string, times = 1): void {
    this.holds.set(method, times);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200 && !c.error);
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
      const connection: SocketConnection = { openedAt: performance.now() };
      this.connections.push(connection);
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as Record<string, unknown>;
        this.socketMessages.push(message);
        if (typeof message.envelope_id === 'string') this.unacked.delete(message.envelope_id);
      });
      socket.on('close', () => {
        connection.closedAt = performance.now();
        this.sockets = this.sockets.filter((s) => s !== socket);
      });
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0001' } }));
      // Slack retries what was not acked on a connection that closed, on the next one.
      for (const [id, envelope] of this.unacked) {
        const retried = { ...envelope, retry_attempt: Number(envelope.retry_attempt ?? 0) + 1, retry_reason: 'timeout' };
        this.unacked.set(id, retried);
        socket.send(JSON.stringify(retried));
      }
    });
  }

  /** Deliver an envelope to the connected Socket Mode clients (or, with none open, on the next connection). */
  sendEnvelope(envelope: Record<string, unknown>): void {
    if (typeof envelope.envelope_id === 'string') this.unacked.set(envelope.envelope_id, envelope);
    for (const socket of this.sockets) if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(envelope));
  }

  /** What Slack sends before it recycles a connection: `{ type: "disconnect", reason }`. */
  sendDisconnect(reason = 'refresh_requested'): void {
    for (const socket of this.sockets) socket.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'local-stand-in' } }));
  }

  /** Deliver an envelope to one Socket Mode client only (Slack picks one of the app's connections). */
  sendEnvelopeTo(client: number, envelope: Record<string, unknown>): void {
    this.sockets[client]?.send(JSON.stringify(envelope));
  }

  get socketClients(): number {
    return this.sockets.filter((s) => s.readyState === s.OPEN).length;
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
    const held = this.holds.get(method) ?? 0;
    if (held > 0) {
      this.holds.set(method, held - 1);
      this.calls.push({ method, params, status: 0 });
      return; // no response; stop() closes the connection
    }
    const failure = this.failures.get(method);
    if (failure && failure.remaining > 0) {
      failure.remaining -= 1;
      const body = failure.reply.body ?? { ok: false, error: 'internal_error' };
      this.calls.push({ method, params, status: failure.reply.status, ...(typeof body.error === 'string' ? { error: body.error } : {}) });
      res.writeHead(failure.reply.status, { 'content-type': 'application/json', ...failure.reply.headers });
      res.end(JSON.stringify(body));
      return;
    }
    const waiting = this.heldUntilReleased.get(method);
    if (waiting) {
      this.calls.push({ method, params, status: 200 });
      await new Promise<void>((resume) => waiting.push(resume));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(this.reply(method, params)));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    const error = this.errors.get(method);
    if (error && error.times > 0) {
      error.times -= 1;
      this.calls.push({ method, params, status: 200, error: error.error });
      res.end(JSON.stringify({ ok: false, error: error.error }));
      return;
    }
    this.calls.push({ method, params, status: 200 });
    res.end(JSON.stringify(this.reply(method, params)));
  }

  private chunksOf(params: Record<string, unknown>): Array<Record<string, unknown>> {
    const chunks = Array.isArray(params.chunks) ? (params.chunks as Array<Record<string, unknown>>) : [];
    return typeof params.markdown_text === 'string' ? [{ type: 'markdown_text', text: params.markdown_text }, ...chunks] : chunks;
  }

  private reply(method: string, params: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://local.slack.test/', team: 'Local', user: 'rapporteur', team_id: TEAM_ID, user_id: BOT_USER_ID, bot_id: BOT_ID };
      case 'chat.postMessage':
        return { ok: true, channel: params.channel, ts: `${this.nextTs++}.000100`, message: { text: params.text } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${this.nextTs++}.000200` };
      case 'chat.startStream': {
        const ts = `${this.nextTs++}.000300`;
        this.streams.set(ts, { channel: params.channel, thread_ts: params.thread_ts, chunks: [...this.chunksOf(params)], stopped: false });
        return { ok: true, channel: params.channel, ts };
      }
      case 'chat.appendStream':
      case 'chat.stopStream': {
        const stream = this.streams.get(String(params.ts));
        if (!stream || stream.stopped) return { ok: false, error: 'message_not_in_streaming_state' };
        stream.chunks.push(...this.chunksOf(params));
        if (method === 'chat.stopStream') stream.stopped = true;
        return { ok: true, channel: params.channel, ts: params.ts };
      }
      case 'chat.update':
        return { ok: true, channel: params.channel, ts: params.ts };
      case 'conversations.history': {
        // What the bot posted or streamed in that conversation, newest first.
        const messages = this.calls
          .filter((c) => !c.error && (c.method === 'chat.postMessage' || c.method === 'chat.startStream') && c.params.channel === params.channel)
          .map((c) => ({ type: 'message', user: BOT_USER_ID, text: c.params.text ?? '' }))
          .reverse();
        return { ok: true, messages: messages.slice(0, Number(params.limit ?? 100)), has_more: false };
      }
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
