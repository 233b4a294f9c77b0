// "@Rapporteur <question>" in a channel: answer in the thread under the question. A later mention inside
// that thread is a follow-up: the thread is the conversation, so the engine sees its earlier turns.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerAt } from '../../answering.ts';
import { emptyQuestionNotice } from '../../blocks/index.ts';
import { threadKey, type SlackDeps } from '../../deps.ts';
import { slackTextToPlain, stripBotMention } from '../../mrkdwn.ts';
import { bothSignals, reactionSignal, statusSignal, streamTo, threadOf, threadPlace } from '../places.ts';

export function appMentionCallback(deps: SlackDeps) {
  return async ({ event, client, context, sayStream, setStatus }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    // Direct messages arrive as message.im (handled in direct-message.ts); don't answer twice.
    if (event.channel.startsWith('D')) return;
    const userId = event.user ?? 'unknown';
    const threadTs = threadOf(event);
    const question = slackTextToPlain(stripBotMention(event.text, context.botUserId));
    // 👀 on the question and the status under the thread while working; the answer streamed in the thread.
    const place = threadPlace(client, event.channel, threadTs, userId, {
      working: bothSignals(reactionSignal(deps.decorations, event.channel, event.ts), statusSignal(setStatus, question)),
      reactTs: event.ts,
      stream: streamTo(sayStream, userId),
    });
    if (!question) {
      await place.post(emptyQuestionNotice()).catch((error: unknown) => deps.logger.warn({ err: error }, 'empty-question notice failed'));
      return;
    }
    await answerAt(deps, place, { userId, text: question, conversationKey: threadKey(event.channel, threadTs), mode: 'ask' });
  };
}
