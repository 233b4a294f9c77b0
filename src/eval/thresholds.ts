// The abstention threshold's trade-off: at each candidate threshold, how many unanswerable questions would be
// declined and how many answerable ones wrongly refused; the calibrated choice is the highest threshold that
// wrongly refuses at most a given number.

export interface ThresholdRow {
  threshold: number;
  /** Of the questions the engine would abstain on, the share that really are unanswerable. */
  abstainPrecision: number;
  /** Of the unanswerable questions, the share it would abstain on. */
  abstainRecall: number;
  /** Answerable questions that would wrongly be refused. */
  falseAbstentions: number;
  accuracy: number;
}

/** The highest threshold that wrongly refuses at most `maxFalse` answerable questions. */
export function chooseThreshold(sweep: ThresholdRow[], maxFalse: number): ThresholdRow {
  const allowed = sweep.filter((row) => row.falseAbstentions <= maxFalse);
  return allowed.at(-1) ?? (sweep[0] as ThresholdRow);
}

/** Abstention precision/recall at every threshold between 0.7 and 0.9, in steps of 0.005. */
export function thresholdSweep(points: Array<{ confidence: number; answerable: boolean }>): ThresholdRow[] {
  const rows: ThresholdRow[] = [];
  const unanswerable = points.filter((p) => !p.answerable).length;
  for (let t = 0.7; t <= 0.9001; t += 0.005) {
    const threshold = Math.round(t * 1000) / 1000;
    const abstained = points.filter((p) => p.confidence < threshold);
    const trulyUnanswerable = abstained.filter((p) => !p.answerable).length;
    const falseAbstentions = abstained.length - trulyUnanswerable;
    const correct = trulyUnanswerable + points.filter((p) => p.confidence >= threshold && p.answerable).length;
    rows.push({
      threshold,
      abstainPrecision: abstained.length ? trulyUnanswerable / abstained.length : 1,
      abstainRecall: unanswerable ? trulyUnanswerable / unanswerable : 1,
      falseAbstentions,
      accuracy: points.length ? correct / points.length : 0,
    });
  }
  return rows;
}
