// Public surface of the answer stage: turn a question (and its conversation) into a cited Answer.
export { AnswerSchema, type Answer, type CitedPassage, type Language } from './schema.ts';
export type { AnswerEngine, AnswerFilters, CorpusInfo } from './engine-types.ts';
export { createAnswerEngine, DEFAULT_ABSTAIN_BELOW, type RapporteurEngine } from './engine.ts';
export { CONVERSATION_BOUNDS, MemoryConversationStore, type ConversationStore, type ConversationTurn } from './conversation.ts';
export { detectLanguage } from './language.ts';
export { messages } from './messages.ts';
export { quoted } from './compose.ts';
export { officialLinks } from './official.ts';
export { isVerbatim } from './quotes.ts';
export { validateQuestion, InvalidQuestionError, MAX_QUESTION_LENGTH, type InvalidQuestionReason } from './question.ts';
export { DEFAULT_TECHNIQUES, TECHNIQUES, type Technique } from './ask-context.ts';
