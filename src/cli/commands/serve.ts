// `rapporteur serve` (= `npm start`): the Slack bot. It starts listening at once (so Slack's 3-second acks
// are met during start-up), then loads the index, building it first if missing, and follows rebuilds.
import type { Command } from 'commander';
import { openEngine } from '../open-engine.ts';
import { corpusOption, indexOption, LocationOptionsSchema, parseOptions } from '../options.ts';

/**
 * After a fatal start-up error the process must end now, not when the last pending work lets it (an index
 * still loading, a Web API call still retrying): the CLI prints the error and sets the exit code, and this
 * ends the process a moment later if something else still holds it. Unref'd: it never keeps it alive.
 */
function exitSoon(): void {
  setTimeout(() => process.exit(), 1000).unref();
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the Slack bot (Socket Mode when SLACK_APP_TOKEN is set, HTTP on PORT otherwise)')
    .addOption(corpusOption())
    .addOption(indexOption('index folder, built first when missing'))
    .action(async (raw: Record<string, unknown>) => {
      const { corpus: corpusDir, index: indexDir } = parseOptions(LocationOptionsSchema, raw);
      // Loaded here, not at start-up: Bolt and its HTTP stack would slow every other command.
      const { createLogger, loadSlackEnv, startServer } = await import('../../slack/index.ts');
      const { loadReaderEnv } = await import('../../reader/index.ts');
      // A bad variable is a SlackEnvError or ReaderEnvError: one line and exit 2, by src/cli/errors.ts.
      const env = loadSlackEnv();
      const reader = loadReaderEnv();
      const logger = createLogger(env.LOG_LEVEL);
      // A stray rejection (a Web API call nobody awaited) is logged; it must not stop the bot.
      process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
      let server: Awaited<ReturnType<typeof startServer>> | undefined;
      try {
        server = await startServer({ env, logger, indexDir, reader, openEngine: (store) => openEngine({ corpusDir, indexDir, store }) });
        await server.ready;
      } catch (error) {
        await server?.stop().catch(() => undefined);
        exitSoon();
        throw error; // a refused token, an unreachable state store, a missing model…: one line, non-zero exit
      }
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      logger.info('stopping');
      await server.stop();
    });
}
