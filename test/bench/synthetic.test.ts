import { describe, expect, it } from 'vitest';
import { exactTopK } from '../../src/bench/exact-search.ts';
import { clusteredUnitVectors, createRng, randomUnitVectors } from '../../src/bench/synthetic.ts';

const norm = (v: Float32Array, row: number, dims: number) => {
  let sum = 0;
  for (let d = 0; d < dims; d++) sum += (v[row * dims + d] as number) ** 2;
  return Math.sqrt(sum);
};
const dot = (a: Float32Array, i: number, b: Float32Array, j: number, dims: number) => {
  let sum = 0;
  for (let d = 0; d < dims; d++) sum += (a[i * dims + d] as number) * (b[j * dims + d] as number);
  return sum;
};

describe('synthetic vectors', () => {
  it('are unit vectors, reproducible from the seed', () => {
    const a = randomUnitVectors(50, 384, 7);
    expect(a.length).toBe(50 * 384);
    for (let row = 0; row < 50; row++) expect(norm(a, row, 384)).toBeCloseTo(1, 5);
    expect(randomUnitVectors(50, 384, 7)).toEqual(a);
    expect(randomUnitVectors(50, 384, 8)).not.toEqual(a);
  });

  it('uniform vectors are nearly orthogonal, clustered ones share their topic', () => {
    const uniform = randomUnitVectors(200, 384, 1);
    let mean = 0;
    for (let i = 1; i < 200; i++) mean += dot(uniform, 0, uniform, i, 384) / 199;
    expect(Math.abs(mean)).toBeLessThan(0.02);

    const options = { clusters: 1, centreSeed: 3, spread: 0.62 };
    const clustered = clusteredUnitVectors(100, 384, 1, options);
    for (let row = 0; row < 100; row++) expect(norm(clustered, row, 384)).toBeCloseTo(1, 5);
    // One topic: two points have cosine ≈ 1 / (1 + spread²) ≈ 0.72.
    expect(dot(clustered, 0, clustered, 1, 384)).toBeGreaterThan(0.6);
    expect(dot(clustered, 0, clustered, 1, 384)).toBeLessThan(0.85);
  });

  it('the PRNG yields values in [0, 1)', () => {
    const rng = createRng(42);
    for (let i = 0; i < 1000; i++) {
      const x = rng();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});

describe('exact search', () => {
  it('returns the k best inner products, best first, agreeing with a sort of all scores', () => {
    const dims = 16;
    const data = randomUnitVectors(500, dims, 11);
    const queries = randomUnitVectors(20, dims, 12);
    for (let q = 0; q < 20; q++) {
      const query = queries.subarray(q * dims, (q + 1) * dims);
      const scores = Array.from({ length: 500 }, (_, i) => ({ i, s: dot(data, i, queries, q, dims) }));
      scores.sort((a, b) => b.s - a.s);
      expect(Array.from(exactTopK(data, dims, query, 10))).toEqual(scores.slice(0, 10).map((x) => x.i));
    }
  });

  it('returns every row when k exceeds N', () => {
    const data = randomUnitVectors(3, 8, 1);
    expect(Array.from(exactTopK(data, 8, data.subarray(0, 8), 10)).sort()).toEqual([0, 1, 2]);
  });
});
