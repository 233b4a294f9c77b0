// Where an answer goes, as AnswerPlace objects: a thread (mentions, DMs), an assistant thread, a response_url.
import type { RespondFn, webApi } from '@slack/bolt';
import type { AnswerPlace } from '../answering.ts';
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

export function threadPlace(
  client: webApi.WebClient,
  channel: string,
  threadTs: string,
  userId: string,
  working?: AnswerPlace['working'] | ReactionSignal,
): AnswerPlace {
  // Enough to post here again from another process if this one dies before answering (in-flight.ts).
  const resume: PlaceRecord = { kind: 'thread', channel, threadTs, userId, ...(working && 'messageTs' in working ? { reactTs: working.messageTs } : {}) };
  return {
    resume,
    post: (message) => client.chat.postMessage({ channel, thread_ts: threadTs, ...message, ...NO_UNFURL }),
    notifyPrivately: (message) => client.chat.postEphemeral({ channel, user: userId, thread_ts: threadTs, ...message }),
    ...(working ? { working } : {}),
  };
}

/** Slash commands and clicks on ephemeral messages: everything goes back through response_url, privately. */
export function respondPlace(respond: RespondFn, options: { replaceOriginal?: boolean } = {}): AnswerPlace {
  const send: AnswerPlace['post'] = (message) =>
    respond({ response_type: 'ephemeral', replace_original: options.replaceOriginal ?? false, ...message });
  return { post: send, notifyPrivately: send };
}
