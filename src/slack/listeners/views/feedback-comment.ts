// The "what was missing?" modal after a 👎: store the comment next to the rating.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { SlackDeps } from '../../deps.ts';

const MetadataSchema = z.object({ a: z.string(), q: z.string(), l: z.array(z.string()), channel: z.string() });

export function feedbackCommentCallback(deps: SlackDeps) {
  return async ({ ack, view, body }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const comment = view.state.values.comment?.text?.value?.trim();
    let metadata: z.infer<typeof MetadataSchema> | undefined;
    try {
      metadata = MetadataSchema.parse(JSON.parse(view.private_metadata));
    } catch {
      metadata = undefined;
    }
    if (!comment || !metadata) return;
    try {
      await deps.feedback.record({
        answerId: metadata.a,
        rating: 'negative',
        question: metadata.q,
        labels: metadata.l,
        userId: body.user.id,
        channelId: metadata.channel,
        at: new Date().toISOString(),
        comment,
      });
    } catch (error) {
      deps.logger.error({ err: error }, 'feedback comment failed');
    }
  };
}
