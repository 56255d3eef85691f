import { api } from '../api.js';
import type { Campaign, CampaignOverview } from '../api-types.js';
import { h, replaceChildren } from '../dom.js';
import { showError } from '../admin/error.js';
import { dataCheckbox, field, textInput } from '../admin/form.js';
import { label } from '../admin/label.js';
import { hashQuery, withQuery, type AdminContext, type Section } from '../admin/router.js';
import type { Paged } from '../admin/types.js';
import { dateKey } from '../agent-performance/performance-view.js';
import { campaignPanel, combinedPanel } from './overview-view.js';

function defaults(): { from: string; to: string } {
  const now = new Date();
  return { from: dateKey(new Date(now.getFullYear(), now.getMonth(), 1)), to: dateKey(now) };
}

function overviewQuery(q: { from: string; to: string; campaignIds: string[] }): string {
  const p = new URLSearchParams({ from: q.from, to: q.to });
  if (q.campaignIds.length) p.set('campaignIds', q.campaignIds.join(','));
  return p.toString();
}

/** Reports → Campaign overview: filters in the hash (reload and back keep them), a panel per campaign, CSV and Excel export. */
async function render(root: HTMLElement, _params: Record<string, string>, ctx: AdminContext): Promise<void> {
  const q = hashQuery();
  const d = defaults();
  const filters = { from: q.get('from') ?? d.from, to: q.get('to') ?? d.to, campaignIds: (q.get('campaignIds') ?? '').split(',').filter(Boolean) };
  const campaigns = await api<Paged<Campaign>>('GET', '/api/campaigns?limit=200&sort=id&order=desc');
  const picks = h('div', { class: 'ov-picks', id: 'ov-campaigns' },
    ...campaigns.items.map((c) => dataCheckbox('campaignIds', String(c.id), c.name, filters.campaignIds.includes(String(c.id)))));
  const form = h('form', { class: 'perf-filters', id: 'ov-filters' },
    field('ov.from', textInput('from', filters.from, { type: 'date', required: true, id: 'ov-from' })),
    field('ov.to', textInput('to', filters.to, { type: 'date', required: true, id: 'ov-to' })),
    label('ov.show', 'button', { type: 'submit', id: 'ov-show' }));
  const pickBox = h('fieldset', { class: 'ov-pick-box' }, label('ov.campaigns', 'legend'), picks);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const ids = [...picks.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
    ctx.navigate(withQuery({ from: String(data.get('from')), to: String(data.get('to')), campaignIds: ids.join(',') }));
  });
  const query = overviewQuery(filters);
  const exports = h('span', { class: 'exports' },
    label('ov.exportCsv', 'a', { class: 'button secondary', id: 'ov-csv', href: `/api/reports/overview/export?${query}&format=csv` }),
    ' ',
    label('ov.exportXlsx', 'a', { class: 'button secondary', id: 'ov-xlsx', href: `/api/reports/overview/export?${query}&format=xlsx` }));
  const result = h('div', { id: 'ov-result' });
  root.append(
    h('div', { class: 'view-head' }, label('ov.title', 'h1'), h('span', { class: 'grow' }), exports),
    h('section', { class: 'panel' }, form, pickBox, label('ov.hint', 'p', { class: 'muted' })),
    result,
  );
  const draw = (r: CampaignOverview) => {
    if (r.campaigns.length === 0) return replaceChildren(result, label('ov.none', 'p', { class: 'empty', id: 'ov-empty' }));
    replaceChildren(result, r.campaigns.length > 1 ? combinedPanel(r.combined) : null, ...r.campaigns.map(campaignPanel));
  };
  try {
    const report = await api<CampaignOverview>('GET', `/api/reports/overview?${query}`);
    draw(report);
    const redraw = () => { if (root.isConnected) draw(report); else document.removeEventListener('languagechange', redraw); };
    document.addEventListener('languagechange', redraw);
  } catch (err) {
    const box = h('p', { class: 'error', role: 'alert' });
    replaceChildren(result, box);
    showError(box, err);
  }
}

export const campaignOverviewSection: Section = { path: 'reports/overview', nav: 'ov.nav', render };
