// Slack re-delivers an event when it thinks we missed it (x-slack-retry-num), and the same event can reach us
// twice — or reach two processes of the bot; answering twice would double-post. The state store lets each
// event id through once, across every process that shares it.
import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import type { StateStore } from '../state/index.ts';

/** Slack retries for about five minutes; keep a margin. */
export const DEDUPE_TTL_MS = 15 * 60_000;

/** Global middleware: drop an Events API delivery whose event_id was already handled. */
export function dedupeEvents(seen: StateStore['dedupe']): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, logger, next }) => {
    const eventId = 'event_id' in body && typeof body.event_id === 'string' ? body.event_id : undefined;
    if (eventId && !(await seen.firstTime(`event:${eventId}`, DEDUPE_TTL_MS))) {
      logger.info(`duplicate delivery of ${eventId} ignored (retry ${context.retryNum ?? 0}, ${context.retryReason ?? 'no reason'})`);
      return;
    }
    await next();
  };
}
