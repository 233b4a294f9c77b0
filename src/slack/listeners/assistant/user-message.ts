// A message in an assistant thread (the legacy assistant panel, or a reply in a thread of the bot's DM):
// the same answerer as a DM message (thread-answer.ts), in the assistant place (places.ts): posted through
// Bolt's say(), so the reply carries the thread's context.
import type { AssistantUserMessageMiddleware } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { slackTextToPlain } from '../../mrkdwn.ts';
import { answerDmQuestion } from '../thread-answer.ts';

export function userMessageCallback(deps: SlackDeps): AssistantUserMessageMiddleware {
  return async ({ message, client, say, sayStream, setStatus }) => {
    if (!('user' in message) || !message.user || !('text' in message) || !message.text) return;
    if (!('thread_ts' in message) || !message.thread_ts) return;
    const text = slackTextToPlain(message.text);
    if (!text) return;
    await answerDmQuestion(deps, {
      client,
      channel: message.channel,
      threadTs: message.thread_ts,
      messageTs: message.ts,
      userId: message.user,
      text,
      sayStream,
      setStatus,
      say,
    });
  };
}
