import { h, type Child } from '../dom.js';
import type { MessageKey } from '../i18n.js';
import { label } from './label.js';

type Attrs = Record<string, string | number | boolean | undefined>;

/** A labelled control: `<label><span>Label</span>control</label>`, with an optional hint under it. */
export function field(key: MessageKey, control: HTMLElement, hint?: MessageKey): HTMLLabelElement {
  return h('label', { class: 'field' }, label(key), control, hint ? label(hint, 'small', { class: 'hint' }) : null);
}

export function textInput(name: string, value: string | null | undefined, attrs: Attrs = {}): HTMLInputElement {
  const input = h('input', { name, type: 'text', ...attrs });
  input.value = value ?? '';
  return input;
}

export function numberInput(name: string, value: number | null | undefined, attrs: Attrs = {}): HTMLInputElement {
  const input = h('input', { name, type: 'number', ...attrs });
  input.value = value === null || value === undefined ? '' : String(value);
  return input;
}

export function textArea(name: string, value: string | null | undefined, attrs: Attrs = {}): HTMLTextAreaElement {
  const area = h('textarea', { name, rows: 4, ...attrs });
  area.value = value ?? '';
  return area;
}

/** Options name their text either by label key (translated) or as data (shown as text). */
export type Choice = { value: string; key: MessageKey } | { value: string; text: string };

export function selectInput(name: string, choices: Choice[], selected: string | null | undefined, attrs: Attrs = {}): HTMLSelectElement {
  const select = h('select', { name, ...attrs },
    ...choices.map((c) => ('key' in c ? label(c.key, 'option', { value: c.value }) : h('option', { value: c.value }, c.text))));
  if (selected !== null && selected !== undefined) select.value = selected;
  return select;
}

export function checkbox(name: string, checked: boolean, key: MessageKey, value = 'on'): HTMLLabelElement {
  return h('label', { class: 'check' }, h('input', { type: 'checkbox', name, value, checked }), label(key));
}

/** A checkbox whose label is data (a user's name), for picking members. */
export function dataCheckbox(name: string, value: string, text: string, checked: boolean): HTMLLabelElement {
  return h('label', { class: 'check' }, h('input', { type: 'checkbox', name, value, checked }), h('span', {}, text));
}

export function fieldset(key: MessageKey, ...children: Child[]): HTMLFieldSetElement {
  return h('fieldset', {}, label(key, 'legend'), ...children);
}

function control(form: HTMLFormElement, name: string): Element | null {
  return form.querySelector(`[name="${CSS.escape(name)}"]`);
}

export function readText(form: HTMLFormElement, name: string): string {
  const el = control(form, name) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
  return el ? el.value : '';
}

/** Empty → null, so optional numbers stay unset rather than becoming 0. */
export function readNumber(form: HTMLFormElement, name: string): number | null {
  const text = readText(form, name).trim();
  return text === '' ? null : Number(text);
}

export function readChecked(form: HTMLFormElement, name: string): boolean {
  return (control(form, name) as HTMLInputElement | null)?.checked ?? false;
}

export function readCheckedValues(form: HTMLFormElement, name: string): string[] {
  return [...form.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(name)}"]:checked`)].map((i) => i.value);
}

/** Empty text → null (for nullable settings such as an extension or a caller id). */
export function readOptional(form: HTMLFormElement, name: string): string | null {
  const text = readText(form, name).trim();
  return text === '' ? null : text;
}
