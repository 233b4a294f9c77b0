// The Slack part of `rapporteur bench`: the real bot over signed HTTP, the real engine on a slice of the
// corpus, the Web API its own local recorder. Only shapes and orderings are checked, never timings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checks } from '../../src/bench/targets.ts';
import { runSlackBench } from '../../src/bench/slack-bench.ts';
import { createSliceEngine, type SliceEngine } from '../slack/helpers/real-engine.ts';

let slice: SliceEngine;

beforeAll(async () => {
  slice = await createSliceEngine();
});

afterAll(async () => {
  await slice?.cleanup();
});

describe('slack bench', () => {
  it('times each event to its first streamed chunk and to its complete answer', async () => {
    const questions = ['Que recommande le rapport 2021 sur les plateformes en ligne ?', 'Quelles mesures contre le recrutement en ligne ?', 'Que dit la recommandation 7 c) ?', 'Qui présidait la réunion de 2017 ?'];
    const progress: number[] = [];
    const figures = await runSlackBench({
      corpusDir: slice.corpusDir,
      indexDir: slice.indexDir,
      embedder: slice.engine.embedder,
      questions,
      warmup: 1,
      onProgress: (_label, done) => progress.push(done),
    });
    expect(figures.events).toBe(3);
    expect(progress).toEqual([1, 2, 3, 4]);
    expect(figures.firstChunk.n).toBe(3);
    expect(figures.firstChunk.min).toBeGreaterThan(0);
    // The first chunk comes before the answer is complete, for every event.
    expect(figures.firstChunk.max).toBeLessThanOrEqual(figures.complete.max);
    expect(figures.firstChunk.p50).toBeLessThanOrEqual(figures.complete.p50);

    const report = { startedAt: '', durationMs: 0, quick: true, machine: { cpus: 2, cpuModel: 'x', node: 'v20', platform: 'linux', totalMemoryMb: 1, loadAverage: [0, 0, 0] }, scale: { points: [], growth: [] }, skipped: [], slack: figures };
    const lines = checks(report).filter((c) => c.section.startsWith('slack'));
    expect(lines.map((c) => c.measure)).toEqual(['event → first streamed chunk p50 / p95 / max', 'event → complete answer p50 / p95 / max']);
    expect(lines[0]!.target).toBe('p95 ≤ 150 ms');
  });
});
