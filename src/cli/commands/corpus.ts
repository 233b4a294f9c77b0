// `rapporteur corpus`: parse the reports and show what came out — counts by kind and warnings per document,
// or (--json) one JSON object per passage per line, nothing else on stdout. `corpus add` and `corpus remove`
// (corpus-add.ts) put a report in and take it out.
import type { Command } from 'commander';
import { z } from 'zod';
import { loadCorpus, PassageKindSchema, type Corpus, type ParseWarning, type Passage } from '../../corpus/index.ts';
import { corpusOption, LocationOptionsSchema, parseOptions } from '../options.ts';
import { registerCorpusEditCommands } from './corpus-add.ts';

const CorpusOptionsSchema = LocationOptionsSchema.pick({ corpus: true }).extend({
  json: z.boolean().default(false),
});

/** One line of `--json` output: the passage plus `section`, its heading path as one readable string. */
export function passageJson(passage: Passage): string {
  const { id, docId, label, kind, headingPath, text, leadIn, parentLabel, noteRefs, lines } = passage;
  return JSON.stringify({
    id, docId, label, kind, section: headingPath.join(' › '), headingPath, text,
    ...(leadIn ? { leadIn } : {}), ...(parentLabel ? { parentLabel } : {}), noteRefs, lines,
  });
}

export function formatWarning(w: ParseWarning): string {
  return `${w.file}:${w.line}${w.page ? ` (page ${w.page})` : ''}: ${w.message}`;
}

/** "16 recommendation, 49 paragraph, 14 item" for a set of passages. */
export function kindCounts(passages: Passage[]): string {
  return (
    PassageKindSchema.options
      .map((kind) => [kind, passages.filter((p) => p.kind === kind).length] as const)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ') || 'none'
  );
}

/** Per document: display name, counts by kind, then its warnings; corpus-level warnings last. */
export function formatSummary(corpus: Corpus): string {
  const out: string[] = [];
  for (const doc of corpus.documents) {
    const passages = corpus.passages.filter((p) => p.docId === doc.id);
    out.push(`${doc.id} — ${doc.displayName} [${doc.kind}, ${doc.date}, ${doc.symbol ? `${doc.symbol}, ` : ''}metadata: ${doc.metaSource}]`);
    out.push(`  ${passages.length} passages: ${kindCounts(passages)}`);
    const warnings = corpus.warnings.filter((w) => w.file === doc.sourcePath);
    for (const w of warnings) out.push(`  warning: ${formatWarning(w)}`);
  }
  const docFiles = new Set(corpus.documents.map((d) => d.sourcePath));
  for (const w of corpus.warnings.filter((x) => !docFiles.has(x.file))) out.push(`warning: ${formatWarning(w)}`);
  out.push(`${corpus.documents.length} documents, ${corpus.passages.length} passages, ${corpus.warnings.length} warnings`);
  return out.join('\n');
}

export function registerCorpusCommand(program: Command): void {
  const corpus = program
    .command('corpus')
    .description('parse the reports in the corpus folder and summarise their passages')
    .option('--json', 'print one JSON object per passage per line (warnings go to stderr)')
    .addOption(corpusOption(undefined, '--dir'))
    .action(async (raw: Record<string, unknown>) => {
      const options = parseOptions(CorpusOptionsSchema, raw);
      const corpus: Corpus = await loadCorpus(options.corpus);
      if (options.json) {
        for (const passage of corpus.passages) process.stdout.write(`${passageJson(passage)}\n`);
        for (const w of corpus.warnings) process.stderr.write(`warning: ${formatWarning(w)}\n`);
        return;
      }
      process.stdout.write(`${formatSummary(corpus)}\n`);
    });
  registerCorpusEditCommands(corpus);
}
