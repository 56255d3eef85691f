import { api } from '../api.js';
import type { ContactNote } from '../api-types.js';
import { h, replaceChildren } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';
import { formatInstant, tf } from '../page-format.js';

/** The notes on a contact, newest first: when, which agent, and the call each was written for. */
export async function renderContactNotes(box: HTMLElement, contactId: number): Promise<void> {
  const { notes } = await api<{ notes: ContactNote[] }>('GET', `/api/contacts/${contactId}/notes`);
  if (notes.length === 0) {
    replaceChildren(box, h('p', { class: 'muted' }, t('calls.noNotes')));
    return;
  }
  replaceChildren(box, h('ul', { class: 'contact-notes plain' }, ...notes.map((n) => h('li', { class: 'contact-note', 'data-note': String(n.id) },
    h('div', { class: 'muted small' }, tf('calls.noteBy', { time: formatInstant(n.createdAt), agent: n.agentName ?? '—' })),
    n.call ? h('div', { class: 'muted small' }, tf('calls.noteCall', {
      phone: n.call.phoneNumber ?? '', outcome: n.call.outcome ? t(`agent.outcome.${n.call.outcome}` as MessageKey) : '—',
    })) : null,
    h('p', { class: 'note-body' }, n.body)))));
}
