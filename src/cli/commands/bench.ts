// `rapporteur bench`: measures index build, cold start, warm ask, lookup, memory and HNSW scaling on this
// machine, prints a table against the targets (or one JSON object with --json) and writes bench/.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { projectRoot } from '../../config.ts';
import { requireCorpusFolder } from '../../corpus/index.ts';
import { UserError } from '../errors.ts';
import { corpusOption, LocationOptionsSchema, parseOptions } from '../options.ts';
import { createBenchProgress } from '../progress.ts';
import {
  benchParts,
  defaultSweepOptions,
  formatReport,
  runBench,
  reportJson,
  runSweep,
  writeResults,
  type BenchPart,
} from '../../bench/index.ts';

const BenchFlagsSchema = LocationOptionsSchema.pick({ corpus: true }).extend({
  quick: z.boolean().default(false),
  json: z.boolean().default(false),
  scale: z
    .string()
    .regex(/^\d+$/, '--scale takes a whole number of vectors, e.g. --scale 500000')
    .transform(Number)
    .refine((n) => n >= 1_000 && n <= 5_000_000, '--scale must be between 1000 and 5000000')
    .optional(),
  only: z
    .string()
    .transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean))
    .refine((parts) => parts.length > 0 && parts.every((p) => (benchParts as string[]).includes(p)), `--only takes a comma-separated list of: ${benchParts.join(', ')}`)
    .optional(),
  sweep: z.boolean().default(false),
  out: z.string().min(1).default(path.join(projectRoot, 'bench')),
  devset: z.string().min(1).default(path.join(projectRoot, 'eval', 'devset.yml')),
  keep: z.boolean().default(false),
});

export function registerBenchCommand(program: Command): void {
  program
    .command('bench')
    .description('measure index build, cold start, ask and lookup latency, memory and HNSW scaling against the targets')
    .option('--quick', 'sub-minute smoke run (small N, few questions, one document)')
    .option('--json', 'print one JSON object instead of the table')
    .option('--scale <N>', 'also measure the synthetic index at N vectors (default sizes: 10 000 and 100 000)')
    .option('--only <parts>', `run only these parts (${benchParts.join(',')})`)
    .option('--sweep', 'run the HNSW parameter sweep (M × efConstruction, N = 30 000 or --scale) instead, writing bench/sweep.json')
    .option('--out <dir>', 'folder for results.json and scale.svg (default bench/ in the project)')
    .addOption(corpusOption('corpus to index, copied to a temporary folder first'))
    .option('--devset <file>', 'questions to ask (default eval/devset.yml)')
    .option('--keep', 'keep the temporary corpus copy and index')
    .action(async (raw: Record<string, unknown>) => {
      const flags = parseOptions(BenchFlagsSchema, raw);
      const outDir = path.resolve(flags.out);
      const progress = createBenchProgress();
      try {
        if (flags.sweep) {
          const points = runSweep({
            ...defaultSweepOptions,
            ...(flags.scale !== undefined ? { n: flags.scale } : {}),
            onProgress: (label, done, total) => progress.update(done, total, label),
          });
          progress.stop();
          fs.mkdirSync(outDir, { recursive: true });
          const file = path.join(outDir, 'sweep.json');
          fs.writeFileSync(file, `${JSON.stringify(points, null, 2)}\n`);
          if (flags.json) process.stdout.write(`${JSON.stringify(points)}\n`);
          else process.stdout.write(`${sweepTable(points)}\nwritten: ${path.relative(process.cwd(), file)}\n`);
          return;
        }
        await requireCorpusFolder(flags.corpus);
        const parts: BenchPart[] = (flags.only as BenchPart[] | undefined) ?? benchParts;
        if ((parts.includes('serving') || parts.includes('slack')) && !fs.existsSync(flags.devset)) throw new UserError(`development set not found: ${flags.devset}`);
        const report = await runBench(
          {
            quick: flags.quick,
            parts,
            corpusDir: flags.corpus,
            devSetFile: path.resolve(flags.devset),
            ...(flags.scale !== undefined ? { scaleN: flags.scale } : {}),
            keepWorkDir: flags.keep,
          },
          progress,
        );
        progress.stop();
        const written = writeResults(report, outDir);
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(reportJson(report))}\n`);
        } else {
          process.stdout.write(formatReport(report));
          const files = [written.results, written.plot].filter((f): f is string => f !== undefined);
          process.stdout.write(`\nwritten: ${files.map((f) => path.relative(process.cwd(), f)).join(', ')}\n`);
        }
      } finally {
        progress.stop();
      }
    });
}

function sweepTable(points: ReturnType<typeof runSweep>): string {
  const lines = ['distribution  M   efC  ef     build s  index MB  p50 ms  p95 ms  recall  exact p50 ms  speed-up p50'];
  for (const p of points) {
    lines.push(
      [
        p.distribution.padEnd(12),
        String(p.hnsw.m).padStart(3),
        String(p.hnsw.efConstruction).padStart(4),
        String(p.hnsw.ef).padStart(5),
        (p.hnsw.buildMs / 1000).toFixed(1).padStart(8),
        (p.hnsw.fileBytes / 1024 / 1024).toFixed(1).padStart(9),
        p.hnsw.search.p50.toFixed(3).padStart(7),
        p.hnsw.search.p95.toFixed(3).padStart(7),
        p.hnsw.recall.toFixed(3).padStart(7),
        p.exact.bruteforce.p50.toFixed(3).padStart(13),
        `${p.speedupP50.toFixed(1)}×`.padStart(13),
      ].join(' '),
    );
  }
  return lines.join('\n');
}
