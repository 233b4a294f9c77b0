// `rapporteur index`: parse corpus/, embed what changed, write index/ atomically. The model is loaded only
// when something has to be embedded, so a rebuild with nothing changed takes well under a second.
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { requireCorpusFolder } from '../../corpus/index.ts';
import { MODEL_DIMENSIONS, MODEL_ID, createLazyEmbedder } from '../../embed/index.ts';
import { buildIndex, loadIndex, type BuildSummary } from '../../index/index.ts';
import { count } from '../format.ts';
import { corpusOption, indexOption, LocationOptionsSchema, parseOptions } from '../options.ts';
import { createBuildReporter } from '../progress.ts';

const IndexOptionsSchema = LocationOptionsSchema.extend({
  json: z.boolean().default(false),
  check: z.boolean().default(false),
});

export function registerIndexCommand(program: Command): void {
  program
    .command('index')
    .description('parse the reports, embed passages and sentences, and write the search index (incremental)')
    .addOption(corpusOption())
    .addOption(indexOption('folder to write the index to, replaced atomically', '--out'))
    .option('--json', 'print one JSON summary instead of progress and a sentence')
    .option('--check', 'only check that the index exists and matches the corpus and the model (exit 1 if not)')
    .action(async (raw: unknown) => {
      const { corpus: corpusDir, index: indexDir, json, check } = parseOptions(IndexOptionsSchema, raw);
      await requireCorpusFolder(corpusDir);
      if (check) return checkIndex(corpusDir, indexDir, json);

      const reporter = createBuildReporter({ quiet: json });
      let summary: BuildSummary;
      try {
        summary = await buildIndex({ corpusDir, indexDir, embedder: createLazyEmbedder(), onProgress: (e) => reporter.update(e) });
      } finally {
        reporter.stop();
      }
      if (json) {
        process.stdout.write(`${JSON.stringify(summaryJson(summary))}\n`);
      } else {
        const { embedded, reused } = summary;
        const what = embedded.passages + embedded.sentences === 0 ? 'nothing changed, no text embedded' : `embedded ${embedded.passages} passages and ${embedded.sentences} sentences, reused ${reused.passages + reused.sentences} cached`;
        process.stdout.write(
          `Indexed ${count(summary.passages, 'passage')} and ${count(summary.sentences, 'sentence')} of ${count(summary.documents, 'document')} into ${displayDir(indexDir)} in ${summary.seconds.toFixed(1)} s (${what}).\n`,
        );
      }
    });
}

async function checkIndex(corpusDir: string, indexDir: string, json: boolean): Promise<void> {
  const index = await loadIndex(indexDir, { modelId: MODEL_ID, dimensions: MODEL_DIMENSIONS, corpusDir });
  const { manifest } = index;
  if (json) process.stdout.write(`${JSON.stringify({ ok: true, indexDir, passages: manifest.passageCount, sentences: manifest.sentenceCount, builtAt: manifest.builtAt })}\n`);
  else process.stdout.write(`${displayDir(indexDir)} is up to date: ${manifest.passageCount} passages, built ${manifest.builtAt}.\n`);
}

function summaryJson(summary: BuildSummary) {
  const { manifest, ...rest } = summary;
  return { ...rest, modelId: manifest.modelId, dimensions: manifest.dimensions, hnsw: manifest.hnsw, builtAt: manifest.builtAt };
}

function displayDir(dir: string): string {
  const rel = path.relative(process.cwd(), dir);
  return rel && !rel.startsWith('..') ? `${rel}/` : dir;
}
