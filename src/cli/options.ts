// Flag parsing shared by commands: commander collects strings, zod turns them into checked values.
import path from 'node:path';
import { z } from 'zod';
import { defaultCorpusDir, defaultIndexDir } from '../config.ts';
import { UserError } from './errors.ts';

export const LocationOptionsSchema = z.object({
  corpus: z.string().min(1).default(defaultCorpusDir).transform((p) => path.resolve(p)),
  index: z.string().min(1).default(defaultIndexDir).transform((p) => path.resolve(p)),
});

/** Parse commander's option bag with a zod schema; the first problem becomes a one-line UserError (exit 2). */
export function parseOptions<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const flag = issue?.path.length ? `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ` : '';
  throw new UserError(`${flag}${issue?.message ?? 'invalid option'}`, 2);
}

/** A positive integer flag, bounded (`--top 5`). */
export const boundedInt = (min: number, max: number) =>
  z.coerce
    .number({ message: 'expected a whole number' })
    .int('expected a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
