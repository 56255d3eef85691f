import { api } from '../../api.js';
import { h, replaceChildren } from '../../dom.js';
import { ENTRY_STATUS_LABELS, entryStatusBadge, when } from './labels.js';
import { confirmDialog } from '../dialog.js';
import { clearError, showError } from '../error.js';
import { selectInput, textInput } from '../form.js';
import { label, withPlaceholder } from '../label.js';
import { pager } from '../pager.js';
import { dataTable } from '../table.js';
import { CONTACT_STATUSES, type CampaignEntry, type Paged } from '../types.js';

const PAGE = 50;
const PAUSABLE: readonly string[] = ['not_started', 'failed_will_retry', 'callback_scheduled'];

/** The campaign's list: search by name, phone and status, and pause, resume or remove one contact. */
export function entriesPanel(campaignId: number, names: Map<number, string>): { element: HTMLElement; refresh(): void } {
  let offset = 0;
  const body = h('div', {});
  const error = h('p', { class: 'error', role: 'alert' });
  const filter = h('form', { class: 'toolbar', id: 'entry-filter', role: 'search' },
    withPlaceholder(textInput('name', '', { type: 'search' }), 'contacts.searchName'),
    withPlaceholder(textInput('phone', '', { type: 'search' }), 'contacts.searchPhone'),
    selectInput('status', [{ value: '', key: 'list.anyStatus' }, ...CONTACT_STATUSES.map((s) => ({ value: s, key: ENTRY_STATUS_LABELS[s] }))], ''),
    label('common.search', 'button', { type: 'submit' }));
  const act = (entry: CampaignEntry, action: 'pause' | 'resume' | 'remove') => {
    clearError(error);
    const run = action === 'remove' ? api('DELETE', `/api/campaign-entries/${entry.id}`) : api('POST', `/api/campaign-entries/${entry.id}/${action}`, {});
    return run.then(() => refresh());
  };
  const actions = (e: CampaignEntry) => [
    PAUSABLE.includes(e.status) ? label('list.pause', 'button', { type: 'button', class: 'secondary small', 'data-action': 'pause' }) : null,
    e.status === 'paused' ? label('list.resume', 'button', { type: 'button', class: 'secondary small', 'data-action': 'resume' }) : null,
    e.status === 'in_progress' ? null : label('list.remove', 'button', { type: 'button', class: 'secondary small', 'data-action': 'remove' }),
  ];
  const refresh = () => {
    const q = new URLSearchParams({ campaignId: String(campaignId), limit: String(PAGE), offset: String(offset) });
    for (const key of ['name', 'phone', 'status']) {
      const v = (filter.elements.namedItem(key) as HTMLInputElement).value.trim();
      if (v) q.set(key, v);
    }
    api<Paged<CampaignEntry>>('GET', `/api/campaign-entries?${q.toString()}`).then((page) => {
      const table = dataTable<CampaignEntry>([
        { key: 'contacts.name', cell: (e) => h('strong', { class: 'contact-name' }, e.name) },
        { key: 'blocks.phone', cell: (e) => h('span', { class: 'nowrap' }, e.phone) },
        { key: 'list.status', cell: (e) => entryStatusBadge(e.status) },
        { key: 'list.attempts', cell: (e) => e.attempts },
        { key: 'list.nextCall', cell: (e) => when(e.callbackAt ?? e.nextCallAt), class: 'nowrap' },
        { key: 'list.lastResult', cell: (e) => e.lastDisposition ?? e.lastOutcome ?? '' },
        { key: 'contacts.agent', cell: (e) => (e.agentId === null ? '' : names.get(e.agentId) ?? `#${e.agentId}`) },
        { key: 'admin.actions', cell: actions, class: 'actions' },
      ], page.items, 'list.none', (e) => ({ 'data-entry': String(e.id) }));
      table.addEventListener('click', (ev) => {
        const button = (ev.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
        const entry = page.items.find((e) => String(e.id) === button?.closest('tr')?.dataset.entry);
        if (!button || !entry) return;
        const action = button.dataset.action as 'pause' | 'resume' | 'remove';
        if (action === 'remove') confirmDialog('list.removeConfirm', entry.name, 'list.remove', () => act(entry, 'remove'));
        else act(entry, action).catch((err: unknown) => showError(error, err));
      });
      replaceChildren(body, table, h('div', { class: 'table-foot' }, pager(page.total, PAGE, offset, (o) => { offset = o; refresh(); })));
    }).catch((err: unknown) => showError(error, err));
  };
  filter.addEventListener('submit', (ev) => { ev.preventDefault(); offset = 0; refresh(); });
  refresh();
  return { element: h('section', { class: 'panel', id: 'entries' }, label('list.entries', 'h2'), filter, error, body), refresh };
}
