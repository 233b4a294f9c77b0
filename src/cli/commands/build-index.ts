// `rapporteur index`: parse corpus/, embed what changed, write index/ atomically. The model is loaded only
// when something has to be embedded, so a rebuild with nothing changed takes well under a second.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { z } from 'zod';
import { defaultCorpusDir, defaultIndexDir } from '../../config.ts';
import { MODEL_DIMENSIONS, MODEL_ID, createLazyEmbedder } from '../../embed/index.ts';
import { buildIndex, loadIndex, type BuildProgress, type BuildSummary } from '../../index/index.ts';
import { UserError } from '../errors.ts';
import { waitingLine } from '../format.ts';

const OptionsSchema = z.object({
  corpus: z.string().trim().min(1, '--corpus needs a folder').optional(),
  out: z.string().trim().min(1, '--out needs a folder').optional(),
  json: z.boolean().optional(),
  check: z.boolean().optional(),
});

export function registerIndexCommand(program: Command): void {
  program
    .command('index')
    .description('parse the reports, embed passages and sentences, and write the search index (incremental)')
    .option('--corpus <dir>', 'folder holding the reports and corpus.yml', defaultCorpusDir)
    .option('--out <dir>', 'folder to write the index to (replaced atomically)', defaultIndexDir)
    .option('--json', 'print one JSON summary instead of progress and a sentence')
    .option('--check', 'only check that the index exists and matches the corpus and the model (exit 1 if not)')
    .action(async (raw: unknown) => {
      const parsed = OptionsSchema.safeParse(raw);
      if (!parsed.success) throw new UserError(parsed.error.issues[0]?.message ?? 'invalid options', 2);
      const corpusDir = path.resolve(parsed.data.corpus ?? defaultCorpusDir);
      const indexDir = path.resolve(parsed.data.out ?? defaultIndexDir);
      const json = parsed.data.json === true;
      if (!(await stat(corpusDir).then((s) => s.isDirectory(), () => false))) throw new UserError(`corpus folder not found: ${corpusDir}`, 2);
      if (parsed.data.check) return checkIndex(corpusDir, indexDir, json);

      const reporter = json ? null : process.stderr.isTTY ? new BarReporter() : new LineReporter();
      let summary: BuildSummary;
      try {
        summary = await buildIndex({
          corpusDir,
          indexDir,
          embedder: createLazyEmbedder(),
          onProgress: (e) => (e.phase === 'waiting' ? process.stderr.write(waitingLine(e)) : reporter?.update(e)),
        });
      } catch (error) {
        reporter?.stop();
        throw error; // one line and an exit code, by src/cli/errors.ts
      }
      reporter?.stop();
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

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function displayDir(dir: string): string {
  const rel = path.relative(process.cwd(), dir);
  return rel && !rel.startsWith('..') ? `${rel}/` : dir;
}

interface Reporter {
  update(event: BuildProgress): void;
  stop(): void;
}

/** Two bars on the terminal: documents parsed, then texts embedded with rate and ETA. */
class BarReporter implements Reporter {
  readonly #bars = new cliProgress.MultiBar(
    {
      format: '{label} {bar} {value}/{total} {extra}',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  );
  #documents: cliProgress.SingleBar | null = null;
  #embedding: cliProgress.SingleBar | null = null;
  #embedStarted = 0;

  update(event: BuildProgress): void {
    switch (event.phase) {
      case 'parsing':
        this.#documents = this.#bars.create(1, 0, { label: 'Documents parsed ', extra: '' });
        break;
      case 'parsed':
        this.#documents?.setTotal(event.documents);
        this.#documents?.update(event.documents, { extra: `(${event.passages} passages, ${event.sentences} sentences)` });
        break;
      case 'embedding': {
        if (!this.#embedding) {
          this.#embedStarted = performance.now();
          this.#embedding = this.#bars.create(event.total, 0, { label: 'Texts embedded   ', extra: 'loading the model…' });
        }
        const seconds = (performance.now() - this.#embedStarted) / 1000;
        const rate = event.done > 0 ? event.done / seconds : 0;
        const eta = rate > 0 ? Math.round((event.total - event.done) / rate) : null;
        this.#embedding.update(event.done, { extra: event.done === 0 ? 'loading the model…' : `${rate.toFixed(0)}/s, ETA ${eta ?? '?'} s` });
        break;
      }
      default:
        break;
    }
  }

  stop(): void {
    this.#bars.stop();
  }
}

/** Plain lines when stderr is not a terminal (CI logs, pipes): one every 10 % or 5 s of embedding. */
class LineReporter implements Reporter {
  #lastPrinted = 0;
  #lastDone = -1;
  #started = 0;

  update(event: BuildProgress): void {
    switch (event.phase) {
      case 'parsing':
        this.#log(`parsing ${event.corpusDir}`);
        break;
      case 'parsed':
        this.#log(
          `parsed ${count(event.documents, 'document')}: ${count(event.passages, 'passage')}, ${count(event.sentences, 'sentence')}` +
            (event.warnings ? `, ${count(event.warnings, 'warning')} (see \`rapporteur corpus\`)` : ''),
        );
        break;
      case 'embedding': {
        const now = performance.now();
        if (this.#lastDone < 0) {
          this.#started = now;
          this.#lastPrinted = now;
          this.#lastDone = 0;
          this.#log(`embedding ${event.total} new texts (the rest is cached)`);
          return;
        }
        const step = Math.max(1, Math.ceil(event.total / 10));
        if (event.done === event.total || event.done - this.#lastDone >= step || now - this.#lastPrinted >= 5000) {
          const seconds = (now - this.#started) / 1000;
          const rate = event.done / Math.max(seconds, 1e-3);
          const eta = rate > 0 ? Math.round((event.total - event.done) / rate) : 0;
          this.#log(`embedded ${event.done}/${event.total} (${rate.toFixed(0)}/s, ETA ${eta} s)`);
          this.#lastPrinted = now;
          this.#lastDone = event.done;
        }
        break;
      }
      case 'writing':
        this.#log(`writing ${event.indexDir}`);
        break;
      default:
        break;
    }
  }

  stop(): void {}

  #log(line: string): void {
    process.stderr.write(`${line}\n`);
  }
}
