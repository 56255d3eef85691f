import { api } from '../api.js';
import type { Campaign, CustomerResultsPage, User } from '../api-types.js';
import { h, replaceChildren } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';
import { showError } from '../admin/error.js';
import { field, selectInput, textInput, type Choice } from '../admin/form.js';
import { label } from '../admin/label.js';
import { pager } from '../admin/pager.js';
import { hashQuery, withQuery, type AdminContext, type Section } from '../admin/router.js';
import type { Paged } from '../admin/types.js';
import { barList } from '../svg-charts.js';
import { customerTable, type SortKey } from './customer-table.js';
import { openHistory } from './history-dialog.js';

const STATUSES = ['not_started', 'in_progress', 'failed_will_retry', 'callback_scheduled', 'success', 'retries_exhausted', 'do_not_call_again',
  'call_error', 'paused', 'blocked', 'dnc'] as const;
const DISPOSITIONS = ['closed_deal', 'interested', 'not_interested', 'callback', 'do_not_call_again', 'skip'] as const;
const FILTERS = ['campaignId', 'status', 'disposition', 'agentId', 'from', 'to'] as const;
const SORTS: readonly SortKey[] = ['id', 'name', 'status', 'attempts', 'lastCallAt'];
const LIMIT = 50;

const coded = (prefix: string, values: readonly string[], any: MessageKey): Choice[] =>
  [{ value: '', key: any }, ...values.map((v) => ({ value: v, key: `${prefix}.${v}` as MessageKey }))];

/** Reports → Customer results: a campaign and filters in the hash (reload and back keep them), a chart, the table, exports. */
async function render(root: HTMLElement, _params: Record<string, string>, ctx: AdminContext): Promise<void> {
  root.classList.add('wide-view');
  const q = hashQuery();
  const f: Record<(typeof FILTERS)[number], string> = { campaignId: '', status: '', disposition: '', agentId: '', from: '', to: '' };
  for (const k of FILTERS) f[k] = q.get(k) ?? '';
  const sort = (SORTS as readonly string[]).includes(q.get('sort') ?? '') ? q.get('sort') as SortKey : 'id';
  const order = q.get('order') === 'desc' ? 'desc' : 'asc';
  const offset = Math.max(0, Number(q.get('offset') ?? 0) || 0);
  const [campaigns, { users }] = await Promise.all([
    api<Paged<Campaign>>('GET', '/api/campaigns?limit=200&sort=id&order=desc'),
    api<{ users: User[] }>('GET', '/api/users'),
  ]);
  const form = h('form', { class: 'perf-filters cust-filters', id: 'cust-filters' },
    field('cust.campaign', selectInput('campaignId', [{ value: '', key: 'cust.pickCampaign' }, ...campaigns.items.map((c) => ({ value: String(c.id), text: c.name }))],
      f.campaignId, { id: 'cust-campaign', required: true })),
    field('cust.status', selectInput('status', coded('status', STATUSES, 'cust.anyStatus'), f.status, { id: 'cust-status' })),
    field('cust.disposition', selectInput('disposition', coded('agent.disposition', DISPOSITIONS, 'cust.anyDisposition'), f.disposition, { id: 'cust-disposition' })),
    field('cust.agent', selectInput('agentId', [{ value: '', key: 'cust.anyAgent' }, ...users.filter((u) => u.role === 'agent').map((u) => ({ value: String(u.id), text: u.displayName }))],
      f.agentId, { id: 'cust-agent' })),
    field('cust.from', textInput('from', f.from, { type: 'date', id: 'cust-from' })),
    field('cust.to', textInput('to', f.to, { type: 'date', id: 'cust-to' })),
    label('cust.show', 'button', { type: 'submit', id: 'cust-show' }));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const changes: Record<string, string | undefined> = { offset: undefined };
    for (const k of FILTERS) changes[k] = String(data.get(k) ?? '').trim();
    ctx.navigate(withQuery(changes));
  });
  const params = new URLSearchParams();
  for (const k of FILTERS) if (f[k]) params.set(k, f[k]);
  if (sort !== 'id') params.set('sort', sort);
  if (order !== 'asc') params.set('order', order);
  const query = params.toString();
  const chart = h('section', { class: 'panel', id: 'cust-chart' });
  const result = h('section', { class: 'panel', id: 'cust-result' });
  const exports = h('span', { class: 'exports' });
  root.append(
    h('div', { class: 'view-head' }, label('cust.title', 'h1'), h('span', { class: 'grow' }), exports),
    h('section', { class: 'panel' }, form, label('cust.hint', 'p', { class: 'muted' })),
    chart, result,
  );
  if (!f.campaignId) {
    chart.remove();
    replaceChildren(result, label('cust.choose', 'p', { class: 'empty', id: 'cust-choose' }));
    return;
  }
  replaceChildren(exports,
    label('cust.exportCsv', 'a', { class: 'button secondary', id: 'cust-csv', href: `/api/reports/customers/export?${query}&format=csv` }), ' ',
    label('cust.exportXlsx', 'a', { class: 'button secondary', id: 'cust-xlsx', href: `/api/reports/customers/export?${query}&format=xlsx` }));
  try {
    const page = await api<CustomerResultsPage>('GET', `/api/reports/customers?${query}&limit=${LIMIT}&offset=${offset}`);
    const onSort = (key: SortKey) => ctx.navigate(withQuery({ sort: key, order: key === sort && order === 'asc' ? 'desc' : undefined, offset: undefined }));
    const draw = () => {
      const counts = STATUSES.filter((s) => (page.byStatus[s] ?? 0) > 0).map((s) => ({ label: t(`status.${s}` as MessageKey), value: page.byStatus[s] ?? 0 }));
      replaceChildren(chart, h('figure', { class: 'calls-chart', id: 'cust-by-status' }, h('figcaption', {}, t('cust.byStatus')),
        counts.length ? barList(counts, 'statuses') : h('p', { class: 'muted' }, t('calls.noData'))));
      replaceChildren(result, customerTable(page, { sort, order }, onSort, (r) => openHistory(r.entryId, r.name)),
        pager(page.total, page.limit, page.offset, (o) => ctx.navigate(withQuery({ offset: o || undefined })), !page.totalExact));
    };
    draw();
    const redraw = () => { if (root.isConnected) draw(); else document.removeEventListener('languagechange', redraw); };
    document.addEventListener('languagechange', redraw);
  } catch (err) {
    const box = h('p', { class: 'error', role: 'alert' });
    chart.remove();
    exports.replaceChildren();
    replaceChildren(result, box);
    showError(box, err);
  }
}

export const customerResultsSection: Section = { path: 'reports/customers', nav: 'cust.nav', render };
