// `rapporteur corpus add FILE` and `rapporteur corpus remove ID`: a new report in as it was published (PDF, Word,
// Markdown or text), with its corpus.yml entry, or an old one out. `add` parses the file first and shows what
// it found; it writes nothing when the file cannot be read (exit 2) or when the parse looks wrong (exit 1),
// unless --force.
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import {
  addToCorpus,
  DOCUMENT_ID,
  DocumentKindSchema,
  DocumentMetaSchema,
  DocumentSymbolSchema,
  displayPath,
  filesOfDocument,
  idFromFileName,
  inferDocumentMeta,
  loadCorpus,
  parseDocument,
  readCorpusMeta,
  readReportFile,
  removeFromCorpus,
  type DocumentMeta,
  type ParsedDocument,
  type Passage,
} from '../../corpus/index.ts';
import { UserError } from '../errors.ts';
import { corpusOption, LocationOptionsSchema, parseOptions } from '../options.ts';
import { formatWarning, kindCounts } from './corpus.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date (YYYY-MM-DD)').refine((d) => !Number.isNaN(Date.parse(d)), 'not a real date');

const CorpusFolderSchema = LocationOptionsSchema.pick({ corpus: true });

const AddOptionsSchema = CorpusFolderSchema.extend({
  id: z.string().regex(DOCUMENT_ID, 'expected lower-case letters, digits and dashes (e.g. 2024-wg4-rapport)').optional(),
  name: z.string().trim().min(1, 'must not be empty').optional(),
  title: z.string().trim().min(1, 'must not be empty').optional(),
  date: isoDate.optional(),
  kind: DocumentKindSchema.optional(),
  draftOf: z.string().min(1).optional(),
  symbol: DocumentSymbolSchema.optional(),
  sourceUrl: z.url({ protocol: /^https?$/, message: 'expected an http(s) address' }).optional(),
  force: z.boolean().default(false),
});

/** What looks wrong in a parse: no numbered paragraph, repeated labels, gaps in the numbering. */
export function parseProblems(parsed: ParsedDocument): string[] {
  const problems: string[] = [];
  const numbered = parsed.passages.filter((p) => p.kind === 'paragraph' || p.kind === 'recommendation');
  if (parsed.structured === false || numbered.length === 0) problems.push('no numbered paragraph or recommendation found');
  const repeated = parsed.passages.filter((p) => / bis(?: \d+)?$/.test(p.label));
  if (repeated.length > 0) problems.push(`labels repeat: ${repeated.map((p) => p.label.replace(/ bis(?: \d+)?$/, '')).join(', ')}`);
  for (const [kind, prefix] of [['paragraph', 'paragraphe'], ['recommendation', 'Recommandation']] as const) {
    const gaps = numberingGaps(parsed.passages.filter((p) => p.kind === kind), prefix);
    if (gaps.length > 0) problems.push(`${kind} numbering has gaps: ${gaps.join(', ')}`);
  }
  return problems;
}

function numberingGaps(passages: Passage[], prefix: string): string[] {
  const numbers = passages.map((p) => Number(new RegExp(`^${prefix} (\\d+)$`).exec(p.label)?.[1])).filter((n) => Number.isFinite(n));
  const gaps: string[] = [];
  let expected = 1;
  for (const n of numbers) {
    if (n > expected) gaps.push(n === expected + 1 ? `${expected} missing` : `${expected}–${n - 1} missing`);
    expected = Math.max(expected, n + 1);
  }
  return gaps;
}

type Origin = 'given' | 'inferred' | 'found in the file';

function describe(parsed: ParsedDocument, origins: Record<string, Origin>, file: string, pages: number | undefined): string {
  const d = parsed.document;
  const lines = [
    `${d.id} — ${displayPath(file)}${pages ? ` (${pages} pages)` : ''}`,
    `  name:   ${d.displayName}  [${origins.name}]`,
    `  title:  ${d.title}  [${origins.title}]`,
    `  date:   ${d.date}  [${origins.date}]`,
    `  kind:   ${d.kind}  [${origins.kind}]`,
  ];
  if (d.symbol) lines.push(`  symbol: ${d.symbol}  [${origins.symbol}]`);
  if (d.draftOf) lines.push(`  draft of: ${d.draftOf}`);
  if (d.sourceUrl) lines.push(`  source: ${d.sourceUrl}`);
  lines.push(`  ${parsed.passages.length} passages: ${kindCounts(parsed.passages)}`);
  for (const w of parsed.warnings) lines.push(`  warning: ${formatWarning(w)}`);
  return lines.join('\n');
}

async function addReport(file: string, raw: Record<string, unknown>): Promise<void> {
  const options = parseOptions(AddOptionsSchema, raw);
  const source = path.resolve(file);
  const id = options.id ?? idFromFileName(source);
  if (!DOCUMENT_ID.test(id)) throw new UserError(`cannot make a document id from the file name ${path.basename(source)}; give one with --id`, 2);
  const target = path.join(options.corpus, `${id}${path.extname(source).toLowerCase()}`);

  const report = await readReportFile(source, file);
  const existing = await loadCorpus(options.corpus);
  const meta = await readCorpusMeta(options.corpus).catch(() => undefined);
  if ((await filesOfDocument(options.corpus, id)).length > 0 || meta?.documents[id]) {
    throw new UserError(`the corpus already has a document "${id}"; choose another --id or run \`rapporteur corpus remove ${id}\` first`, 2);
  }
  if (options.draftOf && !existing.documents.some((d) => d.id === options.draftOf)) {
    throw new UserError(`--draft-of: no document "${options.draftOf}" in ${displayPath(options.corpus)}`, 2);
  }

  const inferred = inferDocumentMeta(report.read.text, id);
  const symbol = options.symbol ?? report.read.symbol;
  const entry: DocumentMeta = DocumentMetaSchema.parse({
    displayName: options.name ?? inferred.displayName,
    title: options.title ?? inferred.title,
    date: options.date ?? inferred.date,
    kind: options.kind ?? inferred.kind,
    ...(options.draftOf ? { draftOf: options.draftOf } : {}),
    ...(symbol ? { symbol } : {}),
    ...(options.sourceUrl ? { sourceUrl: options.sourceUrl } : {}),
  });
  const origin = (given: unknown): Origin => (given !== undefined ? 'given' : 'inferred');
  const origins: Record<string, Origin> = {
    name: origin(options.name), title: origin(options.title), date: origin(options.date), kind: origin(options.kind),
    symbol: options.symbol ? 'given' : 'found in the file',
  };

  const parsed = parseDocument({ id, text: report.read.text, sourcePath: displayPath(target), meta: entry, ...(symbol ? { symbol } : {}) });
  const pageOf = report.read.pageOfLine;
  parsed.warnings = parsed.warnings.map((w) => (pageOf[w.line - 1] ? { ...w, page: pageOf[w.line - 1] } : w));
  const problems = parseProblems(parsed);
  const summary = describe(parsed, origins, target, report.read.pages);

  if (problems.length > 0 && !options.force) {
    process.stdout.write(`${summary}\n`);
    throw new UserError(`not added, the parse looks wrong: ${problems.join('; ')} (check the file, or add it anyway with --force)`, 1);
  }
  await addToCorpus(options.corpus, source, id, entry);
  process.stdout.write(
    [
      `Added ${summary}`,
      ...(problems.length > 0 ? [`Added despite: ${problems.join('; ')} (--force).`] : []),
      'Run `rapporteur index` to embed it (only this document\'s passages are embedded).',
      '',
    ].join('\n'),
  );
}

async function removeReport(id: string, raw: Record<string, unknown>): Promise<void> {
  const options = parseOptions(CorpusFolderSchema, raw);
  const meta = await readCorpusMeta(options.corpus);
  const files = await filesOfDocument(options.corpus, id);
  if (files.length === 0 && !meta?.documents[id]) throw new UserError(`no document "${id}" in ${displayPath(options.corpus)}`, 2);
  const drafts = Object.entries(meta?.documents ?? {}).filter(([, m]) => m.draftOf === id).map(([draft]) => draft);
  const removed = await removeFromCorpus(options.corpus, id);
  const what = [...removed.files.map((f) => displayPath(f)), ...(removed.entry ? ['its corpus.yml entry'] : [])];
  process.stdout.write(
    [
      `Removed ${id}: ${what.join(' and ')}.`,
      ...(drafts.length > 0 ? [`Note: ${drafts.join(', ')} ${drafts.length === 1 ? 'is a draft' : 'are drafts'} of it (draftOf in corpus.yml).`] : []),
      'Run `rapporteur index` to take it out of the index.',
      '',
    ].join('\n'),
  );
}

export function registerCorpusEditCommands(corpus: Command): void {
  corpus
    .command('add <file>')
    .description('copy a report (.pdf, .docx, .md, .txt) into the corpus folder and write its corpus.yml entry')
    .option('--id <id>', 'document id, the file name in corpus/ (default: from the file name)')
    .option('--name <name>', 'display name used in citations (default: inferred from the first page)')
    .option('--title <title>', 'full title (default: inferred)')
    .option('--date <YYYY-MM-DD>', 'date of the document (default: inferred)')
    .option('--kind <kind>', `one of ${DocumentKindSchema.options.join(', ')} (default: inferred)`)
    .option('--draft-of <id>', 'the document this one is a draft of')
    .option('--symbol <symbol>', 'document symbol (default: found on the first page)')
    .option('--source-url <url>', 'link to the official document')
    .option('--force', 'add it even when the parse looks wrong')
    .addOption(corpusOption(undefined, '--dir'))
    // `--corpus` is also an option of `corpus` itself, which commander gives it: read it with the parent's options.
    .action((file: string, _raw: Record<string, unknown>, command: Command) => addReport(file, command.optsWithGlobals()));
  corpus
    .command('remove <id>')
    .description('take a report out of the corpus folder (its file and its corpus.yml entry)')
    .addOption(corpusOption(undefined, '--dir'))
    .action((id: string, _raw: Record<string, unknown>, command: Command) => removeReport(id, command.optsWithGlobals()));
}
