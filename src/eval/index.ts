// Public surface of the evaluation stage: the evaluation questions (tuning and held-out parts, tagged by kind)
// and `evaluate`, which scores the answer engine on them.
export {
  EvalSetError,
  loadDevSet,
  loadEvalSet,
  tagsOf,
  PARTS,
  QUESTION_TAGS,
  type DevQuestion,
  type DevSet,
  type EvalSet,
  type Part,
  type PartedQuestion,
  type QuestionTag,
} from './devset.ts';
export { evaluate, figuresOf, type EvalReport, type Figures, type Outcome, type PartReport, type Ratio, type RetrievalScores } from './evaluate.ts';
export { chooseThreshold, thresholdSweep, type ThresholdRow } from './thresholds.ts';
