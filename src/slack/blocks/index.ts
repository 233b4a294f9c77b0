// Pure Block Kit builders: data in, blocks out. No Slack calls here.
export { answerMessage, answerBlocks, answerSections, answerFallbackText, sourceBlocks, type AnswerMessageOptions, type AnswerSections } from './answer.ts';
export { streamedAnswer, failedStream, searchTask, readingTasks, shortDocName, type PassageLink, type StreamChunk, type StreamedAnswer, type TaskChunk } from './stream.ts';
export { citation, linkOf, passageKey, questionContext, type CitationLinks } from './citation.ts';
export { lookupBlocks } from './lookup.ts';
export { ambiguousChoiceBlocks, notFoundBlocks, isAmbiguousLookup } from './choices.ts';
export { fullTextModal, missingPassageModal, splitText } from './full-text-modal.ts';
export { feedbackCommentModal } from './feedback-modal.ts';
export { homeView } from './home.ts';
export { usageHelp, type CommandName } from './usage.ts';
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
export { citedLabels } from './footer.ts';
export { ACTION, VIEW, encodeValue, decodeValue, ShareValueSchema, FeedbackValueSchema } from './action-ids.ts';
export type { KnownBlock, SlackMessage, ModalView, HomeView } from './types.ts';
