import { api } from '../../api.js';
import { h, replaceChildren } from '../../dom.js';
import { entryStatusBadge } from './labels.js';
import { clearError, showError } from '../error.js';
import { label } from '../label.js';
import type { DuplicateGroup, Paged } from '../types.js';

/**
 * Phones that more than one entry of the campaign has: keep one entry (the others leave the list), keep
 * them all on purpose, or remove every repeat at once.
 */
export function duplicatesPanel(campaignId: number, onChange: () => void): { element: HTMLElement; refresh(): void } {
  const body = h('div', {});
  const error = h('p', { class: 'error', role: 'alert' });
  const dedupe = label('list.dedupeAll', 'button', { type: 'button', class: 'secondary', id: 'dedupe' });
  const changed = () => { refresh(); onChange(); };
  const resolve = (phone: string, keep: 'one' | 'all', entryId?: number) => {
    clearError(error);
    api('POST', `/api/campaigns/${campaignId}/duplicates/resolve`, { phone, keep, ...(entryId ? { entryId } : {}) }).then(changed).catch((err: unknown) => showError(error, err));
  };
  dedupe.addEventListener('click', () => {
    clearError(error);
    api('POST', `/api/campaigns/${campaignId}/dedupe`, {}).then(changed).catch((err: unknown) => showError(error, err));
  });
  const group = (g: DuplicateGroup) => {
    const keepAll = label('list.keepAll', 'button', { type: 'button', class: 'secondary small' });
    keepAll.addEventListener('click', () => resolve(g.phone, 'all'));
    return h('li', { 'data-phone': g.phone }, h('strong', {}, g.phone), keepAll,
      h('ul', {}, ...g.entries.map((e) => {
        const keep = label('list.keepThis', 'button', { type: 'button', class: 'secondary small', 'data-keep': String(e.id) });
        keep.addEventListener('click', () => resolve(g.phone, 'one', e.id));
        return h('li', {}, h('span', { class: 'contact-name' }, e.name), ' ', entryStatusBadge(e.status), ' ', keep);
      })));
  };
  const refresh = () => {
    api<Paged<DuplicateGroup>>('GET', `/api/campaigns/${campaignId}/duplicates?limit=50`).then((page) => {
      dedupe.hidden = page.total === 0;
      replaceChildren(body, page.total === 0 ? label('list.noDuplicates', 'p', { class: 'empty' }) : h('ul', { class: 'duplicates' }, ...page.items.map(group)));
    }).catch((err: unknown) => showError(error, err));
  };
  refresh();
  return { element: h('section', { class: 'panel', id: 'duplicates' }, h('div', { class: 'view-head' }, label('list.duplicates', 'h2'), h('span', { class: 'grow' }), dedupe), error, body), refresh };
}
