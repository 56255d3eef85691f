import { api } from '../api.js';
import type { Contact, ContactPage } from '../api-types.js';
import { h, replaceChildren } from '../dom.js';
import { t } from '../i18n.js';
import { callButton } from './call-number-box.js';
import type { CallPopup } from './call-popup.js';
import { renderContactNotes } from './contact-notes.js';

/**
 * The agent's contact list on their page: each phone with a Call button, and each contact's notes (the ones
 * saved when closing a call) one click away.
 */
export class MyContacts {
  readonly root = h('section', { class: 'panel my-contacts', id: 'my-contacts' });
  private readonly list = h('div', { class: 'my-contacts-list' });
  private readonly search = h('input', { type: 'search', name: 'q', id: 'my-contacts-search', maxlength: 100, 'data-i18n-placeholder': 'calls.searchContacts', placeholder: t('calls.searchContacts') });

  constructor(private readonly popup: CallPopup, private readonly onError: (err: unknown) => void) {
    const form = h('form', { class: 'toolbar', role: 'search' }, this.search, h('button', { type: 'submit', 'data-i18n': 'common.search' }, t('common.search')));
    form.addEventListener('submit', (ev) => { ev.preventDefault(); void this.load().catch(this.onError); });
    replaceChildren(this.root, h('h2', { 'data-i18n': 'calls.myContacts' }, t('calls.myContacts')), form, this.list);
  }

  async load(): Promise<void> {
    const q = this.search.value.trim();
    const params = new URLSearchParams({ limit: '25', offset: '0', sort: 'createdAt' });
    if (q) params.set(/\d/.test(q) ? 'phone' : 'name', q);
    const page = await api<ContactPage>('GET', `/api/contacts?${params.toString()}`);
    if (page.items.length === 0) {
      replaceChildren(this.list, h('p', { class: 'muted' }, t('calls.noContacts')));
      return;
    }
    replaceChildren(this.list, h('ul', { class: 'plain' }, ...page.items.map((c) => this.row(c))));
  }

  /** Reads a contact's notes again (after a call was saved and closed). */
  async refreshNotes(contactId: number | null): Promise<void> {
    const box = contactId === null ? null : this.list.querySelector<HTMLElement>(`[data-contact="${contactId}"] .notes-box`);
    if (box && !box.hidden) await renderContactNotes(box, contactId!);
  }

  private row(c: Contact): HTMLElement {
    const notes = h('div', { class: 'notes-box', hidden: true });
    const toggle = h('button', { type: 'button', class: 'link show-notes', 'data-i18n': 'calls.showNotes' }, t('calls.showNotes'));
    toggle.addEventListener('click', () => {
      notes.hidden = !notes.hidden;
      if (!notes.hidden) void renderContactNotes(notes, c.id).catch(this.onError);
    });
    return h('li', { class: 'my-contact', 'data-contact': String(c.id) },
      h('strong', { class: 'contact-name' }, c.name), ' ',
      c.doNotContact ? h('span', { class: 'badge bad', 'data-i18n': 'contacts.dncShort' }, t('contacts.dncShort')) : null,
      h('ul', { class: 'plain phones' }, ...c.phones.map((p) => h('li', { class: 'nowrap' }, p.e164, ' ', callButton(this.popup, c, p.e164)))),
      toggle, notes);
  }
}
