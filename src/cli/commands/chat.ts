// `rapporteur chat`: a conversation in the terminal, with the same engine and history as Slack threads.
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { InvalidQuestionError } from '../../answer/index.ts';
import { formatAnswer, terminalWidth, useColor } from '../format.ts';
import { openEngine } from '../open-engine.ts';
import { corpusOption, indexOption, LocationOptionsSchema, parseOptions } from '../options.ts';

const HELP = 'Ask a question in French or English, then follow-ups («plus de résultats», "and for children?"). /new: a new conversation · /quit: quit.';

export function registerChatCommand(program: Command): void {
  program
    .command('chat')
    .description('talk with the assistant in the terminal (follow-ups use the earlier turns)')
    .addOption(corpusOption())
    .addOption(indexOption())
    .action(async (raw: Record<string, unknown>) => {
      const options = parseOptions(LocationOptionsSchema, raw);
      const engine = await openEngine({ corpusDir: options.corpus, indexDir: options.index });
      const color = useColor();
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: Boolean(process.stdin.isTTY) });
      let conversation = 1;
      process.stdout.write(`${HELP}\n`);
      rl.setPrompt('› ');
      rl.prompt();
      for await (const line of rl) {
        const text = line.trim();
        if (text === '/quit' || text === '/exit') break;
        if (text === '/new') {
          conversation += 1;
          process.stdout.write('Nouvelle conversation.\n');
        } else if (text) {
          try {
            const answer = await engine.ask(text, { conversationKey: `chat:${conversation}` });
            process.stdout.write(`\n${formatAnswer(answer, { color, width: terminalWidth() })}\n\n`);
          } catch (error) {
            if (!(error instanceof InvalidQuestionError)) throw error;
            process.stdout.write(`${error.message}\n`);
          }
        }
        rl.prompt();
      }
      rl.close();
    });
}
