// The shared backend for several processes. Every operation that must be atomic across processes is one
// Redis command or one Lua script: SET NX PX for de-duplication, a sorted-set script for the rate limit and
// for taking over abandoned questions. Commands fail fast while the connection is down (no offline queue),
// so the caller can fall back instead of hanging an answer.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { CONVERSATION_BOUNDS, type ConversationTurn } from '../answer/index.ts';
import { STATE_LIMITS } from './limits.ts';
import { FeedbackRecordSchema, StateError, type FeedbackRecord, type InFlight, type RateDecision, type StateStore } from './types.ts';

const PREFIX = 'rapporteur:';
const key = {
  conversation: (k: string) => `${PREFIX}conversation:${k}`,
  answer: (id: string) => `${PREFIX}answer:${id}`,
  seen: (k: string) => `${PREFIX}seen:${k}`,
  rate: (k: string) => `${PREFIX}rate:${k}`,
  feedback: `${PREFIX}feedback`,
  feedbackImported: `${PREFIX}feedback:imported`,
  inFlight: `${PREFIX}in-flight`,
  leases: `${PREFIX}in-flight:leases`,
};

/** Sliding window on a sorted set of hit times: drop the old, count, add if under the limit. */
const TAKE = `
local now, window, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, tonumber(oldest[2])}
end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window)
return {1, 0}`;

/** Replace the last turn (or append when the conversation expired), keeping the bounds. */
const REPLACE_LAST = `
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('LSET', KEYS[1], -1, ARGV[1])
else redis.call('RPUSH', KEYS[1], ARGV[1]) end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

/** Lease out the questions whose lease ran out; drop those too old to answer. */
const CLAIM = `
local now, lease, maxAge = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local taken = {}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)) do
  local json = redis.call('HGET', KEYS[1], id)
  if json and now - tonumber(cjson.decode(json).at) < maxAge then
    redis.call('ZADD', KEYS[2], now + lease, id)
    table.insert(taken, json)
  else
    redis.call('HDEL', KEYS[1], id)
    redis.call('ZREM', KEYS[2], id)
  end
end
return taken`;

interface Scripts {
  rapporteurTake(key: string, now: number, windowMs: number, limit: number, member: string): Promise<[number, number]>;
  rapporteurReplaceLast(key: string, json: string, ttlMs: number): Promise<number>;
  rapporteurClaim(inFlight: string, leases: string, now: number, leaseMs: number, maxAgeMs: number): Promise<string[]>;
}

export interface RedisStoreOptions {
  /** Called for connection errors while serving (the caller logs them, once per outage). */
  onConnectionError?: (error: Error) => void;
  connectTimeoutMs?: number;
}

/** Connect to Redis; an unreachable server is a one-sentence StateError (the CLI exits 2 with it). */
export async function openRedisStore(url: string, options: RedisStoreOptions = {}): Promise<StateStore> {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false, // fail at once while disconnected: the caller falls back, answers are not held up
    maxRetriesPerRequest: 1,
    connectTimeout: options.connectTimeoutMs ?? 3000,
    commandTimeout: 2000,
    retryStrategy: (times) => Math.min(200 * times, 2000), // keep reconnecting, at most every 2 s
  });
  let connected = false;
  let firstError: Error | undefined;
  let reported = false; // one report per outage, not one per reconnection attempt
  redis.on('error', (error: Error) => {
    if (!connected) firstError ??= error;
    else if (!reported) {
      reported = true;
      options.onConnectionError?.(error);
    }
  });
  redis.on('ready', () => (reported = false));
  try {
    await redis.connect();
    await redis.ping();
    connected = true;
  } catch (error) {
    redis.disconnect();
    const reason = (firstError ?? (error as Error)).message;
    throw new StateError(`Cannot reach Redis at ${redactUrl(url)} (${reason}); start it, or set RAPPORTEUR_STATE to sqlite: for a single process.`);
  }
  redis.defineCommand('rapporteurTake', { numberOfKeys: 1, lua: TAKE });
  redis.defineCommand('rapporteurReplaceLast', { numberOfKeys: 1, lua: REPLACE_LAST });
  redis.defineCommand('rapporteurClaim', { numberOfKeys: 2, lua: CLAIM });
  const scripts = redis as unknown as Scripts;
  const { maxTurns, maxAgeMs } = CONVERSATION_BOUNDS;

  return {
    backend: 'redis',
    location: redactUrl(url),
    conversations: {
      async turns(k) {
        const now = Date.now();
        const rows = await redis.lrange(key.conversation(k), 0, -1);
        return rows.map((row) => JSON.parse(row) as ConversationTurn).filter((turn) => now - turn.at <= maxAgeMs);
      },
      async append(k, turn) {
        await redis
          .multi()
          .rpush(key.conversation(k), JSON.stringify(turn))
          .ltrim(key.conversation(k), -maxTurns, -1)
          .pexpire(key.conversation(k), maxAgeMs)
          .exec();
      },
      async replaceLast(k, turn) {
        await scripts.rapporteurReplaceLast(key.conversation(k), JSON.stringify(turn), maxAgeMs);
      },
    },
    answers: {
      async put(id, json) {
        await redis.set(key.answer(id), json, 'PX', STATE_LIMITS.answerTtlMs);
      },
      async get(id) {
        return (await redis.get(key.answer(id))) ?? undefined;
      },
    },
    dedupe: {
      async firstTime(k, ttlMs) {
        return (await redis.set(key.seen(k), '1', 'PX', ttlMs, 'NX')) === 'OK';
      },
    },
    rateLimit: {
      async take(k, limit, windowMs): Promise<RateDecision> {
        const now = Date.now();
        const [allowed, oldest] = await scripts.rapporteurTake(key.rate(k), now, windowMs, limit, `${now}-${randomBytes(4).toString('hex')}`);
        return allowed === 1
          ? { allowed: true, retryAfterSeconds: 0 }
          : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((Number(oldest) + windowMs - now) / 1000)) };
      },
    },
    feedback: {
      async record(entry) {
        await redis.xadd(key.feedback, '*', 'json', JSON.stringify(FeedbackRecordSchema.parse(entry)));
      },
      async all(query = {}) {
        const since = query.since?.getTime();
        const entries = await redis.xrange(key.feedback, '-', '+');
        return entries
          .map(([, fields]) => FeedbackRecordSchema.parse(JSON.parse(fields[1] ?? 'null')))
          .filter((r: FeedbackRecord) => since === undefined || Date.parse(r.at) >= since);
      },
      async importOnce(records) {
        if ((await redis.set(key.feedbackImported, new Date().toISOString(), 'NX')) !== 'OK') return 0;
        const batch = redis.multi();
        for (const record of records) batch.xadd(key.feedback, '*', 'json', JSON.stringify(record));
        await batch.exec();
        return records.length;
      },
    },
    inFlight: {
      async begin(entry: InFlight, leaseMs) {
        await redis.multi().hset(key.inFlight, entry.id, JSON.stringify(entry)).zadd(key.leases, Date.now() + leaseMs, entry.id).exec();
      },
      async renew(id, leaseMs) {
        await redis.zadd(key.leases, 'XX', Date.now() + leaseMs, id);
      },
      async finish(id) {
        await redis.multi().hdel(key.inFlight, id).zrem(key.leases, id).exec();
      },
      async claimAbandoned(leaseMs, maxAgeMs) {
        const rows = await scripts.rapporteurClaim(key.inFlight, key.leases, Date.now(), leaseMs, maxAgeMs);
        return rows.map((row) => JSON.parse(row) as InFlight);
      },
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** The URL without its password, for logs and messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
