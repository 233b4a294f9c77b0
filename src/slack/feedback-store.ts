// Feedback on answers, in the state store: one record per click, never rewritten; "last click wins" is
// applied when reading. The JSON-lines file of earlier versions is imported once (server.ts).
import { latestOpinions, type FeedbackRecord, type StateStore } from '../state/index.ts';

export { FeedbackRecordSchema, type FeedbackRecord } from '../state/index.ts';

export interface FeedbackStore {
  record(entry: FeedbackRecord): Promise<void>;
  /** Every user's current opinion of every answer (newest first): the last click per (user, answer). */
  readLatest(): Promise<FeedbackRecord[]>;
}

export function createFeedbackStore(state: StateStore): FeedbackStore {
  return {
    record: (entry) => state.feedback.record(entry),
    readLatest: async () => latestOpinions(await state.feedback.all()),
  };
}
