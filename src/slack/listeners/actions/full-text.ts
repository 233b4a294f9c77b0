// "Texte intégral": open the passage in full in a modal.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { fullTextModal, fullTextUnavailableNotice, missingPassageModal } from '../../blocks/index.ts';
import { passageLinks } from '../../citation-links.ts';
import type { SlackDeps } from '../../deps.ts';
import { actionPlace, clickedValue } from '../places.ts';

export function fullTextCallback(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const passageId = clickedValue(body) ?? '';
    const engine = deps.engine.get();
    const passage = engine?.passage(passageId);
    const view = passage ? fullTextModal(passage, passageLinks(passage, deps.links)) : missingPassageModal(engine ? 'rebuilt' : 'starting');
    try {
      /** @see https://docs.slack.dev/reference/methods/views.open */
      await client.views.open({ trigger_id: body.trigger_id, view });
    } catch (error) {
      // An expired trigger (the click waited over 3 s) or a refused view: say so where the user clicked.
      deps.logger.warn({ err: error, passageId }, 'views.open failed');
      await actionPlace(body, client, respond)
        .notifyPrivately(fullTextUnavailableNotice())
        .catch((notifyError: unknown) => deps.logger.warn({ err: notifyError }, 'full-text failure notice failed'));
    }
  };
}
