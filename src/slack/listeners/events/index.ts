import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { appHomeOpenedCallback } from './app-home-opened.ts';
import { appMentionCallback } from './app-mention.ts';
import { directMessageCallback } from './direct-message.ts';

export function register(app: App, deps: SlackDeps): void {
  app.event('app_mention', appMentionCallback(deps));
  app.event('message', directMessageCallback(deps));
  app.event('app_home_opened', appHomeOpenedCallback(deps));
}
