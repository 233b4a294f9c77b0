// What `rapporteur serve` runs: the bot listens (and acks) at once, the engine loads and the bot token is
// checked behind it, and a rebuilt index is picked up without a restart. Kept out of the CLI file so tests can
// run it in-process.
import type { Logger } from 'pino';
import type { webApi } from '@slack/bolt';
import type { AnswerEngine } from '../answer/index.ts';
import { createSlackBot, type SlackBot } from './app.ts';
import type { AuthRetryOptions } from './authorization.ts';
import { createEngineSlot } from './engine-slot.ts';
import type { SlackEnv } from './env.ts';
import { watchIndex, type IndexWatcher } from './index-watcher.ts';

export interface ServerOptions {
  env: SlackEnv;
  logger: Logger;
  indexDir: string;
  /** Opens (building if missing) the engine; the CLI maps its known failures to one-line errors. */
  openEngine: () => Promise<AnswerEngine & { reload(): Promise<void> }>;
  retryConfig?: webApi.RetryOptions;
  /** Backoff between start-up auth.test attempts. */
  authRetry?: AuthRetryOptions;
  /** How often the index manifest is polled for a rebuild. */
  watchIntervalMs?: number;
}

export interface RunningServer {
  bot: SlackBot;
  port?: number;
  /**
   * Resolves when questions are answered: engine loaded and bot token checked by Slack. Rejects if the engine
   * could not load or Slack refused the token (SlackAuthError); a transient Slack failure only delays it.
   */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { logger } = options;
  const slot = createEngineSlot();
  const bot = createSlackBot({
    env: options.env,
    engine: slot,
    logger,
    ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
    ...(options.authRetry ? { authRetry: options.authRetry } : {}),
  });
  let port: number | undefined;
  let connected: Promise<unknown>;
  if (bot.transport === 'http') {
    // Listen first: a fatal start-up error (port in use) comes before any Web API call or model load.
    ({ port } = await bot.start());
    logger.info({ transport: 'http', port }, `listening on port ${port}, path /slack/events (readiness: GET /healthz)`);
    connected = bot.authorization.start();
  } else {
    connected = bot.start().then(() => logger.info({ transport: 'socket' }, 'connected to Slack with Socket Mode'));
  }

  let stopped = false;
  let watcher: IndexWatcher | undefined;
  const engineLoaded = (async () => {
    const engine = await options.openEngine();
    slot.set(engine);
    if (!stopped) {
      watcher = watchIndex(options.indexDir, () => engine.reload(), {
        logger,
        ...(options.watchIntervalMs ? { intervalMs: options.watchIntervalMs } : {}),
      });
    }
    return engine;
  })();
  engineLoaded.catch((error: unknown) => slot.fail(error instanceof Error ? error : new Error(String(error))));

  const ready = Promise.all([engineLoaded, connected]).then(([engine]) => {
    const info = engine.corpusInfo();
    logger.info({ documents: info.documents.length, passages: info.passageCount, builtAt: info.builtAt }, 'ready: answering questions');
  });
  // Callers await it; this only keeps an unawaited rejection from being reported twice.
  ready.catch(() => undefined);

  return {
    bot,
    ...(port !== undefined ? { port } : {}),
    ready,
    async stop() {
      stopped = true;
      watcher?.close();
      await bot.stop();
    },
  };
}
