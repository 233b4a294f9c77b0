// The HTTP server in front of Bolt's HTTPReceiver. For POSTs to the events endpoint it refuses, before Bolt
// sees them, in this order:
//   - a declared Content-Length over the limit → 413 at once, nothing kept; bytes are counted as they come and
//     a body that grows over the limit → 413, the rest thrown away, the connection closed;
//   - |now − x-slack-request-timestamp| > 5 minutes, either way → 401 (Bolt refuses only the past ones, so a
//     signed request captured now could be replayed for ever if it was stamped in the future);
//   - a bad signature (Bolt's own verifySlackRequest) → 401 — checked before the body is parsed at all;
//   - a signed body that is not a JSON object (`null`, `payload=null`, an array, malformed) → 400 (Bolt reads
//     `body.ssl_check` of whatever it parsed, and a `null` there threw outside its handlers: no answer ever);
//   - any event while the bot's Slack authorization is not ready → 503 with a JSON reason, so that Slack
//     delivers it again later instead of it being acked and lost (url_verification and ssl_check pass: they
//     need no token);
// then hands the request to the receiver. Other paths (/healthz, a custom route) go straight to the receiver.
//
// It relies on three things of Bolt 5's HTTPReceiver, all covered by test/slack/operating.test.ts:
//   - `requestListener` (public) handles one request, as HTTPReceiver#start's own server does;
//   - a request that already carries its body as `rawBody` (Bolt's exported BufferedIncomingMessage) is not
//     read again (HTTPModuleFunctions.bufferIncomingMessage);
//   - an unknown path makes it throw HTTPReceiverDeferredRequestError, answered 404 here as Bolt does.
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { ErrorCode, verifySlackRequest } from '@slack/bolt';
import type { Logger } from 'pino';

/** Slack's own payloads are a few kilobytes; nothing legitimate comes near this. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/** How long a refused over-long body may still be sent (and thrown away) before the connection is closed. */
const DRAIN_MS = 2000;
/** Slack's rule: a request timestamp more than five minutes from now, in either direction, is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;
/** How long an event waits for a Slack authorization check in flight before it is refused with 503. */
const AUTH_WAIT_MS = 2000;

export interface GuardOptions {
  /** The receiver's endpoint (Bolt's default `/slack/events`). */
  endpoint: string;
  signingSecret: string;
  /** Bolt's HTTPReceiver#requestListener. */
  requestListener: RequestListener;
  /** True once Slack authorization is ready, waiting at most `ms` for a check in flight. */
  slackReady(ms: number): Promise<boolean>;
  /** Why it is not ready, for the 503 body. */
  slackStatus(): string;
  logger: Logger;
  bodyLimit?: number;
  now?: () => number;
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    reason: string,
  ) {
    super(reason);
  }
}

function refuse(res: ServerResponse, status: number, body?: Record<string, unknown>): void {
  if (res.headersSent) return;
  res.writeHead(status, body ? { 'content-type': 'application/json' } : {});
  res.end(body ? JSON.stringify(body) : undefined);
}

/** The body, counted as it arrives; rejects with a 413 Refusal as soon as it passes `limit` (or declares more). */
function readLimited(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new Refusal(413, `declared body of ${declared} bytes`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        chunks.length = 0;
        reject(new Refusal(413, `body over ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return typeof value === 'string' ? value : '';
}

/** The body as Bolt will parse it (JSON, or a form whose `payload` is JSON); a 400 Refusal unless it is an object. */
function parsedObject(raw: string, contentType: string): Record<string, unknown> {
  let body: unknown;
  try {
    if (contentType.includes('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams(raw);
      const payload = form.get('payload');
      body = payload !== null ? JSON.parse(payload) : Object.fromEntries(form);
    } else {
      body = JSON.parse(raw);
    }
  } catch {
    throw new Refusal(400, 'malformed body');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Refusal(400, 'body is not a JSON object');
  return body as Record<string, unknown>;
}

export function createGuardedServer(options: GuardOptions): Server {
  const limit = options.bodyLimit ?? BODY_LIMIT_BYTES;
  const now = options.now ?? Date.now;
  const log = options.logger.child({ component: 'http' });

  const handOver = (req: IncomingMessage, res: ServerResponse) => {
    try {
      options.requestListener(req, res);
    } catch (error) {
      const unknownPath = (error as { code?: string }).code === ErrorCode.HTTPReceiverDeferredRequestError;
      if (!unknownPath) log.error({ err: error }, 'request failed');
      refuse(res, unknownPath ? 404 : 500);
    }
  };

  const guardEvent = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readLimited(req, limit);
    const text = raw.toString('utf8');
    const contentType = header(req, 'content-type');
    // Slack's ssl_check is unsigned; Bolt answers it and drops anything else in the body.
    const sslCheck = contentType.includes('application/x-www-form-urlencoded') && new URLSearchParams(text).get('ssl_check') === '1';
    if (!sslCheck) {
      const timestamp = Number(header(req, 'x-slack-request-timestamp'));
      if (!Number.isInteger(timestamp) || Math.abs(Math.floor(now() / 1000) - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
        throw new Refusal(401, 'request timestamp missing or more than 5 minutes from now');
      }
      try {
        verifySlackRequest({
          signingSecret: options.signingSecret,
          body: text,
          headers: { 'x-slack-signature': header(req, 'x-slack-signature'), 'x-slack-request-timestamp': timestamp },
          nowMilliseconds: now(),
        });
      } catch {
        throw new Refusal(401, 'bad signature');
      }
    }
    // url_verification (and ssl_check) need no token: Bolt answers them itself.
    if (!sslCheck && parsedObject(text, contentType).type !== 'url_verification' && !(await options.slackReady(AUTH_WAIT_MS))) {
      log.warn({ slack: options.slackStatus() }, 'event refused with 503: Slack authorization not ready');
      refuse(res, 503, { ok: false, reason: `Slack authorization ${options.slackStatus()}` });
      return;
    }
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
    handOver(req, res);
  };

  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || path !== options.endpoint) {
      handOver(req, res);
      return;
    }
    guardEvent(req, res).catch((error: unknown) => {
      if (error instanceof Refusal) {
        log.warn({ status: error.status, reason: error.message }, 'request refused');
        // A body refused unread: discard what the client still sends (nothing is kept) so that it can read the
        // 413 (a `Connection: close` would make Node close the socket under its writes), and close the
        // connection DRAIN_MS later at the latest.
        const tooLarge = error.status === 413;
        refuse(res, error.status);
        if (tooLarge) {
          req.resume();
          setTimeout(() => req.socket.destroy(), DRAIN_MS).unref();
        }
        return;
      }
      log.error({ err: error }, 'request failed');
      refuse(res, 500);
    });
  });
}
