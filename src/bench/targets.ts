// The targets of issue 8 and the verdict of a run against them: one line per figure, ✓ / ✗ / – (not
// measured or not applicable).
import type { BenchReport } from './report.ts';

export interface Check {
  section: string;
  measure: string;
  value: string;
  target: string;
  /** undefined: informative line without a target. */
  ok?: boolean;
}

/** Scale targets apply from this N on (the issue sets them at 100 000 vectors). */
export const SCALE_TARGET_MIN_N = 100_000;

export const targets = {
  askP95Ms: 50,
  askToForwardRatio: 1.5,
  lookupP95Ms: 2,
  coldStartMs: 3000,
  noChangeRebuildMs: 1000,
  buildToFloorRatio: 1.2,
  peakRssMb: 400,
  scaleP95Ms: 2,
  scaleRecall: 0.95,
  scaleSpeedup: 20,
  /** Issue 14: an event's arrival to the first streamed chunk, warm. */
  firstChunkP95Ms: 150,
} as const;

const ms = (value: number) => (value >= 100 ? `${value.toFixed(0)} ms` : value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} ms`);
const s = (value: number) => `${(value / 1000).toFixed(2)} s`;
const x = (value: number) => `${value.toFixed(2)}×`;
const n = (value: number) => value.toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function checks(report: BenchReport): Check[] {
  const out: Check[] = [];
  const index = report.index;
  if (index) {
    const sec = index.slice ? 'index (corpus slice)' : 'index (real corpus)';
    out.push({ section: sec, measure: 'passages / texts / tokens embedded', value: `${n(index.passages)} / ${n(index.textsEmbedded)} / ${n(index.tokensEmbedded)}`, target: '' });
    out.push({ section: sec, measure: 'full build from scratch', value: `${s(index.fullBuildMs)} (${n(Math.round(index.fullBuildTokensPerSecond))} tok/s)`, target: '' });
    out.push({ section: sec, measure: 'bare embedding of the same texts (floor)', value: `${s(index.bareEmbedMs)} (${n(Math.round(index.bareEmbedTokensPerSecond))} tok/s; runs ${index.bareEmbedRunsMs.map(s).join(', ')})`, target: '' });
    out.push({ section: sec, measure: 'full build / floor', value: x(index.buildToFloorRatio), target: `≤ ${targets.buildToFloorRatio}×`, ok: index.buildToFloorRatio <= targets.buildToFloorRatio });
    out.push({ section: sec, measure: 'rebuild, nothing changed', value: `${s(index.noChangeRebuildMs)} (${index.noChangeRebuildEmbedded} embedded)`, target: `≤ ${s(targets.noChangeRebuildMs)}`, ok: index.noChangeRebuildMs <= targets.noChangeRebuildMs });
    out.push({ section: sec, measure: 'rebuild, one paragraph changed', value: `${s(index.oneParagraphRebuildMs)} (${index.oneParagraphRebuildEmbedded} embedded)`, target: '' });
  }
  const serving = report.serving;
  if (serving) {
    const cold = serving.coldStart;
    out.push({ section: 'cold start', measure: 'spawn → first answer ready', value: s(cold.totalMs), target: `≤ ${s(targets.coldStartMs)}`, ok: cold.totalMs <= targets.coldStartMs });
    out.push({ section: 'cold start', measure: 'of which node + tsx start / model / index / first ask', value: `${s(cold.processStartMs)} / ${s(cold.modelLoadMs)} / ${s(cold.indexLoadMs)} / ${s(cold.firstAskMs)}`, target: '' });
    if (cold.tokenizerSource) {
      const source = cold.tokenizerSource === 'cache' ? 'from its cache (a restart)' : 'parsed from tokenizer.json (first start: no cache yet)';
      out.push({ section: 'cold start', measure: 'tokenizer', value: source, target: '' });
    }
    const ask = serving.ask;
    const sec = `ask, warm (${ask.questions} questions, ${ask.distinctQuestions} distinct)`;
    out.push({ section: sec, measure: 'total p50 / p95 / max', value: `${ms(ask.total.p50)} / ${ms(ask.total.p95)} / ${ms(ask.total.max)}`, target: `p95 ≤ ${targets.askP95Ms} ms`, ok: ask.total.p95 <= targets.askP95Ms });
    for (const [stage, label] of [['embed', 'embed question'], ['hnsw', 'HNSW search'], ['bm25', 'BM25'], ['fusion', 'fusion'], ['compose', 'answer composition']] as const) {
      const summary = ask.stages[stage];
      out.push({ section: sec, measure: `  ${label} p50 / p95`, value: summary ? `${ms(summary.p50)} / ${ms(summary.p95)}` : 'not exposed', target: '' });
    }
    out.push({ section: sec, measure: 'bare forward pass p50 / p95 (floor)', value: `${ms(ask.forward.p50)} / ${ms(ask.forward.p95)}`, target: '' });
    out.push({ section: sec, measure: 'ask / forward pass, p50 / p95', value: `${x(ask.ratioP50)} / ${x(ask.ratioP95)}`, target: `p95 ≤ ${targets.askToForwardRatio}×`, ok: ask.ratioP95 <= targets.askToForwardRatio });
    if (ask.repeated) out.push({ section: sec, measure: 'repeated questions p50 / p95', value: `${ms(ask.repeated.p50)} / ${ms(ask.repeated.p95)}`, target: '' });
    const lookup = serving.lookup;
    out.push({ section: 'lookup', measure: `p50 / p95 (${lookup.references} references, ${lookup.found} found)`, value: `${ms(lookup.p50)} / ${ms(lookup.p95)}`, target: `p95 ≤ ${targets.lookupP95Ms} ms`, ok: lookup.p95 <= targets.lookupP95Ms });
    const through = serving.slack ? `, then ${serving.slack.answered}/${serving.slack.questions} more through the Slack app` : '';
    out.push({ section: 'memory', measure: `peak RSS of the serving process (${serving.ask.distinctQuestions} distinct asks${through})`, value: `${serving.peakRssMb.toFixed(0)} MiB`, target: `≤ ${targets.peakRssMb} MiB`, ok: serving.peakRssMb <= targets.peakRssMb });
    if (serving.enginePeakRssMb !== undefined) out.push({ section: 'memory', measure: '  of which before the Slack app started (engine alone)', value: `${serving.enginePeakRssMb.toFixed(0)} MiB`, target: '' });
    const steps = Object.entries(serving.rssMb).map(([step, value]) => `${step} ${value.toFixed(0)}`).join(' → ');
    out.push({ section: 'memory', measure: 'RSS after each step, MB', value: steps, target: '' });
  }
  const slack = report.slack;
  if (slack) {
    const sec = `slack, warm (${slack.events} signed events over HTTP, answers streamed)`;
    out.push({ section: sec, measure: 'event → first streamed chunk p50 / p95 / max', value: `${ms(slack.firstChunk.p50)} / ${ms(slack.firstChunk.p95)} / ${ms(slack.firstChunk.max)}`, target: `p95 ≤ ${targets.firstChunkP95Ms} ms`, ok: slack.firstChunk.p95 <= targets.firstChunkP95Ms });
    out.push({ section: sec, measure: 'event → complete answer p50 / p95 / max', value: `${ms(slack.complete.p50)} / ${ms(slack.complete.p95)} / ${ms(slack.complete.max)}`, target: '' });
  }
  for (const point of report.scale.points) {
    const sec = `scale: ${point.distribution} random unit vectors, ${point.dims} dims`;
    const applies = point.n >= SCALE_TARGET_MIN_N;
    const exact = point.exact.baseline === 'js-scan' ? point.exact.jsScan : point.exact.bruteforce;
    const tag = `N=${n(point.n)}`;
    out.push({ section: sec, measure: `${tag} build (M=${point.hnsw.m}, efC=${point.hnsw.efConstruction})`, value: `${s(point.hnsw.buildMs)} (${point.hnsw.buildUsPerVector.toFixed(0)} µs/vector), index ${mb(point.hnsw.fileBytes)}, RSS +${mb(point.hnsw.rssGrowthBytes)}`, target: '' });
    out.push({ section: sec, measure: `${tag} HNSW search p50 / p95 (ef=${point.hnsw.ef})`, value: `${ms(point.hnsw.search.p50)} / ${ms(point.hnsw.search.p95)}`, target: applies ? `p95 ≤ ${targets.scaleP95Ms} ms` : '', ...(applies ? { ok: point.hnsw.search.p95 <= targets.scaleP95Ms } : {}) });
    out.push({ section: sec, measure: `${tag} recall@${point.k}`, value: point.hnsw.recall.toFixed(3), target: applies ? `≥ ${targets.scaleRecall}` : '', ...(applies ? { ok: point.hnsw.recall >= targets.scaleRecall } : {}) });
    out.push({ section: sec, measure: `${tag} exact p50 / p95 (${point.exact.baseline}; js scan p50 ${ms(point.exact.jsScan.p50)})`, value: `${ms(exact.p50)} / ${ms(exact.p95)}`, target: '' });
    out.push({ section: sec, measure: `${tag} speed-up over exact, p50 / p95`, value: `${x(point.speedupP50)} / ${x(point.speedupP95)}`, target: applies ? `≥ ${targets.scaleSpeedup}×` : '', ...(applies ? { ok: point.speedupP50 >= targets.scaleSpeedup } : {}) });
  }
  for (const g of report.scale.growth) {
    out.push({ section: `scale growth (${g.distribution})`, measure: `N ${n(g.fromN)} → ${n(g.toN)} (×${(g.toN / g.fromN).toFixed(0)})`, value: `build ${x(g.buildTime)}, search p50 ${x(g.searchP50)}, index size ${x(g.indexBytes)}`, target: '' });
  }
  for (const result of report.state ?? []) {
    const sec = 'state store, per answer (7 operations)';
    if ('notMeasured' in result) out.push({ section: sec, measure: result.backend, value: `not measured: ${result.notMeasured}`, target: '' });
    else out.push({ section: sec, measure: `${result.backend} p50 / p95 (${n(result.answers)} answers)`, value: `${ms(result.perAnswer.p50)} / ${ms(result.perAnswer.p95)}`, target: '' });
  }
  if (report.replicas) {
    const sec = `serve processes sharing ${report.replicas.state.startsWith('redis') ? 'Redis' : 'one SQLite file'}`;
    for (const run of report.replicas.runs) {
      out.push({ section: sec, measure: `${run.processes} process${run.processes > 1 ? 'es' : ''}, burst of ${run.questions} distinct questions`, value: `${s(run.burstMs)} (${run.questionsPerSecond.toFixed(1)} questions/s)`, target: '' });
    }
    out.push({ section: sec, measure: 'two processes / one, throughput', value: x(report.replicas.speedup), target: '' });
  }
  for (const skipped of report.skipped) out.push({ section: 'not measured', measure: skipped.part, value: skipped.reason, target: '' });
  return out;
}

export function verdict(check: Check): string {
  if (check.ok === undefined) return '';
  return check.ok ? '✓' : '✗';
}
