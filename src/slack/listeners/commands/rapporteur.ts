// "/rapporteur <question>": the answer only the asker sees, with "Partager dans le canal".
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerAt } from '../../answering.ts';
import { usageHelp } from '../../blocks/index.ts';
import { commandKey, type SlackDeps } from '../../deps.ts';
import { slackTextToPlain } from '../../mrkdwn.ts';
import { respondPlace } from '../places.ts';

export function rapporteurCommandCallback(deps: SlackDeps) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    // Ack at once (Slack waits 3 s at most); the answer follows through response_url.
    await ack();
    const question = slackTextToPlain(command.text ?? '');
    const place = respondPlace(respond, { resumable: { responseUrl: command.response_url, userId: command.user_id } });
    if (!question) {
      await place.post(usageHelp('rapporteur')).catch((error: unknown) => deps.logger.warn({ err: error }, 'usage help failed'));
      return;
    }
    await answerAt(deps, place, {
      userId: command.user_id,
      text: question,
      conversationKey: commandKey(command.channel_id, command.user_id),
      mode: 'ask',
      display: { ephemeral: true, showQuestion: true },
    });
  };
}
