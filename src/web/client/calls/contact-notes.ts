import { api } from '../api.js';
import type { ContactCall, ContactNote } from '../api-types.js';
import { h, replaceChildren } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';
import { formatDuration, formatInstant, tf } from '../page-format.js';

const outcomeText = (outcome: string | null): string => (outcome ? t(`agent.outcome.${outcome}` as MessageKey) : '—');

/** The contact's calls, newest first: when, agent, number, outcome and how long they talked. */
function callHistory(calls: ContactCall[]): HTMLElement {
  if (calls.length === 0) return h('p', { class: 'muted' }, t('calls.noCalls'));
  return h('ul', { class: 'contact-calls plain' }, ...calls.map((c) => h('li', { class: 'contact-call', 'data-call': String(c.id) },
    tf('calls.historyLine', {
      time: formatInstant(c.dialAt ?? c.endAt), agent: c.agentName ?? '—', phone: c.phoneNumber ?? '', outcome: outcomeText(c.outcome),
      talk: formatDuration(c.bridgeAt ? Date.parse(c.endAt) - Date.parse(c.bridgeAt) : 0),
    }))));
}

/** The notes on a contact (newest first: when, which agent, the call each was written for), then its call history. */
export async function renderContactNotes(box: HTMLElement, contactId: number): Promise<void> {
  const [{ notes }, { calls }] = await Promise.all([
    api<{ notes: ContactNote[] }>('GET', `/api/contacts/${contactId}/notes`), api<{ calls: ContactCall[] }>('GET', `/api/contacts/${contactId}/calls`),
  ]);
  const history = [h('h3', { class: 'small' }, t('calls.history')), callHistory(calls)];
  if (notes.length === 0) {
    replaceChildren(box, h('p', { class: 'muted' }, t('calls.noNotes')), ...history);
    return;
  }
  replaceChildren(box, h('ul', { class: 'contact-notes plain' }, ...notes.map((n) => h('li', { class: 'contact-note', 'data-note': String(n.id) },
    h('div', { class: 'muted small' }, tf('calls.noteBy', { time: formatInstant(n.createdAt), agent: n.agentName ?? '—' })),
    n.call ? h('div', { class: 'muted small' }, tf('calls.noteCall', {
      phone: n.call.phoneNumber ?? '', outcome: outcomeText(n.call.outcome),
    })) : null,
    h('p', { class: 'note-body' }, n.body)))), ...history);
}
