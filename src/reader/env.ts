// The reader's settings, from the environment, validated once at start: where it is reachable from outside
// (the base of every citation link), the secret that signs links, how long a link lasts, and the port it
// listens on in Socket Mode (in HTTP mode it shares the Slack receiver's port).
import { z } from 'zod';

/** A link lasts this many days unless RAPPORTEUR_READER_LINK_DAYS says otherwise. */
export const DEFAULT_LINK_DAYS = 30;
/** Shortest accepted secret: 32 characters (e.g. `openssl rand -hex 32` gives 64). */
export const MIN_SECRET_LENGTH = 32;

const ReaderEnvSchema = z
  .object({
    RAPPORTEUR_PUBLIC_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://rapporteur.example.org' })
      .refine((value) => {
        const url = new URL(value);
        return (url.pathname === '/' || url.pathname === '') && !url.search && !url.hash;
      }, 'must be the bare origin the reader is reachable at (no path, query or fragment: the reader serves /r/<document>)')
      .transform((value) => new URL(value).origin)
      .optional(),
    RAPPORTEUR_READER_SECRET: z
      .string()
      .min(MIN_SECRET_LENGTH, `must be at least ${MIN_SECRET_LENGTH} characters long (for example the output of \`openssl rand -hex 32\`)`)
      .optional(),
    RAPPORTEUR_READER_LINK_DAYS: z.coerce
      .number({ error: 'must be a number of days' })
      .positive('must be a positive number of days')
      .max(3650, 'must be at most 3650 days')
      .default(DEFAULT_LINK_DAYS),
    READER_PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65_535).default(3000),
  })
  .superRefine((env, ctx) => {
    if (env.RAPPORTEUR_PUBLIC_URL && !env.RAPPORTEUR_READER_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['RAPPORTEUR_READER_SECRET'],
        message: 'is missing: it signs the reader links and is required when RAPPORTEUR_PUBLIC_URL is set',
      });
    }
  });

export interface ReaderConfig {
  /** Origin the reader is reachable at (no trailing slash); without it citations are not links. */
  publicUrl?: string;
  /** HMAC key of the links; without it the reader is not served. */
  secret?: string;
  /** Validity of a new link, in days. */
  linkDays: number;
  /** Port of the reader's own server (Socket Mode). */
  port: number;
}

/** A missing or malformed variable; the message is one sentence naming it. */
export class ReaderEnvError extends Error {
  override name = 'ReaderEnvError';
}

/** Read and validate the reader's variables; throws a one-sentence ReaderEnvError naming the first bad one. */
export function loadReaderEnv(env: NodeJS.ProcessEnv = process.env): ReaderConfig {
  // Empty strings (a blank line in .env) count as unset.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = ReaderEnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ReaderEnvError(`${String(issue?.path[0] ?? 'environment')} ${issue?.message ?? 'is invalid'}.`);
  }
  const data = parsed.data;
  return {
    ...(data.RAPPORTEUR_PUBLIC_URL ? { publicUrl: data.RAPPORTEUR_PUBLIC_URL } : {}),
    ...(data.RAPPORTEUR_READER_SECRET ? { secret: data.RAPPORTEUR_READER_SECRET } : {}),
    linkDays: data.RAPPORTEUR_READER_LINK_DAYS,
    port: data.READER_PORT,
  };
}

/** Whether the reader is served at all: it needs a secret to check links with. */
export function readerEnabled(config: ReaderConfig): boolean {
  return config.secret !== undefined;
}
