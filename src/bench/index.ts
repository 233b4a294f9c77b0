// Public surface of the bench stage (used only by `rapporteur bench`): how fast, how big, how it grows.
export { runBench, benchParts, type BenchPart, type Progress } from './run.ts';
export { runSweep, defaultSweepOptions } from './sweep.ts';
export { formatReport } from './format.ts';
export { writeResults, reportJson } from './output.ts';
