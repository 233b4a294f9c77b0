// Slack's feedback buttons (👍/👎) under an answer: one JSON line per click; a 👎 also offers a comment box.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeValue, feedbackCommentModal, FeedbackValueSchema, thanksNotice } from '../../blocks/index.ts';
import type { SlackDeps } from '../../deps.ts';
import { actionPlace, clickedValue } from '../places.ts';

export function feedbackCallback(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
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
        /** @see https://docs.slack.dev/reference/methods/views.open */
        await client.views.open({ trigger_id: body.trigger_id, view: feedbackCommentModal({ a: value.a, q: value.q, l: value.l, channel: channelId }) });
      } else {
        // A short thanks only the clicker sees (in the answer's thread, or through response_url).
        await actionPlace(body, client, respond).notifyPrivately(thanksNotice());
      }
    } catch (error) {
      deps.logger.error({ err: error }, 'feedback failed');
    }
  };
}
