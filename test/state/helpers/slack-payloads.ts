// The Slack payloads the state tests send: a mention, a slash command, a button click.
import { BOT_USER_ID, type LocalSlack, type RecordedCall } from '../../slack/helpers/local-slack.ts';
import { eventEnvelope, nextTs } from '../../slack/helpers/signed-requests.ts';

type Json = Record<string, any>;

export function mention(user: string, channel: string, text: string, options: { threadTs?: string; eventId?: string } = {}) {
  const ts = nextTs();
  const event: Json = { type: 'app_mention', user, text: `<@${BOT_USER_ID}> ${text}`, ts, channel, event_ts: ts };
  if (options.threadTs) event.thread_ts = options.threadTs;
  return { ts, envelope: eventEnvelope(event, options.eventId) };
}

export function buttonClick(user: string, channel: string, action: Json, responseUrl: string, ephemeral: boolean): Json {
  return {
    type: 'block_actions',
    team: { id: 'T0001', domain: 'local' },
    user: { id: user, username: user.toLowerCase(), team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'legacy',
    trigger_id: `trigger-${nextTs()}`,
    channel: { id: channel, name: 'general' },
    container: { type: 'message', message_ts: nextTs(), channel_id: channel, is_ephemeral: ephemeral },
    response_url: responseUrl,
    actions: [{ ...action, action_ts: nextTs() }],
  };
}

/**
 * The messages the bot delivered in a channel (or one thread of it): each chat.postMessage, and each streamed
 * reply once stopped (its chat.stopStream call, which carries the sources and feedback blocks).
 */
export const postsIn = (local: LocalSlack, channel: string, threadTs?: string): RecordedCall[] =>
  local.calls.filter((c) => {
    if (c.status !== 200 || (c as { error?: unknown }).error) return false;
    if (c.method === 'chat.postMessage') return c.params.channel === channel && (threadTs === undefined || c.params.thread_ts === threadTs);
    if (c.method !== 'chat.stopStream') return false;
    const stream = local.streams.get(String(c.params.ts));
    return stream?.channel === channel && (threadTs === undefined || stream.thread_ts === threadTs);
  });
export const blocksOf = (call: RecordedCall): Json[] => (call.params.blocks as Json[] | undefined) ?? [];
export const buttonsOf = (blocks: Json[]): Json[] =>
  blocks.flatMap((b) => [...(b.type === 'actions' ? b.elements : []), ...(b.accessory?.type === 'button' ? [b.accessory] : [])]);
/** The answer id a message's feedback buttons carry. */
export const answerIdOf = (call: RecordedCall): string => {
  const feedback = blocksOf(call).find((b) => b.type === 'context_actions')?.elements[0];
  return JSON.parse(feedback.positive_button.value as string).a as string;
};
/** The numbered sources of a message ("6. …"). */
export const sourceNumbers = (call: RecordedCall): number[] =>
  blocksOf(call)
    .filter((b) => b.type === 'section' && /^\d+\. /.test(b.text?.text ?? ''))
    .map((b) => Number.parseInt(b.text.text as string, 10));
