// A candidate (ambiguous reference) or a suggestion (unknown reference) was picked: show that passage.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerAt } from '../../answering.ts';
import { commandKey, threadKey, type SlackDeps } from '../../deps.ts';
import { actionPlace, clickedValue, isEphemeralClick } from './action-place.ts';

export function choosePassageCallback(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    // Passage ids are `${docId}#${label}` (src/corpus/schema.ts): look the label up in that document.
    const passageId = clickedValue(body) ?? '';
    const hash = passageId.indexOf('#');
    if (hash <= 0) return;
    const ephemeral = isEphemeralClick(body);
    const channel = body.channel?.id ?? '';
    const threadTs = (body.message?.thread_ts as string | undefined) ?? body.message?.ts ?? '';
    await answerAt(deps, actionPlace(body, client, respond), {
      userId: body.user.id,
      text: passageId.slice(hash + 1),
      doc: passageId.slice(0, hash),
      conversationKey: ephemeral ? commandKey(channel, body.user.id) : threadKey(channel, threadTs),
      mode: 'lookup',
      display: { ephemeral, showQuestion: ephemeral },
    });
  };
}
