// A shared store can be lost while the bot serves (Redis restarted, network cut). Answers must still go out:
// each failed operation is done on a process-local memory store instead, a warning is logged once per
// outage, and the shared store is used again as soon as one of its operations succeeds. Feedback given
// during the outage is kept and written to the shared store when it is back.
import { createMemoryStore } from './memory.ts';
import type { FeedbackRecord, StateStore } from './types.ts';

export interface StateLogger {
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}

export interface FallbackOptions {
  /**
   * While the shared store is down, try it again at most this often; in between, go straight to memory, so a
   * server that hangs (not refusing, just silent: each command then waits for its timeout) slows one
   * operation per interval, not every operation of every answer.
   */
  retryEveryMs?: number;
}

export function withFallback(primary: StateStore, logger: StateLogger, options: FallbackOptions = {}): StateStore & { degraded(): boolean } {
  const local = createMemoryStore();
  const retryEveryMs = options.retryEveryMs ?? 1000;
  let down = false;
  let retryAt = 0;
  const pendingFeedback: FeedbackRecord[] = [];

  const flushFeedback = async () => {
    while (pendingFeedback.length) {
      await primary.feedback.record(pendingFeedback[0]!);
      pendingFeedback.shift();
    }
  };
  /** Run on the shared store; on failure, log (once per outage) and run the local fallback. */
  const guarded = async <T>(what: string, shared: () => Promise<T>, fallback: () => Promise<T>): Promise<T> => {
    if (down && Date.now() < retryAt) return fallback();
    try {
      const result = await shared();
      if (down) {
        down = false;
        logger.info({ state: primary.location }, 'state store reachable again; shared state in use');
        await flushFeedback().catch(() => undefined);
      }
      return result;
    } catch (error) {
      retryAt = Date.now() + retryEveryMs;
      if (!down) {
        down = true;
        logger.warn(
          { err: error, state: primary.location, operation: what },
          'state store unreachable; answering on, with this process’s memory for de-duplication, rate limits and conversations',
        );
      }
      return fallback();
    }
  };

  return {
    backend: primary.backend,
    location: primary.location,
    degraded: () => down,
    conversations: {
      turns: (k) => guarded('conversations.turns', () => primary.conversations.turns(k), () => local.conversations.turns(k)),
      append: (k, turn) => guarded('conversations.append', () => primary.conversations.append(k, turn), () => local.conversations.append(k, turn)),
      replaceLast: (k, turn) =>
        guarded('conversations.replaceLast', () => primary.conversations.replaceLast(k, turn), () => local.conversations.replaceLast(k, turn)),
    },
    answers: {
      put: (id, json) => guarded('answers.put', () => primary.answers.put(id, json), () => local.answers.put(id, json)),
      get: async (id) =>
        (await guarded('answers.get', () => primary.answers.get(id), () => Promise.resolve(undefined))) ?? local.answers.get(id),
    },
    dedupe: {
      firstTime: (k, ttlMs) => guarded('dedupe', () => primary.dedupe.firstTime(k, ttlMs), () => local.dedupe.firstTime(k, ttlMs)),
    },
    rateLimit: {
      take: (k, limit, windowMs) =>
        guarded('rateLimit', () => primary.rateLimit.take(k, limit, windowMs), () => local.rateLimit.take(k, limit, windowMs)),
    },
    feedback: {
      record: (entry) =>
        guarded('feedback.record', () => primary.feedback.record(entry), async () => {
          pendingFeedback.push(entry);
        }),
      all: (query) => primary.feedback.all(query),
      importOnce: (records) => primary.feedback.importOnce(records),
    },
    inFlight: {
      // Without the shared store a question is not tracked: it is still answered by this process.
      begin: (entry, leaseMs) => guarded('inFlight.begin', () => primary.inFlight.begin(entry, leaseMs), async () => undefined),
      renew: (id, leaseMs) => guarded('inFlight.renew', () => primary.inFlight.renew(id, leaseMs), async () => undefined),
      finish: (id) => guarded('inFlight.finish', () => primary.inFlight.finish(id), async () => undefined),
      claimAbandoned: (leaseMs, maxAgeMs) =>
        guarded('inFlight.claim', () => primary.inFlight.claimAbandoned(leaseMs, maxAgeMs), async () => []),
    },
    close: () => primary.close(),
  };
}
