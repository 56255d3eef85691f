import { h } from '../dom.js';
import { t } from '../i18n.js';
import type { CallPopup } from './call-popup.js';

/** The agent page's "Call a number" box: a number typed in, checked by the server like every dial. */
export function callNumberBox(popup: CallPopup): HTMLFormElement {
  const input = h('input', { type: 'tel', name: 'phone', id: 'call-number-input', maxlength: 40, required: true, autocomplete: 'off', 'data-i18n-placeholder': 'calls.numberPlaceholder', placeholder: t('calls.numberPlaceholder') });
  const form = h('form', { class: 'call-number-box panel', id: 'call-number-box' },
    h('label', { for: 'call-number-input', 'data-i18n': 'calls.callNumber' }, t('calls.callNumber')),
    input,
    h('button', { type: 'submit', id: 'call-number-go', 'data-i18n': 'calls.call' }, t('calls.call')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const phone = input.value.trim();
    if (phone) void popup.place({ phone }, null);
  });
  return form;
}

/** A Call button beside one of a contact's phones. */
export function callButton(popup: CallPopup, contact: { id: number; name: string }, phone: string): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'secondary small call-button', 'data-phone': phone, title: t('calls.callPhone').replace('{phone}', phone), 'data-i18n': 'calls.call' }, t('calls.call'));
  b.addEventListener('click', () => { void popup.place({ contactId: contact.id, phone }, contact.name); });
  return b;
}
