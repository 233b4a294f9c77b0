// What a new conversation opens with, in both experiences (the Agent messaging view's Messages tab and the
// legacy assistant panel): a greeting and up to four prompts drawn from the corpus (answer/prompts.ts).
import type { SlackDeps } from '../deps.ts';
import { SLACK_LIMITS } from '../limits.ts';
import { truncate } from '../mrkdwn.ts';

export const GREETING =
  'Bonjour ! Je réponds aux questions sur les rapports du Groupe de travail sur la traite des personnes et du ' +
  'Secrétaire général, avec des citations exactes et leurs références. Que voulez-vous savoir ?';

/** Used only while the index is still loading (or if the corpus offers none). */
const FALLBACK_PROMPTS = ['Que recommande le rapport 2021 sur les plateformes en ligne ?', 'Quelles mesures pour les marchés publics ?'];

/** Prompt titles are cut at this length; Slack publishes no limit for them. */
const PROMPT_TITLE_MAX = 75;

export function suggestedPrompts(deps: SlackDeps): { title: string; prompts: Array<{ title: string; message: string }> } {
  const fromCorpus = deps.engine.get()?.suggestedPrompts('fr') ?? [];
  const prompts = fromCorpus.length ? fromCorpus : FALLBACK_PROMPTS;
  return {
    title: 'Par exemple :',
    prompts: prompts.slice(0, SLACK_LIMITS.suggestedPrompts).map((message) => ({ title: truncate(message, PROMPT_TITLE_MAX), message })),
  };
}
