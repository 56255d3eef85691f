import { h, type Child } from '../dom.js';
import type { MessageKey } from '../i18n.js';
import { showError } from './error.js';
import { label } from './label.js';

export interface DialogOptions {
  title: MessageKey;
  /** Shown as data under the title (whose user, which campaign). */
  subject?: string;
  body: Child[];
  submit: MessageKey;
  danger?: boolean;
  /** Throw (an ApiError) to keep the dialog open with the reason shown; resolve to close it. */
  onSubmit: (form: HTMLFormElement) => Promise<void>;
}

/** A modal form; the server's refusal is shown inside it, next to what the user typed. */
export function openDialog(options: DialogOptions): HTMLDialogElement {
  const error = h('p', { class: 'error', role: 'alert' });
  const submit = label(options.submit, 'button', { type: 'submit', class: options.danger ? 'danger' : '' });
  const cancel = label('common.cancel', 'button', { type: 'button', class: 'secondary' });
  const form = h('form', { class: 'dialog-form', novalidate: true },
    h('header', {}, label(options.title, 'h2'), options.subject ? h('p', { class: 'subject' }, options.subject) : null),
    h('div', { class: 'dialog-body' }, ...options.body),
    error,
    h('footer', {}, cancel, submit));
  const dialog = h('dialog', { class: 'modal' }, form);
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!form.reportValidity()) return;
    submit.disabled = true;
    error.replaceChildren();
    options.onSubmit(form)
      .then(() => dialog.close())
      .catch((err: unknown) => showError(error, err, form))
      .finally(() => { submit.disabled = false; });
  });
  document.body.append(dialog);
  dialog.showModal();
  form.querySelector<HTMLElement>('input:not([type=checkbox]), select, textarea')?.focus();
  return dialog;
}

/** A yes/no question in our own dialog (no window.confirm). */
export function confirmDialog(title: MessageKey, subject: string, action: MessageKey, run: () => Promise<void>): void {
  openDialog({ title, subject, body: [], submit: action, danger: true, onSubmit: () => run() });
}
