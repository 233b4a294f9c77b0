// Recent answers by id, so "Partager dans le canal" and feedback can reuse what was shown without stuffing the
// whole answer into a button value (≤ 2 000 characters). Bounded; a miss falls back to asking again.
import { randomBytes } from 'node:crypto';
import type { Answer } from '../answer/index.ts';

export interface ShownAnswer {
  answerId: string;
  answer: Answer;
  /** How it was produced, so a cache miss can reproduce it. */
  mode: 'ask' | 'lookup';
  conversationKey: string;
}

export interface AnswerCache {
  remember(entry: Omit<ShownAnswer, 'answerId'>): ShownAnswer;
  get(answerId: string): ShownAnswer | undefined;
}

export function newAnswerId(): string {
  return randomBytes(6).toString('hex');
}

export function createAnswerCache(max = 500): AnswerCache {
  const entries = new Map<string, ShownAnswer>();
  return {
    remember(entry) {
      const shown = { ...entry, answerId: newAnswerId() };
      entries.set(shown.answerId, shown);
      while (entries.size > max) entries.delete(entries.keys().next().value!);
      return shown;
    },
    get: (answerId) => entries.get(answerId),
  };
}
