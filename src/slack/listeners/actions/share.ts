// "Partager dans le canal": post a privately shown answer publicly, then remove the private copy. Only the
// answer that was shown, as it was shown: when the bot no longer remembers it (a restart), it says so instead
// of asking the question again (issue 13, D23: the button's copy of the question may be truncated, and a new
// answer is not what the user read).
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderShown } from '../../answering.ts';
import { decodeValue, foreignConversationNotice, shareExpiredNotice, ShareValueSchema } from '../../blocks/index.ts';
import { clickMayContinue, type SlackDeps } from '../../deps.ts';
import { clickedValue, clickOrigin, NO_UNFURL } from '../places.ts';

export function shareCallback(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const value = decodeValue(ShareValueSchema, clickedValue(body));
    const channel = body.channel?.id;
    if (!value || !channel) return;
    try {
      const shown = await deps.answers.get(value.a);
      if (!shown || !clickMayContinue(shown.conversationKey, clickOrigin(body))) {
        deps.logger.info({ answerId: value.a, user: body.user.id, remembered: Boolean(shown) }, 'share refused: answer expired or not the clicker’s');
        await respond({ response_type: 'ephemeral', replace_original: false, ...(shown ? foreignConversationNotice() : shareExpiredNotice()) });
        return;
      }
      const message = renderShown(deps, shown, { showQuestion: true, sharedBy: body.user.id });
      try {
        /** @see https://docs.slack.dev/reference/methods/chat.postMessage */
        await client.chat.postMessage({ channel, ...message, ...NO_UNFURL });
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
