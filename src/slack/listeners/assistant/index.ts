import { Assistant, type App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { threadStartedCallback } from './thread-started.ts';
import { userMessageCallback } from './user-message.ts';

export function register(app: App, deps: SlackDeps): void {
  // Context changes (the channel the user looks at) are kept by Bolt's default store; answers don't use them.
  app.assistant(new Assistant({ threadStarted: threadStartedCallback(deps), userMessage: userMessageCallback(deps) }));
}
