import type { App, ViewSubmitAction } from '@slack/bolt';
import { VIEW } from '../../blocks/index.ts';
import type { SlackDeps } from '../../deps.ts';
import { feedbackCommentCallback } from './feedback-comment.ts';

export function register(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(VIEW.feedbackComment, feedbackCommentCallback(deps));
}
