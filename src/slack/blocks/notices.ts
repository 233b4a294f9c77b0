// Short messages: rate limit, start-up, failure, a refused question, a click that cannot go on. Plain text with
// a matching section block.
import { MAX_QUESTION_LENGTH, type InvalidQuestionReason, type Language } from '../../answer/index.ts';
import { mrkdwnSection } from './elements.ts';
import { ui } from './strings.ts';
import type { SlackMessage } from './types.ts';

function notice(text: string): SlackMessage {
  return { text, blocks: [mrkdwnSection(text)] };
}

// `language`: the question's, when there is one (answering.ts); French otherwise (a click, an empty message).

export function rateLimitNotice(retryAfterSeconds: number, language?: Language): SlackMessage {
  return notice(ui(language).notices.rateLimit(retryAfterSeconds));
}

export function startingNotice(language?: Language): SlackMessage {
  return notice(ui(language).notices.starting);
}

export function failureNotice(language?: Language): SlackMessage {
  return notice(ui(language).notices.failure);
}

/** A question the engine refused (empty, only punctuation, too long…): say why, politely, and how to ask. */
export function invalidQuestionNotice(reason: InvalidQuestionReason, language?: Language): SlackMessage {
  const t = ui(language).notices;
  return notice(`${t.invalidQuestion(reason, MAX_QUESTION_LENGTH)} ${t.askMe}`);
}

/** A button replayed outside its conversation ("Plus de résultats" of someone else's private answer). */
export function foreignConversationNotice(): SlackMessage {
  return notice(ui().notices.foreignConversation);
}

/** "Partager" on an answer the bot no longer remembers (restart, or pushed out of the cache). */
export function shareExpiredNotice(): SlackMessage {
  return notice(ui().notices.shareExpired);
}

/** A mention without words: nothing to tell the language by, French. */
export function emptyQuestionNotice(): SlackMessage {
  return notice(ui().notices.askMe);
}

/** "Plus de résultats" when the conversation has no further sources; `language` is its answer's, when known. */
export function noMoreNotice(language?: Language): SlackMessage {
  return notice(ui(language).noMore);
}

/** A short thanks for a 👍, only for the clicker. A click does not carry the answer's language: French. */
export function thanksNotice(): SlackMessage {
  return notice(ui('fr').thanks);
}

/** "Texte intégral" could not open its modal (expired trigger, refused view). French, as for the thanks. */
export function fullTextUnavailableNotice(): SlackMessage {
  return notice(ui('fr').fullTextUnavailable);
}
