import { describe, expect, it } from 'vitest';
import { fuse, fuseConvex, RRF_K } from '../../src/search/fusion.ts';

describe('reciprocal rank fusion', () => {
  it('puts an item ranked well in both lists above items ranked first in only one', () => {
    const fused = fuse([
      { name: 'dense', ids: ['a', 'b', 'c'], scores: [0.9, 0.8, 0.7] },
      { name: 'lexical', ids: ['d', 'b'], scores: [12, 10] },
    ]);
    expect(fused.map((f) => f.id)).toEqual(['b', 'a', 'd', 'c']);
    expect(fused[0]?.contributions).toEqual({ dense: { rank: 2, score: 0.8 }, lexical: { rank: 2, score: 10 } });
  });

  it('normalises scores to [0, 1]: first in every list scores 1', () => {
    const fused = fuse([
      { name: 'dense', ids: ['a', 'b'] },
      { name: 'lexical', ids: ['a'] },
    ]);
    expect(fused[0]?.score).toBeCloseTo(1);
    expect(fused[1]?.score).toBeCloseTo(1 / (RRF_K + 2) / (2 / (RRF_K + 1)));
    for (const f of fused) expect(f.score).toBeGreaterThan(0);
  });

  it('applies list weights and ignores lists of weight 0', () => {
    const fused = fuse([
      { name: 'dense', ids: ['a', 'b'], weight: 2 },
      { name: 'lexical', ids: ['b', 'a'], weight: 1 },
      { name: 'off', ids: ['z'], weight: 0 },
    ]);
    expect(fused.map((f) => f.id)).toEqual(['a', 'b']);
  });
});

describe('convex fusion', () => {
  it('weighs how far apart the scores are, and stays in [0, 1]', () => {
    const fused = fuseConvex([
      { name: 'dense', ids: ['a', 'b', 'c'], scores: [0.9, 0.89, 0.5] },
      { name: 'lexical', ids: ['c', 'b', 'd'], scores: [10, 9, 1] },
    ]);
    // b is nearly best in dense and close second in lexical; c is last in dense despite leading lexical.
    expect(fused.map((f) => f.id)).toEqual(['b', 'a', 'c', 'd']);
    for (const f of fused) {
      expect(f.score).toBeGreaterThanOrEqual(0);
      expect(f.score).toBeLessThanOrEqual(1);
    }
    expect(fused[0]?.contributions.lexical).toEqual({ rank: 2, score: 9 });
  });
});
