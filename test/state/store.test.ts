// The StateStore contract, run on each real backend: in memory, a SQLite file, and a real redis-server.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationTurn } from '../../src/answer/index.ts';
import { CONVERSATION_BOUNDS } from '../../src/answer/index.ts';
import { createMemoryStore, latestOpinions, openStateStore, type FeedbackRecord, type StateStore } from '../../src/state/index.ts';
import { withFallback } from '../../src/state/fallback.ts';
import { openSqliteStore } from '../../src/state/sqlite.ts';
import { flushRedis, testRedisUrl } from '../support/redis.ts';

const turn = (over: Partial<ConversationTurn> = {}): ConversationTurn => ({
  question: 'q', resolvedQuery: 'q', filters: {}, language: 'fr', kind: 'answer', ranking: [{ passageId: 'p1', score: 0.9 }], shown: 1,
  at: Date.now(), ...over,
});
const click = (over: Partial<FeedbackRecord>): FeedbackRecord => ({
  answerId: 'a1', rating: 'positive', question: 'Q ?', labels: ['Rapport (oct. 2021), Recommandation 7 c)'], userId: 'U1', channelId: 'C1',
  at: '2026-01-01T00:00:00.000Z', ...over,
});

let dir: string;
const redisUrl = testRedisUrl(1);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-state-'));
  if (redisUrl) await flushRedis(redisUrl);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const backends: Array<[string, () => Promise<StateStore>, boolean]> = [
  ['memory', async () => createMemoryStore(), true],
  ['sqlite', async () => openStateStore({ kind: 'sqlite', file: path.join(dir, `contract-${Math.random()}.db`) }), true],
  ['redis', async () => openStateStore({ kind: 'redis', url: redisUrl! }), Boolean(redisUrl)],
];

describe.each(backends)('%s store', (_name, open, available) => {
  let store: StateStore;
  beforeAll(async () => {
    if (available) store = await open();
  });
  afterAll(async () => {
    await store?.close();
  });
  const test = it.skipIf(!available);
  const unique = () => `${Date.now()}-${Math.random()}`;

  test('keeps a conversation bounded in turns, replaces its last turn, keeps conversations apart', async () => {
    const a = `a-${unique()}`;
    const b = `b-${unique()}`;
    for (let i = 0; i < CONVERSATION_BOUNDS.maxTurns + 2; i++) await store.conversations.append(a, turn({ question: `q${i}` }));
    await store.conversations.append(b, turn({ question: 'other' }));
    const turns = await store.conversations.turns(a);
    expect(turns).toHaveLength(CONVERSATION_BOUNDS.maxTurns);
    expect(turns[0]!.question).toBe('q2');
    await store.conversations.replaceLast(a, { ...turns.at(-1)!, shown: 7 });
    expect((await store.conversations.turns(a)).map((t) => t.shown).slice(-2)).toEqual([1, 7]);
    expect((await store.conversations.turns(b)).map((t) => t.question)).toEqual(['other']);
    expect(await store.conversations.turns(`none-${unique()}`)).toEqual([]);
    // replaceLast on an empty conversation appends.
    const c = `c-${unique()}`;
    await store.conversations.replaceLast(c, turn({ question: 'first' }));
    expect((await store.conversations.turns(c)).map((t) => t.question)).toEqual(['first']);
  });

  test('forgets turns older than the age bound', async () => {
    const k = `old-${unique()}`;
    await store.conversations.append(k, turn({ question: 'stale', at: Date.now() - CONVERSATION_BOUNDS.maxAgeMs - 1000 }));
    await store.conversations.append(k, turn({ question: 'fresh' }));
    expect((await store.conversations.turns(k)).map((t) => t.question)).toEqual(['fresh']);
  });

  test('stores answers by id', async () => {
    const id = unique();
    await store.answers.put(id, '{"x":1}');
    expect(await store.answers.get(id)).toBe('{"x":1}');
    expect(await store.answers.get(`missing-${id}`)).toBeUndefined();
  });

  test('lets a key through once within its TTL, even when offered at the same time', async () => {
    const k = unique();
    const results = await Promise.all(Array.from({ length: 5 }, () => store.dedupe.firstTime(k, 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.dedupe.firstTime(`${k}-2`, 60_000)).toBe(true);
  });

  test('counts a sliding window per key: `limit` allowed, then a retry delay', async () => {
    const k = unique();
    const decisions = await Promise.all(Array.from({ length: 4 }, () => store.rateLimit.take(k, 3, 60_000)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(3);
    const refused = decisions.find((d) => !d.allowed)!;
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await store.rateLimit.take(`${k}-other`, 3, 60_000)).allowed).toBe(true);
  });

  test('records feedback, reads it back oldest first and since a date, imports once', async () => {
    const before = await store.feedback.all();
    await store.feedback.record(click({ at: '2026-01-01T00:00:00.000Z' }));
    await store.feedback.record(click({ userId: 'U2', at: '2026-01-02T00:00:00.000Z' }));
    await store.feedback.record(click({ rating: 'negative', at: '2026-01-03T00:00:00.000Z', comment: 'manque 2023' }));
    await store.feedback.record(click({ rating: 'negative', at: '2026-01-04T00:00:00.000Z' }));
    const all = (await store.feedback.all()).slice(before.length);
    expect(all.map((r) => r.at.slice(8, 10))).toEqual(['01', '02', '03', '04']);
    expect((await store.feedback.all({ since: new Date('2026-01-03') })).map((r) => r.at.slice(8, 10))).toEqual(['03', '04']);
    // Newest first, the last click per person and answer, the comment kept with the rating.
    expect(latestOpinions(all).map((r) => [r.userId, r.rating, r.comment])).toEqual([
      ['U1', 'negative', 'manque 2023'],
      ['U2', 'positive', undefined],
    ]);
    const legacy = [click({ answerId: 'old', at: '2025-06-01T00:00:00.000Z' })];
    const first = await store.feedback.importOnce(legacy);
    expect(await store.feedback.importOnce(legacy)).toBe(0);
    expect((await store.feedback.all()).filter((r) => r.answerId === 'old')).toHaveLength(first);
  });

  test('in-flight questions: leased, renewed, finished; an abandoned one is taken over once', async () => {
    const live = unique();
    const abandoned = unique();
    const stale = unique();
    await store.inFlight.begin({ id: live, at: Date.now(), question: { text: 'live' }, place: {} }, 60_000);
    await store.inFlight.begin({ id: abandoned, at: Date.now(), question: { text: 'abandoned' }, place: {} }, 0);
    await store.inFlight.begin({ id: stale, at: Date.now() - 3 * 60_000, question: { text: 'stale' }, place: {} }, 0);
    const [one, two] = await Promise.all([store.inFlight.claimAbandoned(60_000, 120_000), store.inFlight.claimAbandoned(60_000, 120_000)]);
    const taken = [...one!, ...two!].map((e) => e.id);
    expect(taken).toEqual([abandoned]);
    expect([...one!, ...two!][0]!.question).toEqual({ text: 'abandoned' });
    // Leased again by the taker; the stale one was dropped.
    expect(await store.inFlight.claimAbandoned(60_000, 120_000)).toEqual([]);
    await store.inFlight.renew(live, 0);
    expect((await store.inFlight.claimAbandoned(60_000, 120_000)).map((e) => e.id)).toEqual([live]);
    for (const id of [live, abandoned]) await store.inFlight.finish(id);
    await store.inFlight.renew(abandoned, 0); // renewing a finished one does not bring it back
    expect(await store.inFlight.claimAbandoned(60_000, 120_000)).toEqual([]);
  });
});

describe('bounds that need a clock', () => {
  it('memory and SQLite forget event ids after their TTL and free rate-limit slots after the window', async () => {
    let now = 1_000_000;
    for (const store of [createMemoryStore({ now: () => now }), openSqliteStore(path.join(dir, 'clock.db'), { now: () => now })]) {
      expect(await store.dedupe.firstTime('Ev1', 1000)).toBe(true);
      expect(await store.dedupe.firstTime('Ev1', 1000)).toBe(false);
      expect((await store.rateLimit.take('U1', 1, 60_000)).allowed).toBe(true);
      now += 30_000;
      expect(await store.rateLimit.take('U1', 1, 60_000)).toEqual({ allowed: false, retryAfterSeconds: 30 });
      now += 30_001;
      expect(await store.dedupe.firstTime('Ev1', 1000)).toBe(true);
      expect((await store.rateLimit.take('U1', 1, 60_000)).allowed).toBe(true);
      await store.close();
    }
  });
});

describe('falling back while the shared store is lost', () => {
  it('answers from process memory, warns once, and returns to the shared store', async () => {
    const shared = createMemoryStore();
    let broken = true;
    const failing = new Proxy(shared, {
      get(target, prop) {
        const part = target[prop as keyof StateStore];
        if (typeof part !== 'object' || part === null) return part;
        return new Proxy(part, {
          get(inner, method) {
            const fn = (inner as Record<string | symbol, unknown>)[method];
            return typeof fn === 'function' ? (...args: unknown[]) => (broken ? Promise.reject(new Error('connection lost')) : fn.apply(inner, args)) : fn;
          },
        });
      },
    });
    const logs: string[] = [];
    const store = withFallback(failing, { warn: (_d, m) => logs.push(`warn ${m}`), info: (_d, m) => logs.push(`info ${m}`) }, { retryEveryMs: 0 });
    expect(await store.dedupe.firstTime('Ev1', 60_000)).toBe(true);
    expect(await store.dedupe.firstTime('Ev1', 60_000)).toBe(false); // the process still de-duplicates
    expect((await store.rateLimit.take('U1', 1, 60_000)).allowed).toBe(true);
    await store.feedback.record(click({ answerId: 'during-outage' }));
    expect(store.degraded()).toBe(true);
    expect(logs.filter((l) => l.startsWith('warn'))).toHaveLength(1);
    broken = false;
    expect(await store.dedupe.firstTime('Ev2', 60_000)).toBe(true);
    expect(store.degraded()).toBe(false);
    expect(logs.at(-1)).toMatch(/^info state store reachable again/);
    // The feedback given during the outage reached the shared store.
    expect((await shared.feedback.all()).map((r) => r.answerId)).toEqual(['during-outage']);
  });

  it('while down, tries the shared store again only once per interval', async () => {
    let calls = 0;
    const hanging = { ...createMemoryStore(), dedupe: { firstTime: async () => { calls++; throw new Error('timeout'); } } };
    const store = withFallback(hanging, { warn: () => undefined, info: () => undefined }, { retryEveryMs: 60_000 });
    for (let i = 0; i < 5; i++) await store.dedupe.firstTime(`Ev${i}`, 60_000);
    expect(calls).toBe(1);
  });
});
