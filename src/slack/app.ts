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
import { createSeenSet, dedupeEvents } from './dedupe.ts';
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

const EVENTS_PATH = '/slack/events';

export interface SlackBotOptions {
  env: SlackEnv;
  engine: EngineSlot;
  logger: Logger;
  /** Web API retry policy (429s and network errors); tests pass a fast one. */
  retryConfig?: webApi.RetryOptions;
  /** Backoff between start-up auth.test attempts; tests pass a fast one. */
  authRetry?: AuthRetryOptions;
}

export interface SlackBot {
  app: App;
  deps: SlackDeps;
  transport: 'socket' | 'http';
  authorization: SlackAuthorization;
  /**
   * HTTP: listen (a port in use rejects here, before any Web API call), then check the token in the background.
   * Socket Mode: check the token (retrying), then connect. Resolves with the HTTP port once listening or connected.
   */
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

export function createSlackBot(options: SlackBotOptions): SlackBot {
  const { env, logger } = options;
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
    feedback: createFeedbackStore(env.RAPPORTEUR_FEEDBACK_FILE),
    limiter: createRateLimiter({ limit: env.RAPPORTEUR_RATE_LIMIT }),
    answers: createAnswerCache(),
    // Its own queue, no retries, 429s rejected at once: a rate-limited or failing 👀 is dropped, never waited
    // for, and never pauses the queue the answers go through (the Web API client pauses its whole queue for
    // a 429's Retry-After).
    decorations: new webApi.WebClient(env.SLACK_BOT_TOKEN, { ...clientOptions, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true }),
    logger,
  };
  const log = boltLogger(logger);
  const transport = env.SLACK_APP_TOKEN ? 'socket' : 'http';

  // No `token`: Bolt would call auth.test once in its constructor and cache a failure for ever (issue 13, D1).
  const receiver =
    transport === 'socket'
      ? // The Socket Mode client opens its connection with its own Web API client (apps.connections.open):
        // its options come through installerOptions.clientOptions.
        new SocketModeReceiver({ appToken: env.SLACK_APP_TOKEN!, logger: log, installerOptions: { clientOptions } })
      : new HTTPReceiver({
          signingSecret: env.SLACK_SIGNING_SECRET!, // required by env.ts when there is no app token
          endpoints: EVENTS_PATH,
          logger: log,
          // Ack first, answer after: answers take longer than Slack's 3 s.
          processBeforeResponse: false,
          // The guard refuses bigger bodies first; the same limit here in case a request reaches Bolt directly.
          bodyLimit: BODY_LIMIT_BYTES,
          customRoutes: [healthRoute(deps.engine, authorization)],
        });
  const app = new App({ receiver, authorize: authorization.authorize, logger: log, clientOptions });

  app.use(dedupeEvents(createSeenSet()));
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
    async start() {
      if (receiver instanceof SocketModeReceiver) {
        await authorization.start();
        await app.start();
        return {};
      }
      server = createGuardedServer({
        endpoint: EVENTS_PATH,
        signingSecret: env.SLACK_SIGNING_SECRET!,
        requestListener: receiver.requestListener,
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
      if (receiver instanceof SocketModeReceiver) {
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
