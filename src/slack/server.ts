// What `rapporteur serve` runs: the bot listens (and acks) at once, the engine loads behind it, and a rebuilt
// index is picked up without a restart. Kept out of the CLI file so tests can run it in-process.
import type { Logger } from 'pino';
import type { webApi } from '@slack/bolt';
import type { AnswerEngine } from '../answer/index.ts';
import type { ReaderConfig, ReaderCorpus } from '../reader/index.ts';
import { createSlackBot, type SlackBot } from './app.ts';
import { createEngineSlot } from './engine-slot.ts';
import type { SlackEnv } from './env.ts';
import { watchIndex, type IndexWatcher } from './index-watcher.ts';

export interface ServerOptions {
  env: SlackEnv;
  logger: Logger;
  indexDir: string;
  /** Opens (building if missing) the engine; the CLI maps its known failures to one-line errors. */
  openEngine: () => Promise<AnswerEngine & { reload(): Promise<void>; current(): ReaderCorpus }>;
  /** The report reader's settings (RAPPORTEUR_PUBLIC_URL…); it shows the passages the engine serves. */
  reader?: ReaderConfig;
  retryConfig?: webApi.RetryOptions;
  /** How often the index manifest is polled for a rebuild. */
  watchIntervalMs?: number;
}

export interface RunningServer {
  bot: SlackBot;
  port?: number;
  /** The reader's own port (Socket Mode with the reader on). */
  readerPort?: number;
  /** Resolves when questions are answered (engine loaded); rejects if it could not load. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { logger } = options;
  const slot = createEngineSlot();
  let served: { current(): ReaderCorpus } | undefined;
  const bot = createSlackBot({
    env: options.env,
    engine: slot,
    logger,
    ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
    ...(options.reader ? { reader: { config: options.reader, source: () => served?.current() } } : {}),
  });
  const { port, readerPort } = await bot.start();
  logger.info(
    { transport: bot.transport, port },
    bot.transport === 'socket' ? 'connected to Slack with Socket Mode' : `listening on port ${port}, path /slack/events`,
  );
  if (options.reader?.secret) {
    const where = readerPort ?? port;
    logger.info(
      { readerPort: where, publicUrl: options.reader.publicUrl },
      options.reader.publicUrl
        ? `report reader on port ${where}, path /r/<document>; citations link to ${options.reader.publicUrl}/r/…`
        : `report reader on port ${where}, path /r/<document>; citations are not links (RAPPORTEUR_PUBLIC_URL is not set)`,
    );
  }

  let watcher: IndexWatcher | undefined;
  const ready = (async () => {
    const engine = await options.openEngine();
    slot.set(engine);
    served = engine;
    const info = engine.corpusInfo();
    logger.info({ documents: info.documents.length, passages: info.passageCount, builtAt: info.builtAt }, 'ready: answering questions');
    watcher = watchIndex(options.indexDir, () => engine.reload(), {
      logger,
      ...(options.watchIntervalMs ? { intervalMs: options.watchIntervalMs } : {}),
    });
  })();
  ready.catch((error: unknown) => slot.fail(error instanceof Error ? error : new Error(String(error))));

  return {
    bot,
    ...(port !== undefined ? { port } : {}),
    ...(readerPort !== undefined ? { readerPort } : {}),
    ready,
    async stop() {
      watcher?.close();
      await bot.stop();
    },
  };
}
