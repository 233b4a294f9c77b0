import type { App, BlockAction } from '@slack/bolt';
import { ACTION } from '../../blocks/index.ts';
import type { SlackDeps } from '../../deps.ts';
import { choosePassageCallback } from './choose-passage.ts';
import { feedbackCallback } from './feedback.ts';
import { fullTextCallback } from './full-text.ts';
import { moreResultsCallback } from './more-results.ts';
import { shareCallback } from './share.ts';

export function register(app: App, deps: SlackDeps): void {
  app.action<BlockAction>(ACTION.fullText, fullTextCallback(deps));
  app.action<BlockAction>(ACTION.moreResults, moreResultsCallback(deps));
  app.action<BlockAction>(ACTION.share, shareCallback(deps));
  app.action<BlockAction>(ACTION.feedback, feedbackCallback(deps));
  app.action<BlockAction>(new RegExp(`^${ACTION.choosePassage}:`), choosePassageCallback(deps));
}
