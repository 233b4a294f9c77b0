// Public surface of the bench stage (used only by `rapporteur bench`): how fast, how big, how it grows.
export { runBench, plan, benchParts, machineInfo, type BenchOptions, type BenchPart, type Progress } from './run.ts';
export { runSweep, defaultSweepOptions, type SweepOptions } from './sweep.ts';
export { runScale, runScalePoint, defaultScaleOptions, syntheticSet, type Distribution, type ScaleOptions, type ScalePoint } from './scale.ts';
export { defaultHnswParams, efLadder, targetRecallAt10, type ScaleHnswParams } from './hnsw-params.ts';
export { formatReport } from './format.ts';
export { checks, targets, type Check } from './targets.ts';
export { writeResults, reportJson, type WrittenFiles } from './output.ts';
export { createProgress } from './progress-bar.ts';
export { renderScalePlot } from './scale-plot.ts';
export { renderChartsSvg, type ChartSpec, type ChartSeries } from './svg-chart.ts';
export { summarize, percentile, percentileSorted, type LatencySummary } from './stats.ts';
export { recallAtK, meanRecallAtK } from './recall.ts';
export { exactTopK } from './exact-search.ts';
export { randomUnitVectors, clusteredUnitVectors, createRng } from './synthetic.ts';
export { scaleGrowth, type BenchReport } from './report.ts';
