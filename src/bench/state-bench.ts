// What the state store adds to each answer: the operations one Slack question costs (event de-duplication,
// rate limit, in-flight record, conversation read and append, answer cache, in-flight removal), timed
// together per answer on each backend, with payloads the size of a real answer.
import path from 'node:path';
import { openStateStore, type StateSpec, type StateStore } from '../state/index.ts';
import { nowMs } from './clock.ts';
import { summarize, type LatencySummary } from './stats.ts';

export interface StateCostFigures {
  backend: string;
  answers: number;
  /** The seven store operations of one answer, ms. */
  perAnswer: LatencySummary;
}

export type StateCostResult = StateCostFigures | { backend: string; notMeasured: string };

/** The Redis the benchmark may use (keys under rapporteur:bench-…; a scratch server is best). */
export const BENCH_REDIS_ENV = 'RAPPORTEUR_BENCH_REDIS_URL';

function payloads() {
  const passage = 'Les États parties devraient renforcer la coopération internationale. '.repeat(20); // ~1 400 characters
  const source = { passageId: 'doc#p1', docId: 'doc', docName: 'Rapport du Groupe de travail (oct. 2021)', label: 'Recommandation 7 c)', section: 'II. Recommandations', snippet: passage.slice(0, 300), text: passage, score: 0.9, alsoIn: [] };
  const answer = JSON.stringify({
    answerId: 'x', mode: 'ask', conversationKey: 'C:1',
    answer: { question: 'q', language: 'fr', kind: 'answer', text: passage.slice(0, 900), quotes: [], sources: Array(5).fill(source), suggestions: [], offset: 0, hasMore: true, resolvedQuery: 'q' },
  });
  const ranking = Array.from({ length: 30 }, (_, i) => ({ passageId: `doc#p${i}`, score: 1 - i / 100 }));
  return { answer, ranking };
}

async function timeAnswers(store: StateStore, answers: number, tag: string): Promise<LatencySummary> {
  const { answer, ranking } = payloads();
  const samples: number[] = [];
  for (let i = 0; i < answers; i++) {
    const conversation = `bench-${tag}:${i % 100}`;
    const id = `bench-${tag}-${i}`;
    const started = nowMs();
    await store.dedupe.firstTime(`event:${id}`, 15 * 60_000);
    await store.rateLimit.take(`user:bench-${tag}-${i % 50}`, 1_000_000, 60_000);
    await store.inFlight.begin({ id, at: Date.now(), question: { text: 'q', userId: 'U', conversationKey: conversation, mode: 'ask' }, place: { kind: 'thread' } }, 12_000);
    await store.conversations.turns(conversation);
    await store.conversations.append(conversation, { question: 'q', resolvedQuery: 'q', filters: {}, language: 'fr', kind: 'answer', ranking, shown: 5, at: Date.now() });
    await store.answers.put(id, answer);
    await store.inFlight.finish(id);
    samples.push(nowMs() - started);
  }
  return summarize(samples);
}

export async function runStateCost(options: { workDir: string; answers: number; redisUrl?: string }): Promise<StateCostResult[]> {
  const tag = `${process.pid}-${Date.now()}`;
  const specs: Array<[string, StateSpec | string]> = [
    ['memory', { kind: 'memory' }],
    ['sqlite', { kind: 'sqlite', file: path.join(options.workDir, 'state-bench.db') }],
    ['redis', options.redisUrl ? { kind: 'redis', url: options.redisUrl } : `${BENCH_REDIS_ENV} not set`],
  ];
  const results: StateCostResult[] = [];
  for (const [backend, spec] of specs) {
    if (typeof spec === 'string') {
      results.push({ backend, notMeasured: spec });
      continue;
    }
    let store: StateStore;
    try {
      store = await openStateStore(spec);
    } catch (error) {
      results.push({ backend, notMeasured: error instanceof Error ? error.message : String(error) });
      continue;
    }
    try {
      await timeAnswers(store, Math.min(20, options.answers), `${tag}-warm`); // statements prepared, scripts loaded
      results.push({ backend, answers: options.answers, perAnswer: await timeAnswers(store, options.answers, tag) });
    } finally {
      await store.close();
    }
  }
  return results;
}
