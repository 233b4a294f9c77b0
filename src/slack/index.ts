// Public surface of the Slack stage.
export { createSlackBot, type SlackBot, type SlackBotOptions } from './app.ts';
export { loadSlackEnv, SlackEnvError, type SlackEnv } from './env.ts';
export { createEngineSlot, type EngineSlot } from './engine-slot.ts';
export { createLogger } from './logger.ts';
export { createFeedbackStore, type FeedbackRecord, type FeedbackStore } from './feedback-store.ts';
export { startServer, type RunningServer, type ServerOptions } from './server.ts';
export { SlackAuthError, type AuthRetryOptions } from './authorization.ts';
export { readiness, type Readiness } from './health.ts';
