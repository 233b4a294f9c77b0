// Registers every listener group, as in Slack's Bolt starter templates. Assistant first: it is global
// middleware and must see assistant-thread messages before the plain message listener.
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';
import * as actions from './actions/index.ts';
import * as assistant from './assistant/index.ts';
import * as commands from './commands/index.ts';
import * as events from './events/index.ts';
import * as views from './views/index.ts';

export function registerListeners(app: App, deps: SlackDeps): void {
  assistant.register(app, deps);
  actions.register(app, deps);
  commands.register(app, deps);
  events.register(app, deps);
  views.register(app, deps);
}
