// One answerer for a question in the bot's DM, whichever experience brought it: the Agent messaging view (a
// message in the app's Messages tab, `message.im`, answered in its own thread) or the legacy assistant panel
// (Bolt's Assistant `userMessage`, a message in an assistant thread). In order: the status with its loading
// messages, the thread's title (its first question), then the answer, streamed where Slack allows it.
import type { SayFn, SayStreamFn, SetStatusFn, webApi } from '@slack/bolt';
import { answerAt } from '../answering.ts';
import { threadKey, type SlackDeps } from '../deps.ts';
import { truncate } from '../mrkdwn.ts';
import { assistantPlace, bothSignals, reactionSignal, statusSignal, streamTo, threadPlace } from './places.ts';

/** Threads remembered as already titled; the oldest are forgotten first (a retitle is harmless). */
const MAX_TITLED_THREADS = 10_000;
const TITLE_MAX = 80;

export interface DmQuestion {
  client: webApi.WebClient;
  channel: string;
  threadTs: string;
  /** The message itself (for 👀). */
  messageTs: string;
  userId: string;
  text: string;
  sayStream: SayStreamFn;
  setStatus: SetStatusFn;
  /** In an assistant thread, Bolt's say(): the answer is posted through it (assistantPlace). */
  say?: SayFn;
}

// Both listeners answer in the same threads (a reply in a Messages-tab thread reaches the Assistant
// listener): one memory of titled threads per bot.
const titledByBot = new WeakMap<SlackDeps, Set<string>>();

function titleOnce(deps: SlackDeps, question: DmQuestion): () => Promise<unknown> {
  let titled = titledByBot.get(deps);
  if (!titled) titledByBot.set(deps, (titled = new Set()));
  const key = threadKey(question.channel, question.threadTs);
  const set = titled;
  return async () => {
    if (set.has(key)) return;
    set.add(key);
    if (set.size > MAX_TITLED_THREADS) set.delete(set.values().next().value as string);
    // Only assistant and agent threads have titles; in a plain DM thread Slack refuses, which is fine.
    /** @see https://docs.slack.dev/reference/methods/assistant.threads.setTitle */
    await question.client.assistant.threads
      .setTitle({ channel_id: question.channel, thread_ts: question.threadTs, title: truncate(question.text, TITLE_MAX) })
      .catch((error: unknown) => deps.logger.debug({ err: error }, 'setTitle refused'));
  };
}

export async function answerDmQuestion(deps: SlackDeps, question: DmQuestion): Promise<void> {
  const { client, channel, threadTs, userId } = question;
  const working = bothSignals(reactionSignal(deps.decorations, channel, question.messageTs), statusSignal(question.setStatus, question.text, titleOnce(deps, question)));
  const thread = threadPlace(client, channel, threadTs, userId, { working, reactTs: question.messageTs, stream: streamTo(question.sayStream, userId) });
  await answerAt(deps, question.say ? assistantPlace(thread, question.say) : thread, {
    userId,
    text: question.text,
    conversationKey: threadKey(channel, threadTs),
    mode: 'ask',
  });
}
