// "Plus de résultats": the next page of sources for the conversation's last question — only for a click from
// that conversation (the key in the button value can be replayed by anyone).
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderShown } from '../../answering.ts';
import { foreignConversationNotice, noMoreNotice, startingNotice } from '../../blocks/index.ts';
import { clickMayContinue, type SlackDeps } from '../../deps.ts';
import { actionPlace, clickedValue, clickOrigin, isEphemeralClick } from '../places.ts';

export function moreResultsCallback(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const place = actionPlace(body, client, respond);
    const conversationKey = clickedValue(body) ?? '';
    try {
      if (!clickMayContinue(conversationKey, clickOrigin(body))) {
        deps.logger.warn({ user: body.user.id, channel: body.channel?.id, conversationKey }, 'more results refused: click from outside the conversation');
        await place.notifyPrivately(foreignConversationNotice());
        return;
      }
      const engine = deps.engine.get();
      if (!engine) {
        await place.post(startingNotice());
        return;
      }
      const next = await engine.more(conversationKey);
      if (!next || next.sources.length === 0) {
        await place.notifyPrivately(noMoreNotice(next?.language));
        return;
      }
      const shown = await deps.answers.remember({ answer: next, mode: 'ask', conversationKey });
      await place.post(renderShown(deps, shown, { ephemeral: isEphemeralClick(body), sourcesOnly: true }));
    } catch (error) {
      deps.logger.error({ err: error, conversationKey }, 'more results failed');
    }
  };
}
