// The plot of the scale benchmark: search latency (HNSW and exact) and recall@10 against N.
import { renderChartsSvg, type ChartSeries } from './svg-chart.ts';
import type { Distribution, ScalePoint } from './scale.ts';

const colours: Record<Distribution, { hnsw: string; exact: string }> = {
  uniform: { hnsw: '#d62728', exact: '#ff9896' },
  clustered: { hnsw: '#1f77b4', exact: '#aec7e8' },
};

export function renderScalePlot(points: ScalePoint[], caption?: string): string {
  const byDistribution = new Map<Distribution, ScalePoint[]>();
  for (const point of points) {
    const list = byDistribution.get(point.distribution) ?? [];
    list.push(point);
    byDistribution.set(point.distribution, list);
  }
  const latency: ChartSeries[] = [];
  const recall: ChartSeries[] = [];
  for (const [distribution, list] of byDistribution) {
    const sorted = [...list].sort((a, b) => a.n - b.n);
    const colour = colours[distribution];
    latency.push({ name: `HNSW p95, ${distribution}`, color: colour.hnsw, points: sorted.map((p) => ({ x: p.n, y: p.hnsw.search.p95 })) });
    latency.push({
      name: `exact p95, ${distribution}`,
      color: colour.exact,
      dashed: true,
      points: sorted.map((p) => ({ x: p.n, y: p.exact.baseline === 'js-scan' ? p.exact.jsScan.p95 : p.exact.bruteforce.p95 })),
    });
    recall.push({ name: `HNSW recall@10, ${distribution}`, color: colour.hnsw, points: sorted.map((p) => ({ x: p.n, y: p.hnsw.recall })) });
  }
  const lowestRecall = Math.min(...points.map((p) => p.hnsw.recall));
  const recallFloor = Math.min(0.9, Math.floor(lowestRecall * 10) / 10);
  return renderChartsSvg(
    [
      { title: 'Search latency (k = 10)', xLabel: 'N vectors (384 dims)', yLabel: 'p95 latency, ms', xLog: true, yLog: true, reference: { y: 2, label: 'target 2 ms' }, series: latency },
      { title: 'Recall@10 against exact search', xLabel: 'N vectors (384 dims)', yLabel: 'recall@10', xLog: true, yRange: [recallFloor, 1], reference: { y: 0.95, label: 'target 0.95' }, series: recall },
    ],
    caption === undefined ? {} : { caption },
  );
}
