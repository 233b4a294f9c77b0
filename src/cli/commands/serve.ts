// `rapporteur serve` (= `npm start`): the Slack bot. It starts listening at once (so Slack's 3-second acks
// are met during start-up), then loads the index, building it first if missing, and follows rebuilds.
import path from 'node:path';
import type { Command } from 'commander';
import { defaultCorpusDir, defaultIndexDir } from '../../config.ts';
import { UserError } from '../errors.ts';
import { openEngine } from '../open-engine.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the Slack bot (Socket Mode when SLACK_APP_TOKEN is set, HTTP on PORT otherwise)')
    .option('--corpus <dir>', 'folder of the reports', defaultCorpusDir)
    .option('--index <dir>', 'index folder (built first when missing)', defaultIndexDir)
    .action(async (options: { corpus: string; index: string }) => {
      // Loaded here, not at start-up: Bolt and its HTTP stack would slow every other command.
      const { createLogger, loadSlackEnv, SlackEnvError, startServer } = await import('../../slack/index.ts');
      const { loadReaderEnv, ReaderEnvError } = await import('../../reader/index.ts');
      let env;
      let reader;
      try {
        env = loadSlackEnv();
        reader = loadReaderEnv();
      } catch (error) {
        if (error instanceof SlackEnvError || error instanceof ReaderEnvError) throw new UserError(error.message, 2);
        throw error;
      }
      const logger = createLogger(env.LOG_LEVEL);
      // A stray rejection (a Web API call nobody awaited) is logged; it must not stop the bot.
      process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
      const corpusDir = path.resolve(options.corpus);
      const indexDir = path.resolve(options.index);
      const { StateError } = await import('../../state/index.ts');
      let server;
      try {
        server = await startServer({ env, logger, indexDir, reader, openEngine: (store) => openEngine({ corpusDir, indexDir, store }) });
      } catch (error) {
        if (error instanceof StateError) throw new UserError(error.message, 2);
        throw error;
      }
      try {
        await server.ready;
      } catch (error) {
        await server.stop().catch(() => undefined);
        throw error; // UserError from openEngine: one line, non-zero exit
      }
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      logger.info('stopping');
      await server.stop();
    });
}
