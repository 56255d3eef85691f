import { api } from '../../api.js';
import { h, replaceChildren } from '../../dom.js';
import type { MessageKey } from '../../i18n.js';
import { clearError, showError } from '../error.js';
import { checkbox, field, readChecked, readText, selectInput } from '../form.js';
import { label } from '../label.js';
import type { AddToListResult, ContactGroup, SavedFilter } from '../types.js';

const RESULT_LABELS: { key: keyof AddToListResult; label: MessageKey; tone: string }[] = [
  { key: 'selected', label: 'list.result.selected', tone: 'info' },
  { key: 'added', label: 'list.result.added', tone: 'ok' },
  { key: 'alreadyListed', label: 'list.result.alreadyListed', tone: 'muted' },
  { key: 'duplicatePhones', label: 'list.result.duplicatePhones', tone: 'warn' },
  { key: 'dnc', label: 'list.result.dnc', tone: 'bad' },
  { key: 'blocked', label: 'list.result.blocked', tone: 'bad' },
];

/**
 * Fills the campaign's list from a saved search or a contact group (a file goes through the import
 * wizard with this campaign chosen). The answer says how many were added and how many entered as DNC.
 */
export function addToListForm(campaignId: number, lists: { filters: SavedFilter[]; groups: ContactGroup[] }, canImport: boolean, onAdded: () => void): HTMLFormElement {
  const source = selectInput('source', [
    ...lists.filters.map((f) => ({ value: `filter:${f.id}`, text: f.name })),
    ...lists.groups.map((g) => ({ value: `group:${g.id}`, text: `${g.name} (${g.size})` })),
  ], null, { required: true });
  source.prepend(label('list.chooseSource', 'option', { value: '' }));
  source.value = '';
  const result = h('div', { id: 'list-add-result' });
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'panel', id: 'list-add' },
    label('list.add', 'h2'),
    h('div', { class: 'inline-form' }, field('list.source', source, 'list.sourceHint'), checkbox('dedupe', false, 'list.dedupe'),
      label('common.add', 'button', { type: 'submit' })),
    canImport ? h('p', { class: 'hint' }, label('list.fromFile'), ' ', label('import.title', 'a', { href: `#/import?campaign=${campaignId}`, id: 'list-import' })) : null,
    error, result);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearError(error);
    const [kind, id] = readText(form, 'source').split(':');
    if (!id) return;
    const body = { [kind === 'group' ? 'groupId' : 'savedFilterId']: Number(id), dedupe: readChecked(form, 'dedupe') };
    api<AddToListResult>('POST', `/api/campaigns/${campaignId}/list`, body)
      .then((r) => {
        replaceChildren(result, h('div', { class: 'stat-cards' }, ...RESULT_LABELS.map((c) =>
          h('div', { class: `stat ${c.tone}`, 'data-result': c.key }, h('strong', {}, r[c.key]), label(c.label)))));
        onAdded();
      })
      .catch((err: unknown) => showError(error, err, form));
  });
  return form;
}
