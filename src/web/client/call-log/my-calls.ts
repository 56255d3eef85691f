import { api } from '../api.js';
import type { CallLogPage, CallStats } from '../api-types.js';
import { h, replaceChildren } from '../dom.js';
import { t } from '../i18n.js';
import { dateKey } from '../agent-performance/performance-view.js';
import { outcomeChoices } from './admin-section.js';
import { callQuery, callTable, statsView, type CallFilters } from './call-log-view.js';

const LIMIT = 25;

/**
 * "My calls" on the agent page: a header button opens the agent's own call log (the server answers only the calls
 * they were on) with a range, outcome and number filter, the statistics, a pager and a CSV export.
 */
export class MyCalls {
  readonly button = h('button', { type: 'button', class: 'link', id: 'my-calls-toggle' });
  readonly root = h('section', { class: 'panel my-call-log', id: 'my-call-log', hidden: true });
  private filters: CallFilters;
  private offset = 0;
  private data: { page: CallLogPage; stats: CallStats } | null = null;

  constructor(private readonly onError: (err: unknown) => void) {
    const today = dateKey(new Date());
    const weekAgo = new Date();
    weekAgo.setDate(weekAgo.getDate() - 6);
    this.filters = { from: dateKey(weekAgo), to: today, outcome: '', number: '' };
    this.button.textContent = t('calls.mine');
    this.button.addEventListener('click', () => {
      this.root.hidden = !this.root.hidden;
      if (!this.root.hidden) void this.load();
    });
    document.addEventListener('languagechange', () => { this.button.textContent = t('calls.mine'); this.draw(); });
  }

  private async load(): Promise<void> {
    try {
      const query = callQuery(this.filters);
      const [page, stats] = await Promise.all([
        api<CallLogPage>('GET', `/api/reports/calls?${query}&limit=${LIMIT}&offset=${this.offset}`),
        api<CallStats>('GET', `/api/reports/calls/stats?${query}`),
      ]);
      this.data = { page, stats };
      this.draw();
    } catch (err) {
      this.onError(err);
    }
  }

  private form(): HTMLFormElement {
    const input = (name: 'from' | 'to' | 'number', type: string) => {
      const el = h('input', { name, type, id: `my-calls-${name}`, required: name !== 'number', maxlength: 32 });
      el.value = this.filters[name] ?? '';
      return el;
    };
    const outcome = h('select', { name: 'outcome', id: 'my-calls-outcome' },
      ...outcomeChoices().map((c) => h('option', { value: c.value }, 'key' in c ? t(c.key) : c.text)));
    outcome.value = this.filters.outcome ?? '';
    const lab = (text: string, control: HTMLElement) => h('label', { class: 'field' }, h('span', {}, text), control);
    const form = h('form', { class: 'perf-filters calls-filters', id: 'my-calls-filters' },
      lab(t('calls.from'), input('from', 'date')), lab(t('calls.to'), input('to', 'date')), lab(t('calls.outcome'), outcome),
      lab(t('calls.number'), input('number', 'search')), h('button', { type: 'submit', id: 'my-calls-show' }, t('calls.show')));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const d = new FormData(form);
      this.filters = { from: String(d.get('from')), to: String(d.get('to')), outcome: String(d.get('outcome') ?? ''), number: String(d.get('number') ?? '').trim() };
      this.offset = 0;
      void this.load();
    });
    return form;
  }

  private draw(): void {
    if (this.root.hidden) return;
    const close = h('button', { type: 'button', class: 'link', onclick: () => { this.root.hidden = true; } }, t('calls.close'));
    const csv = h('a', { class: 'button secondary', id: 'my-calls-csv', href: `/api/reports/calls/export?${callQuery(this.filters)}&format=csv` }, t('calls.exportCsv'));
    const page = this.data?.page;
    const nav = page && page.total > page.limit ? h('div', { class: 'pager' },
      h('button', { type: 'button', class: 'secondary small', 'data-page': 'prev', disabled: page.offset === 0, onclick: () => { this.offset = Math.max(0, page.offset - page.limit); void this.load(); } }, '‹'),
      h('span', { class: 'range' }, `${page.offset + 1}–${Math.min(page.total, page.offset + page.limit)} / ${page.totalExact ? '' : '≥ '}${page.total}`),
      h('button', { type: 'button', class: 'secondary small', 'data-page': 'next', disabled: page.offset + page.limit >= page.total, onclick: () => { this.offset = page.offset + page.limit; void this.load(); } }, '›')) : null;
    replaceChildren(this.root,
      h('div', { class: 'view-head' }, h('h2', {}, t('calls.mine')), h('span', { class: 'grow' }), csv, close),
      this.form(),
      this.data ? statsView(this.data.stats) : h('p', {}, t('common.loading')),
      page ? callTable(page) : null, nav);
  }
}
