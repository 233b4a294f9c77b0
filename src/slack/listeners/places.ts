// Where an answer goes, as AnswerPlace objects: a thread (mentions, DMs), an assistant thread, a response_url.
import type { RespondFn, SayStreamFn, SetStatusFn, webApi } from '@slack/bolt';
import type { AnswerPlace, AnswerStream } from '../answering.ts';
import { ui } from '../blocks/strings.ts';
import type { PlaceRecord } from '../in-flight.ts';

const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

type ReactionSignal = NonNullable<AnswerPlace['working']> & { messageTs: string };

/** 👀 on the question while working, removed when answered. */
export function reactionSignal(client: webApi.WebClient, channel: string, timestamp: string): ReactionSignal {
  return {
    messageTs: timestamp,
    start: () => client.reactions.add({ channel, timestamp, name: 'eyes' }),
    stop: () => client.reactions.remove({ channel, timestamp, name: 'eyes' }),
  };
}

/**
 * The assistant status under the thread while working, with Slack's rotating `loading_messages`; Slack
 * clears it when the reply is posted. Bolt's setStatus is assistant.threads.setStatus for the thread.
 * @see https://api.slack.com/methods/assistant.threads.setStatus
 */
export function statusSignal(setStatus: SetStatusFn, then?: () => Promise<unknown>): NonNullable<AnswerPlace['working']> {
  const t = ui('fr');
  return {
    start: async () => {
      await setStatus({ status: t.status, loading_messages: t.loadingMessages });
      await then?.();
    },
    stop: async () => undefined,
  };
}

/** Several signals at once (👀 and the status in channel threads); each one's failure only logged by the caller. */
export function bothSignals(...signals: Array<NonNullable<AnswerPlace['working']>>): NonNullable<AnswerPlace['working']> {
  return {
    start: () => Promise.allSettled(signals.map((s) => s.start())),
    stop: () => Promise.allSettled(signals.map((s) => s.stop())),
  };
}

/**
 * A streamed reply in the thread: Bolt's sayStream (chat.startStream / appendStream / stopStream through
 * @slack/web-api's ChatStreamer), tasks shown as a timeline, addressed to the asker.
 * @see https://api.slack.com/methods/chat.startStream
 */
export function streamTo(sayStream: SayStreamFn, userId: string): () => AnswerStream {
  return () => sayStream({ recipient_user_id: userId, task_display_mode: 'timeline' });
}

export function threadPlace(
  client: webApi.WebClient,
  channel: string,
  threadTs: string,
  userId: string,
  extras: Pick<AnswerPlace, 'stream'> & { working?: AnswerPlace['working'] | ReactionSignal; reactTs?: string } = {},
): AnswerPlace {
  const { reactTs, ...rest } = extras;
  const working = rest.working;
  // Enough to post here again from another process if this one dies before answering (in-flight.ts).
  const reacted = reactTs ?? (working && 'messageTs' in working ? working.messageTs : undefined);
  const resume: PlaceRecord = { kind: 'thread', channel, threadTs, userId, ...(reacted ? { reactTs: reacted } : {}) };
  return {
    resume,
    /** @see https://api.slack.com/methods/chat.postMessage */
    post: (message) => client.chat.postMessage({ channel, thread_ts: threadTs, ...message, ...NO_UNFURL }),
    /** @see https://api.slack.com/methods/chat.postEphemeral */
    notifyPrivately: (message) => client.chat.postEphemeral({ channel, user: userId, thread_ts: threadTs, ...message }),
    ...rest,
  };
}

/** Slash commands and clicks on ephemeral messages: everything goes back through response_url, privately. */
export function respondPlace(respond: RespondFn, options: { replaceOriginal?: boolean } = {}): AnswerPlace {
  const send: AnswerPlace['post'] = (message) =>
    respond({ response_type: 'ephemeral', replace_original: options.replaceOriginal ?? false, ...message });
  return { post: send, notifyPrivately: send };
}
