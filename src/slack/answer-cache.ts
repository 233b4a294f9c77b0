// Recent answers by id, so "Partager dans le canal" and feedback can reuse what was shown without stuffing the
// whole answer into a button value (≤ 2 000 characters). Kept in the state store (bounded, expiring, shared by
// every process); a miss falls back to asking again.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AnswerSchema, type Answer } from '../answer/index.ts';
import type { StateStore } from '../state/index.ts';

export interface ShownAnswer {
  answerId: string;
  answer: Answer;
  /** How it was produced, so a cache miss can reproduce it. */
  mode: 'ask' | 'lookup';
  conversationKey: string;
}

const ShownAnswerSchema = z.object({
  answerId: z.string(),
  answer: AnswerSchema,
  mode: z.enum(['ask', 'lookup']),
  conversationKey: z.string(),
});

export interface AnswerCache {
  remember(entry: Omit<ShownAnswer, 'answerId'>): Promise<ShownAnswer>;
  get(answerId: string): Promise<ShownAnswer | undefined>;
}

export function newAnswerId(): string {
  return randomBytes(6).toString('hex');
}

export function createAnswerCache(state: StateStore): AnswerCache {
  return {
    async remember(entry) {
      const shown = { ...entry, answerId: newAnswerId() };
      await state.answers.put(shown.answerId, JSON.stringify(shown));
      return shown;
    },
    async get(answerId) {
      const json = await state.answers.get(answerId);
      if (json === undefined) return undefined;
      // Written by this code, maybe by an older version: what does not parse is a miss, not an error.
      const parsed = ShownAnswerSchema.safeParse(JSON.parse(json));
      return parsed.success ? parsed.data : undefined;
    },
  };
}
