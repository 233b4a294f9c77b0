// Slack re-delivers an event when it thinks we missed it (x-slack-retry-num), and the same event can reach us
// twice; answering twice would double-post. Remember recent event ids and let each through once.
import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';

export interface SeenSet {
  /** True the first time `key` is offered, false afterwards (within the memory window). */
  firstTime(key: string): boolean;
}

export function createSeenSet(options: { ttlMs?: number; max?: number; now?: () => number } = {}): SeenSet {
  const ttlMs = options.ttlMs ?? 15 * 60_000; // Slack retries for ~5 minutes; keep a margin
  const max = options.max ?? 10_000;
  const now = options.now ?? Date.now;
  const seen = new Map<string, number>();
  return {
    firstTime(key) {
      const t = now();
      for (const [k, at] of seen) {
        // Map keeps insertion order: the oldest come first, stop at the first one still fresh.
        if (t - at < ttlMs && seen.size < max) break;
        seen.delete(k);
      }
      if (seen.has(key)) return false;
      seen.set(key, t);
      return true;
    },
  };
}

/** Global middleware: drop an Events API delivery whose event_id was already handled. */
export function dedupeEvents(seen: SeenSet): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, logger, next }) => {
    const eventId = 'event_id' in body && typeof body.event_id === 'string' ? body.event_id : undefined;
    if (eventId && !seen.firstTime(eventId)) {
      logger.info(`duplicate delivery of ${eventId} ignored (retry ${context.retryNum ?? 0}, ${context.retryReason ?? 'no reason'})`);
      return;
    }
    await next();
  };
}
