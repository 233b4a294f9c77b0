// Slack's feedback buttons (👍/👎) under an answer: one JSON line per click; a 👎 also offers a comment box.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeValue, feedbackCommentModal, FeedbackValueSchema } from '../../blocks/index.ts';
import type { SlackDeps } from '../../deps.ts';
import { clickedValue } from './action-place.ts';

export function feedbackCallback(deps: SlackDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const value = decodeValue(FeedbackValueSchema, clickedValue(body));
    if (!value) {
      deps.logger.warn('feedback click with an unreadable value ignored');
      return;
    }
    const channelId = body.channel?.id ?? '';
    try {
      await deps.feedback.record({
        answerId: value.a,
        rating: value.r,
        question: value.q,
        labels: value.l,
        userId: body.user.id,
        channelId,
        at: new Date().toISOString(),
      });
      deps.logger.info({ answerId: value.a, rating: value.r, user: body.user.id }, 'feedback recorded');
      if (value.r === 'negative') {
        await client.views.open({ trigger_id: body.trigger_id, view: feedbackCommentModal({ a: value.a, q: value.q, l: value.l, channel: channelId }) });
      }
    } catch (error) {
      deps.logger.error({ err: error }, 'feedback failed');
    }
  };
}
