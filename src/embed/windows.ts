// Splitting token sequences that exceed the model's window, and merging their vectors back.

/** Positions the model accepts, special tokens included (XLM-R: 514 positions minus the 2-position offset). */
export const MODEL_MAX_TOKENS = 512;
/** Tokens shared by consecutive windows, so no sentence is only ever seen cut in half. */
export const WINDOW_OVERLAP = 128;

/**
 * Cuts `ids` (with the leading CLS and trailing SEP the tokenizer added) into windows of at most
 * `maxTokens`, each with its own CLS/SEP, consecutive windows overlapping by `overlap` content tokens.
 * A sequence that fits is returned as is. `weight` is the number of content tokens, for averaging.
 */
export function tokenWindows(
  ids: number[],
  maxTokens: number = MODEL_MAX_TOKENS,
  overlap: number = WINDOW_OVERLAP,
): Array<{ ids: number[]; weight: number }> {
  if (ids.length <= maxTokens) return [{ ids, weight: Math.max(1, ids.length - 2) }];
  const cls = ids[0] as number;
  const sep = ids[ids.length - 1] as number;
  const content = ids.slice(1, -1);
  const size = maxTokens - 2;
  const stride = size - overlap;
  const windows: Array<{ ids: number[]; weight: number }> = [];
  for (let start = 0; ; start += stride) {
    const piece = content.slice(start, start + size);
    windows.push({ ids: [cls, ...piece, sep], weight: piece.length });
    if (start + size >= content.length) break;
  }
  return windows;
}

/**
 * Longest text handed to the tokenizer in one call. transformers.js's tokenizer holds several copies of its
 * input as arrays of pieces: 400 000 characters took the process to 800 MB, and a 1.2 MB text overflowed the
 * call stack. Longer texts are tokenized piece by piece (see tokenizerPieces), which bounds that memory.
 */
export const TOKENIZER_CHUNK_CHARS = 10_000;

/**
 * Cuts a long text into pieces of at most `maxChars` for the tokenizer, each cut just *before* a space so
 * that the pieces' tokens, concatenated, are the tokens of the whole text (the space opens the next word's
 * "▁" piece; a test checks the equality with the real tokenizer). A run of `maxChars` without a space is cut
 * where it must (never inside a surrogate pair).
 */
export function tokenizerPieces(text: string, maxChars: number = TOKENIZER_CHUNK_CHARS): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + maxChars);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > start) end = space;
      else if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end -= 1;
    }
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

/** Token-weighted mean of unit vectors, renormalised to length 1. */
export function averageUnitVectors(vectors: Float32Array[], weights: number[]): Float32Array {
  const first = vectors[0];
  if (!first) throw new Error('averageUnitVectors: no vectors');
  if (vectors.length === 1) return first;
  const sum = new Float32Array(first.length);
  vectors.forEach((vector, i) => {
    const w = weights[i] ?? 1;
    for (let d = 0; d < sum.length; d++) sum[d] = (sum[d] as number) + w * (vector[d] as number);
  });
  return normalize(sum);
}

/** Dot product; for unit vectors, their cosine similarity. */
export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

export function normalize(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let d = 0; d < vector.length; d++) vector[d] = (vector[d] as number) / norm;
  return vector;
}
