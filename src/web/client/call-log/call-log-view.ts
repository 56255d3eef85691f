import type { CallLogPage, CallStats } from '../api-types.js';
import { h, type Child } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';
import { formatDuration, formatInstant, tf } from '../page-format.js';
import { barList, columnChart } from '../svg-charts.js';

type Call = CallLogPage['items'][number];

/** The filters of the call log, as the query string has them (empty: not filtered). */
export interface CallFilters {
  from: string;
  to: string;
  campaignId?: string;
  agentId?: string;
  outcome?: string;
  cause?: string;
  number?: string;
}

export const FILTER_KEYS = ['campaignId', 'agentId', 'outcome', 'cause', 'number'] as const;

export function callQuery(f: CallFilters): string {
  const p = new URLSearchParams({ from: f.from, to: f.to });
  for (const k of FILTER_KEYS) { const v = f[k]?.trim(); if (v) p.set(k, v); }
  return p.toString();
}

const lang = () => (document.documentElement.lang === 'vi' ? 'vi-VN' : 'en-GB');
const time = (iso: string | null): string => (iso ? new Date(iso).toLocaleTimeString(lang(), { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '—');
const dur = (ms: number | null): string => (ms === null ? '—' : formatDuration(ms));
const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const coded = (prefix: string, code: string | null): string => (code === null ? '—' : t(`${prefix}.${code}` as MessageKey));

const COLUMNS: MessageKey[] = [
  'calls.col.start', 'calls.col.campaign', 'calls.col.contact', 'calls.col.number', 'calls.col.agent', 'calls.col.direction',
  'calls.col.ring', 'calls.col.answer', 'calls.col.bridge', 'calls.col.end', 'calls.col.ringTime', 'calls.col.hold', 'calls.col.talk',
  'calls.col.cause', 'calls.col.hungUpBy', 'calls.col.amd', 'calls.col.outcome', 'calls.col.disposition', 'calls.col.recording',
];

/** Play (an <audio> player in the row, loaded only when asked) and download links for a recorded call. */
function recordingCell(c: Call): Child {
  if (!c.hasRecording) return '—';
  const src = `/api/reports/calls/${c.id}/recording`;
  const cell = h('span', { class: 'recording' });
  const play = h('button', { type: 'button', class: 'secondary small', 'data-play': c.id }, t('calls.play'));
  play.addEventListener('click', () => {
    const audio = h('audio', { controls: true, preload: 'auto', src, 'data-call': c.id });
    play.replaceWith(audio);
    void audio.play().catch(() => undefined);
  });
  cell.append(play, ' ', h('a', { href: `${src}?download=1`, class: 'download', 'data-download': c.id }, t('calls.download')));
  return cell;
}

function row(c: Call): HTMLTableRowElement {
  const cells: Child[] = [
    formatInstant(c.startAt), c.campaignName ?? t('calls.noCampaign'), c.contactName ?? '—', c.phoneNumber ?? '—', c.agentName ?? '—',
    coded('calls.direction', c.direction), time(c.dialAt), time(c.answerAt), time(c.bridgeAt), time(c.endAt), dur(c.ringMs), dur(c.holdMs), dur(c.talkMs),
    c.hangupCause === null ? '—' : `${c.hangupCause} ${c.hangupCauseName ?? ''}`.trim(), coded('calls.by', c.hungUpBy), c.amdStatus ?? '—',
    coded('agent.outcome', c.outcome), coded('agent.disposition', c.disposition), recordingCell(c),
  ];
  return h('tr', { 'data-call': c.id }, ...cells.map((x) => h('td', {}, x)));
}

/** The page of calls as a table (every value inserted as text). */
export function callTable(page: CallLogPage): HTMLElement {
  if (page.items.length === 0) return h('p', { class: 'empty', id: 'calls-empty' }, t('calls.none'));
  return h('div', { class: 'table-wrap calls-table' }, h('table', { id: 'calls-table' },
    h('thead', {}, h('tr', {}, ...COLUMNS.map((k) => h('th', {}, t(k))))), h('tbody', {}, ...page.items.map(row))));
}

const seconds = (s: number): string => (s < 60 ? `${s}s` : `${s / 60}m`);

/** The statistics: a summary line, answer rate by hour, the talk-time histogram and the causes (SVG drawn from the data). */
export function statsView(st: CallStats): HTMLElement {
  const summary = h('p', { id: 'calls-summary' }, tf('calls.summary', {
    calls: st.calls, dialled: st.dialled, answered: st.answered, rate: pct(st.answerRate), avgTalk: dur(st.avgTalkMs),
  }));
  const byHour = columnChart(st.byHour.map((x) => ({
    label: String(x.hour), value: x.rate === null ? 0 : Math.round(x.rate * 1000) / 10,
    title: `${String(x.hour).padStart(2, '0')}:00 — ${pct(x.rate)} (${x.answered}/${x.dialled})`,
  })), { max: 100, labelEvery: 3, cls: 'by-hour' });
  const talk = columnChart(st.talkHistogram.map((b) => {
    const range = b.toSeconds === null ? `≥ ${seconds(b.fromSeconds)}` : `${seconds(b.fromSeconds)}–${seconds(b.toSeconds)}`;
    return { label: b.toSeconds === null ? `${seconds(b.fromSeconds)}+` : seconds(b.fromSeconds), value: b.calls, title: `${range}: ${b.calls}` };
  }), { cls: 'talk' });
  const causes = st.causes.length
    ? barList(st.causes.slice(0, 12).map((c) => ({ label: c.cause === null ? c.name : `${c.cause} ${c.name}`, value: c.calls })), 'causes')
    : h('p', { class: 'muted' }, t('calls.noData'));
  const panel = (id: string, key: MessageKey, chart: Element) => h('figure', { class: 'calls-chart', id }, h('figcaption', {}, t(key)), chart);
  return h('div', { class: 'calls-stats' }, summary, h('div', { class: 'calls-charts' },
    panel('calls-by-hour', 'calls.byHour', byHour), panel('calls-talk', 'calls.talkHistogram', talk), panel('calls-causes', 'calls.causes', causes)));
}
