// Reproducible synthetic data for the scale benchmark: N random unit vectors, uniform on the sphere.
// Uniform random vectors are the hard case for HNSW (no cluster structure to exploit, all distances alike),
// so figures measured on them are a floor for real embeddings, which are far more clustered.

/** mulberry32: a tiny, fast, seedable PRNG; quality is ample for benchmark data. */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` unit vectors of `dims` dimensions, row-major in one Float32Array (count × dims). */
export function randomUnitVectors(count: number, dims: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(count * dims);
  for (let row = 0; row < count; row++) {
    const base = row * dims;
    let norm = 0;
    for (let d = 0; d < dims; d += 2) {
      // Box–Muller: two independent standard normals from two uniforms; a normalised Gaussian vector is
      // uniform on the sphere.
      const u = 1 - rng();
      const v = rng();
      const r = Math.sqrt(-2 * Math.log(u));
      const g0 = r * Math.cos(2 * Math.PI * v);
      out[base + d] = g0;
      norm += g0 * g0;
      if (d + 1 < dims) {
        const g1 = r * Math.sin(2 * Math.PI * v);
        out[base + d + 1] = g1;
        norm += g1 * g1;
      }
    }
    const inv = 1 / Math.sqrt(norm);
    for (let d = 0; d < dims; d++) out[base + d] = (out[base + d] as number) * inv;
  }
  return out;
}

/** Row `row` of a row-major matrix as a plain array (hnswlib-node only accepts `number[]`). */
export function rowAsArray(matrix: Float32Array, dims: number, row: number): number[] {
  return Array.from(matrix.subarray(row * dims, (row + 1) * dims));
}

export interface ClusteredOptions {
  /** Number of cluster centres (topics). */
  clusters: number;
  /** Seed of the centres: data and queries must share it to come from the same mixture. */
  centreSeed: number;
  /**
   * Angular spread: a point is normalize(centre + spread · u) with u a uniform unit vector (nearly
   * orthogonal to the centre in high dimension), so its cosine to its centre is ≈ 1/√(1 + spread²):
   * 0.62 gives ≈ 0.85, and ≈ 0.72 between two points of one topic.
   */
  spread: number;
}

/**
 * `count` unit vectors drawn from a mixture of `clusters` topics: a stand-in for text embeddings, which
 * gather by subject. Queries drawn with another `seed` and the same `centreSeed` are fresh points of the
 * same topics (never copies of indexed points).
 */
export function clusteredUnitVectors(count: number, dims: number, seed: number, options: ClusteredOptions): Float32Array {
  const centres = randomUnitVectors(options.clusters, dims, options.centreSeed);
  const noise = randomUnitVectors(count, dims, seed);
  const pick = createRng(seed ^ 0x9e3779b9);
  const out = new Float32Array(count * dims);
  for (let row = 0; row < count; row++) {
    const centre = Math.floor(pick() * options.clusters) * dims;
    const base = row * dims;
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      const value = (centres[centre + d] as number) + options.spread * (noise[base + d] as number);
      out[base + d] = value;
      norm += value * value;
    }
    const inv = 1 / Math.sqrt(norm);
    for (let d = 0; d < dims; d++) out[base + d] = (out[base + d] as number) * inv;
  }
  return out;
}
