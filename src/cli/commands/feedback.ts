// `rapporteur feedback [--json] [--since DATE]`: what people said about the answers (👍/👎 and the comments),
// read back from the state store the bot writes to — newest first, the last click per person and answer.
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { projectRoot } from '../../config.ts';
import { importLegacyFeedback, latestOpinions, openStateStore, StateSpecSchema, type FeedbackRecord } from '../../state/index.ts';
import { UserError } from '../errors.ts';
import { parseOptions } from '../options.ts';

const OptionsSchema = z.object({
  json: z.boolean().optional(),
  since: z
    .string()
    .refine((value) => !Number.isNaN(Date.parse(value)), 'expected a date such as 2026-12-01 or 2026-12-01T09:00')
    .transform((value) => new Date(value))
    .optional(),
});

const EnvSchema = z.object({
  RAPPORTEUR_STATE: StateSpecSchema,
  RAPPORTEUR_FEEDBACK_FILE: z.string().min(1).default(path.join(projectRoot, 'feedback.jsonl')),
});

/** One object per line for --json: the record as stored. */
export function feedbackToJson(record: FeedbackRecord): string {
  return JSON.stringify(record);
}

export function formatFeedback(record: FeedbackRecord): string {
  const when = record.at.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
  const lines = [`${when}  ${record.rating === 'positive' ? '👍' : '👎'}  ${record.userId}${record.channelId ? ` in ${record.channelId}` : ''}`];
  lines.push(`  ${record.question}`);
  if (record.labels.length) lines.push(`  cited: ${record.labels.join('; ')}`);
  if (record.comment) lines.push(`  comment: ${record.comment}`);
  return lines.join('\n');
}

function readEnv(): z.infer<typeof EnvSchema> {
  const cleaned = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new UserError(`${String(issue?.path[0] ?? 'environment')} ${issue?.message ?? 'is invalid'}.`, 2);
}

export function registerFeedbackCommand(program: Command): void {
  program
    .command('feedback')
    .description('list the feedback given on answers (newest first), from the state store (RAPPORTEUR_STATE)')
    .option('--json', 'one JSON object per line')
    .option('--since <date>', 'only feedback given at or after this date (2026-12-01, or an ISO time)')
    .action(async (raw: unknown) => {
      const options = parseOptions(OptionsSchema, raw);
      const env = readEnv();
      // An unreachable or unusable store is a StateError: one line and exit 2, by src/cli/errors.ts.
      const state = await openStateStore(env.RAPPORTEUR_STATE);
      let records: FeedbackRecord[];
      try {
        await importLegacyFeedback(state, env.RAPPORTEUR_FEEDBACK_FILE);
        records = latestOpinions(await state.feedback.all());
      } finally {
        await state.close();
      }
      const since = options.since?.getTime();
      const shown = records.filter((r) => since === undefined || Date.parse(r.at) >= since);
      if (options.json) {
        for (const record of shown) process.stdout.write(`${feedbackToJson(record)}\n`);
        return;
      }
      if (shown.length === 0) {
        process.stderr.write(`rapporteur: no feedback${options.since ? ` since ${options.since.toISOString()}` : ''} yet\n`);
        return;
      }
      process.stdout.write(`${shown.map(formatFeedback).join('\n\n')}\n`);
    });
}
