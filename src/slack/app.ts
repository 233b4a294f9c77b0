// Wiring only: build the Bolt App with the right receiver (Socket Mode when an app token is set, the HTTP
// receiver behind the request guard on PORT otherwise), the bot's own Slack authorization, the global
// middleware and the listeners; start and stop it.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { createAnswerCache } from './answer-cache.ts';
import { createSlackAuthorization, type AuthRetryOptions, type SlackAuthorization } from './authorization.ts';
import { dedupeEvents } from './dedupe.ts';
import type { PassageLink } from './blocks/index.ts';
import type { SlackDeps } from './deps.ts';
import type { EngineSlot } from './engine-slot.ts';
import type { SlackEnv } from './env.ts';
import { createFeedbackStore } from './feedback-store.ts';
import { ignoreNoise } from './filters.ts';
import { healthRoute } from './health.ts';
import { BODY_LIMIT_BYTES, createGuardedServer } from './http-guard.ts';
import { registerListeners } from './listeners/index.ts';
import { boltLogger } from './logger.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { mountReader, type ReaderOptions } from './reader-mount.ts';
import { reconnectPromptly, type Reconnector } from './socket-reconnect.ts';
import { createMemoryStore, type StateStore } from '../state/index.ts';

const EVENTS_PATH = '/slack/events';

export interface SlackBotOptions {
  env: SlackEnv;
  engine: EngineSlot;
  logger: Logger;
  /** Where conversations, answers, event ids, rate limits and feedback live; in memory when not given. */
  state?: StateStore;
  /** Web API retry policy (429s and network errors); tests pass a fast one. */
  retryConfig?: webApi.RetryOptions;
  /** Backoff between start-up auth.test attempts; tests pass a fast one. */
  authRetry?: AuthRetryOptions;
  /** The report reader that citations link to (served when its config has a secret). */
  reader?: ReaderOptions;
  /** Public links to passages, shown as the sources of streamed answers (default: the reader's, when on). */
  passageLink?: PassageLink;
}

export interface SlackBot {
  app: App;
  deps: SlackDeps;
  transport: 'socket' | 'http';
  authorization: SlackAuthorization;
  /** A Web API client with the bot token, for work outside a listener (the App itself has no token). */
  client: webApi.WebClient;
  /**
   * HTTP: listen (a port in use rejects here, before any Web API call), then check the token in the background.
   * Socket Mode: check the token (retrying), then connect. Resolves with the HTTP port once listening or
   * connected, and the reader's own port (Socket Mode).
   */
  start(): Promise<{ port?: number; readerPort?: number }>;
  stop(): Promise<void>;
}

export function createSlackBot(options: SlackBotOptions): SlackBot {
  const { env, logger } = options;
  const state = options.state ?? createMemoryStore();
  const transport = env.SLACK_APP_TOKEN ? 'socket' : 'http';
  const reader = options.reader ? mountReader(options.reader, transport, logger) : undefined;
  // The reader's links are also the sources of streamed reading tasks, unless the caller brings its own.
  const readerLinks = reader?.links;
  const passageLink: PassageLink | undefined = options.passageLink ?? (readerLinks ? (p) => readerLinks.passage(p) : undefined);
  const clientOptions: webApi.WebClientOptions = {
    retryConfig: options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
    ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
  };
  const authorization = createSlackAuthorization({
    token: env.SLACK_BOT_TOKEN,
    clientOptions,
    logger,
    ...(options.authRetry ? { retry: options.authRetry } : {}),
  });
  const deps: SlackDeps = {
    engine: options.engine,
    feedback: createFeedbackStore(state),
    limiter: createRateLimiter({ state, limit: env.RAPPORTEUR_RATE_LIMIT }),
    answers: createAnswerCache(state),
    state,
    // Its own queue, no retries, 429s rejected at once: a rate-limited or failing 👀 is dropped, never waited
    // for, and never pauses the queue the answers go through (the Web API client pauses its whole queue for
    // a 429's Retry-After).
    decorations: new webApi.WebClient(env.SLACK_BOT_TOKEN, { ...clientOptions, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true }),
    logger,
    ...(reader?.links ? { links: reader.links } : {}),
    streaming: env.RAPPORTEUR_STREAMING === 'on',
    ...(passageLink ? { passageLink } : {}),
  };
  const log = boltLogger(logger);

  // No `token` for the App: Bolt would call auth.test once in its constructor and cache a failure for ever
  // (issue 13, D1); it gets authorization.ts's `authorize` instead.
  // The Socket Mode client opens its connection with its own Web API client (apps.connections.open): its
  // options come through installerOptions.clientOptions. Its own reconnect waits 5 s: socket-reconnect.ts.
  const socketReceiver =
    transport === 'socket'
      ? new SocketModeReceiver({ appToken: env.SLACK_APP_TOKEN!, logger: log, installerOptions: { clientOptions }, autoReconnectEnabled: false })
      : undefined;
  const reconnector: Reconnector | undefined = socketReceiver && reconnectPromptly(socketReceiver.client, logger);
  const httpReceiver = socketReceiver
    ? undefined
    : new HTTPReceiver({
        signingSecret: env.SLACK_SIGNING_SECRET!, // required by env.ts when there is no app token
        endpoints: EVENTS_PATH,
        logger: log,
        // Ack first, answer after: answers take longer than Slack's 3 s.
        processBeforeResponse: false,
        // The guard refuses bigger bodies first; the same limit here in case a request reaches Bolt directly.
        bodyLimit: BODY_LIMIT_BYTES,
        // Readiness, and the report reader (/r/<document>) on the same port.
        customRoutes: [healthRoute(deps.engine, authorization), ...(reader?.customRoutes ?? [])],
      });
  const app = new App({ receiver: (socketReceiver ?? httpReceiver)!, authorize: authorization.authorize, logger: log, clientOptions });

  app.use(dedupeEvents(state.dedupe));
  app.use(ignoreNoise);
  registerListeners(app, deps);
  app.error(async (error) => {
    // Log and carry on: a failed Web API call or a bad payload must never take the bot down.
    logger.error({ err: error, code: error.code }, 'unhandled error in a listener');
  });

  let server: Server | undefined;
  return {
    app,
    deps,
    transport,
    authorization,
    client: new webApi.WebClient(env.SLACK_BOT_TOKEN, clientOptions),
    async start() {
      if (!httpReceiver) {
        await authorization.start();
        await reconnector!.connect(() => app.start());
        const readerPort = await reader?.start();
        return readerPort === undefined ? {} : { readerPort };
      }
      server = createGuardedServer({
        endpoint: EVENTS_PATH,
        signingSecret: env.SLACK_SIGNING_SECRET!,
        requestListener: httpReceiver.requestListener,
        slackReady: (ms) => authorization.waitReady(ms),
        slackStatus: () => authorization.status(),
        logger,
      });
      server.listen(env.PORT);
      await once(server, 'listening');
      // Whoever awaits authorization.start() (startServer) reports a refused token.
      authorization.start().catch(() => undefined);
      return { port: (server.address() as AddressInfo).port };
    },
    async stop() {
      authorization.stop();
      await reader?.stop();
      reconnector?.stop();
      if (socketReceiver) {
        await app.stop();
        return;
      }
      if (!server?.listening) return;
      const closing = once(server, 'close');
      server.close();
      server.closeIdleConnections();
      await closing;
    },
  };
}
