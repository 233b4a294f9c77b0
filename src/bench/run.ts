// One benchmark run: the index, serving and scale parts in turn, each reporting progress, gathered into
// one BenchReport. A part whose upstream stage fails is recorded under `skipped` with the reason, so the
// rest of the run still produces its figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nowMs } from './clock.ts';
import { askWorkload, loadDevSet, lookupWorkload } from './devset.ts';
import { runIndexBench, copyCorpus } from './index-bench.ts';
import { scaleGrowth, type BenchReport, type MachineInfo } from './report.ts';
import { defaultScaleOptions, runScale, type Distribution, type ScalePoint } from './scale.ts';
import { runReplicasBench } from './replicas-bench.ts';
import { runServingBench } from './serving.ts';
import { runSlackBench } from './slack-bench.ts';
import { BENCH_REDIS_ENV, runStateCost } from './state-bench.ts';

export type BenchPart = 'index' | 'serving' | 'slack' | 'scale' | 'state' | 'replicas';
export const benchParts: BenchPart[] = ['index', 'serving', 'slack', 'scale', 'state', 'replicas'];

export interface BenchOptions {
  quick: boolean;
  parts: BenchPart[];
  corpusDir: string;
  devSetFile: string;
  /** An extra N for the scale part (`--scale N`). */
  scaleN?: number;
  /** Keep the temporary corpus copy and index (for inspection). */
  keepWorkDir?: boolean;
}

export interface Progress {
  /** A new step begins, `total` units long. */
  step(label: string, total: number): void;
  update(done: number, total?: number, label?: string): void;
  /** A line of text for the log (printed above the bar). */
  log(message: string): void;
}

/** Sizes and counts of a default and of a --quick run. */
export function plan(options: Pick<BenchOptions, 'quick' | 'scaleN'>) {
  const sizes = options.quick ? [2_000, 10_000] : [10_000, 100_000];
  if (options.scaleN !== undefined && !sizes.includes(options.scaleN)) sizes.push(options.scaleN);
  sizes.sort((a, b) => a - b);
  return {
    scaleSizes: sizes,
    distributions: ['uniform', 'clustered'] as Distribution[],
    scaleQueries: options.quick ? 100 : defaultScaleOptions.queries,
    tuneQueries: options.quick ? 50 : defaultScaleOptions.tuneQueries,
    jsExactQueries: options.quick ? 20 : defaultScaleOptions.jsExactQueries,
    /** Documents indexed in --quick (the smallest), undefined = all. */
    sliceDocuments: options.quick ? 1 : undefined,
    /** Distinct questions asked warm (plus one for the cold start). */
    askQuestions: options.quick ? 30 : 300,
    /** Distinct questions then sent through the Slack app, for the serving process's peak memory. */
    slackQuestions: options.quick ? 20 : 300,
    /** Questions sent to the bot as signed events (the first few untimed). */
    slackEvents: options.quick ? 20 : 100,
    repeats: options.quick ? 10 : 60,
    lookups: options.quick ? 100 : 400,
    /** Answers' worth of state-store operations timed per backend. */
    stateAnswers: options.quick ? 100 : 1000,
    /** Distinct questions in the burst sent to one, then two serve processes (not in --quick). */
    burstQuestions: options.quick ? 0 : 50,
  };
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024),
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export async function runBench(options: BenchOptions, progress: Progress): Promise<BenchReport> {
  const started = nowMs();
  const startedAt = new Date().toISOString();
  const p = plan(options);
  const skipped: BenchReport['skipped'] = [];
  const report: BenchReport = {
    startedAt,
    durationMs: 0,
    quick: options.quick,
    machine: machineInfo(),
    scale: { points: [], growth: [] },
    skipped,
  };
  const onProgress = (label: string, done: number, total: number) => progress.update(done, total, label);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-bench-'));
  const indexWork = path.join(workDir, 'index-bench');
  const want = (part: BenchPart) => options.parts.includes(part);
  const failure = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

  try {
    let servingCorpus: string | undefined;
    let servingIndex: string | undefined;
    let embedder: import('../embed/index.ts').Embedder | undefined;
    if (want('index') || want('serving') || want('slack') || want('replicas')) {
      try {
        const { loadEmbedder } = await import('../embed/index.ts');
        progress.step('loading the model', 1);
        embedder = await loadEmbedder({ arena: true });
        if (want('index')) {
          progress.step('index', 1);
          report.index = await runIndexBench({
            corpusDir: options.corpusDir,
            embedder,
            ...(p.sliceDocuments !== undefined ? { sliceDocuments: p.sliceDocuments } : {}),
            workDir: indexWork,
            keep: true,
            onProgress,
          });
          servingCorpus = path.join(indexWork, 'corpus');
          servingIndex = path.join(indexWork, 'index');
        } else {
          // Serving needs an index of its own: build one (untimed) from a copy of the corpus.
          const { buildIndex } = await import('../index/index.ts');
          servingCorpus = path.join(workDir, 'corpus');
          servingIndex = path.join(workDir, 'index');
          copyCorpus(options.corpusDir, servingCorpus, p.sliceDocuments);
          progress.step('building an index for the serving probe', 1);
          await buildIndex({
            corpusDir: servingCorpus,
            indexDir: servingIndex,
            embedder,
            onProgress: (event) => {
              if (event.phase === 'embedding') onProgress('building an index for the serving probe', event.done, event.total);
            },
          });
        }
      } catch (error) {
        skipped.push({ part: want('index') ? 'index' : 'serving (index for it)', reason: failure(error) });
      }
    }

    if (want('serving')) {
      if (!servingCorpus || !servingIndex) {
        skipped.push({ part: 'serving', reason: 'no index to serve (see above)' });
      } else {
        try {
          const devSet = await loadDevSet(options.devSetFile);
          const workload = askWorkload(devSet, p.askQuestions + 1 + p.slackQuestions);
          const questions = workload.slice(0, p.askQuestions + 1);
          progress.step('serving: cold start', 1);
          report.serving = await runServingBench({
            config: {
              corpusDir: servingCorpus,
              indexDir: servingIndex,
              questions,
              repeats: p.repeats,
              lookups: lookupWorkload(devSet, p.lookups),
              slackQuestions: workload.slice(p.askQuestions + 1),
            },
            onProgress,
          });
        } catch (error) {
          skipped.push({ part: 'serving', reason: failure(error) });
        }
      }
    }

    if (want('slack')) {
      if (!servingCorpus || !servingIndex || !embedder) {
        skipped.push({ part: 'slack', reason: 'no index to serve (see above)' });
      } else {
        try {
          const devSet = await loadDevSet(options.devSetFile);
          progress.step('slack: event → streamed answer', p.slackEvents);
          report.slack = await runSlackBench({
            corpusDir: servingCorpus,
            indexDir: servingIndex,
            embedder,
            questions: askWorkload(devSet, p.slackEvents),
            onProgress,
          });
        } catch (error) {
          skipped.push({ part: 'slack', reason: failure(error) });
        }
      }
    }

    if (want('state')) {
      progress.step('state store: cost per answer', 1);
      try {
        const redisUrl = process.env[BENCH_REDIS_ENV];
        report.state = await runStateCost({ workDir, answers: p.stateAnswers, ...(redisUrl ? { redisUrl } : {}) });
      } catch (error) {
        skipped.push({ part: 'state', reason: failure(error) });
      }
    }

    if (want('replicas')) {
      if (p.burstQuestions === 0) skipped.push({ part: 'replicas', reason: 'not in --quick (starts three serve processes)' });
      else if (!servingCorpus || !servingIndex) skipped.push({ part: 'replicas', reason: 'no index to serve (see above)' });
      else {
        try {
          const devSet = await loadDevSet(options.devSetFile);
          const redisUrl = process.env[BENCH_REDIS_ENV];
          report.replicas = await runReplicasBench({
            corpusDir: servingCorpus,
            indexDir: servingIndex,
            state: redisUrl ?? `sqlite:${path.join(workDir, 'replicas.db')}`,
            workDir,
            questions: askWorkload(devSet, p.burstQuestions),
            onProgress,
          });
        } catch (error) {
          skipped.push({ part: 'replicas', reason: failure(error) });
        }
      }
    }

    if (want('scale')) {
      const points: ScalePoint[] = [];
      for (const distribution of p.distributions) {
        progress.step(`scale: ${distribution}`, 1);
        points.push(
          ...runScale({
            ...defaultScaleOptions,
            sizes: p.scaleSizes,
            distribution,
            queries: p.scaleQueries,
            tuneQueries: p.tuneQueries,
            jsExactQueries: p.jsExactQueries,
            onProgress,
          }),
        );
      }
      report.scale = { points, growth: scaleGrowth(points) };
    }
  } finally {
    if (!options.keepWorkDir) fs.rmSync(workDir, { recursive: true, force: true });
    else progress.log(`work folder kept: ${workDir}`);
  }
  report.durationMs = nowMs() - started;
  return report;
}
