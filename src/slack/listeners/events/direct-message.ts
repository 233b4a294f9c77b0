// A direct message to the bot (the Agent messaging view's Messages tab, or a plain DM): every message is a
// question, answered in a thread under it — status, title, then the streamed answer (thread-answer.ts). That
// thread is the conversation: replies in it reach the Assistant listener with the same key.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { slackTextToPlain } from '../../mrkdwn.ts';
import { threadOf } from '../places.ts';
import { answerDmQuestion } from '../thread-answer.ts';

export function directMessageCallback(deps: SlackDeps) {
  return async ({ message, client, sayStream, setStatus }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    if (message.channel_type !== 'im') return;
    // Only plain user messages; edits, deletions and bot messages were already filtered out globally.
    if (!('user' in message) || !message.user || !('text' in message) || !message.text) return;
    const threadTs = threadOf(message);
    const text = slackTextToPlain(message.text);
    if (!text) return;
    await answerDmQuestion(deps, { client, channel: message.channel, threadTs, messageTs: message.ts, userId: message.user, text, sayStream, setStatus });
  };
}
