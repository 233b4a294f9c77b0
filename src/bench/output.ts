// Where a run leaves its results: bench/results.json and bench/scale.svg (a --quick run writes
// results-quick.json and scale-quick.svg, so a CI smoke run never overwrites the figures of a real one).
import fs from 'node:fs';
import path from 'node:path';
import type { BenchReport } from './report.ts';
import { renderScalePlot } from './scale-plot.ts';
import { checks, type Check } from './targets.ts';

/** The report with its verdicts: what --json prints and results.json holds. */
export function reportJson(report: BenchReport): BenchReport & { checks: Check[] } {
  return { ...report, checks: checks(report) };
}

export interface WrittenFiles {
  results: string;
  plot?: string;
}

export function writeResults(report: BenchReport, outDir: string): WrittenFiles {
  fs.mkdirSync(outDir, { recursive: true });
  const suffix = report.quick ? '-quick' : '';
  const results = path.join(outDir, `results${suffix}.json`);
  fs.writeFileSync(results, `${JSON.stringify(reportJson(report), null, 2)}\n`);
  if (report.scale.points.length === 0) return { results };
  const plot = path.join(outDir, `scale${suffix}.svg`);
  const m = report.scale.points[0]!.hnsw;
  const caption = `hnswlib-node, M=${m.m}, efConstruction=${m.efConstruction}, ef tuned per N for recall@10 ≥ 0.95; ${report.machine.cpus} × ${report.machine.cpuModel}; ${report.startedAt.slice(0, 10)}`;
  fs.writeFileSync(plot, renderScalePlot(report.scale.points, caption));
  return { results, plot };
}
