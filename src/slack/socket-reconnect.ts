// Socket Mode reconnects at once. @slack/socket-mode 3.1 waits `clientPingTimeout` (5 s) × the number of
// consecutive failures before *every* reconnect, the regular `refresh_requested` ones included: measured with
// the local stand-in (test/slack/socket-reconnect.test.ts), 5 007 ms without a connection each time, during
// which slash commands and clicks fail for the user. Lowering `clientPingTimeout` would shorten the wait but
// also make the heartbeat ping three times per timeout and give up on a pong after that long.
// So the receiver is built with the client's documented `autoReconnectEnabled: false`: the client then emits
// "disconnected" instead of scheduling its own reconnect, and this module calls its public `start()` again at
// once, backing off (0.25 s doubling to 30 s) only while that fails. Measured after: a few milliseconds.
// Without the client's own reconnect, its first connection no longer retries a transient refusal of
// apps.connections.open either: `connect()` does, with the same backoff, and gives up at once only on the
// refusals the client itself treats as final (a revoked or invalid app token).
import type { Logger } from 'pino';

/** The part of @slack/socket-mode's SocketModeClient used here (its public surface). */
export interface ReconnectableClient {
  start(): Promise<unknown>;
  on(event: 'disconnected', listener: () => void): unknown;
}

export interface Reconnector {
  /** The first connection (`start` is the app's start): transient platform errors retried with backoff. */
  connect(start: () => Promise<unknown>): Promise<void>;
  /** Call before the app stops: a disconnect from then on is the app's own. */
  stop(): void;
}

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 30_000;
/** @slack/socket-mode's UnrecoverableSocketModeStartError: apps.connections.open refusals that retrying cannot fix. */
const FINAL_ERRORS = new Set(['not_authed', 'invalid_auth', 'account_inactive', 'user_removed_from_team', 'team_disabled']);

/** A Web API platform error (`{ ok: false, error }`) other than a final one: worth another try. */
function isTransientRefusal(error: unknown): boolean {
  const e = error as { code?: unknown; data?: { error?: unknown } } | undefined;
  return e?.code === 'slack_webapi_platform_error' && typeof e.data?.error === 'string' && !FINAL_ERRORS.has(e.data.error);
}

const backoff = (failures: number) => Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (failures - 1));

export function reconnectPromptly(client: ReconnectableClient, logger: Logger): Reconnector {
  let stopping = false;
  let reconnecting = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;

  const attempt = async (): Promise<void> => {
    timer = undefined;
    if (stopping) return;
    try {
      /** @see https://docs.slack.dev/reference/methods/apps.connections.open */
      await client.start();
      if (failures > 0) logger.info({ failures }, 'Socket Mode reconnected');
      failures = 0;
      reconnecting = false;
    } catch (error) {
      failures += 1;
      const delay = backoff(failures);
      logger.warn({ err: error, failures, retryInMs: delay }, 'Socket Mode reconnect failed; retrying');
      timer = setTimeout(() => void attempt(), delay);
    }
  };

  client.on('disconnected', () => {
    // A failing attempt also ends in "disconnected": one attempt at a time.
    if (stopping || reconnecting) return;
    reconnecting = true;
    logger.debug('Socket Mode connection closed; reconnecting now');
    void attempt();
  });

  return {
    async connect(start) {
      // A failed handshake also ends in "disconnected": the listener above stays out of the first connection.
      reconnecting = true;
      for (let failure = 1; ; failure++) {
        try {
          await start();
          reconnecting = false;
          return;
        } catch (error) {
          if (stopping || !isTransientRefusal(error)) {
            reconnecting = false;
            throw error;
          }
          logger.warn({ err: error, failures: failure, retryInMs: backoff(failure) }, 'Socket Mode connection refused; retrying');
          await new Promise((resolve) => setTimeout(resolve, backoff(failure)));
        }
      }
    },
    stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
    },
  };
}
