// Every place an answer can be shown, as AnswerPlace objects: a thread (mentions, DMs), an assistant thread,
// a response_url (slash commands, ephemeral messages), and wherever a click came from.
import type { BlockAction, RespondFn, SayFn, SayStreamFn, SetStatusFn, webApi } from '@slack/bolt';
import { detectLanguage } from '../../answer/index.ts';
import type { AnswerPlace, AnswerStream } from '../answering.ts';
import { ui } from '../blocks/index.ts';
import type { ClickOrigin } from '../deps.ts';
import type { PlaceRecord } from '../in-flight.ts';

/** No link previews under the bot's messages (citations link to the reader and to official documents). */
export const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

/** The thread a message belongs to: its thread's, or its own when it starts one. */
export function threadOf(message: { ts: string; thread_ts?: unknown }): string {
  return (typeof message.thread_ts === 'string' && message.thread_ts) || message.ts;
}

type ReactionSignal = NonNullable<AnswerPlace['working']> & { messageTs: string };

/** 👀 on the question while working, removed when answered; `client` is the decorations client (deps.ts). */
export function reactionSignal(client: webApi.WebClient, channel: string, timestamp: string): ReactionSignal {
  return {
    messageTs: timestamp,
    /** @see https://docs.slack.dev/reference/methods/reactions.add */
    start: () => client.reactions.add({ channel, timestamp, name: 'eyes' }),
    /** @see https://docs.slack.dev/reference/methods/reactions.remove */
    stop: () => client.reactions.remove({ channel, timestamp, name: 'eyes' }),
  };
}

/**
 * The assistant status under the thread while working, with Slack's rotating `loading_messages`; Slack
 * clears it when the reply is posted. Bolt's setStatus is assistant.threads.setStatus for the thread.
 */
export function statusSignal(setStatus: SetStatusFn, question: string, then?: () => Promise<unknown>): NonNullable<AnswerPlace['working']> {
  // The status speaks the question's language, as the answer will.
  const t = ui(detectLanguage(question));
  return {
    start: async () => {
      /** @see https://docs.slack.dev/reference/methods/assistant.threads.setStatus */
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
 * A streamed reply in the thread, addressed to the asker, its tasks shown as a timeline: Bolt's sayStream,
 * @slack/web-api's ChatStreamer, whose append and stop (answering.ts) call chat.startStream, appendStream
 * and stopStream.
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
    /** @see https://docs.slack.dev/reference/methods/chat.postMessage */
    post: (message) => client.chat.postMessage({ channel, thread_ts: threadTs, ...message, ...NO_UNFURL }),
    /** @see https://docs.slack.dev/reference/methods/chat.postEphemeral */
    notifyPrivately: (message) => client.chat.postEphemeral({ channel, user: userId, thread_ts: threadTs, ...message }),
    ...rest,
  };
}

/**
 * An assistant thread: its thread's place, posting through Bolt's say(), which carries the thread's context
 * in the reply's metadata.
 */
export function assistantPlace(thread: AnswerPlace, say: SayFn): AnswerPlace {
  return {
    ...thread,
    /** @see https://docs.slack.dev/reference/methods/chat.postMessage */
    post: (message) => say({ ...message, ...NO_UNFURL }),
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
 * @see https://docs.slack.dev/interactivity/handling-user-interaction
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

/** A click on an ephemeral message (slash-command answers), which only its response_url can reach. */
export function isEphemeralClick(body: BlockAction): boolean {
  const container = (body as { container?: { is_ephemeral?: boolean } }).container;
  return Boolean(container?.is_ephemeral) || !body.message;
}

/**
 * Where the result of a click goes: privately through response_url when the clicked message was ephemeral,
 * otherwise in the thread of the clicked message.
 */
export function actionPlace(body: BlockAction, client: webApi.WebClient, respond: RespondFn): AnswerPlace {
  if (isEphemeralClick(body) || !body.channel) return respondPlace(respond);
  return threadPlace(client, body.channel.id, threadOf(body.message!), body.user.id);
}

/** Who clicked where (user and channel as Slack signed them): what clickMayContinue checks. */
export function clickOrigin(body: BlockAction): ClickOrigin {
  const message = isEphemeralClick(body) ? undefined : body.message;
  const threadTs = message && threadOf(message);
  return { userId: body.user.id, channel: body.channel?.id ?? '', ...(threadTs ? { threadTs } : {}) };
}

/** The value of the clicked button (or feedback button). */
export function clickedValue(body: BlockAction): string | undefined {
  const action = body.actions[0] as { value?: string } | undefined;
  return action?.value;
}
