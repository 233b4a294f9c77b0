// The bot's settings come from the environment (as Slack's templates do); validated once at start so a
// missing or malformed token is one sentence naming the variable, not a stack trace from deep inside Bolt.
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../config.ts';
import { StateSpecSchema } from '../state/index.ts';

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string({ error: 'is missing (the Bot User OAuth Token, "xoxb-…", from OAuth & Permissions)' })
    .regex(/^xoxb-[\w-]+$/, 'must be a bot token starting with "xoxb-"'),
  // Needed to verify HTTP requests; Socket Mode (SLACK_APP_TOKEN) does without.
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(/^[0-9a-f]{16,}$/i, 'must be the hexadecimal signing secret from Basic Information')
    .optional(),
  // Optional: when set, the bot connects with Socket Mode and needs no public URL.
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-[\w-]+$/, 'must be an app-level token starting with "xapp-" (scope connections:write)')
    .optional(),
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65_535).default(3000),
  // Web API base URL; only changed to talk to a stand-in for Slack (tests, proxies).
  SLACK_API_URL: z
    .url({ error: 'must be a URL such as https://slack.com/api/' })
    .transform((url) => (url.endsWith('/') ? url : `${url}/`))
    .optional(),
  // The JSON-lines feedback file of earlier versions, imported once into the state store.
  RAPPORTEUR_FEEDBACK_FILE: z.string().min(1).default(path.join(projectRoot, 'feedback.jsonl')),
  RAPPORTEUR_STATE: StateSpecSchema,
  RAPPORTEUR_RATE_LIMIT: z.coerce
    .number({ error: 'must be a whole number of questions per minute' })
    .int()
    .positive()
    .default(10),
  // Streamed answers (chat.startStream / appendStream / stopStream); "off" posts every answer whole.
  RAPPORTEUR_STREAMING: z
    .enum(['on', 'off'], { error: 'must be "on" or "off"' })
    .default('on'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).default('info'),
}).superRefine((env, ctx) => {
  if (!env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
    ctx.addIssue({
      code: 'custom',
      path: ['SLACK_SIGNING_SECRET'],
      message: 'is missing (Basic Information › App Credentials › Signing Secret), needed unless SLACK_APP_TOKEN is set for Socket Mode',
    });
  }
});

export type SlackEnv = z.infer<typeof EnvSchema>;

/** A missing or malformed variable; the message is one sentence naming it (the CLI exits 2 with it). */
export class SlackEnvError extends Error {
  override name = 'SlackEnvError';
}

/** Read and validate the bot's environment; throws a one-sentence SlackEnvError naming the first bad variable. */
export function loadSlackEnv(env: NodeJS.ProcessEnv = process.env): SlackEnv {
  // Empty strings (a blank line in .env) count as unset.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const variable = String(issue?.path[0] ?? 'environment');
  throw new SlackEnvError(`${variable} ${issue?.message ?? 'is invalid'}.`);
}
