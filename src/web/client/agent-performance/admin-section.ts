import { api } from '../api.js';
import type { AgentPerformance, Campaign, PauseCode } from '../api-types.js';
import { h, replaceChildren } from '../dom.js';
import { showError } from '../admin/error.js';
import { checkbox, field, selectInput, textInput, type Choice } from '../admin/form.js';
import { label } from '../admin/label.js';
import { hashQuery, withQuery, type AdminContext, type Section } from '../admin/router.js';
import type { Paged } from '../admin/types.js';
import { dateKey, performanceTable, reportQuery, stateLegend } from './performance-view.js';

function defaults(): { from: string; to: string } {
  const now = new Date();
  return { from: dateKey(new Date(now.getFullYear(), now.getMonth(), 1)), to: dateKey(now) };
}

/** Reports → Agent performance: filters in the hash (so reload and back keep them), the table, CSV and Excel export. */
async function render(root: HTMLElement, _params: Record<string, string>, ctx: AdminContext): Promise<void> {
  const q = hashQuery();
  const d = defaults();
  const filters = { from: q.get('from') ?? d.from, to: q.get('to') ?? d.to, campaignId: q.get('campaignId') ?? '' };
  const showDays = q.get('days') === '1';
  const [campaigns, codes] = await Promise.all([
    api<Paged<Campaign>>('GET', '/api/campaigns?limit=200&sort=id&order=desc'),
    api<PauseCode[]>('GET', '/api/pause-codes'),
  ]);
  const labels = new Map(codes.map((c) => [c.code, c.label]));
  const choices: Choice[] = [{ value: '', key: 'perf.allCampaigns' }, ...campaigns.items.map((c) => ({ value: String(c.id), text: c.name }))];
  const form = h('form', { class: 'perf-filters', id: 'perf-filters' },
    field('perf.from', textInput('from', filters.from, { type: 'date', required: true, id: 'perf-from' })),
    field('perf.to', textInput('to', filters.to, { type: 'date', required: true, id: 'perf-to' })),
    field('perf.campaign', selectInput('campaignId', choices, filters.campaignId, { id: 'perf-campaign' })),
    checkbox('days', showDays, 'perf.days'),
    label('perf.show', 'button', { type: 'submit', id: 'perf-show' }));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    ctx.navigate(withQuery({ from: String(data.get('from')), to: String(data.get('to')), campaignId: String(data.get('campaignId') ?? ''), days: data.get('days') ? 1 : undefined }));
  });
  const query = reportQuery(filters);
  const exports = h('span', { class: 'exports' },
    label('perf.exportCsv', 'a', { class: 'button secondary', id: 'perf-csv', href: `/api/reports/agent-performance/export?${query}&format=csv` }),
    ' ',
    label('perf.exportXlsx', 'a', { class: 'button secondary', id: 'perf-xlsx', href: `/api/reports/agent-performance/export?${query}&format=xlsx` }));
  const result = h('section', { class: 'panel', id: 'perf-result' });
  root.append(
    h('div', { class: 'view-head' }, label('perf.title', 'h1'), h('span', { class: 'grow' }), exports),
    h('section', { class: 'panel' }, form, label('perf.hint', 'p', { class: 'muted' })),
    result,
  );
  const draw = (report: AgentPerformance) => replaceChildren(result, stateLegend(), performanceTable(report, labels, { showDays }));
  try {
    const report = await api<AgentPerformance>('GET', `/api/reports/agent-performance?${query}`);
    draw(report);
    const redraw = () => { if (root.isConnected) draw(report); else document.removeEventListener('languagechange', redraw); };
    document.addEventListener('languagechange', redraw);
  } catch (err) {
    const box = h('p', { class: 'error', role: 'alert' });
    replaceChildren(result, box);
    showError(box, err);
  }
}

export const agentPerformanceSection: Section = { path: 'reports/agent-performance', nav: 'perf.nav', render };
