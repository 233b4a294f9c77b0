// How far a figure of `rapporteur eval` can be trusted, in numbers. For one run, a 95 % interval: Wilson's
// for a share of questions, a bootstrap over the questions for a mean such as the MRR. For two runs over the
// same questions, a paired comparison: the questions gained and lost, the exact two-sided sign test, and the
// interval of the mean difference. With 144 held-out questions a change of two or three is usually within
// these intervals: the README's "within noise" is measured here.
//
// The resampling is seeded, so the same outcomes always give the same intervals (the README's shown output
// is the real output).

/** How many bootstrap resamples an interval is drawn from. */
export const RESAMPLES = 2000;
/** The share of resamples left outside the interval, half on each side: a 95 % interval. */
const OUTSIDE = 0.05;
/** The seed of the resampling: any fixed number; fixed so that an interval is reproducible. */
const SEED = 0x5eed;

/** A closed interval [low, high]. */
export type Interval = [low: number, high: number];

/** One paired yes/no figure (top 5, R@1, first quote…): questions it became true or false for, and the sign test. */
export interface PairedRatio {
  /** Questions where the changed run hits and the baseline misses. */
  gained: number;
  /** Questions where the baseline hits and the changed run misses. */
  lost: number;
  /** Two-sided exact sign test over the gained and lost questions: the chance of a split this uneven by luck. */
  p: number;
}

/** One paired mean (MRR): both means, their difference and its 95 % interval. */
export interface PairedMean {
  baseline: number;
  changed: number;
  difference: number;
  interval: Interval;
}

/**
 * The 95 % percentile interval of the mean of `values`, from RESAMPLES resamples with replacement. A single
 * value, or none, gives a zero-width interval at the mean (0 for none).
 */
export function meanInterval(values: readonly number[]): Interval {
  const n = values.length;
  if (n === 0) return [0, 0];
  const mean = sum(values) / n;
  if (n === 1) return [mean, mean];
  const random = seededRandom(SEED);
  const means = new Float64Array(RESAMPLES);
  for (let r = 0; r < RESAMPLES; r++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += values[Math.floor(random() * n)]!;
    means[r] = total / n;
  }
  means.sort();
  const at = (q: number) => means[Math.min(RESAMPLES - 1, Math.max(0, Math.round(q * (RESAMPLES - 1))))]!;
  return [at(OUTSIDE / 2), at(1 - OUTSIDE / 2)];
}

/** The normal quantile of a two-sided 95 % interval. */
const Z = 1.959964;

/**
 * The 95 % Wilson score interval of a share of hits: unlike a bootstrap it does not shrink to nothing at 0 or
 * 100 % (17 of 17 gives 81.6–100 %, not 100–100 %), and it needs no resampling. [0, 0] for no questions.
 */
export function ratioInterval(hits: readonly boolean[]): Interval {
  const n = hits.length;
  if (n === 0) return [0, 0];
  const share = hits.filter(Boolean).length / n;
  const centre = (share + (Z * Z) / (2 * n)) / (1 + (Z * Z) / n);
  const half = (Z * Math.sqrt((share * (1 - share)) / n + (Z * Z) / (4 * n * n))) / (1 + (Z * Z) / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Two runs' yes/no outcomes of the same questions, in the same order, compared. */
export function pairedRatio(baseline: readonly boolean[], changed: readonly boolean[]): PairedRatio {
  assertPaired(baseline, changed);
  let gained = 0;
  let lost = 0;
  for (const [i, before] of baseline.entries()) {
    if (changed[i] && !before) gained += 1;
    if (before && !changed[i]) lost += 1;
  }
  return { gained, lost, p: signTest(gained, lost) };
}

/** Two runs' values of the same questions (reciprocal ranks…), in the same order, compared by their means. */
export function pairedMean(baseline: readonly number[], changed: readonly number[]): PairedMean {
  assertPaired(baseline, changed);
  const n = baseline.length || 1;
  const differences = baseline.map((before, i) => changed[i]! - before);
  return {
    baseline: sum(baseline) / n,
    changed: sum(changed) / n,
    difference: sum(differences) / n,
    interval: meanInterval(differences),
  };
}

/**
 * The two-sided exact sign test: under "the change makes no difference", each question that moved is as
 * likely to have moved up as down, so the count of the rarer direction is binomial(gained + lost, ½). Returns
 * the chance of a split at least this uneven; 1 when nothing moved.
 */
export function signTest(gained: number, lost: number): number {
  const n = gained + lost;
  if (n === 0) return 1;
  const fewer = Math.min(gained, lost);
  // Σ_{k ≤ fewer} C(n, k) / 2^n, with each term built from the last so that no factorial overflows.
  let term = Math.pow(0.5, n);
  let tail = term;
  for (let k = 1; k <= fewer; k++) {
    term = (term * (n - k + 1)) / k;
    tail += term;
  }
  return Math.min(1, 2 * tail);
}

function assertPaired(baseline: readonly unknown[], changed: readonly unknown[]): void {
  if (baseline.length !== changed.length) throw new Error(`paired comparison of ${baseline.length} against ${changed.length} values`);
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/**
 * A seeded generator of floats in [0, 1): Numerical Recipes' 32-bit linear congruential generator, its high
 * bits used (floor(r × n)). Resampling needs repeatability, not strength.
 */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;
}
