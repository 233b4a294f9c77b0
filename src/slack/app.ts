// Wiring only: build the Bolt App with the right receiver (Socket Mode when an app token is set, the HTTP
// receiver on PORT otherwise), add the global middleware and the listeners, start and stop it.
import type { AddressInfo } from 'node:net';
import { App, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { createAnswerCache } from './answer-cache.ts';
import { dedupeEvents } from './dedupe.ts';
import type { PassageLink } from './blocks/index.ts';
import type { SlackDeps } from './deps.ts';
import type { EngineSlot } from './engine-slot.ts';
import type { SlackEnv } from './env.ts';
import { createFeedbackStore } from './feedback-store.ts';
import { ignoreNoise } from './filters.ts';
import { registerListeners } from './listeners/index.ts';
import { boltLogger } from './logger.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { mountReader, type ReaderOptions } from './reader-mount.ts';
import { reconnectPromptly, type Reconnector } from './socket-reconnect.ts';
import { createMemoryStore, type StateStore } from '../state/index.ts';

export interface SlackBotOptions {
  env: SlackEnv;
  engine: EngineSlot;
  logger: Logger;
  /** Where conversations, answers, event ids, rate limits and feedback live; in memory when not given. */
  state?: StateStore;
  /** Web API retry policy (429s and network errors); tests pass a fast one. */
  retryConfig?: webApi.RetryOptions;
  /** The report reader that citations link to (served when its config has a secret). */
  reader?: ReaderOptions;
  /** Public links to passages, shown as the sources of streamed answers (default: the reader's, when on). */
  passageLink?: PassageLink;
}

export interface SlackBot {
  app: App;
  deps: SlackDeps;
  transport: 'socket' | 'http';
  /** Start receiving; resolves with the HTTP port (HTTP receiver) once listening or connected, and the reader's own port (Socket Mode). */
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
  const deps: SlackDeps = {
    engine: options.engine,
    feedback: createFeedbackStore(state),
    limiter: createRateLimiter({ state, limit: env.RAPPORTEUR_RATE_LIMIT }),
    answers: createAnswerCache(state),
    state,
    logger,
    ...(reader?.links ? { links: reader.links } : {}),
    streaming: env.RAPPORTEUR_STREAMING === 'on',
    ...(passageLink ? { passageLink } : {}),
  };
  const clientOptions: webApi.WebClientOptions = {
    retryConfig: options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
    ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
  };
  const log = boltLogger(logger);

  // The Socket Mode client opens its connection with its own Web API client (apps.connections.open): its
  // options come through installerOptions.clientOptions. Its own reconnect waits 5 s: socket-reconnect.ts.
  const socketReceiver =
    transport === 'socket'
      ? new SocketModeReceiver({ appToken: env.SLACK_APP_TOKEN!, logger: log, installerOptions: { clientOptions }, autoReconnectEnabled: false })
      : undefined;
  const reconnector: Reconnector | undefined = socketReceiver && reconnectPromptly(socketReceiver.client, logger);
  const app =
    socketReceiver
      ? new App({ token: env.SLACK_BOT_TOKEN, logger: log, clientOptions, receiver: socketReceiver })
      : new App({
          token: env.SLACK_BOT_TOKEN,
          signingSecret: env.SLACK_SIGNING_SECRET!, // required by env.ts when there is no app token
          logger: log,
          clientOptions,
          // Ack first, answer after: answers take longer than Slack's 3 s.
          processBeforeResponse: false,
          // The report reader, /r/<document>, on the same port.
          customRoutes: reader?.customRoutes ?? [],
        });

  app.use(dedupeEvents(state.dedupe));
  app.use(ignoreNoise);
  registerListeners(app, deps);
  app.error(async (error) => {
    // Log and carry on: a failed Web API call or a bad payload must never take the bot down.
    logger.error({ err: error, code: error.code }, 'unhandled error in a listener');
  });

  return {
    app,
    deps,
    transport,
    async start() {
      if (transport === 'socket') {
        await app.start();
        const readerPort = await reader?.start();
        return readerPort === undefined ? {} : { readerPort };
      }
      const server = await app.start(env.PORT);
      return { port: (server.address() as AddressInfo).port };
    },
    async stop() {
      await reader?.stop();
      reconnector?.stop();
      await app.stop();
    },
  };
}
