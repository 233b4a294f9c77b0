// The one boundary for everything the bot remembers between questions: conversations, the answers behind
// "Partager" and "Plus de résultats", event ids already handled, rate-limit windows, feedback, and the
// questions acked but not yet answered. Asynchronous throughout: Redis is across the network.
import { z } from 'zod';
import type { ConversationStore } from '../answer/index.ts';

export const FeedbackRecordSchema = z.object({
  /** Id of the answer message the buttons belonged to. */
  answerId: z.string().min(1),
  rating: z.enum(['positive', 'negative']),
  question: z.string(),
  labels: z.array(z.string()),
  userId: z.string().min(1),
  channelId: z.string(),
  /** ISO time of the click. */
  at: z.string(),
  /** Optional free text (from the "what was missing?" modal). */
  comment: z.string().optional(),
});
export type FeedbackRecord = z.infer<typeof FeedbackRecordSchema>;

/**
 * A question acked to Slack but not answered yet. `question` and `place` are opaque JSON to this stage (the
 * Slack stage owns their shape and validates them when it takes one back).
 */
export const InFlightSchema = z.object({
  id: z.string().min(1),
  /** Epoch ms when it was acked. */
  at: z.number(),
  question: z.unknown(),
  place: z.unknown(),
});
export type InFlight = z.infer<typeof InFlightSchema>;

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the key may take again (0 when allowed). */
  retryAfterSeconds: number;
}

export interface StateStore {
  readonly backend: 'memory' | 'sqlite' | 'redis';
  /** Where it is, for logs ("sqlite:/…/state/rapporteur.db", "redis://127.0.0.1:6379/0"). */
  readonly location: string;
  conversations: ConversationStore;
  answers: {
    /** Remember a shown answer (JSON text) under its id; bounded and expiring. */
    put(id: string, json: string): Promise<void>;
    get(id: string): Promise<string | undefined>;
  };
  dedupe: {
    /** True the first time `key` is offered within `ttlMs`, false afterwards — across every process sharing the store. */
    firstTime(key: string, ttlMs: number): Promise<boolean>;
  };
  rateLimit: {
    /** Count one hit for `key` in a sliding window, unless `limit` hits are already in it. Atomic. */
    take(key: string, limit: number, windowMs: number): Promise<RateDecision>;
  };
  feedback: {
    record(entry: FeedbackRecord): Promise<void>;
    /** Every click, oldest first (optionally those at or after `since`). */
    all(options?: { since?: Date }): Promise<FeedbackRecord[]>;
    /** Import records once per store (the legacy feedback.jsonl); the number imported, 0 when already done. */
    importOnce(records: FeedbackRecord[]): Promise<number>;
  };
  inFlight: {
    /** Record an acked question, leased to this process for `leaseMs`. */
    begin(entry: InFlight, leaseMs: number): Promise<void>;
    /** Extend the lease while the answer is being produced. */
    renew(id: string, leaseMs: number): Promise<void>;
    /** Answered (or given up): forget it. */
    finish(id: string): Promise<void>;
    /**
     * Take over the questions whose lease ran out (their process died) and that were acked less than
     * `maxAgeMs` ago, leasing them for `leaseMs`; atomic, so each is taken by one process only. Older ones
     * are dropped.
     */
    claimAbandoned(leaseMs: number, maxAgeMs: number): Promise<InFlight[]>;
  };
  close(): Promise<void>;
}

/** A state store that cannot be opened or used; the message is one sentence for the person at the terminal. */
export class StateError extends Error {
  override name = 'StateError';
}
