// Public surface of the state stage: what the bot remembers, in memory, in SQLite or in Redis.
export { FeedbackRecordSchema, StateError, type FeedbackRecord, type RateDecision, type StateStore } from './types.ts';
export { StateSpecSchema, type StateSpec } from './spec.ts';
export { importLegacyFeedback, latestOpinions, openStateStore } from './open.ts';
export { createMemoryStore } from './memory.ts';
