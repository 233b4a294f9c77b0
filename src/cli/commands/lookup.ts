// `rapporteur lookup "<ref>"`: resolves a typed reference ("reco 7c", "§ 72 d) 2023") to its passage from the
// parsed corpus alone — no model, no index — so it answers as fast as the reports parse.
import type { Command } from 'commander';
import { z } from 'zod';
import { itemMarker, loadCorpus } from '../../corpus/index.ts';
import { createLookup, formatReference, parseReference, type LookupHit, type LookupResult } from '../../search/index.ts';
import { UserError } from '../errors.ts';
import { corpusOption, LocationOptionsSchema, parseOptions } from '../options.ts';

// Stricter than the parser's MAX_REFERENCE_LENGTH (300, search/reference.ts): `lookup` has always refused at 200.
const MAX_REFERENCE_LENGTH = 200;

const ReferenceSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, 'the reference is empty; try e.g. `rapporteur lookup "Recommandation 7 c)"`')
      .max(MAX_REFERENCE_LENGTH, `the reference is longer than ${MAX_REFERENCE_LENGTH} characters`)
      .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'the reference contains control characters'),
  );

const OptionsSchema = LocationOptionsSchema.pick({ corpus: true }).extend({
  doc: z.string().trim().min(1, '--doc needs a document id, a year or a word of its name').optional(),
  json: z.boolean().default(false),
});

export interface LookupJson {
  query: string;
  matches: Array<{ docId: string; label: string; text: string; section: string; leadIn?: string; document: string; symbol?: string }>;
  suggestions: Array<{ docId: string; label: string }>;
  /** Words it could not place (then nothing is answered); present only when there are any. */
  unplaced?: string[];
}

export function lookupToJson(result: LookupResult): LookupJson {
  return {
    query: result.query,
    matches: result.matches.map(({ passage, document }) => {
      const match: LookupJson['matches'][number] = {
        docId: passage.docId,
        label: passage.label,
        text: passage.text,
        section: passage.headingPath.join(' › '),
        document: document.displayName,
      };
      if (document.symbol) match.symbol = document.symbol;
      if (passage.leadIn) match.leadIn = passage.leadIn;
      return match;
    }),
    suggestions: result.suggestions.map(({ passage }) => ({ docId: passage.docId, label: passage.label })),
    ...(result.unplacedWords.length > 0 ? { unplaced: result.unplacedWords } : {}),
  };
}

function citation(hit: LookupHit): string {
  return `${hit.document.displayName}, ${hit.passage.label}`;
}

/** The text a person reads: citation, section, full text (items with their parent's lead-in). */
export function formatLookup(result: LookupResult): string {
  const lines: string[] = [];
  if (result.matches.length === 0) {
    const asked = result.parsed ? formatReference(result.parsed) : result.query;
    const where = result.scope ? ` in ${result.scope.map((d) => d.displayName).join(', ')}` : '';
    if (result.unplacedWords.length > 0) {
      const words = result.unplacedWords.map((w) => `"${w}"`).join(', ');
      lines.push(`Not found: "${result.query}": could not place ${words}: ${result.unplacedWords.length === 1 ? 'it names' : 'they name'} no item of the reference and no document.`);
    } else {
      lines.push(`Not found: ${asked}${where}.`);
    }
    if (result.suggestions.length > 0) {
      lines.push('Nearest existing references:');
      for (const s of result.suggestions) lines.push(`  - ${citation(s)}  (${s.passage.docId})`);
    }
    return lines.join('\n');
  }
  if (result.matches.length > 1) lines.push(`${result.matches.length} passages carry this reference, most likely first:`, '');
  result.matches.forEach((hit, i) => {
    if (i > 0) lines.push('');
    lines.push(`${citation(hit)}  (${[hit.passage.docId, hit.document.symbol].filter(Boolean).join(', ')})`);
    if (hit.passage.headingPath.length > 0) lines.push(`  ${hit.passage.headingPath.join(' › ')}`);
    lines.push('');
    if (hit.passage.leadIn) {
      // An item reads as its parent's lead-in, then the item under it with its letter.
      const item = parseReference(hit.passage.label)?.path.at(-1);
      lines.push(hit.passage.leadIn, `  ${item ? `${itemMarker(item)} ` : ''}${hit.passage.text}`);
    } else {
      lines.push(hit.passage.text);
    }
  });
  return lines.join('\n');
}

export function registerLookupCommand(program: Command): void {
  program
    .command('lookup')
    .description('show the passage a reference names: "Recommandation 7 c)", "§ 72 d) 2023", "7 g) 2017"')
    .argument('<reference>', 'reference: "reco 7 c", "paragraphe 39 a) ii)", "note 3", "tableau 1", optionally with a year or document word')
    .option('--doc <document>', 'restrict to one document: its id, year, or a word of its name ("secrétaire", "marchés")')
    .option('--json', 'print one JSON object {query, matches, suggestions}')
    .addOption(corpusOption())
    .action(async (rawReference: string, rawOptions: unknown) => {
      const reference = parseOptions(ReferenceSchema, rawReference);
      const options = parseOptions(OptionsSchema, rawOptions);
      const corpus = await loadCorpus(options.corpus);
      const result = createLookup(corpus)(reference, options.doc ? { doc: options.doc } : {});

      if (result.error === 'unknown-document') {
        const ids = corpus.documents.map((d) => (d.symbol ? `${d.id} (${d.symbol})` : d.id)).join(', ');
        const asked = options.doc !== undefined ? `--doc "${options.doc}"` : `the symbol ${result.parsed?.symbol ?? ''}`;
        throw new UserError(`no document matches ${asked}; known documents: ${ids}`, 2);
      }
      if (result.error === 'no-reference') {
        throw new UserError(
          `"${reference}" is not a reference; try "Recommandation 7 c)", "§ 72 d)", "7 g) 2017" or "note 3"`,
          2,
        );
      }
      process.stdout.write(
        options.json ? `${JSON.stringify(lookupToJson(result))}\n` : `${formatLookup(result)}\n`,
      );
      process.exitCode = result.matches.length > 0 ? 0 : 1;
    });
}
