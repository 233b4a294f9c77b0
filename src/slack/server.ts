// What `rapporteur serve` runs: the bot listens (and acks) at once, the engine loads behind it, and a rebuilt
// index is picked up without a restart. Kept out of the CLI file so tests can run it in-process.
import type { Logger } from 'pino';
import type { webApi } from '@slack/bolt';
import type { AnswerEngine, ConversationStore } from '../answer/index.ts';
import type { ReaderConfig, ReaderCorpus } from '../reader/index.ts';
import { importLegacyFeedback, openStateStore, type StateStore } from '../state/index.ts';
import { answerAt } from './answering.ts';
import { createSlackBot, type SlackBot } from './app.ts';
import { createEngineSlot } from './engine-slot.ts';
import type { SlackEnv } from './env.ts';
import { recoverAbandoned, type Abandoned, type Recovery } from './in-flight.ts';
import { watchIndex, type IndexWatcher } from './index-watcher.ts';
import { reactionSignal, threadPlace } from './listeners/places.ts';

export interface ServerOptions {
  env: SlackEnv;
  logger: Logger;
  indexDir: string;
  /**
   * Opens (building if missing) the engine on the state store's conversations; the CLI maps its known
   * failures to one-line errors.
   */
  openEngine: (conversations: ConversationStore) => Promise<AnswerEngine & { reload(): Promise<void>; current(): ReaderCorpus }>;
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

/** Answer a question another process left in flight, in its thread, from here. */
function resume(bot: SlackBot, { id, place, question }: Abandoned): Promise<unknown> {
  const { client } = bot.app;
  const working = place.reactTs ? reactionSignal(client, place.channel, place.reactTs) : undefined;
  return answerAt(bot.deps, threadPlace(client, place.channel, place.threadTs, place.userId, working ? { working } : {}), question, id);
}

/**
 * Open the state store (RAPPORTEUR_STATE), start the bot on it, load the engine behind it, and take over
 * questions left in flight. An unusable store is a StateError before anything listens.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { logger } = options;
  const state: StateStore = await openStateStore(options.env.RAPPORTEUR_STATE, { logger });
  const imported = await importLegacyFeedback(state, options.env.RAPPORTEUR_FEEDBACK_FILE);
  if (imported > 0) logger.info({ file: options.env.RAPPORTEUR_FEEDBACK_FILE, records: imported }, 'feedback file imported into the state store');
  const slot = createEngineSlot();
  let served: { current(): ReaderCorpus } | undefined;
  const bot = createSlackBot({
    env: options.env,
    engine: slot,
    logger,
    state,
    ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
    ...(options.reader ? { reader: { config: options.reader, source: () => served?.current() } } : {}),
  });
  const { port, readerPort } = await bot.start();
  logger.info(
    { transport: bot.transport, port, state: state.location },
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
  let recovery: Recovery | undefined;
  const ready = (async () => {
    const engine = await options.openEngine(state.conversations);
    slot.set(engine);
    recovery = recoverAbandoned(bot.deps, (abandoned) => resume(bot, abandoned));
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
      await recovery?.stop();
      await bot.stop();
      await state.close();
    },
  };
}
