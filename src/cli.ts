// The one entry point: `rapporteur <command>`. Each command lives in src/cli/commands/ and registers itself;
// this file only wires them and turns errors into one line and an exit code. bin/rapporteur.js runs `main`.
import { Command, CommanderError } from 'commander';
import { toUserError } from './cli/errors.ts';
import { registerCorpusCommand } from './cli/commands/corpus.ts';
import { registerIndexCommand } from './cli/commands/build-index.ts';
import { registerLookupCommand } from './cli/commands/lookup.ts';
import { registerAskCommand } from './cli/commands/ask.ts';
import { registerChatCommand } from './cli/commands/chat.ts';
import { registerEvalCommand } from './cli/commands/eval.ts';
import { registerServeCommand } from './cli/commands/serve.ts';
import { registerBenchCommand } from './cli/commands/bench.ts';
import { registerFeedbackCommand } from './cli/commands/feedback.ts';

export function buildProgram(): Command {
  const program = new Command('rapporteur')
    .description('Answers questions about the reports in corpus/ with exact paragraph citations.')
    .showHelpAfterError('(run `rapporteur --help` for the list of commands)')
    .exitOverride();
  registerCorpusCommand(program);
  registerIndexCommand(program);
  registerLookupCommand(program);
  registerAskCommand(program);
  registerChatCommand(program);
  registerEvalCommand(program);
  registerServeCommand(program);
  registerBenchCommand(program);
  registerFeedbackCommand(program);
  return program;
}

/**
 * A reader that stops early (`rapporteur ask --json --batch FILE | head -1`) closes our stdout: that ends the
 * command quietly, with the exit code it had so far, for every command.
 */
function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    });
  }
}

export async function main(argv: string[]): Promise<number> {
  endQuietlyOnClosedPipe();
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed its message (unknown option, missing argument, --help, --version).
      return error.exitCode === 0 ? 0 : 2;
    }
    const known = toUserError(error);
    if (known) {
      process.stderr.write(`rapporteur: ${known.message}\n`);
      if (process.env.RAPPORTEUR_DEBUG) console.error(error);
      return known.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`rapporteur: unexpected error: ${message}\n`);
    if (process.env.RAPPORTEUR_DEBUG) console.error(error);
    return 1;
  }
}
