// What every listener needs besides Bolt's arguments; built once in app.ts.
import type { Logger } from 'pino';
import type { CitationLinker } from '../reader/index.ts';
import type { AnswerCache } from './answer-cache.ts';
import type { PassageLink } from './blocks/index.ts';
import type { EngineSlot } from './engine-slot.ts';
import type { FeedbackStore } from './feedback-store.ts';
import type { RateLimiter } from './rate-limiter.ts';
import type { StateStore } from '../state/index.ts';

export interface SlackDeps {
  engine: EngineSlot;
  feedback: FeedbackStore;
  limiter: RateLimiter;
  answers: AnswerCache;
  /** Everything remembered between questions (SQLite, Redis or memory); the pieces above are views on it. */
  state: StateStore;
  logger: Logger;
  /** Stream answers (chat.startStream…) where Slack allows it; RAPPORTEUR_STREAMING=off posts them whole. */
  streaming: boolean;
  /** A public link per passage (the report reader), used as the sources of streamed reading tasks. */
  passageLink?: PassageLink;
  /** Makes the reader links of citations; absent when the reader is off (citations are plain text). */
  links?: CitationLinker;
}

/** Conversation key for the engine: one per Slack thread (or per user and channel for slash commands). */
export function threadKey(channel: string, threadTs: string): string {
  return `${channel}:${threadTs}`;
}

export function commandKey(channel: string, userId: string): string {
  return `${channel}:command:${userId}`;
}
