// Exact k-nearest-neighbour search by inner product over a row-major Float32Array: the ground truth for
// recall and one of the two exact baselines the HNSW index must beat (the other is hnswlib's own
// BruteforceSearch; the scale benchmark times both and compares against the faster).

/** Labels (row numbers) of the k rows with the largest inner product with `query`, best first. */
export function exactTopK(data: Float32Array, dims: number, query: Float32Array, k: number): Int32Array {
  const count = Math.floor(data.length / dims);
  const size = Math.min(k, count);
  // A small sorted buffer (descending scores): for k = 10 an insertion is cheaper than a heap.
  const bestScores = new Float64Array(size).fill(-Infinity);
  const bestLabels = new Int32Array(size).fill(-1);
  let worst = -Infinity;
  for (let row = 0; row < count; row++) {
    const base = row * dims;
    let dot = 0;
    // Unrolled by 4 so V8 keeps four independent accumulations in flight.
    let d = 0;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (; d + 3 < dims; d += 4) {
      s0 += (data[base + d] as number) * (query[d] as number);
      s1 += (data[base + d + 1] as number) * (query[d + 1] as number);
      s2 += (data[base + d + 2] as number) * (query[d + 2] as number);
      s3 += (data[base + d + 3] as number) * (query[d + 3] as number);
    }
    for (; d < dims; d++) dot += (data[base + d] as number) * (query[d] as number);
    dot += s0 + s1 + s2 + s3;
    if (dot <= worst) continue;
    let pos = size - 1;
    while (pos > 0 && (bestScores[pos - 1] as number) < dot) {
      bestScores[pos] = bestScores[pos - 1] as number;
      bestLabels[pos] = bestLabels[pos - 1] as number;
      pos--;
    }
    bestScores[pos] = dot;
    bestLabels[pos] = row;
    worst = bestScores[size - 1] as number;
  }
  return bestLabels;
}
