// Latency summaries. Percentiles use linear interpolation between closest ranks (the "R-7" definition used
// by numpy and most spreadsheets), so p50 of [1, 2] is 1.5 and small samples are not rounded to an extreme.

export interface LatencySummary {
  n: number;
  min: number;
  mean: number;
  p50: number;
  p95: number;
  max: number;
}

/** The p-th percentile (0 ≤ p ≤ 100) of an ascending-sorted sample. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of an empty sample');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be in [0, 100], got ${p}`);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (rank - lo);
}

/** The p-th percentile of an unsorted sample (the sample is not modified). */
export function percentile(samples: ArrayLike<number>, p: number): number {
  return percentileSorted(Float64Array.from(samples).sort(), p);
}

export function summarize(samples: ArrayLike<number>): LatencySummary {
  if (samples.length === 0) throw new RangeError('cannot summarise an empty sample');
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    n: sorted.length,
    min: sorted[0] as number,
    mean: sum / sorted.length,
    p50: percentileSorted(sorted, 50),
    p95: percentileSorted(sorted, 95),
    max: sorted[sorted.length - 1] as number,
  };
}
