// "Plus de résultats": the next page of sources for the conversation's last question.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderShown } from '../../answering.ts';
import { mrkdwnSection } from '../../blocks/elements.ts';
import { startingNotice } from '../../blocks/index.ts';
import type { SlackDeps } from '../../deps.ts';
import { actionPlace, clickedValue, isEphemeralClick } from './action-place.ts';

export function moreResultsCallback(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const place = actionPlace(body, client, respond);
    const conversationKey = clickedValue(body) ?? '';
    try {
      const engine = deps.engine.get();
      if (!engine) {
        await place.post(startingNotice());
        return;
      }
      const next = await engine.more(conversationKey);
      if (!next || next.sources.length === 0) {
        const text = 'Pas d’autres sources pour cette question.';
        await place.notifyPrivately({ text, blocks: [mrkdwnSection(text)] });
        return;
      }
      const shown = await deps.answers.remember({ answer: next, mode: 'ask', conversationKey });
      await place.post(renderShown(deps, shown, { ephemeral: isEphemeralClick(body), sourcesOnly: true }));
    } catch (error) {
      deps.logger.error({ err: error, conversationKey }, 'more results failed');
    }
  };
}
