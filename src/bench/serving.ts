// Cold start, warm ask, lookup and peak memory, measured in a child process (serving-probe.ts) that starts
// the way the bot does.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../config.ts';
import { nowMs } from './clock.ts';
import { ProbeMessageSchema, type ProbeConfig, type ProbeMessage } from './probe-protocol.ts';
import type { AskFigures, ServingFigures } from './report.ts';
import { summarize, type LatencySummary } from './stats.ts';

const probeFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'serving-probe.ts');

/**
 * The Node flags `npm start` runs the bot with (package.json "start"; keep both the same), so the probe
 * measures that process. A 2 MB semi-space (V8's default is 16 MB per semi-space) keeps the young
 * generation's garbage from piling up between scavenges: measured with the Slack app under 300 questions,
 * peak RSS 413.5 → 385.1 MiB in `rapporteur bench --only serving` (one run each; see bench/README.md).
 * `--optimize-for-size` trades some speed for a smaller heap: peak 409 → 366 and 358 MiB (two runs; README,
 * "Performance").
 */
export const SERVE_NODE_FLAGS = ['--max-semi-space-size=2', '--optimize-for-size'];

type Stage = keyof AskFigures['stages'];

/**
 * Where each stage's time is found in Answer.timings (the engine's names; the searcher's own timings are
 * prefixed "search."). The first key present wins.
 */
export const stageKeys: Record<Stage, string[]> = {
  embed: ['embed', 'search.embedMs'],
  hnsw: ['search.denseMs', 'search.dense', 'dense', 'hnsw'],
  bm25: ['search.lexicalMs', 'search.lexical', 'lexical', 'bm25'],
  fusion: ['search.fuseMs', 'search.fuse', 'fuse', 'fusion'],
  compose: ['compose'],
};

/** Per-stage summaries from the engine's timings; a stage no answer reported is left out. */
export function stageSummaries(timings: Array<Record<string, number> | null>): AskFigures['stages'] {
  const stages: AskFigures['stages'] = {};
  for (const [stage, keys] of Object.entries(stageKeys) as Array<[Stage, string[]]>) {
    const samples: number[] = [];
    for (const record of timings) {
      if (!record) continue;
      const key = keys.find((k) => typeof record[k] === 'number');
      if (key) samples.push(record[key]!);
    }
    if (samples.length > 0) stages[stage] = summarize(samples);
  }
  return stages;
}

export interface ServingOptions {
  config: ProbeConfig;
  onProgress?: (label: string, done: number, total: number) => void;
  /** Give up after this long (ms). */
  timeoutMs?: number;
}

export async function runServingBench(options: ServingOptions): Promise<ServingFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-probe-'));
  const configFile = path.join(dir, 'config.json');
  fs.writeFileSync(configFile, JSON.stringify(options.config));
  try {
    return await new Promise<ServingFigures>((resolve, reject) => {
      const started = nowMs();
      // cwd = project root so that `--import tsx` resolves to this project's tsx.
      const child = fork(probeFile, [configFile], {
        cwd: projectRoot,
        execArgv: [...SERVE_NODE_FLAGS, '--import', 'tsx'],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-2000);
      });
      let ready: Extract<ProbeMessage, { type: 'ready' }> | undefined;
      let readyAt = 0;
      let settled = false;
      const finish = (error: Error | null, value?: ServingFigures) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (child.exitCode === null) child.kill();
        if (error) reject(error);
        else resolve(value!);
      };
      const timer = setTimeout(() => finish(new Error('the serving probe did not finish in time')), options.timeoutMs ?? 600_000);
      child.on('message', (raw: unknown) => {
        const parsed = ProbeMessageSchema.safeParse(raw);
        if (!parsed.success) return finish(new Error('the serving probe sent a malformed message'));
        const message = parsed.data;
        if (message.type === 'progress') options.onProgress?.(message.label, message.done, message.total);
        else if (message.type === 'ready') {
          readyAt = nowMs();
          ready = message;
        } else if (message.type === 'error') finish(new Error(`serving probe: ${message.message}`));
        else if (message.type === 'result') {
          if (!ready) return finish(new Error('the serving probe reported results before being ready'));
          finish(null, servingFigures(readyAt - started, ready, message, options.config));
        }
      });
      child.on('error', (error) => finish(error));
      child.on('exit', (code) => {
        if (!settled) finish(new Error(`the serving probe exited with code ${code}${stderr ? `: ${lastLine(stderr)}` : ''}`));
      });
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1) ?? '';
}

export function servingFigures(
  coldTotalMs: number,
  ready: Extract<ProbeMessage, { type: 'ready' }>,
  result: Extract<ProbeMessage, { type: 'result' }>,
  config: ProbeConfig,
): ServingFigures {
  const total = summarize(result.ask.total);
  const forward = summarize(result.forward);
  const answerKinds: Record<string, number> = {};
  for (const kind of result.ask.kinds) answerKinds[kind] = (answerKinds[kind] ?? 0) + 1;
  const lookup: LatencySummary = summarize(result.lookup.samples.length ? result.lookup.samples : [0]);
  return {
    coldStart: {
      totalMs: coldTotalMs,
      processStartMs: ready.processStartMs,
      modelLoadMs: ready.modelLoadMs,
      indexLoadMs: ready.indexLoadMs,
      firstAskMs: ready.firstAskMs,
      tokenizerSource: ready.tokenizerSource,
    },
    ask: {
      questions: result.ask.total.length,
      distinctQuestions: new Set(config.questions.slice(1)).size,
      total,
      stages: stageSummaries(result.ask.timings),
      forward,
      ratioP50: total.p50 / forward.p50,
      ratioP95: total.p95 / forward.p95,
      ...(result.repeated.length ? { repeated: summarize(result.repeated) } : {}),
      answerKinds,
    },
    lookup: { ...lookup, references: result.lookup.samples.length, found: result.lookup.found },
    peakRssMb: result.peakRssKb / 1024,
    enginePeakRssMb: result.enginePeakRssKb / 1024,
    ...(result.slack ? { slack: { questions: result.slack.questions, answered: result.slack.answered, seconds: result.slack.ms / 1000 } } : {}),
    rssMb: result.rssMb,
  };
}
