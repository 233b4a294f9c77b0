// Per-user sliding window: a person (or a runaway script) cannot make the bot embed questions non-stop.

export interface RateLimiter {
  /** Count one question for `userId`; false when over the limit (the question must not be answered). */
  tryTake(userId: string): boolean;
  /** Seconds until `userId` may ask again (0 when allowed now). */
  retryAfterSeconds(userId: string): number;
}

export function createRateLimiter(options: { limit: number; windowMs?: number; now?: () => number }): RateLimiter {
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const hits = new Map<string, number[]>();

  const recent = (userId: string): number[] => {
    const cutoff = now() - windowMs;
    const kept = (hits.get(userId) ?? []).filter((t) => t > cutoff);
    if (kept.length) hits.set(userId, kept);
    else hits.delete(userId);
    return kept;
  };

  return {
    tryTake(userId) {
      const kept = recent(userId);
      if (kept.length >= options.limit) return false;
      kept.push(now());
      hits.set(userId, kept);
      return true;
    },
    retryAfterSeconds(userId) {
      const kept = recent(userId);
      if (kept.length < options.limit) return 0;
      return Math.max(1, Math.ceil((kept[0]! + windowMs - now()) / 1000));
    },
  };
}
