// Public surface of the state stage: what the bot remembers, in memory, in SQLite or in Redis.
export { FeedbackRecordSchema, InFlightSchema, StateError, type FeedbackRecord, type InFlight, type RateDecision, type StateStore } from './types.ts';
export { DEFAULT_STATE_FILE, StateSpecSchema, type StateSpec } from './spec.ts';
export { importLegacyFeedback, latestOpinions, openStateStore, readFeedbackLines, type OpenStateOptions } from './open.ts';
export { createMemoryStore } from './memory.ts';
export { MIGRATIONS, SCHEMA_VERSION } from './sqlite.ts';
export { withFallback, type FallbackOptions, type StateLogger } from './fallback.ts';
export { STATE_LIMITS } from './limits.ts';
