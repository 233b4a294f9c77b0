// The serving probe: a child process that starts as the bot does (model, index, engine), answers its first
// question, then the warm workload, and reports its figures to the benchmark over IPC. A separate process
// so that cold start is a real start and peak RSS (VmHWM) is the serving process's own.
const processStartMs = performance.now(); // ms since this process started (Node's time origin)

import fs from 'node:fs';
import { ProbeConfigSchema, type ProbeMessage } from './probe-protocol.ts';

function send(message: ProbeMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) {
      process.stdout.write(`${JSON.stringify(message)}\n`);
      resolve();
      return;
    }
    process.send(message, () => resolve());
  });
}

function statusField(field: 'VmHWM' | 'VmRSS'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Current resident set size in MB (VmRSS on Linux). */
function rssMb(): number {
  return (statusField('VmRSS') ?? Math.round(process.memoryUsage().rss / 1024)) / 1024;
}

/** Peak resident set size of this process, from /proc (Linux); falls back to the current RSS. */
export function peakRssKb(): number {
  return statusField('VmHWM') ?? Math.round(process.memoryUsage().rss / 1024);
}

async function main(): Promise<void> {
  const configFile = process.argv[2];
  if (!configFile) throw new Error('usage: serving-probe <config.json>');
  const config = ProbeConfigSchema.parse(JSON.parse(fs.readFileSync(configFile, 'utf8')));
  // Imported here, not at the top, so processStartMs measures Node + tsx only.
  const { loadEmbedder } = await import('../embed/index.ts');
  const { createAnswerEngine } = await import('../answer/index.ts');

  const rss: Record<string, number> = { start: rssMb() };
  let mark = performance.now();
  const embedder = await loadEmbedder();
  const modelLoadMs = performance.now() - mark;
  rss.model = rssMb();
  mark = performance.now();
  const engine = await createAnswerEngine({ corpusDir: config.corpusDir, indexDir: config.indexDir, embedder });
  const indexLoadMs = performance.now() - mark;
  rss.index = rssMb();
  const [first, ...rest] = config.questions;
  mark = performance.now();
  await engine.ask(first!);
  const firstAskMs = performance.now() - mark;
  rss.firstAnswer = rssMb();
  const tokenizerSource = embedder.tokenizerSource ?? 'json';
  await send({ type: 'ready', processStartMs, modelLoadMs, indexLoadMs, firstAskMs, tokenizerSource, rssMb: { ...rss } });

  const total: number[] = [];
  const timings: Array<Record<string, number> | null> = [];
  const kinds: string[] = [];
  // The floor: one forward pass per question through the same embedder, interleaved with the asks so both
  // see the same machine (a shared CPU drifts). embedPassages has no cache, so the text is really encoded
  // again (its "passage: " prefix has the length of "query: " ± 1 token).
  const forward: number[] = [];
  const all = config.questions.length;
  for (const [i, question] of rest.entries()) {
    let start = performance.now();
    const answer = await engine.ask(question);
    total.push(performance.now() - start);
    timings.push((answer as { timings?: Record<string, number> }).timings ?? null);
    kinds.push(answer.kind);
    start = performance.now();
    await embedder.embedPassages([question]);
    forward.push(performance.now() - start);
    if (i % 10 === 0) await send({ type: 'progress', label: 'ask, warm (and forward pass)', done: i + 1, total: all });
  }
  const repeated: number[] = [];
  for (const question of rest.slice(0, config.repeats)) {
    const start = performance.now();
    await engine.ask(question);
    repeated.push(performance.now() - start);
  }
  const lookupSamples: number[] = [];
  let found = 0;
  for (const [i, { reference, doc }] of config.lookups.entries()) {
    const start = performance.now();
    const answer = engine.lookup(reference, { doc });
    lookupSamples.push(performance.now() - start);
    if (answer.kind === 'lookup') found++;
    if (i % 50 === 0) await send({ type: 'progress', label: 'lookup', done: i + 1, total: config.lookups.length });
  }
  rss.engineEnd = rssMb();
  const enginePeakRssKb = peakRssKb();
  let slack: { questions: number; answered: number; ms: number } | undefined;
  if (config.slackQuestions.length > 0) {
    // The rest of what `rapporteur serve` holds: Bolt, its receiver and the bot's stores, driven over HTTP.
    const { answerThroughSlack } = await import('./slack-load.ts');
    slack = await answerThroughSlack(engine, config.indexDir, config.slackQuestions, (done, n) =>
      void send({ type: 'progress', label: 'questions through the Slack app', done, total: n }),
    );
    rss.slackEnd = rssMb();
  }
  await send({
    type: 'result',
    ask: { total, timings, kinds },
    forward,
    repeated,
    lookup: { samples: lookupSamples, found },
    ...(slack ? { slack } : {}),
    enginePeakRssKb,
    peakRssKb: peakRssKb(),
    rssMb: { ...rss, end: rssMb() },
  });
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    await send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  },
);
