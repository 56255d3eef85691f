import { api } from '../../api.js';
import { h } from '../../dom.js';
import { openContactDialog } from './dialog.js';
import { renderContactNotes } from '../../calls/contact-notes.js';
import { openDialog } from '../dialog.js';
import { contactTools, groupSelect, savedFilterSelect } from './tools.js';
import { confirmDialog } from '../dialog.js';
import { selectInput, textInput } from '../form.js';
import { label, withPlaceholder } from '../label.js';
import { pager } from '../pager.js';
import { hashQuery, withQuery, type AdminContext, type Section } from '../router.js';
import { dataTable } from '../table.js';
import { toast } from '../toast.js';
import type { Contact, ContactGroup, ContactPage, SavedFilter, User } from '../types.js';

const PAGE_SIZE = 25;
/** Filters kept in the hash, so a reload or the back button returns to the same list. */
const FILTERS = ['name', 'phone', 'tag', 'agentId', 'doNotContact', 'groupId', 'savedFilterId'] as const;

function filterBar(ctx: AdminContext, agents: User[], lists: { filters: SavedFilter[]; groups: ContactGroup[] }): HTMLFormElement {
  const q = hashQuery();
  const form = h('form', { class: 'toolbar', id: 'contact-filter', role: 'search' },
    withPlaceholder(textInput('name', q.get('name'), { type: 'search' }), 'contacts.searchName'),
    withPlaceholder(textInput('phone', q.get('phone'), { type: 'search' }), 'contacts.searchPhone'),
    withPlaceholder(textInput('tag', q.get('tag'), { type: 'search' }), 'contacts.searchTag'),
    selectInput('agentId', [{ value: '', key: 'contacts.anyAgent' }, { value: 'none', key: 'contacts.pool' }, ...agents.map((a) => ({ value: String(a.id), text: a.displayName }))], q.get('agentId') ?? ''),
    selectInput('doNotContact', [{ value: '', key: 'contacts.anyDnc' }, { value: 'false', key: 'contacts.callable' }, { value: 'true', key: 'contacts.doNotContact' }], q.get('doNotContact') ?? ''),
    groupSelect(lists.groups, q.get('groupId')),
    savedFilterSelect(lists.filters, q.get('savedFilterId')),
    label('common.search', 'button', { type: 'submit' }));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const changes: Record<string, string | undefined> = { offset: undefined };
    for (const f of FILTERS) changes[f] = (form.elements.namedItem(f) as HTMLInputElement).value.trim();
    ctx.navigate(withQuery(changes));
  });
  return form;
}

/** The contact's notes (saved by agents when closing a call): time, agent and call. */
function openNotes(contact: Contact): void {
  const box = h('div', { class: 'notes-box' }, label('common.loading', 'p', { class: 'muted' }));
  openDialog({ title: 'calls.notes', subject: contact.name, body: [box], submit: 'calls.close', onSubmit: () => Promise.resolve() });
  renderContactNotes(box, contact.id).catch((err: unknown) => { box.textContent = err instanceof Error ? err.message : String(err); });
}

async function render(root: HTMLElement, _params: Record<string, string>, ctx: AdminContext): Promise<void> {
  const q = hashQuery();
  const offset = Math.max(0, Number(q.get('offset') ?? 0) || 0);
  const search = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset), sort: 'createdAt' });
  for (const f of FILTERS) { const v = q.get(f); if (v) search.set(f, v); }
  const [result, { users }, { filters }, { groups }] = await Promise.all([
    api<ContactPage>('GET', `/api/contacts?${search.toString()}`), api<{ users: User[] }>('GET', '/api/users'),
    api<{ filters: SavedFilter[] }>('GET', '/api/contact-filters'), api<{ groups: ContactGroup[] }>('GET', '/api/contact-groups'),
  ]);
  const agents = users.filter((u) => u.role === 'agent');
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const contacts = result.items;
  const table = dataTable<Contact>([
    { key: 'contacts.name', cell: (c) => h('strong', { class: 'contact-name' }, c.name) },
    { key: 'contacts.phones', cell: (c) => h('ul', { class: 'plain' }, ...c.phones.map((p) => h('li', { class: 'nowrap' }, p.e164))) },
    { key: 'contacts.tags', cell: (c) => h('ul', { class: 'chips' }, ...c.tags.map((t) => h('li', {}, t))) },
    { key: 'contacts.stage', cell: (c) => c.stage ?? '' },
    { key: 'contacts.agent', cell: (c) => (c.ownerId === null ? label('contacts.pool', 'span', { class: 'muted' }) : names.get(c.ownerId) ?? `#${c.ownerId}`) },
    { key: 'contacts.doNotContact', cell: (c) => (c.doNotContact ? label('contacts.dncShort', 'span', { class: 'badge bad', title: c.doNotContactReason ?? '' }) : '') },
    {
      key: 'admin.actions', class: 'actions',
      cell: () => [
        label('common.edit', 'button', { type: 'button', class: 'secondary small', 'data-action': 'edit' }),
        label('calls.notes', 'button', { type: 'button', class: 'secondary small', 'data-action': 'notes' }),
        label('common.delete', 'button', { type: 'button', class: 'secondary small', 'data-action': 'delete' }),
      ],
    },
  ], contacts, 'contacts.none', (c) => ({ 'data-contact': String(c.id) }));
  table.addEventListener('click', (ev) => {
    const button = (ev.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    const contact = contacts.find((c) => String(c.id) === button?.closest('tr')?.dataset.contact);
    if (!button || !contact) return;
    if (button.dataset.action === 'edit') openContactDialog(contact, agents, () => { toast('common.saved'); ctx.reload(); });
    else if (button.dataset.action === 'notes') openNotes(contact);
    else confirmDialog('contacts.deleteConfirm', contact.name, 'common.delete', async () => { await api('DELETE', `/api/contacts/${contact.id}`); ctx.reload(); });
  });
  const add = label('contacts.new', 'button', { type: 'button', id: 'contact-new' });
  add.addEventListener('click', () => openContactDialog(undefined, agents, () => { toast('common.saved'); ctx.reload(); }));
  root.append(
    h('div', { class: 'view-head' }, label('contacts.title', 'h1'), h('span', { class: 'grow' }), ctx.has('import') ? label('import.title', 'a', { href: '#/import', class: 'button secondary' }) : null, add),
    filterBar(ctx, agents, { filters, groups }),
    contactTools(q, groups, ctx),
    h('section', { class: 'panel' }, table,
      h('div', { class: 'table-foot' },
        pager(result.total, PAGE_SIZE, offset, (o) => ctx.navigate(withQuery({ offset: o || undefined })), !result.totalExact))),
  );
}

export const contactsSection: Section = { path: 'contacts', nav: 'contacts.title', render };
