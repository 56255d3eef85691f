import type { CampaignOverview } from '../api-types.js';
import { h, type Child } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';
import { formatDuration, tf } from '../page-format.js';
import { rateBar, stackedBar } from '../svg-charts.js';
import { columnChart, lineChart } from './column-chart.js';

type Report = CampaignOverview;
type Campaign = Report['campaigns'][number];
type Body = Report['combined'];
type Figures = Body['total'];

const STATUS_ORDER = ['not_started', 'in_progress', 'failed_will_retry', 'callback_scheduled', 'success', 'retries_exhausted',
  'do_not_call_again', 'call_error', 'paused', 'blocked', 'dnc'] as const;

const dur = (ms: number | null): string => (ms === null ? '—' : formatDuration(ms));
const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

function table(id: string, head: MessageKey[], rows: Child[][], rowAttrs: (i: number) => Record<string, string> = () => ({})): HTMLElement {
  return h('div', { class: 'table-wrap ov-table' }, h('table', { id },
    h('thead', {}, h('tr', {}, ...head.map((k) => h('th', {}, t(k))))),
    h('tbody', {}, ...rows.map((r, i) => h('tr', rowAttrs(i), ...r.map((c) => h('td', {}, c)))))));
}

function tile(id: string, key: MessageKey, value: Child, note?: Child): HTMLElement {
  return h('div', { class: 'tile', id }, h('span', { class: 'muted' }, t(key)), h('b', {}, value), note ? h('small', { class: 'muted' }, note) : null);
}

/** The headline figures, the abandon rate against the campaign's target (drawn as a bar with a marker). */
function tiles(prefix: string, f: Figures, target: number | null): HTMLElement {
  const over = target !== null && f.abandonRate !== null && f.abandonRate > target;
  const abandon = h('div', { class: `tile${over ? ' over' : ''}`, id: `${prefix}-abandon` }, h('span', { class: 'muted' }, t('ov.abandonRate')),
    h('b', {}, pct(f.abandonRate)),
    target === null ? null : rateBar(f.abandonRate ?? 0, target, Math.max(target * 2, f.abandonRate ?? 0, 0.01), over ? 'st-not-ready' : 'st-talking'),
    h('small', { class: 'muted' }, `${t('ov.abandonRate30d')} ${pct(f.abandonRate30d)}`, target === null ? '' : ` · ${tf('ov.abandonTarget', { target: pct(target) })}`,
      over ? ` · ${t('ov.overTarget')}` : ''));
  return h('div', { class: 'ov-tiles' },
    tile(`${prefix}-attempts`, 'ov.attempts', f.attempts), tile(`${prefix}-placed`, 'ov.placed', f.placed),
    tile(`${prefix}-answered`, 'ov.answered', f.answered, `${t('ov.contactRate')} ${pct(f.contactRate)}`),
    tile(`${prefix}-connected`, 'ov.connected', f.connected), abandon,
    tile(`${prefix}-conversions`, 'ov.conversions', f.conversions, `${t('ov.conversionRate')} ${pct(f.conversionRate)}`),
    tile(`${prefix}-talk`, 'ov.talk', dur(f.avgTalkMs), tf('ov.timeTotal', { total: dur(f.talkMs), avg: dur(f.avgTalkMs) })),
    tile(`${prefix}-hold`, 'ov.hold', dur(f.avgHoldMs), tf('ov.timeTotal', { total: dur(f.holdMs), avg: dur(f.avgHoldMs) })),
    tile(`${prefix}-wrap`, 'ov.wrapUp', dur(f.avgWrapUpMs), tf('ov.timeTotal', { total: dur(f.wrapUpMs), avg: dur(f.avgWrapUpMs) })));
}

function outcomes(prefix: string, f: Figures): HTMLElement {
  const parts: Array<[MessageKey, number, string]> = [['ov.connected', f.connected, 'st-talking'], ['ov.abandoned', f.abandoned, 'st-not-ready'],
    ['ov.machine', f.machine, 'st-previewing'], ['ov.busy', f.busy, 'st-ringing'], ['ov.noAnswer', f.noAnswer, 'st-paused'],
    ['ov.congestion', f.congestion, 'st-wrap'], ['ov.invalidNumber', f.invalidNumber, 'st-ready'], ['ov.failed', f.failed, 'ov-failed']];
  const answeredOnly = f.answered - f.abandoned - f.connected;
  if (answeredOnly > 0) parts.splice(1, 0, ['ov.answered', answeredOnly, 'st-ready']);
  return h('section', { class: 'ov-block' }, h('h3', {}, t('ov.outcomes')), stackedBar(parts.map(([k, v, cls]) => ({ value: v, cls, label: t(k) }))),
    table(`${prefix}-outcomes`, ['ov.status', 'ov.count', 'ov.share'], parts.map(([k, v]) => [t(k), v, pct(f.placed ? v / f.placed : null)])));
}

function contacts(prefix: string, b: Body): HTMLElement {
  const n = (s: (typeof STATUS_ORDER)[number]): number => b.contacts.byStatus[s] ?? 0;
  const rows = STATUS_ORDER.filter((s) => n(s) > 0);
  const title = h('h3', {}, tf('ov.contactsTitle', { total: b.contacts.total }));
  if (b.contacts.total === 0) return h('section', { class: 'ov-block' }, title, h('p', { class: 'empty' }, t('ov.noData')));
  return h('section', { class: 'ov-block' }, title,
    stackedBar(rows.map((s) => ({ value: n(s), cls: `ls-${s}`, label: t(`sup.status.${s}`) }))),
    table(`${prefix}-contacts`, ['ov.status', 'ov.count', 'ov.share'], rows.map((s) => [t(`sup.status.${s}`), n(s), pct(n(s) / b.contacts.total)])));
}

function dispositions(prefix: string, b: Body): HTMLElement {
  const body = b.dispositions.length === 0 ? h('p', { class: 'empty' }, t('ov.noDispositions'))
    : table(`${prefix}-dispositions`, ['ov.disposition', 'ov.count', 'ov.share'],
      b.dispositions.map((d) => [t(`agent.disposition.${d.disposition}`), d.count, pct(d.share)]), (i) => ({ 'data-disposition': b.dispositions[i]!.disposition }));
  return h('section', { class: 'ov-block' }, h('h3', {}, t('ov.dispositions')), body);
}

function byDay(prefix: string, b: Body, target: number | null): HTMLElement {
  const series = [{ cls: 'st-ready', label: t('ov.placed'), values: b.days.map((d) => d.placed) },
    { cls: 'st-talking', label: t('ov.connected'), values: b.days.map((d) => d.connected) },
    { cls: 'st-not-ready', label: t('ov.abandoned'), values: b.days.map((d) => d.abandoned) }];
  const over = (x: number | null) => (target !== null && x !== null && x > target ? ` (${t('ov.overTarget')})` : '');
  return h('section', { class: 'ov-block' }, h('h3', {}, t('ov.byDay')),
    columnChart(b.days.map((d) => d.day.slice(5)), series, { labelEvery: Math.ceil(b.days.length / 15) }), legend(series),
    table(`${prefix}-days`, ['ov.day', 'ov.attempts', 'ov.placed', 'ov.answered', 'ov.connected', 'ov.abandoned', 'ov.abandonRate', 'ov.abandonRate30d', 'ov.conversions'],
      b.days.map((d) => [d.day, d.attempts, d.placed, d.answered, d.connected, d.abandoned, pct(d.abandonRate) + over(d.abandonRate),
        pct(d.abandonRate30d) + over(d.abandonRate30d), d.conversions]), (i) => ({ 'data-day': b.days[i]!.day })));
}

function byHour(b: Body): HTMLElement {
  const series = [{ cls: 'st-ready', label: t('ov.placed'), values: b.hours.map((x) => x.placed) },
    { cls: 'st-talking', label: t('ov.connected'), values: b.hours.map((x) => x.connected) }];
  return h('section', { class: 'ov-block' }, h('h3', {}, t('ov.byHour')),
    columnChart(b.hours.map((x) => String(x.hour).padStart(2, '0')), series, { labelEvery: 2 }), legend(series));
}

function legend(series: ReadonlyArray<{ cls: string; label: string }>): HTMLElement {
  return h('ul', { class: 'legend perf-legend' }, ...series.map((s) => h('li', {}, h('span', { class: `swatch ${s.cls}` }), s.label)));
}

function quotaText(q: Campaign['agents'][number]['quota']): string {
  if (!q) return t('ov.noQuota');
  if (q.kind === 'per_day') return tf('ov.quotaPerDay', { met: q.daysMetMin, days: q.daysWorked, min: q.min ?? 0 });
  return tf('ov.quotaPerCampaign', { count: q.count, min: q.min ?? '—', max: q.max ?? '—' });
}

function agents(c: Campaign): HTMLElement {
  const body = c.agents.length === 0 ? h('p', { class: 'empty' }, t('ov.noAgents'))
    : table(`ov-${c.campaign.id}-agents`, ['ov.agent', 'ov.attempts', 'ov.connected', 'ov.conversions', 'ov.quotaCount', 'ov.quotaRule'],
      c.agents.map((a) => [a.name, a.attempts, a.connected, a.conversions, a.quotaCount, quotaText(a.quota)]), (i) => ({ 'data-agent': String(c.agents[i]!.agentId) }));
  return h('section', { class: 'ov-block' }, h('h3', {}, t('ov.quota')), body);
}

function ivr(c: Campaign): HTMLElement | null {
  if (!c.ivr) return null;
  const rows: Child[][] = c.ivr.flatMap((q) => q.answers.map((a, i) => [i === 0 ? `${q.questionId} (${tf('ov.asked', { n: q.asked })})` : '', a.answer ?? t('ov.noKey'), a.count, pct(a.share)]));
  return h('section', { class: 'ov-block' }, h('h3', {}, t('ov.ivr')),
    rows.length ? table(`ov-${c.campaign.id}-ivr`, ['ov.question', 'ov.answer', 'ov.count', 'ov.share'], rows) : h('p', { class: 'empty' }, t('ov.noData')));
}

function dialLevel(c: Campaign): HTMLElement | null {
  if (!c.dialLevel) return null;
  const points = c.dialLevel;
  const cats = points.map((p) => `${p.day.slice(5)} ${String(p.hour).padStart(2, '0')}h`);
  return h('section', { class: 'ov-block', id: `ov-${c.campaign.id}-dial-level` }, h('h3', {}, t('ov.dialLevel')), h('p', { class: 'muted' }, t('ov.dialLevelHint')),
    points.length ? lineChart(cats, points.map((p) => p.dialLevel), 'st-ready', t('ov.dialLevel'), { labelEvery: Math.ceil(points.length / 12) }) : h('p', { class: 'empty' }, t('ov.noData')));
}

/** One campaign's panel: its headline figures, outcomes, list, dispositions, calls by day and hour, agents, IVR, dial level. */
export function campaignPanel(c: Campaign): HTMLElement {
  const prefix = `ov-${c.campaign.id}`;
  return h('section', { class: 'panel ov-campaign', id: prefix, 'data-campaign': String(c.campaign.id) },
    h('h2', {}, c.campaign.name), h('p', { class: 'muted' }, `${t(`agent.mode.${c.campaign.dialingMode}`)} · ${tf('ov.zone', { zone: c.campaign.timezone })}`),
    tiles(prefix, c.total, c.campaign.abandonRateTarget),
    h('div', { class: 'ov-grid' }, outcomes(prefix, c.total), contacts(prefix, c), dispositions(prefix, c)),
    byDay(prefix, c, c.campaign.abandonRateTarget), byHour(c), agents(c), ivr(c), dialLevel(c));
}

/** The combined panel of a report on several campaigns. */
export function combinedPanel(b: Body): HTMLElement {
  return h('section', { class: 'panel ov-campaign', id: 'ov-combined' }, h('h2', {}, t('ov.combined')), tiles('ov-all', b.total, null),
    h('div', { class: 'ov-grid' }, outcomes('ov-all', b.total), contacts('ov-all', b), dispositions('ov-all', b)), byDay('ov-all', b, null), byHour(b));
}
