// Where an answer goes, as AnswerPlace objects: a thread (mentions, DMs), an assistant thread, a response_url.
import type { RespondFn, webApi } from '@slack/bolt';
import type { AnswerPlace } from '../answering.ts';

const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

/** 👀 on the question while working, removed when answered; `client` is the decorations client (deps.ts). */
export function reactionSignal(client: webApi.WebClient, channel: string, timestamp: string): NonNullable<AnswerPlace['working']> {
  return {
    /** @see https://api.slack.com/methods/reactions.add */
    start: () => client.reactions.add({ channel, timestamp, name: 'eyes' }),
    /** @see https://api.slack.com/methods/reactions.remove */
    stop: () => client.reactions.remove({ channel, timestamp, name: 'eyes' }),
  };
}

export function threadPlace(
  client: webApi.WebClient,
  channel: string,
  threadTs: string,
  userId: string,
  working?: AnswerPlace['working'],
): AnswerPlace {
  return {
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
