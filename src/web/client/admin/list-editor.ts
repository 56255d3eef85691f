import { h } from '../dom.js';
import type { MessageKey } from '../i18n.js';
import { label, withTitle } from './label.js';

export interface ListEditorOptions {
  title: MessageKey;
  add: MessageKey;
  remove: MessageKey;
  max: number;
  maxlength: number;
  /** Empty rows shown when there is no value yet. */
  blankRows?: number;
  inputType?: string;
}

/**
 * An editable list of short texts (choices of a question, phone numbers of a contact): one input each,
 * named `name.N` so a server error on `phones.1` marks that input. Enter in the last row adds one.
 */
export function listEditor(name: string, values: string[], o: ListEditorOptions): HTMLElement {
  const list = h('ol', { class: 'list-editor', 'data-list': name });
  const add = label(o.add, 'button', { type: 'button', class: 'secondary small' });
  const renumber = () => {
    list.querySelectorAll<HTMLInputElement>('input').forEach((input, i) => { input.name = `${name}.${i}`; });
    add.disabled = list.children.length >= o.max;
  };
  const addRow = (value: string): HTMLInputElement => {
    const input = h('input', { type: o.inputType ?? 'text', maxlength: o.maxlength, 'data-item': name });
    input.value = value;
    const remove = withTitle(h('button', { type: 'button', class: 'secondary small' }, '×'), o.remove);
    const row = h('li', {}, input, remove);
    remove.addEventListener('click', () => { row.remove(); renumber(); });
    input.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Enter') return;
      ev.preventDefault();
      if (list.children.length < o.max) addRow('').focus();
    });
    list.append(row);
    renumber();
    return input;
  };
  for (const v of values.length ? values : Array.from({ length: o.blankRows ?? 1 }, () => '')) addRow(v);
  add.addEventListener('click', () => addRow('').focus());
  return h('div', { class: 'field list-field' }, label(o.title), list, add);
}

/** The non-empty, trimmed values of a list editor, in order. */
export function readList(form: HTMLFormElement, name: string): string[] {
  return [...form.querySelectorAll<HTMLInputElement>(`input[data-item="${CSS.escape(name)}"]`)].map((i) => i.value.trim()).filter((v) => v !== '');
}
