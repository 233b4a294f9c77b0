// `rapporteur ask`: one question (or a batch file of them) answered with cited quotes.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { InvalidQuestionError, validateQuestion, type AnswerFilters } from '../../answer/index.ts';
import { UserError } from '../errors.ts';
import { answerJson, formatAnswer, terminalWidth, useColor } from '../format.ts';
import { openEngine } from '../open-engine.ts';
import { boundedInt, corpusOption, indexOption, LocationOptionsSchema, parseOptions } from '../options.ts';

const AskOptionsSchema = LocationOptionsSchema.extend({
  json: z.boolean().default(false),
  top: boundedInt(1, 50).default(5),
  batch: z.string().min(1).optional(),
  doc: z.array(z.string().min(1)).optional(),
  year: z.array(boundedInt(1900, 2100)).optional(),
  recommendations: z.boolean().default(false),
  explain: z.boolean().default(false),
});

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Characters of a bad batch line quoted back in its error line (a 1 MB line must not give 6 MB of output). */
const CITED_PREFIX = 80;

/**
 * Reads a batch file strictly: it must exist and be valid UTF-8. Every line is a question, blank ones
 * included (they get an error line in place, so output line N answers input line N); LF, CRLF and CR-only
 * line ends are all accepted.
 */
export async function readBatch(file: string): Promise<string[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new UserError(`cannot read the batch file ${file}: it does not exist or is not readable`, 2);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`the batch file ${file} is not UTF-8 text`, 2);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop(); // the line end of the last line opens no new line
  if (lines.length === 0) throw new UserError(`the batch file ${file} is empty: put one question per line`, 2);
  return lines;
}

/** A short, printable prefix of a bad input line, to cite it without echoing all of it. */
export function citeInput(text: string): string {
  const printable = text.replace(/[\u0000-\u001f\u007f-\u009f]/gu, '\uFFFD');
  return printable.length > CITED_PREFIX ? `${printable.slice(0, CITED_PREFIX)}…` : printable;
}

export function registerAskCommand(program: Command): void {
  program
    .command('ask')
    .description('answer a question with quotes and exact citations')
    .argument('[question...]', 'the question, in French or English')
    .option('--json', 'print one JSON object (one per line with --batch)')
    .option('--top <k>', 'how many sources to list (1-50)', '5')
    .option('--batch <file>', 'answer every line of a UTF-8 file, loading the model once')
    .option('--doc <id>', 'only this document (repeatable)', collect)
    .option('--year <yyyy>', 'only documents of this year (repeatable)', collect)
    .option('--recommendations', 'only recommendations and their items')
    .option('--explain', 'show each source’s dense and BM25 ranks and the timings')
    .addOption(corpusOption())
    .addOption(indexOption())
    .action(async (words: string[], raw: Record<string, unknown>) => {
      const options = parseOptions(AskOptionsSchema, raw);
      if (options.batch && words.length > 0) throw new UserError('give either a question or --batch FILE, not both', 2);
      const questions = options.batch ? await readBatch(options.batch) : [words.join(' ')];
      // Check a single question before loading the model: bad input answers at once.
      if (!options.batch) validateQuestion(questions[0]);
      const engine = await openEngine({ corpusDir: options.corpus, indexDir: options.index });
      const knownDocs = new Set(engine.corpusInfo().documents.map((d) => d.id));
      for (const doc of options.doc ?? []) {
        if (!knownDocs.has(doc)) throw new UserError(`--doc: unknown document "${doc}" (known: ${[...knownDocs].join(', ')})`, 2);
      }
      const filters: AnswerFilters = {
        ...(options.doc ? { docIds: options.doc } : {}),
        ...(options.year ? { years: options.year } : {}),
        ...(options.recommendations ? { recommendationsOnly: true } : {}),
      };
      const color = useColor();
      for (const [i, question] of questions.entries()) {
        // In a batch every output line says which input line it answers.
        const line = options.batch ? { line: i + 1 } : {};
        try {
          const answer = await engine.ask(question, { filters, top: options.top });
          process.stdout.write(
            options.json
              ? `${JSON.stringify({ ...line, ...answerJson(answer, options.top) })}\n`
              : `${formatAnswer(answer, { color, width: terminalWidth(), explain: options.explain })}\n`,
          );
        } catch (error) {
          if (!(error instanceof InvalidQuestionError) || !options.batch) throw error;
          // In a batch, a bad line is reported in place (citing only its start) and the others are still answered.
          const cited = citeInput(question.trim());
          if (options.json) process.stdout.write(`${JSON.stringify({ line: i + 1, question: cited, length: question.length, error: error.message })}\n`);
          else process.stderr.write(`rapporteur: line ${i + 1}: ${error.message}${cited ? `: «${cited}»` : ''}\n`);
          process.exitCode = 2;
        }
      }
    });
}
