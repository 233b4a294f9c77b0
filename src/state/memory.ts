// The in-process backend: tests, the terminal, and the fallback while Redis is unreachable. Nothing here is
// shared with another process or survives a restart.
import { MemoryConversationStore } from '../answer/index.ts';
import { LruCache } from '../embed/index.ts';
import { STATE_LIMITS } from './limits.ts';
import type { FeedbackRecord, InFlight, RateDecision, StateStore } from './types.ts';

export interface MemoryOptions {
  now?: () => number;
}

export function createMemorySeen(now: () => number = Date.now): StateStore['dedupe'] {
  const seen = new Map<string, number>(); // key → expiry
  return {
    async firstTime(key, ttlMs) {
      const t = now();
      for (const [k, expires] of seen) {
        // Insertion order is expiry order for one TTL: stop at the first one still fresh.
        if (expires > t && seen.size < STATE_LIMITS.seenInMemory) break;
        seen.delete(k);
      }
      const expires = seen.get(key);
      if (expires !== undefined && expires > t) return false;
      seen.set(key, t + ttlMs);
      return true;
    },
  };
}

export function createMemoryRateLimit(now: () => number = Date.now): StateStore['rateLimit'] {
  const hits = new Map<string, number[]>();
  return {
    async take(key, limit, windowMs): Promise<RateDecision> {
      const t = now();
      const kept = (hits.get(key) ?? []).filter((at) => at > t - windowMs);
      if (kept.length >= limit) {
        hits.set(key, kept);
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((kept[0]! + windowMs - t) / 1000)) };
      }
      kept.push(t);
      hits.set(key, kept);
      return { allowed: true, retryAfterSeconds: 0 };
    },
  };
}

export function createMemoryStore(options: MemoryOptions = {}): StateStore {
  const now = options.now ?? Date.now;
  const answers = new LruCache<string, { json: string; at: number }>(STATE_LIMITS.answers);
  const feedback: FeedbackRecord[] = [];
  let imported = false;
  const inFlight = new Map<string, { entry: InFlight; leaseUntil: number }>();
  return {
    backend: 'memory',
    location: 'memory',
    conversations: new MemoryConversationStore({ now }),
    answers: {
      async put(id, json) {
        answers.set(id, { json, at: now() });
      },
      async get(id) {
        const hit = answers.get(id);
        return hit && now() - hit.at < STATE_LIMITS.answerTtlMs ? hit.json : undefined;
      },
    },
    dedupe: createMemorySeen(now),
    rateLimit: createMemoryRateLimit(now),
    feedback: {
      async record(entry) {
        feedback.push(entry);
      },
      async all(query = {}) {
        const since = query.since?.getTime();
        return feedback.filter((r) => since === undefined || Date.parse(r.at) >= since);
      },
      async importOnce(records) {
        if (imported) return 0;
        imported = true;
        feedback.unshift(...records);
        return records.length;
      },
    },
    inFlight: {
      async begin(entry, leaseMs) {
        inFlight.set(entry.id, { entry, leaseUntil: now() + leaseMs });
      },
      async renew(id, leaseMs) {
        const held = inFlight.get(id);
        if (held) held.leaseUntil = now() + leaseMs;
      },
      async finish(id) {
        inFlight.delete(id);
      },
      async claimAbandoned(leaseMs, maxAgeMs) {
        const t = now();
        const taken: InFlight[] = [];
        for (const [id, held] of inFlight) {
          if (held.leaseUntil > t) continue;
          if (t - held.entry.at >= maxAgeMs) inFlight.delete(id);
          else {
            held.leaseUntil = t + leaseMs;
            taken.push(held.entry);
          }
        }
        return taken;
      },
    },
    async close() {},
  };
}
