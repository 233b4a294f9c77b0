// What every listener needs besides Bolt's arguments; built once in app.ts.
import type { webApi } from '@slack/bolt';
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
  /** Web API client for decorations (👀): own queue, no retries, a 429 rejected at once instead of waited for. */
  decorations: webApi.WebClient;
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

/** Where a click comes from: who clicked, in which channel, in which thread (none for ephemeral messages). */
export interface ClickOrigin {
  userId: string;
  channel: string;
  threadTs?: string;
}

/**
 * Whether a click may continue conversation `key`. A key travels in a button value, which anyone can replay:
 * a slash-command conversation (private) continues only for its own user in its channel, a thread only from
 * inside that thread (its answers are visible to everyone there).
 */
export function clickMayContinue(key: string, click: ClickOrigin): boolean {
  const parts = key.split(':');
  if (parts.length === 3 && parts[1] === 'command') return parts[0] === click.channel && parts[2] === click.userId;
  if (parts.length === 2) return parts[0] === click.channel && click.threadTs !== undefined && parts[1] === click.threadTs;
  return false;
}
