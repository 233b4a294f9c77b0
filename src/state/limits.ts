// How much every backend keeps, in one place.
export const STATE_LIMITS = {
  /** Answers kept for "Partager" and feedback; the oldest go first. */
  answers: 5000,
  /** …and for at most this long. */
  answerTtlMs: 7 * 24 * 60 * 60 * 1000,
  /** Event ids remembered in memory (the process-local de-duplication). */
  seenInMemory: 10_000,
} as const;
