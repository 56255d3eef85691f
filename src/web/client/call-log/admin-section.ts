import { api } from '../api.js';
import type { CallLogPage, CallStats, Campaign, User } from '../api-types.js';
import { h, replaceChildren } from '../dom.js';
import type { MessageKey } from '../i18n.js';
import { showError } from '../admin/error.js';
import { field, selectInput, textInput, type Choice } from '../admin/form.js';
import { label } from '../admin/label.js';
import { pager } from '../admin/pager.js';
import { hashQuery, withQuery, type AdminContext, type Section } from '../admin/router.js';
import type { Paged } from '../admin/types.js';
import { dateKey } from '../agent-performance/performance-view.js';
import { callQuery, callTable, statsView, FILTER_KEYS, type CallFilters } from './call-log-view.js';

export const OUTCOMES = ['answered', 'busy', 'no_answer', 'congestion', 'invalid_number', 'machine', 'abandoned', 'failed'] as const;
const LIMIT = 50;

export function outcomeChoices(): Choice[] {
  return [{ value: '', key: 'calls.anyOutcome' }, ...OUTCOMES.map((o) => ({ value: o, key: `agent.outcome.${o}` as MessageKey }))];
}

/** Reports → Call log: the filters in the hash (reload and back keep them), statistics, the table with its pager, exports. */
async function render(root: HTMLElement, _params: Record<string, string>, ctx: AdminContext): Promise<void> {
  root.classList.add('wide-view');
  const q = hashQuery();
  const today = dateKey(new Date());
  const f: CallFilters = { from: q.get('from') ?? today, to: q.get('to') ?? today };
  for (const k of FILTER_KEYS) f[k] = q.get(k) ?? '';
  const offset = Math.max(0, Number(q.get('offset') ?? 0) || 0);
  const [campaigns, { users }] = await Promise.all([
    api<Paged<Campaign>>('GET', '/api/campaigns?limit=200&sort=id&order=desc'),
    api<{ users: User[] }>('GET', '/api/users'),
  ]);
  const form = h('form', { class: 'perf-filters calls-filters', id: 'calls-filters' },
    field('calls.from', textInput('from', f.from, { type: 'date', required: true, id: 'calls-from' })),
    field('calls.to', textInput('to', f.to, { type: 'date', required: true, id: 'calls-to' })),
    field('calls.campaign', selectInput('campaignId', [{ value: '', key: 'calls.allCampaigns' }, ...campaigns.items.map((c) => ({ value: String(c.id), text: c.name }))], f.campaignId, { id: 'calls-campaign' })),
    field('calls.agent', selectInput('agentId', [{ value: '', key: 'calls.allAgents' }, ...users.filter((u) => u.role === 'agent').map((u) => ({ value: String(u.id), text: u.displayName }))], f.agentId, { id: 'calls-agent' })),
    field('calls.outcome', selectInput('outcome', outcomeChoices(), f.outcome, { id: 'calls-outcome' })),
    field('calls.cause', textInput('cause', f.cause, { inputmode: 'numeric', pattern: '[0-9]{1,3}', size: 4, id: 'calls-cause' }), 'calls.causeHint'),
    field('calls.number', textInput('number', f.number, { type: 'search', inputmode: 'tel', maxlength: 32, id: 'calls-number' })),
    label('calls.show', 'button', { type: 'submit', id: 'calls-show' }));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const changes: Record<string, string | undefined> = { from: String(data.get('from')), to: String(data.get('to')), offset: undefined };
    for (const k of FILTER_KEYS) changes[k] = String(data.get(k) ?? '').trim();
    ctx.navigate(withQuery(changes));
  });
  const query = callQuery(f);
  const exports = h('span', { class: 'exports' },
    label('calls.exportCsv', 'a', { class: 'button secondary', id: 'calls-csv', href: `/api/reports/calls/export?${query}&format=csv` }), ' ',
    label('calls.exportXlsx', 'a', { class: 'button secondary', id: 'calls-xlsx', href: `/api/reports/calls/export?${query}&format=xlsx` }));
  const stats = h('section', { class: 'panel', id: 'calls-stats' });
  const result = h('section', { class: 'panel', id: 'calls-result' });
  root.append(
    h('div', { class: 'view-head' }, label('calls.title', 'h1'), h('span', { class: 'grow' }), exports),
    h('section', { class: 'panel' }, form, label('calls.hint', 'p', { class: 'muted' })),
    stats, result,
  );
  try {
    const [st, page] = await Promise.all([
      api<CallStats>('GET', `/api/reports/calls/stats?${query}`),
      api<CallLogPage>('GET', `/api/reports/calls?${query}&limit=${LIMIT}&offset=${offset}`),
    ]);
    const draw = () => {
      replaceChildren(stats, statsView(st));
      replaceChildren(result, callTable(page), pager(page.total, page.limit, page.offset, (o) => ctx.navigate(withQuery({ offset: o || undefined })), !page.totalExact));
    };
    draw();
    const redraw = () => { if (root.isConnected) draw(); else document.removeEventListener('languagechange', redraw); };
    document.addEventListener('languagechange', redraw);
  } catch (err) {
    const box = h('p', { class: 'error', role: 'alert' });
    replaceChildren(result, box);
    stats.remove();
    showError(box, err);
  }
}

export const callLogSection: Section = { path: 'reports/calls', nav: 'calls.nav', render };
