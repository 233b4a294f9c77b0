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

/** Per-conversation history. In memory now; the interface is small so a persistent store can replace it. */
export interface ConversationStore {
  /** Turns of a conversation, oldest first, already pruned of expired ones. */
  turns(key: string): ConversationTurn[];
  append(key: string, turn: ConversationTurn): void;
  /** Replace the most recent turn (e.g. after "more results" advanced `shown`). */
  replaceLast(key: string, turn: ConversationTurn): void;
}

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
    this.maxTurns = options.maxTurns ?? 10;
    this.maxAgeMs = options.maxAgeMs ?? 60 * 60 * 1000;
    this.maxConversations = options.maxConversations ?? 1000;
    this.now = options.now ?? Date.now;
  }

  turns(key: string): ConversationTurn[] {
    const turns = this.conversations.get(key);
    if (!turns) return [];
    const fresh = turns.filter((turn) => this.now() - turn.at <= this.maxAgeMs);
    if (fresh.length === 0) this.conversations.delete(key);
    else this.conversations.set(key, fresh);
    return [...fresh];
  }

  append(key: string, turn: ConversationTurn): void {
    const turns = [...this.turns(key), turn].slice(-this.maxTurns);
    this.conversations.delete(key); // re-insert: Map order is our LRU order
    this.conversations.set(key, turns);
    while (this.conversations.size > this.maxConversations) {
      const oldest = this.conversations.keys().next().value;
      if (oldest === undefined) break;
      this.conversations.delete(oldest);
    }
  }

  replaceLast(key: string, turn: ConversationTurn): void {
    const turns = this.turns(key);
    if (turns.length === 0) return this.append(key, turn);
    turns[turns.length - 1] = turn;
    this.conversations.set(key, turns);
  }
}
