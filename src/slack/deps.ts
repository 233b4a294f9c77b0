// What every listener needs besides Bolt's arguments; built once in app.ts.
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { AnswerCache } from './answer-cache.ts';
import type { EngineSlot } from './engine-slot.ts';
import type { FeedbackStore } from './feedback-store.ts';
import type { RateLimiter } from './rate-limiter.ts';

export interface SlackDeps {
  engine: EngineSlot;
  feedback: FeedbackStore;
  limiter: RateLimiter;
  answers: AnswerCache;
  /** Web API client for decorations (👀): own queue, no retries, a 429 rejected at once instead of waited for. */
  decorations: webApi.WebClient;
  logger: Logger;
}

/** Conversation key for the engine: one per Slack thread (or per user and channel for slash commands). */
export function threadKey(channel: string, threadTs: string): string {
  return `${channel}:${threadTs}`;
}

export function commandKey(channel: string, userId: string): string {
  return `${channel}:command:${userId}`;
}
