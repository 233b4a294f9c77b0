// Open the store RAPPORTEUR_STATE names, and bring in the legacy feedback.jsonl once.
import { readFile } from 'node:fs/promises';
import { withFallback, type StateLogger } from './fallback.ts';
import { createMemoryStore } from './memory.ts';
import type { StateSpec } from './spec.ts';
import { openSqliteStore } from './sqlite.ts';
import { FeedbackRecordSchema, type FeedbackRecord, type StateStore } from './types.ts';

export interface OpenStateOptions {
  /** Where failures while serving are reported; with it, a lost shared store falls back to memory. */
  logger?: StateLogger;
}

/** Open the store; an unusable one (unreachable Redis, damaged or read-only file) is a one-sentence StateError. */
export async function openStateStore(spec: StateSpec, options: OpenStateOptions = {}): Promise<StateStore> {
  const store =
    spec.kind === 'memory'
      ? createMemoryStore()
      : spec.kind === 'sqlite'
        ? openSqliteStore(spec.file)
        : // ioredis is loaded only for a redis:// store: the SQLite default does not carry it (≈ 16 MB).
          await (await import('./redis.ts')).openRedisStore(spec.url, {
            onConnectionError: (error) => options.logger?.warn({ err: error }, 'Redis connection error'),
          });
  return options.logger && spec.kind !== 'memory' ? withFallback(store, options.logger) : store;
}

/** The records of a feedback.jsonl file (a torn or malformed line is skipped); [] when there is no file. */
export async function readFeedbackLines(file: string): Promise<FeedbackRecord[]> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return content.split('\n').flatMap((line) => {
    if (!line.trim()) return [];
    try {
      const parsed = FeedbackRecordSchema.safeParse(JSON.parse(line));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return []; // a torn last line after a crash
    }
  });
}

/** Import the legacy JSON-lines feedback file into the store, once per store; the number of records imported. */
export async function importLegacyFeedback(store: StateStore, file: string): Promise<number> {
  const records = await readFeedbackLines(file);
  return store.feedback.importOnce(records);
}

/**
 * Every user's current opinion of every answer, newest first: the last click per (user, answer) wins, and a
 * comment (sent after its 👎) stays with the rating.
 */
export function latestOpinions(records: FeedbackRecord[]): FeedbackRecord[] {
  const latest = new Map<string, FeedbackRecord>();
  for (const record of records) {
    const key = `${record.userId}\u0000${record.answerId}`;
    const previous = latest.get(key);
    const merged: FeedbackRecord = { ...record };
    if (merged.comment === undefined && previous?.comment !== undefined) merged.comment = previous.comment;
    latest.delete(key); // re-insert: Map order becomes the order of the latest click
    latest.set(key, merged);
  }
  return [...latest.values()].reverse();
}
