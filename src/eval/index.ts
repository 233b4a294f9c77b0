// Public surface of the evaluation stage: the evaluation questions (tuning and held-out parts, tagged by kind)
// and `evaluate`, which scores the answer engine on them.
export { EvalSetError, loadDevSet, loadEvalSet, QUESTION_TAGS, type DevQuestion, type DevSet } from './devset.ts';
export { evaluate, type EvalReport, type Figures, type PartReport, type Ratio } from './evaluate.ts';
