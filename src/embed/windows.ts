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

export function normalize(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let d = 0; d < vector.length; d++) vector[d] = (vector[d] as number) / norm;
  return vector;
}
