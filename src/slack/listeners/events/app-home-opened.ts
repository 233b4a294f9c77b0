// The App Home tab: what the bot knows (documents, passages, index build time) and how to ask.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { homeView } from '../../blocks/index.ts';
import type { SlackDeps } from '../../deps.ts';

export function appHomeOpenedCallback(deps: SlackDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    try {
      await client.views.publish({ user_id: event.user, view: homeView(deps.engine.get()?.corpusInfo()) });
    } catch (error) {
      deps.logger.warn({ err: error }, 'views.publish failed');
    }
  };
}
