// The scale benchmark: how an HNSW index of N synthetic unit vectors builds, searches and grows, against
// exact search on the same data. Everything runs in this process on hnswlib-node, as the real index does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import { nowMs } from './clock.ts';
import { exactTopK } from './exact-search.ts';
import { defaultHnswParams, efLadder, targetRecallAt10, type ScaleHnswParams } from './hnsw-params.ts';
import { meanRecallAtK } from './recall.ts';
import { summarize, type LatencySummary } from './stats.ts';
import { clusteredUnitVectors, randomUnitVectors, rowAsArray } from './synthetic.ts';

const { HierarchicalNSW, BruteforceSearch } = hnswlib;

export type Distribution = 'uniform' | 'clustered';

export interface ScaleOptions {
  sizes: number[];
  dims: number;
  distribution: Distribution;
  /** Queries whose latency and recall are reported (200 in the default run). */
  queries: number;
  /** Separate queries used only to choose ef, so the reported recall is not tuned on itself. */
  tuneQueries: number;
  /** Queries timed on the pure-JavaScript exact scan (slow at large N, so fewer). */
  jsExactQueries: number;
  k: number;
  params: ScaleHnswParams;
  targetRecall: number;
  /** Fix ef instead of tuning it (used by the sweep). */
  ef?: number;
  seed: number;
  onProgress?: (label: string, done: number, total: number) => void;
}

export interface ScalePoint {
  n: number;
  dims: number;
  distribution: Distribution;
  k: number;
  hnsw: {
    m: number;
    efConstruction: number;
    ef: number;
    buildMs: number;
    buildUsPerVector: number;
    search: LatencySummary;
    recall: number;
    /** Size of the index written by writeIndex, bytes. */
    fileBytes: number;
    /** Growth of the process RSS while building it (noisy: includes allocator slack), bytes. */
    rssGrowthBytes: number;
  };
  exact: {
    /** The faster of the two exact scans, the baseline the index is compared with. */
    baseline: 'hnswlib-bruteforce' | 'js-scan';
    bruteforce: LatencySummary;
    jsScan: LatencySummary;
    /** Agreement of the two exact scans (recall of one against the other): should be 1. */
    agreement: number;
  };
  /** Exact baseline p50 / HNSW p50. */
  speedupP50: number;
  /** Exact baseline p95 / HNSW p95. */
  speedupP95: number;
}

export const defaultScaleOptions: Omit<ScaleOptions, 'sizes' | 'distribution'> = {
  dims: 384,
  queries: 200,
  tuneQueries: 100,
  jsExactQueries: 50,
  k: 10,
  params: defaultHnswParams,
  targetRecall: targetRecallAt10,
  seed: 1,
};

/** Data and queries of one distribution, reproducible from the seed. */
export function syntheticSet(
  distribution: Distribution,
  n: number,
  queries: number,
  dims: number,
  seed: number,
): { data: Float32Array; queries: Float32Array } {
  if (distribution === 'uniform') {
    return { data: randomUnitVectors(n, dims, seed), queries: randomUnitVectors(queries, dims, seed + 1000) };
  }
  // About 100 points per topic, whatever N: the index grows by adding topics, as a growing library would.
  const mixture = { clusters: Math.max(1, Math.round(n / 100)), centreSeed: seed + 2000, spread: 0.62 };
  return {
    data: clusteredUnitVectors(n, dims, seed, mixture),
    queries: clusteredUnitVectors(queries, dims, seed + 1000, mixture),
  };
}

interface SearchRun {
  neighbours: number[][];
  latencies: number[];
}

function searchAll(index: { searchKnn(q: number[], k: number): { neighbors: number[] } }, queries: number[][], k: number): SearchRun {
  const neighbours: number[][] = [];
  const latencies: number[] = [];
  for (const query of queries) {
    const start = nowMs();
    const result = index.searchKnn(query, k);
    latencies.push(nowMs() - start);
    neighbours.push(result.neighbors);
  }
  return { neighbours, latencies };
}

/** Measures one N: exact baselines, HNSW build, ef choice, HNSW search. */
export function runScalePoint(n: number, options: ScaleOptions): ScalePoint {
  const { dims, k } = options;
  const report = (label: string, done: number, total: number) => options.onProgress?.(label, done, total);
  const totalQueries = options.queries + options.tuneQueries;
  const set = syntheticSet(options.distribution, n, totalQueries, dims, options.seed);
  const queryArrays = Array.from({ length: totalQueries }, (_, q) => rowAsArray(set.queries, dims, q));
  const evalQueries = queryArrays.slice(0, options.queries);
  const tuneQueries = queryArrays.slice(options.queries);

  // Exact search with hnswlib's brute force (C++, SIMD distance): ground truth and first baseline.
  const bruteforce = new BruteforceSearch('ip', dims);
  bruteforce.initIndex(n);
  for (let i = 0; i < n; i++) bruteforce.addPoint(rowAsArray(set.data, dims, i), i);
  const exactRun = searchAll(bruteforce, queryArrays, k);
  const truthEval = exactRun.neighbours.slice(0, options.queries);
  const truthTune = exactRun.neighbours.slice(options.queries);

  // Second baseline: a tight Float32Array scan in JavaScript, on fewer queries (it is the slower one).
  const jsCount = Math.min(options.jsExactQueries, options.queries);
  const jsLatencies: number[] = [];
  const jsNeighbours: number[][] = [];
  for (let q = 0; q < jsCount; q++) {
    const query = set.queries.subarray(q * dims, (q + 1) * dims);
    const start = nowMs();
    const top = exactTopK(set.data, dims, query, k);
    jsLatencies.push(nowMs() - start);
    jsNeighbours.push(Array.from(top));
  }
  const agreement = meanRecallAtK(jsNeighbours, truthEval.slice(0, jsCount), k);

  // HNSW build, one addPoint per vector as the real index does.
  const rssBefore = process.memoryUsage().rss;
  const index = new HierarchicalNSW('ip', dims);
  index.initIndex(n, options.params.m, options.params.efConstruction, options.seed);
  const buildStart = nowMs();
  const step = Math.max(1, Math.floor(n / 100));
  for (let i = 0; i < n; i++) {
    index.addPoint(rowAsArray(set.data, dims, i), i);
    if (i % step === 0) report(`${options.distribution} N=${n}: build`, i, n);
  }
  const buildMs = nowMs() - buildStart;
  const rssGrowthBytes = Math.max(0, process.memoryUsage().rss - rssBefore);
  const fileBytes = indexFileSize(index);

  // ef: the smallest rung of the ladder whose recall on the tuning queries reaches the target.
  let ef = options.ef ?? efLadder[efLadder.length - 1]!;
  if (options.ef === undefined) {
    for (const candidate of efLadder) {
      if (candidate < k) continue;
      index.setEf(candidate);
      report(`${options.distribution} N=${n}: tune ef=${candidate}`, candidate, efLadder[efLadder.length - 1]!);
      if (meanRecallAtK(searchAll(index, tuneQueries, k).neighbours, truthTune, k) >= options.targetRecall) {
        ef = candidate;
        break;
      }
    }
  }
  index.setEf(ef);
  searchAll(index, tuneQueries.slice(0, 20), k); // warm caches before timing
  report(`${options.distribution} N=${n}: search`, 0, 1);
  const hnswRun = searchAll(index, evalQueries, k);
  const hnswSearch = summarize(hnswRun.latencies);
  const bruteforceSearch = summarize(exactRun.latencies.slice(0, options.queries));
  const jsScan = summarize(jsLatencies);
  const baseline = bruteforceSearch.p50 <= jsScan.p50 ? 'hnswlib-bruteforce' : 'js-scan';
  const exactSummary = baseline === 'hnswlib-bruteforce' ? bruteforceSearch : jsScan;
  return {
    n,
    dims,
    distribution: options.distribution,
    k,
    hnsw: {
      m: options.params.m,
      efConstruction: options.params.efConstruction,
      ef,
      buildMs,
      buildUsPerVector: (buildMs * 1000) / n,
      search: hnswSearch,
      recall: meanRecallAtK(hnswRun.neighbours, truthEval, k),
      fileBytes,
      rssGrowthBytes,
    },
    exact: { baseline, bruteforce: bruteforceSearch, jsScan, agreement },
    speedupP50: exactSummary.p50 / hnswSearch.p50,
    speedupP95: exactSummary.p95 / hnswSearch.p95,
  };
}

function indexFileSize(index: { writeIndexSync(file: string): void }): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-bench-'));
  try {
    const file = path.join(dir, 'scale.hnsw');
    index.writeIndexSync(file);
    return fs.statSync(file).size;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function runScale(options: ScaleOptions): ScalePoint[] {
  return options.sizes.map((n) => runScalePoint(n, options));
}
