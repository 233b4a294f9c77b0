// recall@k: the share of the true k nearest neighbours that the approximate search returned, averaged
// over queries (order inside the top k does not matter).

export function recallAtK(found: ArrayLike<number>, truth: ArrayLike<number>, k: number): number {
  const expected = new Set<number>();
  for (let i = 0; i < Math.min(k, truth.length); i++) expected.add(truth[i] as number);
  if (expected.size === 0) return 1;
  let hits = 0;
  for (let i = 0; i < Math.min(k, found.length); i++) if (expected.has(found[i] as number)) hits++;
  return hits / expected.size;
}

export function meanRecallAtK(found: ArrayLike<number>[], truth: ArrayLike<number>[], k: number): number {
  if (found.length !== truth.length) throw new RangeError('found and truth must have one entry per query');
  if (found.length === 0) throw new RangeError('no queries');
  let total = 0;
  for (let q = 0; q < found.length; q++) total += recallAtK(found[q] as ArrayLike<number>, truth[q] as ArrayLike<number>, k);
  return total / found.length;
}
