import { svg } from '../svg-charts.js';

export interface ColumnSeries { cls: string; label: string; values: readonly number[] }

/**
 * Grouped columns over a category axis (days, hours), scaled to the largest value (at least 1), with the
 * category labels under them (every `labelEvery`-th) and a title per column; all text set as text nodes.
 */
export function columnChart(categories: readonly string[], series: readonly ColumnSeries[], options: { height?: number; labelEvery?: number } = {}): SVGSVGElement {
  const height = options.height ?? 160;
  const every = options.labelEvery ?? 1;
  const width = 1000;
  const plot = height - 22;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const slot = width / Math.max(1, categories.length);
  // Columns at most 60 wide, each group centred in its slot (one day alone would otherwise fill the chart).
  const bar = Math.min(60, Math.max(1, (slot * 0.8) / Math.max(1, series.length)));
  const pad = (slot - bar * series.length) / 2;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart columns', role: 'img' });
  for (let i = 1; i <= 3; i++) root.append(svg('line', { x1: 0, x2: width, y1: (plot * i) / 4, y2: (plot * i) / 4, class: 'grid' }));
  categories.forEach((cat, i) => {
    series.forEach((s, j) => {
      const v = s.values[i] ?? 0;
      if (v <= 0) return;
      const hgt = (v / max) * (plot - 4);
      root.append(svg('rect', { x: (i * slot + pad + j * bar).toFixed(1), y: (plot - hgt).toFixed(1), width: bar.toFixed(1), height: hgt.toFixed(1), class: `seg ${s.cls}` },
        svg('title', {}, `${cat} · ${s.label}: ${v}`)));
    });
    if (i % every === 0) root.append(svg('text', { x: (i * slot + slot / 2).toFixed(1), y: height - 6, class: 'axis', 'text-anchor': 'middle' }, cat));
  });
  root.append(svg('text', { x: 4, y: 14, class: 'axis' }, String(max)));
  root.setAttribute('aria-label', series.map((s) => `${s.label} ${s.values.reduce((a, b) => a + b, 0)}`).join(', '));
  return root;
}

/** A line through points (null: a gap), scaled to the largest value, with the category labels under it. */
export function lineChart(categories: readonly string[], values: readonly (number | null)[], cls: string, label: string, options: { height?: number; labelEvery?: number } = {}): SVGSVGElement {
  const height = options.height ?? 140;
  const every = options.labelEvery ?? 1;
  const width = 1000;
  const plot = height - 22;
  const max = Math.max(1, ...values.map((v) => v ?? 0));
  const slot = width / Math.max(1, categories.length);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart line-chart', role: 'img' });
  for (let i = 1; i <= 3; i++) root.append(svg('line', { x1: 0, x2: width, y1: (plot * i) / 4, y2: (plot * i) / 4, class: 'grid' }));
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) root.append(svg('polyline', { points: run.join(' '), class: `line ${cls}` }, svg('title', {}, label)));
    run = [];
  };
  values.forEach((v, i) => {
    const x = (i * slot + slot / 2).toFixed(1);
    if (v === null) { flush(); } else {
      const y = (plot - 2 - (v / max) * (plot - 8)).toFixed(1);
      run.push(`${x},${y}`);
      root.append(svg('circle', { cx: x, cy: y, r: 3, class: `dot ${cls}` }, svg('title', {}, `${categories[i] ?? ''}: ${v.toFixed(2)}`)));
    }
    if (i % every === 0) root.append(svg('text', { x, y: height - 6, class: 'axis', 'text-anchor': 'middle' }, categories[i] ?? ''));
  });
  flush();
  root.append(svg('text', { x: 4, y: 14, class: 'axis' }, max.toFixed(2)));
  root.setAttribute('aria-label', label);
  return root;
}
