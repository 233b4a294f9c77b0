// A tiny real scale run (hnswlib-node, N = 2000) and what the bench makes of it: figures, table, plot.
// No timed assertions: only that the figures are consistent.
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultScaleOptions, runScale, type ScalePoint } from '../../src/bench/scale.ts';
import { scaleGrowth, type BenchReport } from '../../src/bench/report.ts';
import { formatReport } from '../../src/bench/format.ts';
import { machineInfo } from '../../src/bench/run.ts';
import { renderScalePlot } from '../../src/bench/scale-plot.ts';
import { checks } from '../../src/bench/targets.ts';

let points: ScalePoint[];

beforeAll(() => {
  const common = { ...defaultScaleOptions, sizes: [1000, 2000], queries: 50, tuneQueries: 30, jsExactQueries: 10 };
  points = [...runScale({ ...common, distribution: 'uniform' }), ...runScale({ ...common, distribution: 'clustered' })];
});

describe('scale run (N = 1000, 2000)', () => {
  it('measures every N of both distributions', () => {
    expect(points.map((p) => `${p.distribution}:${p.n}`)).toEqual(['uniform:1000', 'uniform:2000', 'clustered:1000', 'clustered:2000']);
  });

  it('reaches the recall target with the ef it chose, on queries it was not tuned on', () => {
    for (const p of points) {
      expect(p.hnsw.ef).toBeGreaterThanOrEqual(10);
      // Chosen on separate tuning queries; the evaluation queries land close to the target.
      expect(p.hnsw.recall).toBeGreaterThan(0.9);
      expect(p.hnsw.recall).toBeLessThanOrEqual(1);
    }
  });

  it('both exact scans agree, and sizes grow with N', () => {
    for (const p of points) {
      expect(p.exact.agreement).toBe(1);
      expect(p.hnsw.search.n).toBe(50);
      expect(p.exact.jsScan.n).toBe(10);
      expect(p.hnsw.fileBytes).toBeGreaterThan(p.n * p.dims * 4);
      expect(p.speedupP50).toBeGreaterThan(0);
    }
    const growth = scaleGrowth(points);
    expect(growth).toHaveLength(2);
    for (const g of growth) {
      expect(g.toN / g.fromN).toBe(2);
      expect(g.indexBytes).toBeGreaterThan(1.8);
      expect(g.indexBytes).toBeLessThan(2.2);
    }
  });

  it('clustered data needs a smaller ef than uniform data for the same recall', () => {
    const ef = (d: string, n: number) => points.find((p) => p.distribution === d && p.n === n)!.hnsw.ef;
    expect(ef('clustered', 2000)).toBeLessThan(ef('uniform', 2000));
  });

  it('draws an SVG with one latency and one recall series per distribution', () => {
    const svg = renderScalePlot(points, 'caption <test>');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    const series = [...svg.matchAll(/data-series="([^"]+)"/g)].map((m) => m[1]);
    expect(series).toEqual([
      'HNSW p95, uniform',
      'exact p95, uniform',
      'HNSW p95, clustered',
      'exact p95, clustered',
      'HNSW recall@10, uniform',
      'HNSW recall@10, clustered',
    ]);
    // Two points per series, each drawn as a circle; the caption is escaped.
    expect(svg.match(/<circle /g)).toHaveLength(12);
    expect(svg).toContain('caption &lt;test&gt;');
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    // Balanced tags.
    expect(svg.match(/<g class="chart">/g)).toHaveLength(2);
    expect(svg.match(/<\/g>/g)).toHaveLength(2);
  });

  it('prints a table with the figures, and no verdict below the N the targets apply to', () => {
    const report: BenchReport = {
      startedAt: new Date().toISOString(),
      durationMs: 1234,
      quick: true,
      machine: machineInfo(),
      scale: { points, growth: scaleGrowth(points) },
      skipped: [{ part: 'serving', reason: 'not asked for' }],
    };
    const table = formatReport(report);
    expect(table).toContain('scale: uniform random unit vectors, 384 dims');
    expect(table).toContain('N=2,000 recall@10');
    expect(table).toContain('not measured');
    expect(checks(report).every((c) => c.ok === undefined)).toBe(true);
    // Columns are aligned: every data row has its value where the header has "value".
    const lines = table.split('\n');
    const header = lines.find((l) => l.startsWith('measure'))!;
    const valueAt = header.indexOf('value');
    const rows = lines.filter((l) => l.startsWith('  N='));
    expect(rows.length).toBe(points.length * 5);
    for (const row of rows) {
      expect(row.slice(valueAt - 2, valueAt)).toBe('  ');
      expect(row.charAt(valueAt)).not.toBe(' ');
    }
  });
});
