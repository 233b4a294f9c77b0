// A candidate (ambiguous reference) or a suggestion (unknown reference) was picked: show that passage.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerAt } from '../../answering.ts';
import { commandKey, threadKey, type SlackDeps } from '../../deps.ts';
import { actionPlace, clickedValue, isEphemeralClick, threadOf } from '../places.ts';
import { splitPassageId } from '../../../corpus/index.ts';

export function choosePassageCallback(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    // The button carries a passage id: look its label up in its document.
    const passage = splitPassageId(clickedValue(body) ?? '');
    if (!passage) return;
    const ephemeral = isEphemeralClick(body);
    const channel = body.channel?.id ?? '';
    const threadTs = body.message ? threadOf(body.message) : '';
    await answerAt(deps, actionPlace(body, client, respond), {
      userId: body.user.id,
      text: passage.label,
      doc: passage.docId,
      conversationKey: ephemeral ? commandKey(channel, body.user.id) : threadKey(channel, threadTs),
      mode: 'lookup',
      display: { ephemeral, showQuestion: ephemeral },
    });
  };
}
