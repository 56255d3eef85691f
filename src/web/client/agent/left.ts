import { h, replaceChildren, type Child } from '../dom.js';
import { currentLanguage, t } from '../i18n.js';
import type { AgentApp, AgentArea, Change } from './app.js';
import { agentLabels } from './labels.js';
import type { AgentProgress, CampaignSettings, ReceivedCustomer } from './types.js';
import { formatDuration, formatInstant, tf } from '../page-format.js';

const row = (label: string, ...value: Child[]) => h('div', { class: 'kv' }, h('span', { class: 'k' }, label), h('span', { class: 'v' }, ...value));

/** ISO weekdays (1 = Monday) as short names in the page's language. */
function weekdays(days: number[]): string {
  if (days.length === 7) return '';
  const lang = currentLanguage() === 'vi' ? 'vi-VN' : 'en-GB';
  // 1 January 2024 was a Monday.
  return days.map((d) => new Date(2024, 0, d).toLocaleDateString(lang, { weekday: 'short' })).join(', ');
}

/** The left area: the campaign's settings, the agent's progress, and the customers received in this session. */
export class AgentLeft implements AgentArea {
  readonly root: HTMLElement;
  private readonly settings = h('section', { class: 'block', id: 'campaign-summary' });
  private readonly progress = h('section', { class: 'block', id: 'agent-progress' });
  private readonly customers = h('section', { class: 'block', id: 'customers' });

  constructor(app: AgentApp) {
    this.root = h('aside', { class: 'panel agent-left', id: 'area-left' }, this.settings, this.progress, this.customers);
    document.addEventListener('languagechange', () => this.update(app, new Set(['campaign', 'progress', 'customers'])));
  }

  update(app: AgentApp, changes: ReadonlySet<Change>): void {
    if (changes.has('campaign')) this.renderSettings(app.settings);
    if (changes.has('campaign') || changes.has('progress')) this.renderProgress(app.progress);
    if (changes.has('campaign') || changes.has('customers') || changes.has('selection')) this.renderCustomers(app);
  }

  private renderSettings(c: CampaignSettings | null): void {
    if (!c) {
      replaceChildren(this.settings, h('h2', {}, t('agent.settings')), h('p', { class: 'muted' }, t('common.loading')));
      return;
    }
    const hours = c.callingHours;
    replaceChildren(this.settings,
      h('h2', {}, t('agent.settings')),
      row(t('agent.settings.mode'), agentLabels.mode(c.dialingMode)),
      row(t('agent.settings.wrapUp'), tf('agent.seconds', { n: c.wrapUpSeconds })),
      c.dialingMode === 'preview' && c.previewSeconds !== null && row(t('agent.settings.preview'), tf('agent.seconds', { n: c.previewSeconds })),
      row(t('agent.settings.attempts'), String(c.maxAttempts)),
      row(t('agent.settings.retry'), tf('agent.minutes', { n: c.retryMinutes })),
      row(t('agent.settings.hours'), `${hours.start}–${hours.end}`, h('small', { class: 'muted' }, ` ${weekdays(hours.weekdays)} (${c.timezone})`)),
      c.endAt && row(t('agent.settings.ends'), formatInstant(c.endAt)));
  }

  private renderProgress(p: AgentProgress | null): void {
    if (!p) {
      replaceChildren(this.progress, h('h2', {}, t('agent.progress')), h('p', { class: 'muted' }, t('common.loading')));
      return;
    }
    const q = p.quota;
    const bounds = [q.min !== null && tf('agent.progress.min', { n: q.min }), q.max !== null && tf('agent.progress.max', { n: q.max })].filter(Boolean).join(' · ');
    const meter = q.kind !== 'none' && q.max !== null ? h('progress', { max: q.max, value: Math.min(p.counted, q.max), id: 'quota-meter' }) : null;
    const dispositions = Object.entries(p.dispositions).filter(([, n]) => (n ?? 0) > 0)
      .map(([d, n]) => h('span', { class: `chip dispo-${d}` }, `${agentLabels.disposition(d as keyof typeof p.dispositions)} ${n}`));
    replaceChildren(this.progress,
      h('h2', {}, t('agent.progress')),
      row(t('agent.progress.calls'), h('b', { id: 'progress-calls' }, String(p.calls))),
      row(t('agent.progress.talk'), formatDuration(p.talkMs)),
      row(t('agent.progress.quota'), q.kind === 'none'
        ? t('agent.progress.quotaNone')
        : h('span', { id: 'progress-quota' }, `${p.counted} `, h('small', { class: 'muted' },
          `${q.kind === 'per_day' ? t('agent.progress.perDay') : t('agent.progress.perCampaign')}${bounds ? ` · ${bounds}` : ''}`))),
      meter,
      dispositions.length > 0 && h('div', { class: 'chips' }, ...dispositions));
  }

  private renderCustomers(app: AgentApp): void {
    const shown = app.shown()?.attemptId;
    const items = [...app.customers].reverse().map((c) => this.customerItem(app, c, c.attemptId === shown));
    replaceChildren(this.customers,
      h('h2', {}, t('agent.customers')),
      items.length === 0 ? h('p', { class: 'muted' }, t('agent.customers.none')) : h('ul', { class: 'customer-list', id: 'customer-list' }, ...items));
  }

  private customerItem(app: AgentApp, c: ReceivedCustomer, selected: boolean): HTMLElement {
    const result = c.disposition ? agentLabels.disposition(c.disposition) : c.outcome ? agentLabels.outcome(c.outcome) : '';
    return h('li', {},
      h('button', {
        type: 'button', class: `customer-item${selected ? ' selected' : ''} access-${c.access}`, 'data-attempt': c.attemptId,
        'aria-pressed': selected ? 'true' : 'false', onclick: () => app.select(c.attemptId),
      },
      h('span', { class: 'name' }, c.name || c.phones[0] || '—'),
      h('span', { class: 'meta' }, result, ' ', h('span', { class: `badge access-${c.access}` }, agentLabels.access(c.access)))));
  }
}
