// Flag parsing shared by commands: one vocabulary (`--corpus`, `--index`), commander collects strings, zod
// turns them into checked values, and a bad value becomes one sentence.
import path from 'node:path';
import { Option } from 'commander';
import { z } from 'zod';
import { defaultCorpusDir, defaultIndexDir } from '../config.ts';
import { UserError } from './errors.ts';

const folder = (fallback: string) =>
  z.string().trim().min(1, 'needs a folder').default(fallback).transform((p) => path.resolve(p));

/** `--corpus` and `--index`, resolved, with the project's corpus/ and index/ as defaults. */
export const LocationOptionsSchema = z.object({
  corpus: folder(defaultCorpusDir),
  index: folder(defaultIndexDir),
});

/** `--corpus <dir>`; `alias` keeps an older name of the flag working (`--dir`). */
export function corpusOption(description = 'folder holding the reports and corpus.yml', alias?: string): Option {
  return locationOption('--corpus <dir>', description, 'corpus/', alias);
}

/** `--index <dir>`; `alias` keeps an older name of the flag working (`--out`). */
export function indexOption(description = 'index folder', alias?: string): Option {
  return locationOption('--index <dir>', description, 'index/', alias);
}

// Commander takes two long flags as one option ("--out, --index"): the value lands under the second name.
function locationOption(flags: string, description: string, fallback: string, alias: string | undefined): Option {
  const help = `${description} (default: ${fallback}${alias ? `; ${alias} is an alias` : ''})`;
  return new Option(alias ? `${alias}, ${flags}` : flags, help);
}

/** One zod issue as one sentence: `--flag: problem`, or the message alone when it names its flag already. */
export function issueSentence(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid option';
  if (issue.path.length === 0) return issue.message;
  const flag = `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  return issue.message.startsWith(flag) ? issue.message : `${flag}: ${issue.message}`;
}

/** Parse commander's option bag (or an argument) with a zod schema; the first problem is a UserError (exit 2). */
export function parseOptions<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  throw new UserError(issueSentence(result.error.issues[0]), 2);
}

/** A positive integer flag, bounded (`--top 5`). */
export const boundedInt = (min: number, max: number) =>
  z.coerce
    .number({ message: 'expected a whole number' })
    .int('expected a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
