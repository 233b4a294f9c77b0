// A memo keyed by short texts: the same report sentences are read again by every check of every answer.

/** How a text memo is bounded. */
export interface TextMemoLimits {
  /** Texts kept at most; the memo is cleared when it is full, so a long run never grows it further. */
  size: number;
  /** Longer texts are computed every time and never kept (a sentence is kept, a whole passage is not). */
  maxLength: number;
}

/** The bounds the answer path's memos use: at most 4 096 sentences of 600 characters (≈ 5 MB of keys) each. */
export const SENTENCE_MEMO: TextMemoLimits = { size: 4096, maxLength: 600 };

/**
 * `compute` memoised by its text argument, within `limits`. `compute` must depend on the text alone, and its
 * values are shared between callers: treat them as read-only.
 */
export function memoByText<T>(compute: (text: string) => T, limits: TextMemoLimits = SENTENCE_MEMO): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    if (text.length > limits.maxLength) return compute(text);
    const known = memo.get(text);
    if (known !== undefined) return known;
    const value = compute(text);
    if (memo.size >= limits.size) memo.clear();
    memo.set(text, value);
    return value;
  };
}
