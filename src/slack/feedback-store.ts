// Feedback on answers, as append-only JSON lines: one line per click, never rewritten, so concurrent clicks
// cannot corrupt the file. "Last click wins" is applied when reading.
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const FeedbackRecordSchema = z.object({
  /** Id of the answer message the buttons belonged to. */
  answerId: z.string().min(1),
  rating: z.enum(['positive', 'negative']),
  question: z.string(),
  labels: z.array(z.string()),
  userId: z.string().min(1),
  channelId: z.string(),
  /** ISO time of the click. */
  at: z.string(),
  /** Optional free text (from the "what was missing?" modal). */
  comment: z.string().optional(),
});
export type FeedbackRecord = z.infer<typeof FeedbackRecordSchema>;

export interface FeedbackStore {
  record(entry: FeedbackRecord): Promise<void>;
  /** Every user's current opinion of every answer: the last line per (user, answer). */
  readLatest(): Promise<FeedbackRecord[]>;
}

export function createFeedbackStore(file: string): FeedbackStore {
  let writing: Promise<void> = Promise.resolve();
  return {
    record(entry) {
      const line = `${JSON.stringify(FeedbackRecordSchema.parse(entry))}\n`;
      // Chain appends so lines from simultaneous clicks never interleave.
      writing = writing
        .catch(() => undefined)
        .then(async () => {
          await mkdir(path.dirname(file), { recursive: true });
          await appendFile(file, line, 'utf8');
        });
      return writing;
    },
    async readLatest() {
      let content: string;
      try {
        content = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const latest = new Map<string, FeedbackRecord>();
      for (const line of content.split('\n')) {
        if (!line.trim()) continue;
        let json: unknown;
        try {
          json = JSON.parse(line);
        } catch {
          continue; // a torn last line after a crash is skipped, not fatal
        }
        const parsed = FeedbackRecordSchema.safeParse(json);
        if (!parsed.success) continue;
        const key = `${parsed.data.userId}\u0000${parsed.data.answerId}`;
        const previous = latest.get(key);
        // A comment arrives after its rating (same user and answer): keep the latest rating, keep the comment.
        const merged: FeedbackRecord = { ...parsed.data };
        if (merged.comment === undefined && previous?.comment !== undefined) merged.comment = previous.comment;
        latest.set(key, merged);
      }
      return [...latest.values()];
    },
  };
}
