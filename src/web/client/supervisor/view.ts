import { h, replaceChildren, type Child } from '../dom.js';
import { currentLanguage, t, type MessageKey } from '../i18n.js';
import { agentLabels } from '../agent/labels.js';
import type { AgentStateKind, ContactStatus, Disposition } from '../agent/types.js';
import { HISTORY_CAPACITY, type LiveSnapshot, type SupervisorApp } from './app.js';
import { formatDuration, tf } from '../page-format.js';
import { rateBar, sparkline, stackedBar } from '../svg-charts.js';

const STATE_ORDER: readonly AgentStateKind[] = ['talking', 'ringing', 'previewing', 'ready', 'wrap_up', 'not_ready', 'paused', 'offline'];
const STATUS_ORDER: readonly ContactStatus[] = ['success', 'in_progress', 'callback_scheduled', 'failed_will_retry', 'not_started', 'do_not_call_again',
  'retries_exhausted', 'call_error', 'paused', 'blocked', 'dnc'];
const percent = (r: number) => `${(r * 100).toFixed(1)} %`;

const legend = (items: { cls: string; label: string; value: string }[]) => h('ul', { class: 'legend' },
  ...items.map((i) => h('li', {}, h('span', { class: `swatch ${i.cls}` }), h('span', { class: 'l' }, i.label), h('b', {}, i.value))));

const tile = (id: string, label: MessageKey, value: Child, extra?: Child) =>
  h('div', { class: 'tile', id }, h('div', { class: 'tile-label' }, t(label)), h('div', { class: 'tile-value' }, value), extra && h('div', { class: 'tile-extra' }, extra));

/**
 * Draws the dashboard: the campaign picker and connection state, headline tiles, three small charts, and a
 * row per agent. `tick` only moves what time moves (times in state, the longest wait, the call history).
 */
export class SupervisorView {
  private readonly picker = h('select', { id: 'campaign-picker' });
  private readonly head = h('div', { class: 'sup-head' });
  private readonly body = h('div', { class: 'sup-body', id: 'sup-body' });
  private readonly spark = h('div', { class: 'spark-box', id: 'calls-history' });
  private pickerKey = '';

  constructor(readonly root: HTMLElement, private readonly app: () => SupervisorApp) {
    this.picker.addEventListener('change', () => this.app().select(Number(this.picker.value)));
    replaceChildren(root, this.head, this.body);
    document.addEventListener('languagechange', () => { this.pickerKey = ''; this.render(this.app(), 'all'); });
  }

  render(app: SupervisorApp, what: 'all' | 'tick'): void {
    if (what === 'tick') return this.tick(app);
    this.renderHead(app);
    const s = app.snapshot;
    if (app.campaigns.length === 0) return replaceChildren(this.body, h('p', { class: 'panel muted', id: 'sup-empty' }, t('sup.noCampaigns')));
    if (app.problem) return replaceChildren(this.body, h('p', { class: 'panel muted', id: 'sup-problem' }, t(app.problem === 'notLive' ? 'sup.notLive' : 'common.error')));
    if (!s) return replaceChildren(this.body, h('p', { class: 'muted' }, t('common.loading')));
    replaceChildren(this.body, this.tiles(s), this.charts(s), this.agents(s));
    this.tick(app);
  }

  private renderHead(app: SupervisorApp): void {
    const options = app.campaigns.map((c) => `${c.id}:${c.name}`).join('|');
    if (options !== this.pickerKey) {
      this.pickerKey = options;
      replaceChildren(this.picker, ...app.campaigns.map((c) => h('option', { value: c.id }, c.name)));
    }
    if (app.campaignId !== null) this.picker.value = String(app.campaignId);
    const s = app.snapshot;
    replaceChildren(this.head,
      h('label', { class: 'picker' }, h('span', {}, t('sup.campaign')), this.picker),
      s && h('span', { class: 'tag' }, agentLabels.mode(s.mode)),
      s && (s.state === 'running' || s.state === 'paused') && h('span', { class: `tag campaign-${s.state}` }, t(`sup.campaignState.${s.state}`)),
      s && s.telephony !== 'ready' && h('span', { class: 'tag telephony-down', id: 'sup-telephony', role: 'status' }, t('sup.telephonyDown')),
      h('span', { class: 'grow' }),
      h('span', { class: `conn ${app.connected ? 'conn-live' : 'conn-poll'}`, id: 'sup-connection' }, t(app.connected ? 'sup.live' : 'sup.polling')),
      s && h('span', { class: 'muted', id: 'sup-updated' }, `${t('sup.updated')} ${new Date(app.receivedAt).toLocaleTimeString(currentLanguage() === 'vi' ? 'vi-VN' : 'en-GB')}`));
  }

  private tiles(s: LiveSnapshot): HTMLElement {
    const max = Math.max(s.abandon.target * 2, s.abandon.rollingRate, s.abandon.campaignRate, 0.01);
    const over = (r: number) => (r > s.abandon.target ? 'bad' : 'good');
    const abandonRow = (label: MessageKey, rate: number, id: string) => h('div', { class: 'rate-row' },
      h('span', { class: 'l' }, t(label)), h('b', { id, class: `rate-${over(rate)}` }, percent(rate)), rateBar(rate, s.abandon.target, max, `rate-${over(rate)}`));
    return h('section', { class: 'tiles' },
      tile('tile-agents', 'sup.agentsLoggedIn', String(s.agents.length)),
      tile('tile-ringing', 'sup.ringing', String(s.calls.ringing)),
      tile('tile-talking', 'sup.talking', String(s.calls.talking)),
      tile('tile-waiting', 'sup.waiting', String(s.calls.waiting),
        h('span', {}, `${t('sup.longestWait')} `, h('b', { id: 'longest-wait' }, formatDuration(s.calls.longestWaitMs)))),
      h('div', { class: 'tile tile-wide', id: 'tile-abandon' }, h('div', { class: 'tile-label' }, t('sup.abandon'), ' ',
        h('small', { class: 'muted' }, `${t('sup.target')} ${percent(s.abandon.target)}`)),
      abandonRow('sup.abandonRolling', s.abandon.rollingRate, 'abandon-rolling'), abandonRow('sup.abandonCampaign', s.abandon.campaignRate, 'abandon-campaign')),
      tile('tile-dial-level', 'sup.dialLevel', s.dialLevel === null ? '—' : s.dialLevel.toFixed(2),
        t(s.dialLevel === null ? 'sup.dialLevelNone' : 'sup.linesPerAgent')),
      tile('tile-hopper', 'sup.hopper', s.hopper === null ? '—' : String(s.hopper.size),
        s.hopper === null ? t('sup.hopperIdle') : tf('sup.hopperRefills', { n: s.hopper.refills, ms: Math.round(s.hopper.lastRefillMs ?? 0) })));
  }

  private charts(s: LiveSnapshot): HTMLElement {
    const states = STATE_ORDER.map((k) => ({ cls: `st-${k}`, label: agentLabels.state(k), value: s.agentsByState[k] ?? 0 }));
    const statuses = STATUS_ORDER.map((k) => ({ cls: `ls-${k}`, label: t(`sup.status.${k}`), value: s.list[k] ?? 0 }));
    const total = statuses.reduce((n, x) => n + x.value, 0);
    return h('section', { class: 'charts' },
      h('div', { class: 'panel chart-box', id: 'chart-agents' }, h('h2', {}, t('sup.agentsByState')), stackedBar(states),
        legend(states.filter((x) => x.value > 0).map((x) => ({ ...x, value: String(x.value) })))),
      h('div', { class: 'panel chart-box' }, h('h2', {}, t('sup.callsOverTime')), this.spark,
        legend([{ cls: 'ln-talking', label: t('sup.talking'), value: String(s.calls.talking) },
          { cls: 'ln-ringing', label: t('sup.ringing'), value: String(s.calls.ringing) },
          { cls: 'ln-waiting', label: t('sup.waiting'), value: String(s.calls.waiting) }])),
      h('div', { class: 'panel chart-box', id: 'chart-list' }, h('h2', {}, t('sup.listProgress'), ' ', h('small', { class: 'muted' }, tf('sup.contacts', { n: total }))),
        stackedBar(statuses),
        legend(statuses.filter((x) => x.value > 0).map((x) => ({ ...x, value: `${x.value} · ${Math.round((x.value / total) * 100)} %` })))));
  }

  private agents(s: LiveSnapshot): HTMLElement {
    const cols: MessageKey[] = ['sup.col.agent', 'sup.col.state', 'sup.col.timeInState', 'sup.col.calls', 'sup.col.talk', 'sup.col.dispositions'];
    const rows = [...s.agents].sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) || a.name.localeCompare(b.name))
      .map((a) => h('tr', { 'data-agent': a.agentId },
        h('td', { class: 'agent-name' }, a.name),
        h('td', {}, h('span', { class: `state-pill st-${a.state}`, 'data-state': a.state }, agentLabels.state(a.state)),
          a.reason && h('small', { class: 'muted' }, ` ${agentLabels.reason(a.reason)}`),
          a.pendingExit && h('small', { class: 'pending-exit', 'data-pending-exit': a.pendingExit }, ` ${t(`sup.pendingExit.${a.pendingExit}`)}`)),
        h('td', { class: 'num', 'data-since': a.since }, formatDuration(a.timeInStateMs)),
        h('td', { class: 'num' }, String(a.calls)),
        h('td', { class: 'num' }, formatDuration(a.talkMs)),
        h('td', {}, ...Object.entries(a.dispositions).filter(([, n]) => (n ?? 0) > 0)
          .map(([d, n]) => h('span', { class: `chip dispo-${d}` }, `${agentLabels.disposition(d as Disposition)} ${n}`)))));
    return h('section', { class: 'panel agents-box' }, h('h2', {}, t('sup.perAgent')),
      rows.length === 0 ? h('p', { class: 'muted' }, t('sup.noAgents'))
        : h('table', { class: 'agents', id: 'agents-table' }, h('thead', {}, h('tr', {}, ...cols.map((c) => h('th', {}, t(c))))), h('tbody', {}, ...rows)));
  }

  private tick(app: SupervisorApp): void {
    const s = app.snapshot;
    if (!s) return;
    const now = app.serverNow();
    this.body.querySelectorAll<HTMLElement>('[data-since]').forEach((el) => {
      el.textContent = formatDuration(now - Date.parse(el.dataset.since ?? ''));
    });
    const wait = document.getElementById('longest-wait');
    if (wait && s.calls.waiting > 0) wait.textContent = formatDuration(s.calls.longestWaitMs + Date.now() - app.receivedAt);
    const series = (['talking', 'ringing', 'waiting'] as const).map((k) => ({ cls: `ln-${k}`, label: t(`sup.${k}`), points: app.history.map((x) => x[k]) }));
    // The window grows with the history (at least a minute), so a fresh dashboard does not squeeze it into a corner.
    replaceChildren(this.spark, sparkline(series, Math.min(HISTORY_CAPACITY, Math.max(60, app.history.length))));
  }
}
