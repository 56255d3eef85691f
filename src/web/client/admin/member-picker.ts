import { h } from '../dom.js';
import { dataCheckbox, readCheckedValues } from './form.js';
import { label, withPlaceholder } from './label.js';

export interface Pickable { id: number; text: string }

/**
 * A filterable list of checkboxes over people or groups (members of a group, agents of a campaign).
 * Read the choice back with `pickedIds(form, name)`.
 */
export function memberPicker(name: string, items: Pickable[], selected: readonly number[]): HTMLElement {
  if (items.length === 0) return label('picker.none', 'p', { class: 'empty' });
  const chosen = new Set(selected);
  const filter = withPlaceholder(h('input', { type: 'search', class: 'picker-filter' }), 'picker.filter');
  const list = h('div', { class: 'picker-list', 'data-picker': name },
    ...items.map((i) => dataCheckbox(name, String(i.id), i.text, chosen.has(i.id))));
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    list.querySelectorAll<HTMLLabelElement>('label').forEach((l) => { l.hidden = q !== '' && !(l.textContent ?? '').toLowerCase().includes(q); });
  });
  // Enter in the filter must not submit the surrounding form.
  filter.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') ev.preventDefault(); });
  return h('div', { class: 'picker' }, items.length > 8 ? filter : null, list);
}

export function pickedIds(form: HTMLFormElement, name: string): number[] {
  return readCheckedValues(form, name).map(Number);
}
