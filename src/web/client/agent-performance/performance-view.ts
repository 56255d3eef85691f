import type { AgentPerformance } from '../api-types.js';
import { h, type Child } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';
import { formatDuration, tf } from '../page-format.js';
import { stackedBar } from '../svg-charts.js';

type Report = AgentPerformance;
type Figures = Report['team']['total'];
type Row = Report['agents'][number];

const STATES: Array<[MessageKey, keyof Figures, string]> = [
  ['perf.ready', 'readyMs', 'st-ready'], ['perf.previewing', 'previewingMs', 'st-previewing'], ['perf.ringing', 'ringingMs', 'st-ringing'],
  ['perf.talking', 'talkingMs', 'st-talking'], ['perf.wrapUp', 'wrapUpMs', 'st-wrap'], ['perf.paused', 'pausedMs', 'st-paused'],
  ['perf.notReady', 'notReadyMs', 'st-not-ready'],
];

const dur = (ms: number | null): string => (ms === null ? '—' : formatDuration(ms));
const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const reasonText = (reasons: Record<string, number>, labels: ReadonlyMap<string, string>): string =>
  Object.entries(reasons).filter(([, ms]) => ms >= 1000).sort(([, a], [, b]) => b - a).map(([r, ms]) => `${labels.get(r) ?? r} ${formatDuration(ms)}`).join(', ') || '—';
const dispositionText = (d: Figures['dispositions']): string =>
  Object.entries(d).map(([k, n]) => `${t(`agent.disposition.${k}` as MessageKey)} ${n}`).join(', ') || '—';

const COLUMNS: MessageKey[] = [
  'perf.loggedIn', 'perf.ready', 'perf.talking', 'perf.wrapUp', 'perf.previewing', 'perf.notReady', 'perf.notReadyReasons', 'perf.occupancy',
  'perf.calls', 'perf.connects', 'perf.avgTalk', 'perf.avgWrap', 'perf.dispositions', 'perf.conversions', 'perf.abandoned',
];

function cells(f: Figures, labels: ReadonlyMap<string, string>): Child[] {
  return [
    dur(f.loggedInMs), dur(f.readyMs), dur(f.talkingMs), dur(f.wrapUpMs), dur(f.previewingMs), dur(f.notReadyMs),
    reasonText(f.notReadyByReason, labels), pct(f.occupancy), f.calls, f.connects, dur(f.avgTalkMs), dur(f.avgWrapMs),
    dispositionText(f.dispositions), f.conversions, f.abandonedWhileReady,
  ];
}

/** A bar of the logged-in time split by state (SVG drawn from the figures, labels as text). */
export function timeBar(f: Figures): SVGSVGElement {
  const bar = stackedBar(STATES.map(([key, field, cls]) => ({ value: Math.round((f[field] as number) / 60_000), cls, label: t(key) })), 14);
  bar.classList.add('perf-bar');
  return bar;
}

function quotaText(q: Row['quota']): string {
  if (!q) return '—';
  if (q.kind === 'per_day') return tf('perf.quotaDays', { met: q.daysMetMin, days: q.daysWorked, min: q.min ?? 0 });
  return tf('perf.quotaCampaign', { count: q.count, min: q.min ?? '—', max: q.max ?? '—' });
}

/**
 * The report as one table: a row per agent (total, a time bar, the quota), the agent's days under it (shown
 * with the per-day toggle), and the team total last. `labels` maps pause codes to their labels.
 */
export function performanceTable(report: Report, labels: ReadonlyMap<string, string>, options: { showDays: boolean }): HTMLElement {
  if (report.agents.length === 0) return h('p', { class: 'empty', id: 'perf-empty' }, t('perf.none'));
  const head = h('tr', {}, h('th', {}, t('perf.agent')), h('th', {}, t('perf.day')), h('th', {}, t('perf.timeChart')),
    ...COLUMNS.map((k) => h('th', {}, t(k))), h('th', {}, t('perf.quota')));
  const rows: HTMLElement[] = [];
  for (const a of report.agents) {
    rows.push(h('tr', { class: 'perf-agent', 'data-agent': a.agentId }, h('th', { scope: 'row' }, a.name), h('td', {}, t('perf.total')),
      h('td', { class: 'chart-cell' }, timeBar(a.total)), ...cells(a.total, labels).map((c) => h('td', {}, c)), h('td', {}, quotaText(a.quota))));
    if (!options.showDays) continue;
    for (const d of a.days) {
      rows.push(h('tr', { class: 'perf-day', 'data-agent': a.agentId, 'data-day': d.day }, h('td', {}, ''), h('td', {}, d.day),
        h('td', { class: 'chart-cell' }, timeBar(d)), ...cells(d, labels).map((c) => h('td', {}, c)), h('td', {}, '')));
    }
  }
  rows.push(h('tr', { class: 'perf-team', id: 'perf-team' }, h('th', { scope: 'row' }, t('perf.team')), h('td', {}, t('perf.total')),
    h('td', { class: 'chart-cell' }, timeBar(report.team.total)), ...cells(report.team.total, labels).map((c) => h('td', {}, c)), h('td', {}, '')));
  return h('div', { class: 'table-wrap perf-table' }, h('table', {}, h('thead', {}, head), h('tbody', {}, ...rows)));
}

/** The legend of the time bars. */
export function stateLegend(): HTMLElement {
  return h('ul', { class: 'legend perf-legend' }, ...STATES.map(([key, , cls]) => h('li', {}, h('span', { class: `swatch ${cls}` }), t(key))));
}

/** Local dates as YYYY-MM-DD in the browser's zone (the server reads them in each campaign's zone). */
export function dateKey(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function reportQuery(q: { from: string; to: string; campaignId?: string }): string {
  const p = new URLSearchParams({ from: q.from, to: q.to });
  if (q.campaignId) p.set('campaignId', q.campaignId);
  return p.toString();
}
