// What `rapporteur serve` runs: the bot listens (and acks) at once, the engine loads and the bot token is
// checked behind it, and a rebuilt index is picked up without a restart. Kept out of the CLI file so tests can
// run it in-process.
import type { Logger } from 'pino';
import type { webApi } from '@slack/bolt';
import type { AnswerEngine, ConversationStore } from '../answer/index.ts';
import { watchIndex, type IndexWatcher } from '../index/index.ts';
import type { ReaderConfig, ReaderCorpus } from '../reader/index.ts';
import { importLegacyFeedback, openStateStore, type StateStore } from '../state/index.ts';
import { answerAt } from './answering.ts';
import { createSlackBot, type SlackBot } from './app.ts';
import type { AuthRetryOptions } from './authorization.ts';
import { createEngineSlot } from './engine-slot.ts';
import type { SlackEnv } from './env.ts';
import { recoverAbandoned, type Abandoned, type Recovery } from './in-flight.ts';
import { reactionSignal, respondPlace, respondTo, threadPlace } from './listeners/places.ts';

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
  /** Backoff between start-up auth.test attempts. */
  authRetry?: AuthRetryOptions;
  /** How often the index manifest is polled for a rebuild. */
  watchIntervalMs?: number;
}

export interface RunningServer {
  bot: SlackBot;
  port?: number;
  /** The reader's own port (Socket Mode with the reader on). */
  readerPort?: number;
  /**
   * Resolves when questions are answered: engine loaded and bot token checked by Slack. Rejects if the engine
   * could not load or Slack refused the token (SlackAuthError); a transient Slack failure only delays it.
   */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/** Answer a question another process left in flight, in its thread, from here. */
function resume(bot: SlackBot, { id, place, question }: Abandoned): Promise<unknown> {
  if (place.kind === 'response_url') {
    const resumable = { responseUrl: place.url, userId: place.userId };
    return answerAt(bot.deps, respondPlace(respondTo(place.url), { resumable }), question, id);
  }
  const { client } = bot;
  const working = place.reactTs ? reactionSignal(bot.deps.decorations, place.channel, place.reactTs) : undefined;
  return answerAt(bot.deps, threadPlace(client, place.channel, place.threadTs, place.userId, working ? { working } : {}), question, id);
}

/**
 * Open the state store (RAPPORTEUR_STATE), start the bot on it, load the engine and check the bot token
 * behind it, and take over questions left in flight. An unusable store is a StateError before anything
 * listens; in HTTP mode the port is bound before any Web API call or model load, so a fatal start-up error
 * (port in use) comes at once.
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
    ...(options.authRetry ? { authRetry: options.authRetry } : {}),
    ...(options.reader ? { reader: { config: options.reader, source: () => served?.current() } } : {}),
  });
  let port: number | undefined;
  let readerPort: number | undefined;
  let connected: Promise<unknown>;
  const logReader = () => {
    if (!options.reader?.secret) return;
    const where = readerPort ?? port;
    logger.info(
      { readerPort: where, publicUrl: options.reader.publicUrl },
      options.reader.publicUrl
        ? `report reader on port ${where}, path /r/<document>; citations link to ${options.reader.publicUrl}/r/…`
        : `report reader on port ${where}, path /r/<document>; citations are not links (RAPPORTEUR_PUBLIC_URL is not set)`,
    );
  };
  if (bot.transport === 'http') {
    try {
      ({ port } = await bot.start());
    } catch (error) {
      await state.close().catch(() => undefined);
      throw error;
    }
    logger.info({ transport: 'http', port, state: state.location }, `listening on port ${port}, path /slack/events (readiness: GET /healthz)`);
    logReader();
    connected = bot.authorization.start();
  } else {
    // Socket Mode connects once the token is accepted (bot.start retries the check meanwhile).
    connected = bot.start().then((started) => {
      readerPort = started.readerPort;
      logger.info({ transport: 'socket', state: state.location }, 'connected to Slack with Socket Mode');
      logReader();
    });
  }

  let stopped = false;
  let watcher: IndexWatcher | undefined;
  let recovery: Recovery | undefined;
  const engineLoaded = (async () => {
    const engine = await options.openEngine(state.conversations);
    slot.set(engine);
    served = engine;
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
    // Questions left in flight by a stopped process are taken over once this one can answer them.
    if (!stopped) recovery = recoverAbandoned(bot.deps, (abandoned) => resume(bot, abandoned));
    const info = engine.corpusInfo();
    logger.info({ documents: info.documents.length, passages: info.passageCount, builtAt: info.builtAt }, 'ready: answering questions');
  });
  // Callers await it; this only keeps an unawaited rejection from being reported twice.
  ready.catch(() => undefined);

  return {
    bot,
    ...(port !== undefined ? { port } : {}),
    get readerPort() {
      return readerPort;
    },
    ready,
    async stop() {
      stopped = true;
      watcher?.close();
      await recovery?.stop();
      await bot.stop();
      await state.close();
    },
  };
}
