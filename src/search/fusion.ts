// Merging the dense and lexical rankings into one: a convex combination of normalised scores (fuseConvex, the
// searcher's default) or reciprocal rank fusion (fuse), which uses ranks alone.

export interface RankedList {
  /** Name of the list, kept in each fused item's `contributions` (e.g. 'dense', 'lexical'). */
  name: string;
  /** Relative weight of this list (default 1). */
  weight?: number;
  /** Item ids, best first. */
  ids: readonly string[];
  /** The list's own scores, aligned with `ids` (kept for explanations only). */
  scores?: readonly number[];
}

export interface FusedItem {
  id: string;
  /** The fused score in [0, 1]: 1 for an item first in every list. */
  score: number;
  /** Rank (1-based) and original score of the item in each list it appears in. */
  contributions: Record<string, { rank: number; score: number }>;
}

/** The usual constant (Cormack et al. 2009): large enough that rank 1 and rank 5 are not worlds apart. */
export const RRF_K = 60;

/** Reciprocal rank fusion: by rank alone, so a cosine similarity and a BM25 score never share a scale. */
export function fuse(lists: readonly RankedList[], options: { k?: number } = {}): FusedItem[] {
  const k = options.k ?? RRF_K;
  const byId = new Map<string, FusedItem>();
  let maximum = 0;
  for (const list of lists) {
    const weight = list.weight ?? 1;
    if (weight <= 0) continue;
    maximum += weight / (k + 1);
    list.ids.forEach((id, index) => {
      const rank = index + 1;
      let item = byId.get(id);
      if (!item) {
        item = { id, score: 0, contributions: {} };
        byId.set(id, item);
      }
      // An id listed twice in one list counts once, at its best rank.
      if (item.contributions[list.name]) return;
      item.score += weight / (k + rank);
      item.contributions[list.name] = { rank, score: list.scores?.[index] ?? Number.NaN };
    });
  }
  const fused = [...byId.values()];
  for (const item of fused) item.score = maximum > 0 ? item.score / maximum : 0;
  // Ties (same score) keep a stable, deterministic order: best single rank first, then id.
  return fused.sort((a, b) => b.score - a.score || bestRank(a) - bestRank(b) || a.id.localeCompare(b.id));
}

function bestRank(item: FusedItem): number {
  let best = Infinity;
  for (const name in item.contributions) best = Math.min(best, item.contributions[name]!.rank);
  return best;
}

/**
 * Convex combination of min-max-normalised scores (Σ wᵢ·normᵢ / Σ wᵢ), the searcher's default (its `fusion`
 * option has the measurement against RRF). It uses how far apart the scores are, not only the order, so it
 * needs each list's `scores`.
 */
export function fuseConvex(lists: readonly RankedList[]): FusedItem[] {
  const byId = new Map<string, FusedItem>();
  let total = 0;
  for (const list of lists) {
    const weight = list.weight ?? 1;
    if (weight <= 0) continue;
    total += weight;
    const scores = list.scores ?? list.ids.map((_, i) => list.ids.length - i);
    let max = -Infinity;
    let min = Infinity;
    for (const score of scores) {
      if (score > max) max = score;
      if (score < min) min = score;
    }
    const { ids, name } = list;
    for (let index = 0; index < ids.length; index += 1) {
      const id = ids[index]!;
      let item = byId.get(id);
      if (!item) {
        item = { id, score: 0, contributions: {} };
        byId.set(id, item);
      }
      if (item.contributions[name]) continue;
      const score = scores[index] ?? min;
      item.score += weight * (max > min ? (score - min) / (max - min) : 1);
      item.contributions[name] = { rank: index + 1, score: list.scores?.[index] ?? Number.NaN };
    }
  }
  const fused = [...byId.values()];
  for (const item of fused) item.score = total > 0 ? item.score / total : 0;
  return fused.sort((a, b) => b.score - a.score || bestRank(a) - bestRank(b) || a.id.localeCompare(b.id));
}
