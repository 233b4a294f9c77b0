import { Assistant, type App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { perThreadContextStore } from './context-store.ts';
import { threadStartedCallback } from './thread-started.ts';
import { userMessageCallback } from './user-message.ts';

export function register(app: App, deps: SlackDeps): void {
  // Context changes (the channel the user looks at) are kept per thread (Bolt's default keeps one per
  // process); answers don't use them, replies carry them in their metadata.
  app.assistant(
    new Assistant({ threadContextStore: perThreadContextStore(), threadStarted: threadStartedCallback(deps), userMessage: userMessageCallback(deps) }),
  );
}
