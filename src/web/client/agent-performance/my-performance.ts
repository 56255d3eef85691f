import { api } from '../api.js';
import type { AgentPerformance, PauseCode } from '../api-types.js';
import { h, replaceChildren } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';
import { formatDuration } from '../page-format.js';
import { dateKey, performanceTable, reportQuery, stateLegend, timeBar } from './performance-view.js';

type Range = 'today' | 'week' | 'month';
const RANGES: Array<[Range, MessageKey]> = [['today', 'perf.today'], ['week', 'perf.week'], ['month', 'perf.month']];

function rangeOf(r: Range, now = new Date()): { from: string; to: string } {
  const from = r === 'today' ? now : r === 'week' ? new Date(now.getFullYear(), now.getMonth(), now.getDate() - 6) : new Date(now.getFullYear(), now.getMonth(), 1);
  return { from: dateKey(from), to: dateKey(now) };
}

/**
 * "My performance" on the agent page: a header button opens a panel with the agent's own figures for today, the
 * last 7 days or this month (the server answers only the agent's own), their days, and a CSV export.
 */
export class MyPerformance {
  readonly button = h('button', { type: 'button', class: 'link', id: 'my-performance-toggle' });
  readonly root = h('section', { class: 'panel my-performance', id: 'my-performance', hidden: true });
  private range: Range = 'today';
  private report: AgentPerformance | null = null;
  private labels = new Map<string, string>();

  constructor(private readonly onError: (err: unknown) => void) {
    this.button.textContent = t('perf.mine');
    this.button.addEventListener('click', () => {
      this.root.hidden = !this.root.hidden;
      if (!this.root.hidden) void this.load();
    });
    document.addEventListener('languagechange', () => { this.button.textContent = t('perf.mine'); this.draw(); });
  }

  private async load(): Promise<void> {
    try {
      const [codes, report] = await Promise.all([
        api<PauseCode[]>('GET', '/api/pause-codes'),
        api<AgentPerformance>('GET', `/api/reports/agent-performance?${reportQuery(rangeOf(this.range))}`),
      ]);
      this.labels = new Map(codes.map((c) => [c.code, c.label]));
      this.report = report;
      this.draw();
    } catch (err) {
      this.onError(err);
    }
  }

  private draw(): void {
    if (this.root.hidden) return;
    const ranges = h('div', { class: 'segmented', role: 'group' }, ...RANGES.map(([r, key]) => h('button', {
      type: 'button', class: r === this.range ? '' : 'secondary', 'data-range': r, 'aria-pressed': String(r === this.range),
      onclick: () => { this.range = r; void this.load(); },
    }, t(key))));
    const close = h('button', { type: 'button', class: 'link', onclick: () => { this.root.hidden = true; } }, t('perf.close'));
    const me = this.report?.agents[0];
    const f = me?.total;
    const tile = (key: MessageKey, value: string | number, id: string) => h('div', { id }, h('small', {}, t(key)), h('b', {}, value));
    const exportLink = h('a', { class: 'button secondary', id: 'my-performance-csv', href: `/api/reports/agent-performance/export?${reportQuery(rangeOf(this.range))}&format=csv` }, t('perf.exportCsv'));
    replaceChildren(this.root,
      h('div', { class: 'view-head' }, h('h2', {}, t('perf.mine')), h('span', { class: 'grow' }), ranges, exportLink, close),
      f ? h('div', { class: 'perf-tiles' },
        tile('perf.loggedIn', formatDuration(f.loggedInMs), 'my-logged-in'), tile('perf.talking', formatDuration(f.talkingMs), 'my-talking'),
        tile('perf.calls', f.calls, 'my-calls'), tile('perf.connects', f.connects, 'my-connects'), tile('perf.conversions', f.conversions, 'my-conversions'),
        tile('perf.occupancy', f.occupancy === null ? '—' : `${(f.occupancy * 100).toFixed(1)}%`, 'my-occupancy')) : null,
      f ? timeBar(f) : null,
      stateLegend(),
      this.report ? performanceTable(this.report, this.labels, { showDays: true }) : h('p', {}, t('common.loading')));
  }
}
