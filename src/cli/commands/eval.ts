// `rapporteur eval`: retrieval and answer quality on the evaluation set, per part (held-out first, then
// tuning) and per kind of question, as tables (or JSON).
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { DEFAULT_ABSTAIN_BELOW, DEFAULT_TECHNIQUES, TECHNIQUES } from '../../answer/index.ts';
import { projectRoot } from '../../config.ts';
import { evaluate, loadEvalSet, QUESTION_TAGS, type EvalReport, type Figures, type PartReport, type Ratio } from '../../eval/index.ts';
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
});

const PART_NAMES = { heldout: 'Held-out part', tune: 'Tuning part' } as const;

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const cell = (r: Ratio) => (r.of ? `${r.hits}/${r.of}` : '–');
const share = (r: Ratio) => (r.of ? `${pct(r.hits / r.of)} (${r.hits}/${r.of})` : '–');

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
    .option('--failures', 'list the questions that missed (held-out ones only with --split heldout)')
    .option('--with <techniques>', `switch techniques on to measure them (${TECHNIQUES.join(',')})`)
    .option('--without <techniques>', 'switch techniques off to measure them')
    .addOption(corpusOption())
    .addOption(indexOption())
    .action(async (raw: Record<string, unknown>) => {
      const options = parseOptions(EvalOptionsSchema, raw);
      const split = options.split ?? 'all';
      const set = await loadEvalSet({ tune: options.devset, heldout: options.heldout }, split);
      if (options.failures && split === 'all' && set.files.heldout) {
        process.stderr.write('rapporteur: --failures lists tuning misses only; held-out misses need --split heldout\n');
      }
      // Per-question results of the held-out part are shown only when that part is asked for by name.
      const showFailuresOf = options.split === 'heldout' ? (['heldout'] as const) : (['tune'] as const);
      const engine = await openEngine({ corpusDir: options.corpus, indexDir: options.index, techniques: { with: options.with, without: options.without } });
      const report = await evaluate(engine, set, { abstainBelow: DEFAULT_ABSTAIN_BELOW, showFailuresOf: [...showFailuresOf] });
      if (!options.failures) report.failures = [];
      process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : `${formatReport(report, options.failures)}\n`);
    });
}
