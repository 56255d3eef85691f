import { api } from '../../api.js';
import { h } from '../../dom.js';
import { openDialog } from '../dialog.js';
import { downloadPost } from '../download.js';
import { showError } from '../error.js';
import { checkbox, field, readChecked, readText, selectInput, textInput } from '../form.js';
import { label } from '../label.js';
import type { AdminContext } from '../router.js';
import { toast } from '../toast.js';
import type { ContactGroup, SavedFilter } from '../types.js';

/** The search of the contacts page as the API's filter body (saved filters, group members, exports). */
export function filterBody(q: URLSearchParams): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of ['name', 'phone', 'stage'] as const) { const v = q.get(key); if (v) body[key] = v; }
  const tag = q.get('tag');
  if (tag) body.tag = tag.split(',').map((t) => t.trim()).filter((t) => t !== '');
  const agent = q.get('agentId');
  if (agent) body.agentId = agent === 'none' ? 'none' : Number(agent);
  const dnc = q.get('doNotContact');
  if (dnc) body.doNotContact = dnc === 'true';
  const group = q.get('groupId');
  if (group) body.groupId = Number(group);
  return body;
}

export function savedFilterSelect(filters: SavedFilter[], current: string | null): HTMLSelectElement {
  return selectInput('savedFilterId', [{ value: '', key: 'contacts.noSavedFilter' }, ...filters.map((f) => ({ value: String(f.id), text: f.name }))], current ?? '');
}

export function groupSelect(groups: ContactGroup[], current: string | null): HTMLSelectElement {
  return selectInput('groupId', [{ value: '', key: 'contacts.anyGroup' }, ...groups.map((g) => ({ value: String(g.id), text: `${g.name} (${g.size})` }))], current ?? '');
}

function saveFilter(q: URLSearchParams): void {
  openDialog({
    title: 'contacts.saveFilter', submit: 'common.save',
    body: [field('contacts.filterName', textInput('name', '', { required: true, maxlength: 120 })), checkbox('shared', false, 'contacts.filterShared')],
    onSubmit: async (form) => {
      await api('POST', '/api/contact-filters', { name: readText(form, 'name').trim(), shared: readChecked(form, 'shared'), filter: filterBody(q) });
      toast('common.saved');
    },
  });
}

/** Adds every contact matching the search to a group, an existing one or one made here. */
function addToGroup(q: URLSearchParams, groups: ContactGroup[], ctx: AdminContext): void {
  const NEW = 'new';
  const target = selectInput('group', [...groups.map((g) => ({ value: String(g.id), text: g.name })), { value: NEW, key: 'contacts.newGroup' }], groups[0] ? String(groups[0].id) : NEW);
  const name = field('contacts.groupName', textInput('groupName', '', { maxlength: 120 }));
  const show = () => { name.hidden = target.value !== NEW; };
  target.addEventListener('change', show);
  show();
  openDialog({
    title: 'contacts.addToGroup', submit: 'common.add', body: [label('contacts.addToGroupHint', 'p'), field('contacts.group', target), name],
    onSubmit: async (form) => {
      let id = readText(form, 'group');
      if (id === NEW) id = String((await api<ContactGroup>('POST', '/api/contact-groups', { name: readText(form, 'groupName').trim() })).id);
      await api('POST', `/api/contact-groups/${id}/members`, { filter: filterBody(q) });
      toast('common.saved');
      ctx.reload();
    },
  });
}

/** Save the search, put its contacts in a group, or download them (the export streams any size as CSV). */
export function contactTools(q: URLSearchParams, groups: ContactGroup[], ctx: AdminContext): HTMLElement {
  const save = label('contacts.saveFilter', 'button', { type: 'button', class: 'secondary small', id: 'filter-save' });
  save.addEventListener('click', () => saveFilter(q));
  const group = label('contacts.addToGroup', 'button', { type: 'button', class: 'secondary small', id: 'group-add' });
  group.addEventListener('click', () => addToGroup(q, groups, ctx));
  const error = h('span', { class: 'error', role: 'alert' });
  const exportButton = (format: 'csv' | 'xlsx') => {
    const button = label(format === 'csv' ? 'contacts.exportCsv' : 'contacts.exportXlsx', 'button', { type: 'button', class: 'secondary small', 'data-export': format });
    button.addEventListener('click', () => {
      const saved = q.get('savedFilterId');
      button.disabled = true;
      downloadPost('/api/exports/contacts', { format, filter: filterBody(q), ...(saved ? { savedFilterId: Number(saved) } : {}) }, `contacts.${format}`)
        .catch((err: unknown) => showError(error, err))
        .finally(() => { button.disabled = false; });
    });
    return button;
  };
  return h('div', { class: 'toolbar tools' }, save, group, h('span', { class: 'grow' }), error,
    label('contacts.export', 'span', { class: 'hint' }), exportButton('csv'), exportButton('xlsx'));
}
