import type { AnswerFilters } from './engine-types.ts';
import type { AnswerKind, Language } from './schema.ts';

/** What a later turn needs from an earlier one: how it was asked, and the ranking it produced. */
export interface ConversationTurn {
  question: string;
  /** The retrieval query actually used (the question, or the follow-up combined with the previous one). */
  resolvedQuery: string;
  filters: AnswerFilters;
  language: Language;
  kind: AnswerKind;
  /** Passage ids of the whole ranking (best first), so "more results" pages through it without searching again. */
  ranking: Array<{ passageId: string; score: number }>;
  /** How many sources of `ranking` have been shown so far. */
  shown: number;
  /** Epoch milliseconds. */
  at: number;
}

/**
 * Per-conversation history. Asynchronous because a shared store (SQLite, Redis: src/state/) sits behind it;
 * the in-memory one below serves the terminal and tests.
 */
export interface ConversationStore {
  /** Turns of a conversation, oldest first, already pruned of expired ones. */
  turns(key: string): Promise<ConversationTurn[]>;
  append(key: string, turn: ConversationTurn): Promise<void>;
  /** Replace the most recent turn (e.g. after "more results" advanced `shown`). */
  replaceLast(key: string, turn: ConversationTurn): Promise<void>;
}

/** How much of a conversation every store keeps: turns per conversation, their age, and conversations. */
export const CONVERSATION_BOUNDS = { maxTurns: 10, maxAgeMs: 60 * 60 * 1000, maxConversations: 1000 } as const;

export interface MemoryStoreOptions {
  maxTurns?: number;
  maxAgeMs?: number;
  maxConversations?: number;
  now?: () => number;
}

/** Bounded in turns per conversation, in age, and in number of conversations (least recently used goes first). */
export class MemoryConversationStore implements ConversationStore {
  private readonly conversations = new Map<string, ConversationTurn[]>();
  private readonly maxTurns: number;
  private readonly maxAgeMs: number;
  private readonly maxConversations: number;
  private readonly now: () => number;

  constructor(options: MemoryStoreOptions = {}) {
    this.maxTurns = options.maxTurns ?? CONVERSATION_BOUNDS.maxTurns;
    this.maxAgeMs = options.maxAgeMs ?? CONVERSATION_BOUNDS.maxAgeMs;
    this.maxConversations = options.maxConversations ?? CONVERSATION_BOUNDS.maxConversations;
    this.now = options.now ?? Date.now;
  }

  async turns(key: string): Promise<ConversationTurn[]> {
    return this.fresh(key);
  }

  private fresh(key: string): ConversationTurn[] {
    const turns = this.conversations.get(key);
    if (!turns) return [];
    const fresh = turns.filter((turn) => this.now() - turn.at <= this.maxAgeMs);
    if (fresh.length === 0) this.conversations.delete(key);
    else this.conversations.set(key, fresh);
    return [...fresh];
  }

  async append(key: string, turn: ConversationTurn): Promise<void> {
    this.push(key, turn);
  }

  private push(key: string, turn: ConversationTurn): void {
    const turns = [...this.fresh(key), turn].slice(-this.maxTurns);
    this.conversations.delete(key); // re-insert: Map order is our LRU order
    this.conversations.set(key, turns);
    while (this.conversations.size > this.maxConversations) {
      const oldest = this.conversations.keys().next().value;
      if (oldest === undefined) break;
      this.conversations.delete(oldest);
    }
  }

  async replaceLast(key: string, turn: ConversationTurn): Promise<void> {
    const turns = this.fresh(key);
    if (turns.length === 0) return this.push(key, turn);
    turns[turns.length - 1] = turn;
    this.conversations.set(key, turns);
  }
}
