// The figures `rapporteur eval` gives for noise: Wilson intervals, the bootstrap of a mean, the paired sign test.
import { describe, expect, it } from 'vitest';
import { meanInterval, pairedMean, pairedRatio, ratioInterval, signTest } from '../../src/eval/index.ts';

const hits = (yes: number, of: number) => Array.from({ length: of }, (_, i) => i < yes);

describe('ratioInterval (Wilson, 95 %)', () => {
  it('gives the textbook bounds, and does not shrink to nothing at 100 %', () => {
    const [low, high] = ratioInterval(hits(138, 144));
    expect(low).toBeCloseTo(0.9121, 4);
    expect(high).toBeCloseTo(0.9808, 4);
    const [allLow, allHigh] = ratioInterval(hits(17, 17));
    expect(allLow).toBeCloseTo(17 / (17 + 1.959964 ** 2), 6);
    expect(allHigh).toBe(1);
    expect(ratioInterval(hits(0, 10))[0]).toBe(0);
    expect(ratioInterval([])).toEqual([0, 0]);
  });

  it('narrows as the questions grow, at the same share', () => {
    const width = ([low, high]: [number, number]) => high - low;
    expect(width(ratioInterval(hits(80, 100)))).toBeLessThan(width(ratioInterval(hits(8, 10))));
  });
});

describe('meanInterval (bootstrap, 95 %)', () => {
  const reciprocalRanks = [1, 1, 0.5, 1, 0, 0.33, 1, 1, 0.25, 1, 0.5, 1, 0, 1, 1, 0.2];
  const mean = reciprocalRanks.reduce((a, b) => a + b, 0) / reciprocalRanks.length;

  it('holds the mean, is reproducible, and is zero-width for a constant sample', () => {
    const [low, high] = meanInterval(reciprocalRanks);
    expect(low).toBeLessThan(mean);
    expect(high).toBeGreaterThan(mean);
    expect(meanInterval(reciprocalRanks)).toEqual([low, high]);
    expect(meanInterval([0.5, 0.5, 0.5])).toEqual([0.5, 0.5]);
    expect(meanInterval([0.7])).toEqual([0.7, 0.7]);
    expect(meanInterval([])).toEqual([0, 0]);
  });

  it('is about as wide as the normal approximation says', () => {
    const n = reciprocalRanks.length;
    const sd = Math.sqrt(reciprocalRanks.reduce((a, x) => a + (x - mean) ** 2, 0) / n);
    const [low, high] = meanInterval(reciprocalRanks);
    expect(high - low).toBeGreaterThan(2 * 1.6 * (sd / Math.sqrt(n)));
    expect(high - low).toBeLessThan(2 * 2.4 * (sd / Math.sqrt(n)));
  });
});

describe('signTest (exact, two-sided)', () => {
  it('is the binomial tail doubled, and 1 when nothing moved or the split is even', () => {
    expect(signTest(0, 0)).toBe(1);
    expect(signTest(8, 0)).toBeCloseTo(2 / 256, 12);
    expect(signTest(0, 8)).toBeCloseTo(2 / 256, 12);
    expect(signTest(9, 1)).toBeCloseTo((2 * (1 + 10)) / 1024, 12);
    expect(signTest(5, 5)).toBe(1);
    expect(signTest(600, 400)).toBeLessThan(1e-9);
  });
});

describe('paired comparisons', () => {
  it('counts the questions gained and lost, not the totals', () => {
    const before = [true, true, false, false, true];
    const after = [true, false, true, true, true];
    expect(pairedRatio(before, after)).toEqual({ gained: 2, lost: 1, p: 1 });
  });

  it('gives the mean difference and its interval; an unchanged run differs by exactly 0', () => {
    const before = [1, 0.5, 0, 1, 0.25, 1];
    const after = [1, 1, 0.5, 1, 0.25, 0.5];
    const compared = pairedMean(before, after);
    expect(compared.difference).toBeCloseTo((0.5 + 0.5 - 0.5) / 6, 12);
    expect(compared.baseline).toBeCloseTo(3.75 / 6, 12);
    expect(compared.interval[0]).toBeLessThanOrEqual(compared.difference);
    expect(compared.interval[1]).toBeGreaterThanOrEqual(compared.difference);
    expect(pairedMean(before, before)).toEqual({ baseline: 3.75 / 6, changed: 3.75 / 6, difference: 0, interval: [0, 0] });
  });

  it('refuses runs of different questions', () => {
    expect(() => pairedRatio([true], [true, false])).toThrow(/paired comparison of 1 against 2/);
  });
});
