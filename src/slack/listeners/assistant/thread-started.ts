// The assistant panel opens: greet, and offer prompts drawn from the corpus.
import type { AssistantThreadStartedMiddleware } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { truncate } from '../../mrkdwn.ts';

const GREETING =
  'Bonjour ! Je réponds aux questions sur les rapports du Groupe de travail sur la traite des personnes et du ' +
  'Secrétaire général, avec des citations exactes et leurs références. Que voulez-vous savoir ?';

/** Used only while the index is still loading (or if the corpus offers none). */
const FALLBACK_PROMPTS = ['Que recommande le rapport 2021 sur les plateformes en ligne ?', 'Quelles mesures pour les marchés publics ?'];

export function threadStartedCallback(deps: SlackDeps): AssistantThreadStartedMiddleware {
  return async ({ say, setSuggestedPrompts, logger }) => {
    try {
      await say(GREETING);
      const fromCorpus = deps.engine.get()?.suggestedPrompts('fr') ?? [];
      const prompts = fromCorpus.length ? fromCorpus : FALLBACK_PROMPTS;
      // Slack shows at most four prompts.
      await setSuggestedPrompts({
        title: 'Par exemple :',
        prompts: prompts.slice(0, 4).map((message) => ({ title: truncate(message, 75), message })),
      });
    } catch (error) {
      logger.error(`assistant greeting failed: ${String(error)}`);
    }
  };
}
