import { h } from '../../dom.js';
import { label, withPlaceholder, withTitle } from '../label.js';
import type { CustomValue } from '../types.js';

const shown = (v: CustomValue): string => (v === null ? '' : String(v));

/** Key/value rows for a contact's custom fields (from import columns that matched no standard field). */
export function customFieldsEditor(fields: Record<string, CustomValue>): HTMLElement {
  const rows = h('div', { class: 'kv-rows' });
  const addRow = (key: string, value: string) => {
    const k = withPlaceholder(h('input', { type: 'text', maxlength: 100, 'data-kv': 'key' }), 'contacts.customKey');
    const v = withPlaceholder(h('input', { type: 'text', maxlength: 1000, 'data-kv': 'value' }), 'contacts.customValue');
    k.value = key;
    v.value = value;
    const remove = withTitle(h('button', { type: 'button', class: 'secondary small' }, '×'), 'contacts.removeField');
    const row = h('div', { class: 'kv-row' }, k, v, remove);
    remove.addEventListener('click', () => row.remove());
    rows.append(row);
  };
  for (const [k, v] of Object.entries(fields)) addRow(k, shown(v));
  const add = label('contacts.addField', 'button', { type: 'button', class: 'secondary small' });
  add.addEventListener('click', () => addRow('', ''));
  return h('div', { class: 'field', 'data-custom-fields': '' }, label('contacts.customFields'), rows, add);
}

/**
 * Reads the rows back. A value keeps the type it had (a number stays a number while it still reads
 * as one), so editing a contact does not turn an imported 42 into "42".
 */
export function readCustomFields(form: HTMLFormElement, before: Record<string, CustomValue>): Record<string, CustomValue> {
  const out: Record<string, CustomValue> = {};
  form.querySelectorAll<HTMLElement>('[data-custom-fields] .kv-row').forEach((row) => {
    const key = row.querySelector<HTMLInputElement>('[data-kv=key]')!.value.trim();
    const text = row.querySelector<HTMLInputElement>('[data-kv=value]')!.value;
    if (!key) return;
    const old = before[key];
    if (typeof old === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) out[key] = Number(text);
    else if (typeof old === 'boolean' && (text === 'true' || text === 'false')) out[key] = text === 'true';
    else if (old === null && text === '') out[key] = null;
    else out[key] = text;
  });
  return out;
}
