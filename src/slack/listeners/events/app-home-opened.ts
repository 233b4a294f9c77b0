// The App Home opens. Home tab: what the bot knows (documents, passages, index build time) and how to ask.
// Messages tab (the Agent messaging experience, features.agent_view): the prompts drawn from the corpus, and
// a greeting when the conversation is still empty.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { homeView, ui } from '../../blocks/index.ts';
import type { SlackDeps } from '../../deps.ts';
import { suggestedPrompts } from '../greeting.ts';

type HomeOpenedArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

async function openMessagesTab(deps: SlackDeps, { event, client }: HomeOpenedArgs): Promise<void> {
  try {
    // Greet once: only when the conversation holds no message yet (this survives restarts, unlike a memory).
    /** @see https://docs.slack.dev/reference/methods/conversations.history */
    const history = await client.conversations.history({ channel: event.channel, limit: 1 });
    if (!history.messages?.length) {
      /** @see https://docs.slack.dev/reference/methods/chat.postMessage */
      await client.chat.postMessage({ channel: event.channel, text: ui().greeting.text });
    }
    // Without thread_ts: the prompts of the Messages tab itself.
    /** @see https://docs.slack.dev/reference/methods/assistant.threads.setSuggestedPrompts */
    await client.assistant.threads.setSuggestedPrompts({ channel_id: event.channel, ...suggestedPrompts(deps) });
  } catch (error) {
    deps.logger.warn({ err: error }, 'Messages tab greeting failed');
  }
}

export function appHomeOpenedCallback(deps: SlackDeps) {
  return async (args: HomeOpenedArgs): Promise<void> => {
    const { event, client } = args;
    if (event.tab === 'messages') {
      await openMessagesTab(deps, args);
      return;
    }
    if (event.tab !== 'home') return;
    try {
      /** @see https://docs.slack.dev/reference/methods/views.publish */
      await client.views.publish({ user_id: event.user, view: homeView(deps.engine.get()?.corpusInfo()) });
    } catch (error) {
      deps.logger.warn({ err: error }, 'views.publish failed');
    }
  };
}
