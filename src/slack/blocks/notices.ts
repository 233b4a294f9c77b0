// Short messages: rate limit, start-up, failure, a refused question. Plain text with a matching section block.
import { MAX_QUESTION_LENGTH, type InvalidQuestionReason } from '../../answer/index.ts';
import { mrkdwnSection } from './elements.ts';
import type { SlackMessage } from './types.ts';

export function rateLimitNotice(retryAfterSeconds: number): SlackMessage {
  const text =
    `Doucement 🙂 : vous avez posé beaucoup de questions en une minute. ` +
    `Réessayez dans ${retryAfterSeconds} seconde${retryAfterSeconds > 1 ? 's' : ''}.`;
  return { text, blocks: [mrkdwnSection(text)] };
}

export function startingNotice(): SlackMessage {
  const text = 'Je démarre… l’index des rapports est en cours de chargement. Reposez votre question dans un instant.';
  return { text, blocks: [mrkdwnSection(text)] };
}

export function failureNotice(): SlackMessage {
  const text = 'Désolé, je n’ai pas pu répondre cette fois-ci (erreur interne, consignée). Réessayez dans un instant.';
  return { text, blocks: [mrkdwnSection(text)] };
}

const INVALID_QUESTION: Record<InvalidQuestionReason, string> = {
  empty: 'Votre message est vide.',
  'control-characters': 'Votre message contient des caractères de contrôle que je ne peux pas lire.',
  'no-words': 'Votre message ne contient que de la ponctuation.',
  'too-long': `Votre question est trop longue (${MAX_QUESTION_LENGTH} caractères au plus) : pouvez-vous la résumer ?`,
};

/** A question the engine refused (empty, only punctuation, too long…): say why, politely, and how to ask. */
export function invalidQuestionNotice(reason: InvalidQuestionReason): SlackMessage {
  const text = `${INVALID_QUESTION[reason]} Posez-moi une question sur les rapports, par exemple : « Que recommande le rapport 2021 sur les plateformes en ligne ? »`;
  return { text, blocks: [mrkdwnSection(text)] };
}

/** A button replayed outside its conversation ("Plus de résultats" of someone else's private answer). */
export function foreignConversationNotice(): SlackMessage {
  const text =
    'Ce bouton appartient à une autre conversation : ses sources ne sont montrées qu’à la personne qui a posé la question, ' +
    'ou dans le fil de la réponse. Posez la question vous-même pour voir les sources.';
  return { text, blocks: [mrkdwnSection(text)] };
}

/** "Partager" on an answer the bot no longer remembers (restart, or pushed out of the cache). */
export function shareExpiredNotice(): SlackMessage {
  const text =
    'Cette réponse n’est plus en mémoire (le bot a redémarré ou l’a oubliée depuis) : je ne peux pas la partager telle quelle. ' +
    'Reposez la question avec /rapporteur, puis partagez la nouvelle réponse.';
  return { text, blocks: [mrkdwnSection(text)] };
}

export function emptyQuestionNotice(): SlackMessage {
  const text = 'Posez-moi une question sur les rapports, par exemple : « Que recommande le rapport 2021 sur les plateformes en ligne ? »';
  return { text, blocks: [mrkdwnSection(text)] };
}
