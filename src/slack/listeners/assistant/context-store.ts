// The assistant thread context (the channel the user is looking at) kept per thread. Bolt's default store
// keeps one context per process: after one user's context changes, every other user's replies carried that
// user's channel in their metadata (reproduced over signed HTTP in test/slack/agent.test.ts). This one keys
// the context by conversation and thread, remembers a bounded number of threads, and on a miss reads it back
// from the thread's first bot message as Bolt does (so a restart loses nothing that was posted).
import type { AssistantConfig } from '@slack/bolt';
import { z } from 'zod';
import { threadKey } from '../../deps.ts';

type ThreadContextStore = NonNullable<AssistantConfig['threadContextStore']>;
type StoreArgs = Parameters<ThreadContextStore['get']>[0];
type ThreadContext = Awaited<ReturnType<ThreadContextStore['get']>>;

const MAX_THREADS = 10_000;

const AssistantThreadSchema = z.object({
  channel_id: z.string(),
  thread_ts: z.string(),
  context: z.object({ channel_id: z.string().optional(), team_id: z.string().optional(), enterprise_id: z.string().nullable().optional() }).optional(),
});

/** Channel and thread of an assistant event: `assistant_thread` for thread events, the message's own otherwise. */
function threadOf(payload: StoreArgs['payload']): { channel: string; threadTs: string; context?: ThreadContext } | undefined {
  if ('assistant_thread' in payload) {
    const thread = AssistantThreadSchema.safeParse(payload.assistant_thread);
    if (!thread.success) return undefined;
    return { channel: thread.data.channel_id, threadTs: thread.data.thread_ts, ...(thread.data.context ? { context: thread.data.context } : {}) };
  }
  if ('channel' in payload && 'thread_ts' in payload && typeof payload.thread_ts === 'string') return { channel: payload.channel, threadTs: payload.thread_ts };
  return undefined;
}

export function perThreadContextStore(): ThreadContextStore {
  const contexts = new Map<string, ThreadContext>();
  const remember = (key: string, context: ThreadContext) => {
    contexts.delete(key);
    contexts.set(key, context);
    if (contexts.size > MAX_THREADS) contexts.delete(contexts.keys().next().value as string);
  };
  return {
    async get({ payload, client, context }) {
      const thread = threadOf(payload);
      if (!thread) return {};
      const key = threadKey(thread.channel, thread.threadTs);
      const known = contexts.get(key);
      if (known) return known;
      // As Bolt's store: the context travels in the metadata of the bot's first message in the thread.
      /** @see https://docs.slack.dev/reference/methods/conversations.replies */
      const replies = await client.conversations.replies({ channel: thread.channel, ts: thread.threadTs, oldest: thread.threadTs, include_all_metadata: true, limit: 4 });
      const first = replies.messages?.find((m) => !('subtype' in m && m.subtype) && m.user === context.botUserId);
      const found = (first?.metadata?.event_payload as ThreadContext | undefined) ?? {};
      if (found.channel_id) remember(key, found);
      return found;
    },
    async save({ payload }) {
      const thread = threadOf(payload);
      if (thread?.context) remember(threadKey(thread.channel, thread.threadTs), thread.context);
    },
  };
}
