// `rapporteur eval`: retrieval and answer quality on the evaluation set, per part (held-out first, then
// tuning) and per kind of question, as tables (or JSON).
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { DEFAULT_ABSTAIN_BELOW, DEFAULT_TECHNIQUES, TECHNIQUES } from '../../answer/index.ts';
import { projectRoot } from '../../config.ts';
import { evaluate, loadEvalSet, QUESTION_TAGS, type EvalReport, type Figures, type Interval, type PartComparison, type PartReport, type Ratio } from '../../eval/index.ts';
import { UserError } from '../errors.ts';
import { openEngine } from '../open-engine.ts';
import { corpusOption, indexOption, LocationOptionsSchema, parseOptions } from '../options.ts';

const techniqueList = z
  .string()
  .optional()
  .transform((list) => (list ? list.split(',').map((t) => t.trim()).filter(Boolean) : []))
  .pipe(z.array(z.enum(TECHNIQUES, { message: `expected a comma-separated list of ${TECHNIQUES.join(', ')}` })));

const EvalOptionsSchema = LocationOptionsSchema.extend({
  devset: z.string().min(1).default(path.join(projectRoot, 'eval', 'devset.yml')),
  heldout: z.string().min(1).default(path.join(projectRoot, 'eval', 'heldout.yml')),
  split: z.enum(['tune', 'heldout', 'all'], { message: 'expected tune, heldout or all' }).optional(),
  json: z.boolean().default(false),
  failures: z.boolean().default(false),
  with: techniqueList,
  without: techniqueList,
  paired: z.boolean().default(false),
});

const PART_NAMES = { heldout: 'Held-out part', tune: 'Tuning part' } as const;

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const cell = (r: Ratio) => (r.of ? `${r.hits}/${r.of}` : '–');
const share = (r: Ratio) => (r.of ? `${pct(r.hits / r.of)} (${r.hits}/${r.of})` : '–');
const percentRange = ([low, high]: Interval) => `${(low * 100).toFixed(1)}–${pct(high)}`;
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
const pValue = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(2)}`);

/** The columns of the per-kind table: issue 11's figures, each over the questions it applies to. */
const COLUMNS: Array<{ title: string; value: (f: Figures) => string }> = [
  { title: 'n', value: (f) => String(f.questions) },
  { title: 'top 5', value: (f) => (f.top5.of ? pct(f.top5.hits / f.top5.of) : '–') },
  { title: 'MRR', value: (f) => (f.answerable ? f.mrr.toFixed(3) : '–') },
  { title: 'R@1', value: (f) => (f.recallAt1.of ? pct(f.recallAt1.hits / f.recallAt1.of) : '–') },
  { title: '1st quote', value: (f) => (f.firstQuote.of ? pct(f.firstQuote.hits / f.firstQuote.of) : '–') },
  { title: 'near miss decl.', value: (f) => cell(f.nearMissDeclined) },
  { title: 'off-topic decl.', value: (f) => cell(f.offTopicDeclined) },
  { title: 'refused', value: (f) => cell(f.wronglyRefused) },
  { title: 'partial', value: (f) => cell(f.wronglyPartial) },
  { title: '>1 doc', value: (f) => cell(f.multiDocument) },
  { title: 'lookup', value: (f) => cell(f.references) },
];

function table(rows: Array<[string, Figures]>): string[] {
  const cells = [['kind', ...COLUMNS.map((c) => c.title)], ...rows.map(([name, f]) => [name, ...COLUMNS.map((c) => c.value(f))])];
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  return cells.map((row) => `  ${row.map((text, i) => (i === 0 ? text.padEnd(widths[i]!) : text.padStart(widths[i]!))).join('  ')}`);
}

function formatPart(part: PartReport): string[] {
  const o = part.overall;
  const r = part.retrieval;
  const row = (name: string, s: PartReport['retrieval']['hybrid']) =>
    `  ${name.padEnd(20)}${pct(s.recallAt1).padStart(8)}${pct(s.recallAt5).padStart(9)}${s.mrr.toFixed(3).padStart(8)}`;
  return [
    `${PART_NAMES[part.part]} (${path.basename(part.file)}): ${o.questions} questions`,
    `  answering passage in the top 5   ${share(o.top5)}`,
    `  MRR                              ${o.mrr.toFixed(3)}`,
    `  R@1                              ${share(o.recallAt1)}`,
    `  first quote from an answering passage  ${share(o.firstQuote)}`,
    `  near misses declined or partial  ${share(o.nearMissDeclined)}`,
    `  off-topic requests declined      ${share(o.offTopicDeclined)}`,
    `  answerable wrongly refused       ${share(o.wronglyRefused)}; answered "partial" ${cell(o.wronglyPartial)}`,
    `  multi-passage citing >1 document ${share(o.multiDocument)}`,
    `  reference lookups                ${share(o.references)}`,
    `  quotes: ${part.quotes.quotes} in ${part.quotes.answers} answers, ${part.quotes.verbatim} verbatim, ${part.quotes.labelsExist} with an existing label`,
    ...intervalLines(part),
    ...(part.paired ? pairedLines(part.paired) : []),
    '',
    `  Retrieval (${r.engine.questions} answerable)     R@1      R@5     MRR`,
    row('dense only (HNSW)', r.dense),
    row('BM25 only', r.lexical),
    row('hybrid (fusion)', r.hybrid),
    row('answer engine', r.engine),
    '',
    '  Per kind',
    ...table(QUESTION_TAGS.flatMap((tag) => (part.byTag[tag] ? [[tag, part.byTag[tag]!] as [string, Figures]] : []))),
  ];
}

/** The 95 % intervals of the principal figures: how far each could move on another draw of as many questions. */
function intervalLines(part: PartReport): string[] {
  const i = part.intervals;
  return [
    `  95 % intervals (Wilson; MRR by bootstrap): top 5 ${percentRange(i.top5)}, MRR ${i.mrr[0].toFixed(3)}–${i.mrr[1].toFixed(3)},`,
    `    first quote ${percentRange(i.firstQuote)}, near misses ${percentRange(i.nearMissDeclined)}`,
  ];
}

/** The paired comparison with the default techniques: what moved, and the chance that luck moved it. */
function pairedLines(c: PartComparison): string[] {
  const moved = (name: string, r: PartComparison['top5']) =>
    `    ${name.padEnd(33)}${`gained ${r.gained}, lost ${r.lost}`.padEnd(22)}(sign test ${pValue(r.p)})`;
  const m = c.mrr;
  return [
    `  Against the default techniques, question by question (${c.answerable} answerable)`,
    `    ${'MRR'.padEnd(33)}${m.baseline.toFixed(3)} → ${m.changed.toFixed(3)} (${signed(m.difference)}, 95 % interval ${signed(m.interval[0])} to ${signed(m.interval[1])})`,
    moved('answering passage in the top 5', c.top5),
    moved('R@1', c.recallAt1),
    moved('first quote', c.firstQuote),
    moved('near misses declined or partial', c.nearMissDeclined),
    moved('off-topic requests declined', c.offTopicDeclined),
    moved('multi-passage citing >1 document', c.multiDocument),
    moved('answerable answered "partial"', c.wronglyPartial),
  ];
}

export function formatReport(report: EvalReport, showFailures: boolean): string {
  const changed = report.techniques.join(',') === DEFAULT_TECHNIQUES.join(',') ? '' : `, techniques ${report.techniques.join(', ') || 'none'}`;
  const lines = [`Evaluation set: ${report.questions} questions (thresholds fr ${report.thresholds.fr}, en ${report.thresholds.en}${changed})`, ''];
  for (const part of report.parts) lines.push(...formatPart(part), '');
  const c = report.calibration;
  if (c) {
    lines.push('Abstention threshold sweep on the tuning part (confidence = cosine of the question to its best passage)');
    for (const language of ['fr', 'en'] as const) {
      lines.push(`  ${language}: threshold  precision  recall  wrongly refused  accuracy`);
      for (const [i, t] of c.sweep[language].entries()) {
        // Every 0.01 over the range where the choice is made, and the chosen row.
        if ((i % 2 !== 0 || t.threshold < 0.78 || t.threshold > 0.88) && t !== c.recommended[language]) continue;
        const mark = t === c.recommended[language] ? '  ← highest with ≤ 1 % wrongly refused' : '';
        lines.push(
          `${t.threshold.toFixed(3).padStart(15)}${pct(t.abstainPrecision).padStart(11)}${pct(t.abstainRecall).padStart(8)}${String(t.falseAbstentions).padStart(17)}${pct(t.accuracy).padStart(10)}${mark}`,
        );
      }
    }
  }
  if (showFailures) {
    lines.push('', `Misses (${report.failures.length}):`);
    for (const f of report.failures) lines.push(`  ${f.id} [${f.tags.join(', ')}] ${f.question}\n      expected ${f.expected}\n      got      ${f.got}`);
    if (report.changes) {
      const rank = (r: number) => (Number.isFinite(r) ? `rank ${r}` : 'not in the sources');
      lines.push('', `Changed against the default techniques (${report.changes.length}):`);
      for (const c of report.changes) {
        lines.push(
          `  ${c.id} [${c.tags.join(', ')}] ${c.question}\n      expected ${c.expected}\n      default  ${rank(c.before.rank)}; ${c.before.got}\n      now      ${rank(c.after.rank)}; ${c.after.got}`,
        );
      }
    }
  }
  return lines.join('\n');
}

export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description('measure retrieval and answers on the evaluation set, per part (held-out, tuning) and per kind')
    .option('--devset <file>', 'tuning part (YAML)')
    .option('--heldout <file>', 'held-out part (YAML)')
    .option('--split <part>', 'tune, heldout or all (default all)')
    .option('--json', 'print the report as one JSON object')
    .option('--failures', 'list the questions that missed, and with --paired those that changed (held-out ones only with --split heldout)')
    .option('--with <techniques>', `switch techniques on to measure them (${TECHNIQUES.join(',')})`)
    .option('--without <techniques>', 'switch techniques off to measure them')
    .option('--paired', 'with --with or --without: compare, question by question, with the default techniques')
    .addOption(corpusOption())
    .addOption(indexOption())
    .action(async (raw: Record<string, unknown>) => {
      const options = parseOptions(EvalOptionsSchema, raw);
      if (options.paired && !options.with.length && !options.without.length) {
        throw new UserError('eval --paired compares a change with the default techniques: give --with or --without too');
      }
      const split = options.split ?? 'all';
      const set = await loadEvalSet({ tune: options.devset, heldout: options.heldout }, split);
      if (options.failures && split === 'all' && set.files.heldout) {
        process.stderr.write('rapporteur: --failures lists tuning misses only; held-out misses need --split heldout\n');
      }
      // Per-question results of the held-out part are shown only when that part is asked for by name.
      const showFailuresOf = options.split === 'heldout' ? (['heldout'] as const) : (['tune'] as const);
      const engine = await openEngine({ corpusDir: options.corpus, indexDir: options.index, techniques: { with: options.with, without: options.without } });
      const baseline = options.paired ? await openEngine({ corpusDir: options.corpus, indexDir: options.index, embedder: engine.embedder }) : undefined;
      const report = await evaluate(engine, set, {
        abstainBelow: DEFAULT_ABSTAIN_BELOW,
        showFailuresOf: [...showFailuresOf],
        ...(baseline ? { baseline } : {}),
      });
      if (!options.failures) {
        report.failures = [];
        delete report.changes;
      }
      process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : `${formatReport(report, options.failures)}\n`);
    });
}
