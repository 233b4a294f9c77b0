// Pure Block Kit builders: data in, blocks out. No Slack calls here.
export { answerMessage, type AnswerMessageOptions } from './answer.ts';
export { streamedAnswer, failedStream, searchTask, shortDocName, type PassageLink, type StreamChunk, type StreamedAnswer } from './stream.ts';
export { citation, passageKey, type CitationLinks } from './citation.ts';
export { fullTextModal, missingPassageModal, splitText } from './full-text-modal.ts';
export { feedbackCommentModal } from './feedback-modal.ts';
export { homeView } from './home.ts';
export { usageHelp } from './usage.ts';
export {
  rateLimitNotice,
  startingNotice,
  failureNotice,
  emptyQuestionNotice,
  invalidQuestionNotice,
  foreignConversationNotice,
  shareExpiredNotice,
  noMoreNotice,
  thanksNotice,
  fullTextUnavailableNotice,
} from './notices.ts';
export { ui } from './strings.ts';
export { ACTION, VIEW, encodeValue, decodeValue, ShareValueSchema, FeedbackValueSchema } from './action-ids.ts';
export type { KnownBlock, SlackMessage } from './types.ts';
