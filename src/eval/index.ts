// Public surface of the evaluation stage: the evaluation questions (tuning and held-out parts, tagged by kind)
// `evaluate`, which scores the answer engine on them, and how far its figures can be trusted (noise.ts).
export { EvalSetError, loadDevSet, loadEvalSet, QUESTION_TAGS, type DevQuestion, type DevSet } from './devset.ts';
export { evaluate, type Change, type EvalReport, type Figures, type PartComparison, type PartReport, type Ratio } from './evaluate.ts';
export { meanInterval, pairedMean, pairedRatio, ratioInterval, signTest, type Interval, type PairedMean, type PairedRatio } from './noise.ts';
