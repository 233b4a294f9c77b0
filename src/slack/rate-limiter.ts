// Per-user sliding window: a person (or a runaway script) cannot make the bot embed questions non-stop. The
// window lives in the state store, so several processes share one limit per user.
import type { RateDecision, StateStore } from '../state/index.ts';

export interface RateLimiter {
  /** Count one question for `userId`; not allowed when over the limit (the question must not be answered). */
  take(userId: string): Promise<RateDecision>;
}

export function createRateLimiter(options: { state: StateStore; limit: number; windowMs?: number }): RateLimiter {
  const windowMs = options.windowMs ?? 60_000;
  return { take: (userId) => options.state.rateLimit.take(`user:${userId}`, options.limit, windowMs) };
}
