// `rapporteur eval`: retrieval and answer quality on the development set, as a table (or JSON).
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { DEFAULT_ABSTAIN_BELOW, evaluate, loadDevSet, type EvalReport } from '../../answer/index.ts';
import { projectRoot } from '../../config.ts';
import { UserError } from '../errors.ts';
import { openEngine } from '../open-engine.ts';
import { LocationOptionsSchema, parseOptions } from '../options.ts';

const EvalOptionsSchema = LocationOptionsSchema.extend({
  devset: z.string().min(1).default(path.join(projectRoot, 'eval', 'devset.yml')),
  json: z.boolean().default(false),
  failures: z.boolean().default(false),
});

const pct = (x: number) => `${(x * 100).toFixed(1)} %`.padStart(8);

export function formatReport(report: EvalReport, showFailures: boolean): string {
  const r = report.retrieval;
  const row = (name: string, s: EvalReport['retrieval']['hybrid']) =>
    `${name.padEnd(22)}${pct(s.recallAt1)}${pct(s.recallAt5)}${s.mrr.toFixed(3).padStart(8)}`;
  const a = report.abstention;
  const lines = [
    `Development set: ${report.questions} questions`,
    '',
    `Retrieval (${r.hybrid.questions} answerable questions)   R@1     R@5     MRR`,
    row('dense only (HNSW)', r.dense),
    row('BM25 only', r.lexical),
    row('hybrid (fusion)', r.hybrid),
    row('answer engine', r.engine),
    '',
    `Reference questions answered by lookup: ${report.references.correct}/${report.references.questions}`,
    `Follow-ups with an expected passage in the top 5: ${pct(report.followUps.recallAt5).trim()} of ${report.followUps.questions}`,
    `Abstention accuracy (thresholds fr ${a.thresholds.fr}, en ${a.thresholds.en}): ${a.correct}/${a.questions} = ${pct(a.accuracy).trim()}`,
    `Quotes: ${report.quotes.quotes} in ${report.quotes.answers} answers, ${report.quotes.verbatim} verbatim, ${report.quotes.labelsExist} with an existing label`,
    `Quotes from an expected passage (or its parent/item): ${report.quotes.onTarget}/${report.quotes.judged}; first quote on target: ${report.quotes.firstOnTarget}/${report.quotes.judgedAnswers}`,
    '',
    'Abstention threshold sweep (confidence = cosine of the question to its best passage)',
    ...(['fr', 'en'] as const).flatMap((language) => [
      `  ${language}: threshold  precision  recall  wrongly refused  accuracy`,
      ...a.sweep[language]
        .filter((t, i) => i % 2 === 0 || t === a.recommended[language])
        .map(
          (t) =>
            `${t.threshold.toFixed(3).padStart(15)}${pct(t.abstainPrecision).padStart(11)}${pct(t.abstainRecall)}${String(t.falseAbstentions).padStart(17)}${pct(t.accuracy).padStart(10)}${t === a.recommended[language] ? '  ← calibrated' : ''}`,
        ),
    ]),
  ];
  if (showFailures && report.failures.length) {
    lines.push('', 'Misses (expected not in the top 5, or a reference not resolved):');
    for (const f of report.failures) lines.push(`  ${f.id} ${f.question}\n      expected ${f.expected}\n      got      ${f.got}`);
  }
  return lines.join('\n');
}

export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description('measure retrieval (dense, BM25, fused) and answers on the development set')
    .option('--devset <file>', 'development set (YAML)')
    .option('--json', 'print the report as one JSON object')
    .option('--failures', 'list the questions that missed')
    .option('--corpus <dir>', 'corpus folder')
    .option('--index <dir>', 'index folder')
    .action(async (raw: Record<string, unknown>) => {
      const options = parseOptions(EvalOptionsSchema, raw);
      let devset;
      try {
        devset = await loadDevSet(options.devset);
      } catch (error) {
        throw new UserError(error instanceof Error ? error.message : String(error), 2);
      }
      const engine = await openEngine({ corpusDir: options.corpus, indexDir: options.index });
      const report = await evaluate(engine, devset, { abstainBelow: DEFAULT_ABSTAIN_BELOW });
      process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : `${formatReport(report, options.failures)}\n`);
    });
}
