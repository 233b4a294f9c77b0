// Where the result of a click goes: privately through response_url when the clicked message was ephemeral
// (slash commands), otherwise in the thread of the clicked message.
import type { BlockAction, RespondFn, webApi } from '@slack/bolt';
import type { AnswerPlace } from '../../answering.ts';
import type { ClickOrigin } from '../../deps.ts';
import { respondPlace, threadPlace } from '../places.ts';

export function isEphemeralClick(body: BlockAction): boolean {
  const container = (body as { container?: { is_ephemeral?: boolean } }).container;
  return Boolean(container?.is_ephemeral) || !body.message;
}

export function actionPlace(body: BlockAction, client: webApi.WebClient, respond: RespondFn): AnswerPlace {
  if (isEphemeralClick(body) || !body.channel) return respondPlace(respond);
  const message = body.message!;
  const threadTs = (typeof message.thread_ts === 'string' && message.thread_ts) || message.ts;
  return threadPlace(client, body.channel.id, threadTs, body.user.id);
}

/** Who clicked where (user and channel as Slack signed them): what clickMayContinue checks. */
export function clickOrigin(body: BlockAction): ClickOrigin {
  const message = isEphemeralClick(body) ? undefined : body.message;
  const threadTs = (typeof message?.thread_ts === 'string' && message.thread_ts) || message?.ts;
  return { userId: body.user.id, channel: body.channel?.id ?? '', ...(threadTs ? { threadTs } : {}) };
}

/** The value of the clicked button (or feedback button). */
export function clickedValue(body: BlockAction): string | undefined {
  const action = body.actions[0] as { value?: string } | undefined;
  return action?.value;
}
