// Public surface of the Slack stage.
export { createSlackBot, type SlackBot } from './app.ts';
export { loadSlackEnv, SlackEnvError } from './env.ts';
export { createEngineSlot } from './engine-slot.ts';
export { createLogger } from './logger.ts';
export { startServer } from './server.ts';
export { SlackAuthError } from './authorization.ts';
