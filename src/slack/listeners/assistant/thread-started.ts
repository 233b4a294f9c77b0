// The legacy assistant panel opens (features.assistant_view): greet, and offer prompts drawn from the corpus.
import type { AssistantThreadStartedMiddleware } from '@slack/bolt';
import { ui } from '../../blocks/index.ts';
import type { SlackDeps } from '../../deps.ts';
import { suggestedPrompts } from '../greeting.ts';

export function threadStartedCallback(deps: SlackDeps): AssistantThreadStartedMiddleware {
  return async ({ say, setSuggestedPrompts, logger }) => {
    try {
      /** @see https://docs.slack.dev/reference/methods/chat.postMessage */
      await say(ui().greeting.text);
      /** @see https://docs.slack.dev/reference/methods/assistant.threads.setSuggestedPrompts */
      await setSuggestedPrompts(suggestedPrompts(deps));
    } catch (error) {
      logger.error(`assistant greeting failed: ${String(error)}`);
    }
  };
}
