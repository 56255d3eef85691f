import { api } from '../../api.js';
import { h } from '../../dom.js';
import { openDialog } from '../dialog.js';
import { field, readText, selectInput, textInput } from '../form.js';
import { label } from '../label.js';
import { pager } from '../pager.js';
import { hashQuery, withQuery, type AdminContext, type Section } from '../router.js';
import { dataTable } from '../table.js';
import { MODE_LABELS, modeChoices, STATE_LABELS, stateBadge, when } from './labels.js';
import { CAMPAIGN_STATES, type Campaign, type Paged } from '../types.js';

function newCampaign(ctx: AdminContext): void {
  openDialog({
    title: 'campaigns.new', submit: 'common.add',
    body: [
      field('campaign.name', textInput('name', '', { required: true, maxlength: 120 })),
      field('campaign.dialingMode', selectInput('dialingMode', modeChoices().filter((m) => m.value !== 'ivr'), 'preview'), 'campaigns.newHint'),
    ],
    onSubmit: async (form) => {
      const c = await api<Campaign>('POST', '/api/campaigns', { name: readText(form, 'name').trim(), dialingMode: readText(form, 'dialingMode') });
      ctx.navigate(`#/campaigns/${c.id}`);
    },
  });
}

const PAGE = 25;

async function render(root: HTMLElement, _params: Record<string, string>, ctx: AdminContext): Promise<void> {
  const q = hashQuery();
  const state = q.get('state') ?? '';
  const offset = Number(q.get('offset') ?? 0) || 0;
  const page = await api<Paged<Campaign>>('GET', `/api/campaigns?sort=id&order=desc&limit=${PAGE}&offset=${offset}${state ? `&state=${state}` : ''}`);
  const filter = selectInput('state', [{ value: '', key: 'campaigns.allStates' }, ...CAMPAIGN_STATES.map((s) => ({ value: s, key: STATE_LABELS[s] }))], state);
  filter.addEventListener('change', () => ctx.navigate(withQuery({ state: filter.value, offset: undefined })));
  const table = dataTable<Campaign>([
    { key: 'campaign.name', cell: (c) => h('a', { href: `#/campaigns/${c.id}` }, c.name) },
    { key: 'campaign.dialingMode', cell: (c) => label(MODE_LABELS[c.dialingMode]) },
    { key: 'campaign.state', cell: (c) => stateBadge(c.state) },
    { key: 'campaign.startAt', cell: (c) => when(c.startAt) },
    { key: 'campaign.endAt', cell: (c) => when(c.endAt) },
    { key: 'campaigns.agents', cell: (c) => c.agentIds.length + c.agentGroupIds.length },
  ], page.items, 'campaigns.none', (c) => ({ 'data-campaign': String(c.id) }));
  const add = label('campaigns.new', 'button', { type: 'button', id: 'campaign-new' });
  add.addEventListener('click', () => newCampaign(ctx));
  root.append(
    h('div', { class: 'view-head' }, label('campaigns.title', 'h1'), h('span', { class: 'grow' }), ctx.me.role === 'agent' ? null : add),
    h('div', { class: 'toolbar' }, filter, h('span', { class: 'grow' }), pager(page.total, PAGE, offset, (o) => ctx.navigate(withQuery({ offset: o || undefined })))),
    h('section', { class: 'panel' }, table),
  );
}

export const campaignsSection: Section = { path: 'campaigns', nav: 'campaigns.title', render };
