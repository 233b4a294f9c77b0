// A small line-chart writer producing standalone SVG, so the benchmark can draw its plot without a
// plotting dependency. Axes may be logarithmic; ticks are powers of ten (log) or "nice" steps (linear).

export interface ChartPoint {
  x: number;
  y: number;
}

export interface ChartSeries {
  name: string;
  color: string;
  points: ChartPoint[];
  dashed?: boolean;
}

export interface ChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  xLog?: boolean;
  yLog?: boolean;
  /** Fixed y range (e.g. [0, 1] for recall); otherwise taken from the data. */
  yRange?: [number, number];
  /** Horizontal reference line (a target), drawn dotted with its label. */
  reference?: { y: number; label: string };
  series: ChartSeries[];
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function fmt(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** Tick label for axis values: 10000 → "10k", 0.25 → "0.25". */
export function tickLabel(value: number): string {
  if (value >= 1e6 && value % 1e5 === 0) return `${value / 1e6}M`;
  if (value >= 1e3 && value % 100 === 0) return `${value / 1e3}k`;
  if (value >= 1) return String(Math.round(value * 100) / 100);
  return String(Number(value.toPrecision(2)));
}

function niceStep(span: number, count: number): number {
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalized = raw / magnitude;
  const nice = normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 2.5 ? 2.5 : normalized <= 5 ? 5 : 10;
  return nice * magnitude;
}

interface Axis {
  min: number;
  max: number;
  log: boolean;
  ticks: number[];
}

function buildAxis(values: number[], log: boolean, range?: [number, number]): Axis {
  let min = range ? range[0] : Math.min(...values);
  let max = range ? range[1] : Math.max(...values);
  if (log) {
    min = 10 ** Math.floor(Math.log10(min));
    max = 10 ** Math.ceil(Math.log10(max));
    if (min === max) max = min * 10;
    const ticks: number[] = [];
    for (let t = min; t <= max * 1.0001; t *= 10) ticks.push(Number(t.toPrecision(6)));
    return { min, max, log, ticks };
  }
  if (!range) {
    min = Math.min(0, min);
    if (min === max) max = min + 1;
  }
  const step = niceStep(max - min, 5);
  if (!range) max = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(6)));
  return { min, max, log, ticks };
}

function project(axis: Axis, value: number, start: number, length: number): number {
  const f = axis.log
    ? (Math.log10(value) - Math.log10(axis.min)) / (Math.log10(axis.max) - Math.log10(axis.min))
    : (value - axis.min) / (axis.max - axis.min);
  return start + f * length;
}

/** One chart as an SVG group inside `box` (without the outer <svg> element). */
export function renderChartGroup(spec: ChartSpec, box: Box): string {
  const points = spec.series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  if (points.length === 0) throw new RangeError(`chart "${spec.title}" has no points`);
  const ys = points.map((p) => p.y).concat(spec.reference ? [spec.reference.y] : []);
  const xAxis = buildAxis(points.map((p) => p.x), spec.xLog ?? false);
  const yAxis = buildAxis(spec.yLog ? ys.filter((y) => y > 0) : ys, spec.yLog ?? false, spec.yRange);
  const plot = { x: box.x + 60, y: box.y + 36, width: box.width - 80, height: box.height - 110 };
  const px = (x: number) => project(xAxis, x, plot.x, plot.width);
  const py = (y: number) => project(yAxis, y, plot.y + plot.height, -plot.height);
  const out: string[] = [];
  out.push(`<g class="chart">`);
  out.push(`<text x="${fmt(box.x + box.width / 2)}" y="${fmt(box.y + 20)}" text-anchor="middle" font-size="15" font-weight="bold">${escapeXml(spec.title)}</text>`);
  out.push(`<rect x="${fmt(plot.x)}" y="${fmt(plot.y)}" width="${fmt(plot.width)}" height="${fmt(plot.height)}" fill="none" stroke="#888"/>`);
  for (const t of xAxis.ticks) {
    const x = px(t);
    out.push(`<line x1="${fmt(x)}" y1="${fmt(plot.y)}" x2="${fmt(x)}" y2="${fmt(plot.y + plot.height)}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${fmt(x)}" y="${fmt(plot.y + plot.height + 16)}" text-anchor="middle" font-size="11">${tickLabel(t)}</text>`);
  }
  for (const t of yAxis.ticks) {
    const y = py(t);
    out.push(`<line x1="${fmt(plot.x)}" y1="${fmt(y)}" x2="${fmt(plot.x + plot.width)}" y2="${fmt(y)}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${fmt(plot.x - 6)}" y="${fmt(y + 4)}" text-anchor="end" font-size="11">${tickLabel(t)}</text>`);
  }
  out.push(`<text x="${fmt(plot.x + plot.width / 2)}" y="${fmt(plot.y + plot.height + 34)}" text-anchor="middle" font-size="12">${escapeXml(spec.xLabel)}</text>`);
  const yMid = plot.y + plot.height / 2;
  out.push(`<text x="${fmt(box.x + 14)}" y="${fmt(yMid)}" text-anchor="middle" font-size="12" transform="rotate(-90 ${fmt(box.x + 14)} ${fmt(yMid)})">${escapeXml(spec.yLabel)}</text>`);
  if (spec.reference) {
    const y = py(spec.reference.y);
    out.push(`<line class="reference" x1="${fmt(plot.x)}" y1="${fmt(y)}" x2="${fmt(plot.x + plot.width)}" y2="${fmt(y)}" stroke="#c00" stroke-dasharray="2 3"/>`);
    out.push(`<text x="${fmt(plot.x + plot.width - 4)}" y="${fmt(y - 4)}" text-anchor="end" font-size="10" fill="#c00">${escapeXml(spec.reference.label)}</text>`);
  }
  for (const series of spec.series) {
    const visible = series.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && (!spec.yLog || p.y > 0));
    if (visible.length === 0) continue;
    const d = visible.map((p, i) => `${i === 0 ? 'M' : 'L'}${fmt(px(p.x))},${fmt(py(p.y))}`).join(' ');
    const dash = series.dashed ? ' stroke-dasharray="6 4"' : '';
    out.push(`<path class="series" data-series="${escapeXml(series.name)}" d="${d}" fill="none" stroke="${series.color}" stroke-width="2"${dash}/>`);
    for (const p of visible) {
      out.push(`<circle cx="${fmt(px(p.x))}" cy="${fmt(py(p.y))}" r="3" fill="${series.color}"><title>${escapeXml(`${series.name}: N=${p.x}, ${p.y.toPrecision(3)}`)}</title></circle>`);
    }
  }
  // Legend below the plot, one entry per series.
  const legendY = plot.y + plot.height + 52;
  spec.series.forEach((series, i) => {
    const col = i % 2;
    const row = Math.floor(i / 2);
    const lx = plot.x + col * (plot.width / 2);
    const ly = legendY + row * 16;
    const dash = series.dashed ? ' stroke-dasharray="6 4"' : '';
    out.push(`<line x1="${fmt(lx)}" y1="${fmt(ly)}" x2="${fmt(lx + 22)}" y2="${fmt(ly)}" stroke="${series.color}" stroke-width="2"${dash}/>`);
    out.push(`<text x="${fmt(lx + 28)}" y="${fmt(ly + 4)}" font-size="11">${escapeXml(series.name)}</text>`);
  });
  out.push(`</g>`);
  return out.join('\n');
}

/** Charts side by side in one standalone SVG document. */
export function renderChartsSvg(charts: ChartSpec[], options: { chartWidth?: number; chartHeight?: number; caption?: string } = {}): string {
  const width = options.chartWidth ?? 480;
  const height = options.chartHeight ?? 400;
  const captionHeight = options.caption ? 24 : 0;
  const total = width * charts.length;
  const groups = charts.map((chart, i) => renderChartGroup(chart, { x: i * width, y: 0, width, height }));
  const caption = options.caption
    ? `<text x="${fmt(total / 2)}" y="${fmt(height + 16)}" text-anchor="middle" font-size="11" fill="#555">${escapeXml(options.caption)}</text>`
    : '';
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="${height + captionHeight}" viewBox="0 0 ${total} ${height + captionHeight}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    ...groups,
    caption,
    `</svg>`,
    '',
  ].join('\n');
}
