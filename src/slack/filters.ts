// Global middleware: messages the bot must not answer. Bolt's ignoreSelf drops our own messages; this also
// drops other bots, edits, deletions and other message subtypes (joins, topic changes…).
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

const ANSWERABLE_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

export const ignoreNoise: Middleware<AnyMiddlewareArgs> = async (args) => {
  if ('event' in args && args.event) {
    const event = args.event as { type: string; subtype?: string; bot_id?: string; bot_profile?: unknown };
    if (event.type === 'message' || event.type === 'app_mention') {
      if (event.bot_id || event.bot_profile) return;
      if (event.type === 'message' && !ANSWERABLE_SUBTYPES.has(event.subtype)) return;
    }
  }
  await args.next();
};
