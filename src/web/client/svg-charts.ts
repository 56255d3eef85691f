/**
 * Small hand-made SVG charts for the dashboard. Elements are built with createElementNS and every label is
 * set as textContent; colours come from CSS classes, so the strict CSP (no inline styles) holds.
 */
const NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: (SVGElement | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

export interface Segment { value: number; cls: string; label: string }

/** One bar split into segments proportional to their values (empty: a grey track). */
export function stackedBar(segments: readonly Segment[], height = 28): SVGSVGElement {
  const total = segments.reduce((s, x) => s + x.value, 0);
  const root = svg('svg', { viewBox: `0 0 1000 ${height}`, preserveAspectRatio: 'none', class: 'chart stacked', height, role: 'img' });
  root.append(svg('rect', { x: 0, y: 0, width: 1000, height, rx: 4, class: 'track' }));
  let x = 0;
  for (const s of segments) {
    if (s.value <= 0 || total === 0) continue;
    const w = (s.value / total) * 1000;
    root.append(svg('rect', { x, y: 0, width: Math.max(w, 2), height, class: `seg ${s.cls}` }, svg('title', {}, `${s.label}: ${s.value}`)));
    x += w;
  }
  root.setAttribute('aria-label', segments.filter((s) => s.value > 0).map((s) => `${s.label} ${s.value}`).join(', '));
  return root;
}

export interface Series { cls: string; label: string; points: readonly number[] }

/**
 * Step lines over a shared time axis (oldest point first, one point per `capacity` slot, newest at the right
 * edge), scaled to the largest value seen (at least 1): counts change in steps, so they are drawn as steps.
 */
export function sparkline(series: readonly Series[], capacity: number, width = 600, height = 120): SVGSVGElement {
  const max = Math.max(1, ...series.flatMap((s) => s.points));
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', class: 'chart spark', role: 'img' });
  for (let i = 1; i <= 3; i++) root.append(svg('line', { x1: 0, x2: width, y1: (height * i) / 4, y2: (height * i) / 4, class: 'grid' }));
  const step = width / Math.max(1, capacity - 1);
  const y = (v: number) => (height - 3 - (v / max) * (height - 10)).toFixed(1);
  for (const s of series) {
    const offset = capacity - s.points.length;
    const pts: string[] = [];
    s.points.forEach((v, i) => {
      const x = ((offset + i) * step).toFixed(1);
      if (i > 0) pts.push(`${x},${y(s.points[i - 1]!)}`);
      pts.push(`${x},${y(v)}`);
    });
    if (pts.length > 1) root.append(svg('polyline', { points: pts.join(' '), class: `line ${s.cls}` }, svg('title', {}, s.label)));
  }
  root.append(svg('text', { x: 4, y: 14, class: 'axis' }, String(max)));
  root.setAttribute('aria-label', series.map((s) => `${s.label} ${s.points[s.points.length - 1] ?? 0}`).join(', '));
  return root;
}

/** A rate against its target: the bar fills to `rate` on a scale of `max`, a marker stands at the target. */
export function rateBar(rate: number, target: number, max: number, cls: string, height = 18): SVGSVGElement {
  const x = (v: number) => Math.min(1000, (v / max) * 1000);
  return svg('svg', { viewBox: `0 0 1000 ${height}`, preserveAspectRatio: 'none', class: 'chart rate', height, role: 'img' },
    svg('rect', { x: 0, y: 0, width: 1000, height, rx: 3, class: 'track' }),
    svg('rect', { x: 0, y: 0, width: Math.max(x(rate), rate > 0 ? 4 : 0), height, rx: 3, class: `seg ${cls}` }),
    svg('rect', { x: x(target) - 3, y: 0, width: 6, height, class: 'target' }));
}

export interface Column { label: string; value: number; title: string }

/**
 * Vertical bars, one per column, scaled to `max` (default: the largest value, at least 1), each label drawn
 * under its bar as text (every `labelEvery`-th one when they are many) and its title as a tooltip.
 */
export function columnChart(columns: readonly Column[], options: { max?: number; labelEvery?: number; cls?: string } = {}): SVGSVGElement {
  const width = 360;
  const height = 140;
  const plot = height - 20;
  const max = options.max ?? Math.max(1, ...columns.map((c) => c.value));
  const slot = width / Math.max(1, columns.length);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: `chart columns ${options.cls ?? ''}`.trim(), role: 'img' });
  for (let i = 1; i <= 3; i++) root.append(svg('line', { x1: 0, x2: width, y1: (plot * i) / 4, y2: (plot * i) / 4, class: 'grid' }));
  columns.forEach((c, i) => {
    const h = max > 0 ? (Math.min(c.value, max) / max) * (plot - 4) : 0;
    const x = i * slot;
    root.append(svg('rect', { x: (x + slot * 0.15).toFixed(1), y: (plot - h).toFixed(1), width: (slot * 0.7).toFixed(1), height: h.toFixed(1), class: 'seg bar', 'data-value': c.value },
      svg('title', {}, c.title)));
    if (i % (options.labelEvery ?? 1) === 0) root.append(svg('text', { x: (x + slot / 2).toFixed(1), y: height - 5, class: 'axis', 'text-anchor': 'middle' }, c.label));
  });
  root.setAttribute('aria-label', columns.map((c) => c.title).join(', '));
  return root;
}

/** Horizontal bars with their label and count as text, longest first as given: for counts by category. */
export function barList(rows: ReadonlyArray<{ label: string; value: number }>, cls = ''): SVGSVGElement {
  const rowHeight = 22;
  const width = 420;
  const labelWidth = 210;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const root = svg('svg', { viewBox: `0 0 ${width} ${Math.max(1, rows.length) * rowHeight}`, class: `chart bars ${cls}`.trim(), role: 'img' });
  rows.forEach((r, i) => {
    const y = i * rowHeight;
    const w = (r.value / max) * (width - labelWidth - 40);
    root.append(
      svg('text', { x: 0, y: y + 15, class: 'label' }, r.label),
      svg('rect', { x: labelWidth, y: y + 4, width: Math.max(w, r.value > 0 ? 2 : 0).toFixed(1), height: rowHeight - 8, rx: 2, class: 'seg bar' }, svg('title', {}, `${r.label}: ${r.value}`)),
      svg('text', { x: labelWidth + w + 6, y: y + 15, class: 'value' }, String(r.value)));
  });
  root.setAttribute('aria-label', rows.map((r) => `${r.label} ${r.value}`).join(', '));
  return root;
}
