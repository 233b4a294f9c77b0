// "/recommandation <référence> [document]": a passage by its reference, privately, with "Partager".
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { AnswerEngine } from '../../../answer/index.ts';
import { answerAt } from '../../answering.ts';
import { usageHelp } from '../../blocks/index.ts';
import { commandKey, type SlackDeps } from '../../deps.ts';
import { slackTextToPlain } from '../../mrkdwn.ts';
import { respondPlace } from '../places.ts';

/**
 * Split "72 d) 2023-a78-rapport-secretaire-general" into reference and document when the last word is a
 * document id; anything else (a year, "2023") stays in the reference, which the engine's lookup understands.
 */
export function splitReference(text: string, engine: AnswerEngine | undefined): { reference: string; doc?: string } {
  const words = text.trim().split(/\s+/);
  const last = words.at(-1);
  const ids = new Set(engine?.corpusInfo().documents.map((d) => d.id) ?? []);
  if (words.length > 1 && last && ids.has(last)) return { reference: words.slice(0, -1).join(' '), doc: last };
  return { reference: text.trim() };
}

export function recommandationCommandCallback(deps: SlackDeps) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const text = slackTextToPlain(command.text ?? '');
    const place = respondPlace(respond);
    if (!text) {
      await place.post(usageHelp('recommandation')).catch((error: unknown) => deps.logger.warn({ err: error }, 'usage help failed'));
      return;
    }
    const { reference, doc } = splitReference(text, deps.engine.get());
    await answerAt(deps, place, {
      userId: command.user_id,
      text: reference,
      ...(doc ? { doc } : {}),
      conversationKey: commandKey(command.channel_id, command.user_id),
      mode: 'lookup',
      display: { ephemeral: true, showQuestion: true },
    });
  };
}
