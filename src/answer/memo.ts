// Small helpers shared by the answer stage's modules.
import type { Passage } from '../corpus/index.ts';

/** Whitespace folded to single spaces and trimmed: how quotes are compared with and cut from passages. */
export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * `compute` memoised per passage object. Passages come from the loaded index and are never changed; a
 * reloaded index brings new objects, so its passages are computed afresh (and the old entries collected).
 */
export function perPassage<T>(compute: (passage: Passage) => T): (passage: Passage) => T {
  const memo = new WeakMap<Passage, T>();
  return (passage) => {
    if (memo.has(passage)) return memo.get(passage) as T;
    const value = compute(passage);
    memo.set(passage, value);
    return value;
  };
}
