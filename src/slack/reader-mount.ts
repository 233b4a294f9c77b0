// Where the report reader is served from the bot's process: on the HTTP receiver's port as a Bolt custom
// route (HTTP mode), or on its own READER_PORT (Socket Mode, which has no HTTP server). The only place the
// Slack stage touches the reader's serving.
import type { CustomRoute } from '@slack/bolt';
import type { Logger } from 'pino';
import {
  createCitationLinker,
  createReaderHandler,
  readerEnabled,
  startReaderServer,
  type CitationLinker,
  type ReaderConfig,
  type ReaderCorpus,
  type ReaderServer,
} from '../reader/index.ts';

export interface ReaderOptions {
  config: ReaderConfig;
  /** The corpus the engine serves now (undefined while it loads). */
  source: () => ReaderCorpus | undefined;
}

export interface MountedReader {
  /** Links for citations; undefined without RAPPORTEUR_PUBLIC_URL. */
  links?: CitationLinker;
  /** Routes for the HTTP receiver (empty in Socket Mode). */
  customRoutes: CustomRoute[];
  /** Socket Mode: start the reader's own server; resolves with its port. */
  start(): Promise<number | undefined>;
  stop(): Promise<void>;
}

/** Undefined when the reader is off (no RAPPORTEUR_READER_SECRET). */
export function mountReader(options: ReaderOptions, transport: 'socket' | 'http', logger: Logger): MountedReader | undefined {
  if (!readerEnabled(options.config)) return undefined;
  const handler = createReaderHandler({
    config: options.config,
    source: options.source,
    onError: (error) => logger.error({ err: error }, 'reader page failed'),
  });
  const links = options.config.publicUrl ? createCitationLinker(options.config, options.source) : undefined;
  let server: ReaderServer | undefined;
  return {
    ...(links ? { links } : {}),
    customRoutes:
      transport === 'http'
        ? [{ path: '/r/:docId', method: ['GET', 'HEAD'], handler: (req, res) => void handler(req, res) }]
        : [],
    async start() {
      if (transport === 'http') return undefined;
      server = await startReaderServer({ port: options.config.port, handler });
      return server.port;
    },
    async stop() {
      await server?.close();
      server = undefined;
    },
  };
}
