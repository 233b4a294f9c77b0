// Where an answer goes, as AnswerPlace objects: a thread (mentions, DMs, assistant threads) or a response_url.
import type { RespondFn, SayStreamFn, SetStatusFn, webApi } from '@slack/bolt';
import type { AnswerPlace, AnswerStream } from '../answering.ts';
import { ui } from '../blocks/strings.ts';
import type { PlaceRecord } from '../in-flight.ts';

const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

type ReactionSignal = NonNullable<AnswerPlace['working']> & { messageTs: string };

/** 👀 on the question while working, removed when answered; `client` is the decorations client (deps.ts). */
export function reactionSignal(client: webApi.WebClient, channel: string, timestamp: string): ReactionSignal {
  return {
    messageTs: timestamp,
    /** @see https://api.slack.com/methods/reactions.add */
    start: () => client.reactions.add({ channel, timestamp, name: 'eyes' }),
    /** @see https://api.slack.com/methods/reactions.remove */
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

/** Several signals at once (👀 and the status), each given its chance; the first failure is rethrown (and logged by the caller). */
export function bothSignals(...signals: Array<NonNullable<AnswerPlace['working']>>): NonNullable<AnswerPlace['working']> {
  const all = async (step: (signal: NonNullable<AnswerPlace['working']>) => Promise<unknown>) => {
    const failed = (await Promise.allSettled(signals.map(step))).find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  };
  return { start: () => all((s) => s.start()), stop: () => all((s) => s.stop()) };
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

/**
 * Slash commands and clicks on ephemeral messages: everything goes back through response_url, privately.
 * `resumable`: the response_url and asker, so another process can answer if this one dies first (in-flight.ts).
 */
export function respondPlace(
  respond: RespondFn,
  options: { replaceOriginal?: boolean; resumable?: { responseUrl: string; userId: string } } = {},
): AnswerPlace {
  const send: AnswerPlace['post'] = (message) =>
    respond({ response_type: 'ephemeral', replace_original: options.replaceOriginal ?? false, ...message });
  const { resumable } = options;
  return {
    post: send,
    notifyPrivately: send,
    ...(resumable ? { resume: { kind: 'response_url' as const, url: resumable.responseUrl, userId: resumable.userId } } : {}),
  };
}

/**
 * A RespondFn for a response_url received by another process: a JSON POST, as Bolt's own respond does.
 * @see https://api.slack.com/interactivity/handling#message_responses
 */
export function respondTo(responseUrl: string): RespondFn {
  return async (message) => {
    const response = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(typeof message === 'string' ? { text: message } : message),
    });
    if (!response.ok) throw new Error(`response_url answered ${response.status}`);
    return response;
  };
}
