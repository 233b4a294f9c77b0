// The bot's Slack authorization: `auth.test` with the bot token before the bot says it is ready, retried with
// backoff while Slack cannot be reached, and never cached as a failure. Bolt's own single-token authorization
// calls auth.test once and keeps that promise for ever, so one transient failure at start-up left the bot
// deaf (acking every event, answering none); Bolt is given this module's `authorize` instead (its public
// `authorize` option), which answers from the last successful check only.
import type { Authorize, AuthorizeResult } from '@slack/bolt';
import { webApi } from '@slack/bolt';
import type { Logger } from 'pino';

/** Slack refuses the token itself: retrying cannot help, someone must fix SLACK_BOT_TOKEN. */
const REFUSED = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type']);

/** SLACK_BOT_TOKEN refused by Slack; the message is one sentence (the CLI exits 2 with it). */
export class SlackAuthError extends Error {
  override name = 'SlackAuthError';
  constructor(readonly slackError: string) {
    super(
      `SLACK_BOT_TOKEN was refused by Slack (${slackError}): copy the Bot User OAuth Token ("xoxb-…") again from ` +
        'OAuth & Permissions, or reinstall the app if the token was revoked.',
    );
  }
}

/** Bolt's `authorize` refuses events with this while the token has not been checked yet. */
export class SlackNotReadyError extends Error {
  override name = 'SlackNotReadyError';
}

export interface AuthRetryOptions {
  /** First wait after a failed check; doubles on each failure. */
  initialMs: number;
  /** Longest wait between two checks. */
  maxMs: number;
}

export const DEFAULT_AUTH_RETRY: AuthRetryOptions = { initialMs: 1000, maxMs: 60_000 };

export interface SlackAuthorization {
  /** For Bolt's `authorize` option: the token and bot ids once checked; throws SlackNotReadyError before. */
  authorize: Authorize<boolean>;
  /** Start checking (once; later calls return the same promise): resolves when authorized, rejects with SlackAuthError. */
  start(): Promise<void>;
  /** Resolves true as soon as authorized, false if not within `ms` (never rejects). */
  waitReady(ms: number): Promise<boolean>;
  /** "ready", "checking", "not ready: <reason>" or "refused: <error>" — for logs and /healthz. */
  status(): string;
  isReady(): boolean;
  /** Stop retrying (the process is stopping). */
  stop(): void;
}

interface CheckFailure {
  refused?: string;
  reason: string;
  retryAfterMs?: number;
}

/** What a failed auth.test means: a refused token, or a transient failure worth retrying. */
function classify(error: unknown): CheckFailure {
  const e = error as { code?: string; data?: { error?: string }; statusCode?: number; retryAfter?: number; original?: { code?: string; message?: string } };
  switch (e.code) {
    case webApi.ErrorCode.PlatformError: {
      const slackError = e.data?.error ?? 'unknown_error';
      return REFUSED.has(slackError) ? { refused: slackError, reason: slackError } : { reason: slackError };
    }
    case webApi.ErrorCode.HTTPError:
      return { reason: `HTTP ${e.statusCode}` };
    case webApi.ErrorCode.RateLimitedError:
      return { reason: 'rate limited', ...(e.retryAfter !== undefined ? { retryAfterMs: e.retryAfter * 1000 } : {}) };
    case webApi.ErrorCode.RequestError:
      return { reason: `network error (${e.original?.code ?? e.original?.message ?? 'no answer'})` };
    default:
      return { reason: error instanceof Error ? error.message : String(error) };
  }
}

export function createSlackAuthorization(options: {
  token: string;
  clientOptions: webApi.WebClientOptions;
  logger: Logger;
  retry?: AuthRetryOptions;
}): SlackAuthorization {
  const { token, logger } = options;
  const retry = options.retry ?? DEFAULT_AUTH_RETRY;
  // Its own client, without the Web API client's retries (five minutes of them): this loop retries, and says
  // "not ready" between attempts instead of hanging in one call.
  const client = new webApi.WebClient(token, {
    ...options.clientOptions,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
  });
  let result: AuthorizeResult | undefined;
  let state = 'checking';
  let started: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const waiters = new Set<(ready: boolean) => void>();

  const succeed = (auth: webApi.AuthTestResponse) => {
    result = { botToken: token, botId: auth.bot_id, botUserId: auth.user_id, teamId: auth.team_id };
    state = 'ready';
    logger.info({ team: auth.team, botUserId: auth.user_id }, 'Slack authorization ready');
    for (const wake of waiters) wake(true);
    waiters.clear();
  };

  const check = (attempt: number, delayMs: number, resolve: () => void, reject: (error: Error) => void): void => {
    if (stopped) return;
    /** @see https://docs.slack.dev/reference/methods/auth.test */
    client.auth.test().then(
      (auth) => {
        succeed(auth);
        resolve();
      },
      (error: unknown) => {
        if (stopped) return;
        const failure = classify(error);
        if (failure.refused) {
          state = `refused: ${failure.refused}`;
          reject(new SlackAuthError(failure.refused));
          return;
        }
        const waitMs = Math.max(delayMs, failure.retryAfterMs ?? 0);
        state = `not ready: ${failure.reason}`;
        logger.warn({ reason: failure.reason, attempt, retryInMs: waitMs }, `not ready: Slack authorization failed (${failure.reason}); retrying`);
        timer = setTimeout(() => check(attempt + 1, Math.min(delayMs * 2, retry.maxMs), resolve, reject), waitMs);
      },
    );
  };

  return {
    async authorize() {
      if (!result) throw new SlackNotReadyError(`Slack authorization is not ready (${state})`);
      return { ...result };
    },
    start() {
      started ??= new Promise<void>((resolve, reject) => check(1, retry.initialMs, resolve, reject));
      return started;
    },
    waitReady(ms) {
      if (result) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const wake = (ready: boolean) => {
          clearTimeout(deadline);
          resolve(ready);
        };
        const deadline = setTimeout(() => {
          waiters.delete(wake);
          resolve(false);
        }, ms);
        waiters.add(wake);
      });
    },
    status: () => state,
    isReady: () => result !== undefined,
    stop() {
      stopped = true;
      clearTimeout(timer);
      for (const wake of waiters) wake(false);
      waiters.clear();
    },
  };
}
