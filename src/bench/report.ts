// The figures of one benchmark run: what `--json` prints and bench/results.json holds.
import type { ReplicasFigures } from './replicas-bench.ts';
import type { ScalePoint } from './scale.ts';
import type { SlackFigures } from './slack-bench.ts';
import type { StateCostResult } from './state-bench.ts';
import type { LatencySummary } from './stats.ts';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  node: string;
  platform: string;
  totalMemoryMb: number;
  /** 1-, 5- and 15-minute load averages when the run started: above the core count, other work shared the CPU. */
  loadAverage: number[];
}

export interface IndexFigures {
  /** Documents of the corpus (or of the slice, in --quick). */
  documents: number;
  passages: number;
  /** Texts sent to the model (passages plus windows of long passages). */
  textsEmbedded: number;
  tokensEmbedded: number;
  fullBuildMs: number;
  fullBuildTokensPerSecond: number;
  /** Bare `embedPassages` over the same texts, same process: the floor of a full build. */
  bareEmbedMs: number;
  /** Both floor runs (before and after the build); bareEmbedMs is the faster. */
  bareEmbedRunsMs: number[];
  bareEmbedTokensPerSecond: number;
  /** fullBuildMs / bareEmbedMs. */
  buildToFloorRatio: number;
  noChangeRebuildMs: number;
  noChangeRebuildEmbedded: number;
  oneParagraphRebuildMs: number;
  oneParagraphRebuildEmbedded: number;
  /** True when only a slice of the corpus was indexed (--quick). */
  slice: boolean;
}

export interface ColdStartFigures {
  /** Parent's spawn to the child's first answer, ms. */
  totalMs: number;
  /** Inside the child: process start to its first line of our code (Node + tsx start-up). */
  processStartMs: number;
  modelLoadMs: number;
  /** Index load plus searcher and lookup construction (createAnswerEngine with the model given). */
  indexLoadMs: number;
  firstAskMs: number;
  /**
   * Where the model load found the tokenizer: 'cache' (a restart: src/embed/tokenizer-cache.ts), or 'json'
   * (the project's first start since `npm ci`, which writes the cache). Absent in results before the cache.
   */
  tokenizerSource?: 'cache' | 'json';
}

export interface AskFigures {
  questions: number;
  distinctQuestions: number;
  total: LatencySummary;
  /** Per-stage split, when the engine reports it (absent stages were not exposed). */
  stages: Partial<Record<'embed' | 'hnsw' | 'bm25' | 'fusion' | 'compose', LatencySummary>>;
  /** One bare forward pass (embedQuery of an unseen text) per question. */
  forward: LatencySummary;
  ratioP50: number;
  ratioP95: number;
  /** The same questions asked again: the question's embedding may come from a cache. */
  repeated?: LatencySummary;
  answerKinds: Record<string, number>;
}

export interface ServingFigures {
  coldStart: ColdStartFigures;
  ask: AskFigures;
  lookup: LatencySummary & { references: number; found: number };
  /** Peak RSS (VmHWM, MiB) of the serving process over the whole run, the Slack app's part included. */
  peakRssMb: number;
  /** Peak RSS (MiB) before the Slack app started: the engine alone, after its asks and lookups. */
  enginePeakRssMb?: number;
  /** Questions sent through the real Slack app as mentions, and how many were answered in their thread. */
  slack?: { questions: number; answered: number; seconds: number };
  /** Resident memory after each step of the serving process (start, model, index, firstAnswer, end), MB. */
  rssMb: Record<string, number>;
}

export interface ScaleGrowth {
  distribution: string;
  fromN: number;
  toN: number;
  buildTime: number;
  searchP50: number;
  indexBytes: number;
}

export interface BenchReport {
  startedAt: string;
  durationMs: number;
  quick: boolean;
  machine: MachineInfo;
  index?: IndexFigures;
  serving?: ServingFigures;
  /** The bot over signed HTTP: event → first streamed chunk, event → complete answer. */
  slack?: SlackFigures;
  scale: { points: ScalePoint[]; growth: ScaleGrowth[] };
  /** The state store's cost per answer, per backend. */
  state?: StateCostResult[];
  /** One serve process against two, for a burst of distinct questions. */
  replicas?: ReplicasFigures;
  /** Parts not measured, with the reason (e.g. an upstream stage missing). */
  skipped: Array<{ part: string; reason: string }>;
}

/** How each figure grew between consecutive N of the same distribution (ratios). */
export function scaleGrowth(points: ScalePoint[]): ScaleGrowth[] {
  const growth: ScaleGrowth[] = [];
  const distributions = [...new Set(points.map((p) => p.distribution))];
  for (const distribution of distributions) {
    const list = points.filter((p) => p.distribution === distribution).sort((a, b) => a.n - b.n);
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1]!;
      const b = list[i]!;
      growth.push({
        distribution,
        fromN: a.n,
        toN: b.n,
        buildTime: b.hnsw.buildMs / a.hnsw.buildMs,
        searchP50: b.hnsw.search.p50 / a.hnsw.search.p50,
        indexBytes: b.hnsw.fileBytes / a.hnsw.fileBytes,
      });
    }
  }
  return growth;
}
