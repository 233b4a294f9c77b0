// The parameter sweep behind hnsw-params.ts: for each (M, efConstruction), build at one N, tune ef to the
// recall target and record build time, index size and search latency. Run with `rapporteur bench --sweep`.
import type { ScaleHnswParams } from './hnsw-params.ts';
import { defaultScaleOptions, runScalePoint, type Distribution, type ScalePoint } from './scale.ts';

export interface SweepOptions {
  n: number;
  distributions: Distribution[];
  ms: number[];
  efConstructions: number[];
  onProgress?: (label: string, done: number, total: number) => void;
}

export const defaultSweepOptions: Omit<SweepOptions, 'onProgress'> = {
  n: 30_000,
  distributions: ['uniform', 'clustered'],
  ms: [8, 12, 16, 24, 32, 48],
  efConstructions: [100, 200],
};

export function runSweep(options: SweepOptions): ScalePoint[] {
  const points: ScalePoint[] = [];
  for (const distribution of options.distributions) {
    for (const m of options.ms) {
      for (const efConstruction of options.efConstructions) {
        const params: ScaleHnswParams = { m, efConstruction };
        const label = `sweep ${distribution} M=${m} efC=${efConstruction}`;
        points.push(
          runScalePoint(options.n, {
            ...defaultScaleOptions,
            sizes: [options.n],
            distribution,
            params,
            jsExactQueries: 5,
            onProgress: (step, done, total) => options.onProgress?.(`${label} ${step}`, done, total),
          }),
        );
      }
    }
  }
  return points;
}
