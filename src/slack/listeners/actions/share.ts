// "Partager dans le canal": post a privately shown answer publicly, then remove the private copy.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { produceAnswer, renderShown } from '../../answering.ts';
import { decodeValue, ShareValueSchema, startingNotice } from '../../blocks/index.ts';
import type { SlackDeps } from '../../deps.ts';
import { clickedValue } from './action-place.ts';

export function shareCallback(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const value = decodeValue(ShareValueSchema, clickedValue(body));
    const channel = body.channel?.id;
    if (!value || !channel) return;
    try {
      // Reuse what the user saw; after a restart, reproduce it (same question, same conversation).
      const shown =
        (await deps.answers.get(value.a)) ??
        (await produceAnswer(deps, { userId: body.user.id, text: value.q, conversationKey: value.k, mode: value.m }));
      if (!shown) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...startingNotice() });
        return;
      }
      const message = renderShown(deps, shown, { showQuestion: true, sharedBy: body.user.id });
      try {
        await client.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false });
      } catch (error) {
        // The bot may not be a member of the channel; response_url can still post there on the user's behalf.
        deps.logger.warn({ err: error, channel }, 'chat.postMessage refused; sharing through response_url');
        await respond({ response_type: 'in_channel', replace_original: false, ...message });
      }
      await respond({ delete_original: true });
    } catch (error) {
      deps.logger.error({ err: error }, 'share failed');
    }
  };
}
