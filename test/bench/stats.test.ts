import { describe, expect, it } from 'vitest';
import { percentile, percentileSorted, summarize } from '../../src/bench/stats.ts';
import { meanRecallAtK, recallAtK } from '../../src/bench/recall.ts';

describe('percentiles', () => {
  it('interpolates between closest ranks', () => {
    expect(percentileSorted([1, 2], 50)).toBe(1.5);
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBeCloseTo(9.55, 10);
    expect(percentile([7], 95)).toBe(7);
  });

  it('takes the extremes at 0 and 100 and leaves its input unsorted', () => {
    const samples = [3, 9, 1];
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile(samples, 100)).toBe(9);
    expect(samples).toEqual([3, 9, 1]);
  });

  it('refuses empty samples and out-of-range percentiles', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => summarize([])).toThrow(RangeError);
  });

  it('summarises a sample', () => {
    const s = summarize(Array.from({ length: 100 }, (_, i) => 100 - i));
    expect(s).toMatchObject({ n: 100, min: 1, max: 100, mean: 50.5, p50: 50.5 });
    expect(s.p95).toBeCloseTo(95.05, 10);
  });
});

describe('recall@k', () => {
  it('counts the true neighbours found, whatever their order', () => {
    expect(recallAtK([3, 2, 1], [1, 2, 3], 3)).toBe(1);
    expect(recallAtK([1, 9, 8, 2], [1, 2, 3, 4], 4)).toBe(0.5);
    expect(recallAtK([], [1, 2], 2)).toBe(0);
  });

  it('only looks at the first k of each list', () => {
    expect(recallAtK([1, 2, 3], [3, 4, 5], 2)).toBe(0);
    expect(recallAtK([4, 3], [3, 4, 5], 2)).toBe(1);
    expect(recallAtK([4, 9, 3], [3, 4, 5], 2)).toBe(0.5);
  });

  it('averages over queries', () => {
    expect(meanRecallAtK([[1, 2], [5, 6]], [[1, 2], [1, 2]], 2)).toBe(0.5);
    expect(() => meanRecallAtK([[1]], [], 1)).toThrow(RangeError);
  });
});
