// A message in an assistant thread (the panel, or a thread in the bot's DM): status while searching, the
// answer in the thread, and the thread titled after its first question.
import type { AssistantUserMessageMiddleware } from '@slack/bolt';
import { answerAt } from '../../answering.ts';
import { threadKey, type SlackDeps } from '../../deps.ts';
import { slackTextToPlain, truncate } from '../../mrkdwn.ts';

/** Threads remembered as already titled; the oldest are forgotten first (a retitle is harmless). */
const MAX_TITLED_THREADS = 10_000;

export function userMessageCallback(deps: SlackDeps): AssistantUserMessageMiddleware {
  const titled = new Set<string>();
  return async ({ message, client, say, setStatus, setTitle }) => {
    if (!('user' in message) || !message.user || !('text' in message) || !message.text) return;
    if (!('thread_ts' in message) || !message.thread_ts) return;
    const question = slackTextToPlain(message.text);
    if (!question) return;
    const key = threadKey(message.channel, message.thread_ts);
    if (!titled.has(key)) {
      titled.add(key);
      if (titled.size > MAX_TITLED_THREADS) titled.delete(titled.values().next().value as string);
      // Only assistant threads have titles; in a plain DM thread Slack refuses, which is fine. A decoration:
      // not waited for.
      void setTitle(truncate(question, 80)).catch((error: unknown) => deps.logger.debug({ err: error }, 'setTitle refused'));
    }
    const userId = message.user;
    await answerAt(
      deps,
      {
        post: (answer) => say({ ...answer, unfurl_links: false, unfurl_media: false }),
        notifyPrivately: (notice) =>
          client.chat.postEphemeral({ channel: message.channel, user: userId, thread_ts: message.thread_ts, ...notice }),
        // Slack clears the status by itself when the reply is posted.
        working: { start: () => setStatus('cherche dans les rapports…'), stop: async () => undefined },
      },
      { userId, text: question, conversationKey: key, mode: 'ask' },
    );
  };
}
