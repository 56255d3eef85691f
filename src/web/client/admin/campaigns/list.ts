import { api } from '../../api.js';
import { append, h } from '../../dom.js';
import { addToListForm } from './list-add.js';
import { duplicatesPanel } from './duplicates.js';
import { entriesPanel } from './entries.js';
import { stateBadge } from './labels.js';
import { downloadPost } from '../download.js';
import { showError } from '../error.js';
import { label } from '../label.js';
import type { AdminContext, Section } from '../router.js';
import type { Campaign, ContactGroup, SavedFilter, User } from '../types.js';

function exportButtons(campaignId: number): HTMLElement {
  const error = h('span', { class: 'error', role: 'alert' });
  const button = (format: 'csv' | 'xlsx') => {
    const b = label(format === 'csv' ? 'contacts.exportCsv' : 'contacts.exportXlsx', 'button', { type: 'button', class: 'secondary small', 'data-export': format });
    b.addEventListener('click', () => {
      downloadPost('/api/exports/campaign-list', { campaignId, format }, `campaign-${campaignId}-list.${format}`).catch((err: unknown) => showError(error, err));
    });
    return b;
  };
  return h('div', { class: 'toolbar tools' }, h('span', { class: 'grow' }), error, label('contacts.export', 'span', { class: 'hint' }), button('csv'), button('xlsx'));
}

/** A campaign's contact list: fill it, watch each contact's status, handle repeated phones, download it. */
async function render(root: HTMLElement, params: Record<string, string>, ctx: AdminContext): Promise<void> {
  const id = Number(params.id);
  const [campaign, { users }, { filters }, { groups }] = await Promise.all([
    api<Campaign>('GET', `/api/campaigns/${id}`), api<{ users: User[] }>('GET', '/api/users'),
    api<{ filters: SavedFilter[] }>('GET', '/api/contact-filters'), api<{ groups: ContactGroup[] }>('GET', '/api/contact-groups'),
  ]);
  const entries = entriesPanel(id, new Map(users.map((u) => [u.id, u.displayName])));
  const duplicates = duplicatesPanel(id, () => entries.refresh());
  append(root, [
    h('div', { class: 'view-head' }, label('campaigns.title', 'a', { href: '#/campaigns', class: 'back' }), h('span', { class: 'sub' }, '/'),
      h('a', { href: `#/campaigns/${id}`, class: 'back' }, campaign.name), h('span', { class: 'sub' }, '/'), label('list.title', 'h1'), stateBadge(campaign.state)),
    campaign.state === 'ended' ? null : addToListForm(id, { filters, groups }, ctx.has('import'), () => { entries.refresh(); duplicates.refresh(); }),
    exportButtons(id),
    entries.element,
    duplicates.element,
  ]);
}

export const campaignListSection: Section = { path: 'campaigns/:id/list', navPath: 'campaigns', render };
