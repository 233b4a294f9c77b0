// A direct message to the bot: every message is a question. The answer goes in a thread under it, and
// that thread is the conversation (replies in it reach the Assistant listener with the same key).
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerAt } from '../../answering.ts';
import { threadKey, type SlackDeps } from '../../deps.ts';
import { slackTextToPlain } from '../../mrkdwn.ts';
import { reactionSignal, threadPlace } from '../places.ts';

export function directMessageCallback(deps: SlackDeps) {
  return async ({ message, client }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    if (message.channel_type !== 'im') return;
    // Only plain user messages; edits, deletions and bot messages were already filtered out globally.
    if (!('user' in message) || !message.user || !('text' in message) || !message.text) return;
    const threadTs = ('thread_ts' in message && message.thread_ts) || message.ts;
    const question = slackTextToPlain(message.text);
    if (!question) return;
    const place = threadPlace(client, message.channel, threadTs, message.user, reactionSignal(deps.decorations, message.channel, message.ts));
    await answerAt(deps, place, { userId: message.user, text: question, conversationKey: threadKey(message.channel, threadTs), mode: 'ask' });
  };
}
