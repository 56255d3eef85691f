import { api } from '../api.js';
import type { CustomerHistory } from '../api-types.js';
import { h, replaceChildren, type Child } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';
import { showError } from '../admin/error.js';
import { coded, when } from './customer-table.js';

type Attempt = CustomerHistory['attempts'][number];
type Call = CustomerHistory['calls'][number];

const pair = (key: MessageKey, value: Child) => [h('dt', {}, t(key)), h('dd', {}, value)];

function recording(c: Call): Child {
  if (!c.hasRecording) return '—';
  const src = `/api/reports/calls/${c.id}/recording`;
  return h('span', { class: 'recording' }, h('audio', { controls: true, preload: 'none', src, 'data-call': c.id }), ' ',
    h('a', { href: `${src}?download=1`, 'data-download': c.id }, t('calls.download')));
}

function attemptView(a: Attempt, n: number, calls: Call[]): HTMLElement {
  const answers = a.answers.length === 0 ? '—' : h('ul', { class: 'answers' }, ...a.answers.map((x) =>
    h('li', {}, h('span', { class: 'question' }, x.question ?? t('cust.h.deletedQuestion')), ': ', h('span', { class: 'value' }, x.value))));
  const recordings = calls.filter((c) => c.hasRecording);
  return h('section', { class: 'attempt', 'data-attempt': a.id },
    h('h3', {}, `${t('cust.attempt')} ${n}`),
    h('dl', {},
      ...pair('cust.h.claimed', when(a.claimedAt)), ...pair('cust.h.dialled', when(a.dialingAt)), ...pair('cust.h.answered', when(a.answeredAt)),
      ...pair('cust.h.ended', when(a.endedAt)), ...pair('cust.h.number', a.phoneNumber ?? '—'), ...pair('cust.h.agent', a.agentName ?? '—'),
      ...pair('cust.h.outcome', coded('agent.outcome', a.outcome)), ...pair('cust.h.disposition', coded('agent.disposition', a.disposition)),
      ...pair('cust.h.callback', when(a.callbackAt)), ...pair('cust.h.answers', answers),
      ...(recordings.length ? pair('cust.h.recording', h('span', {}, ...recordings.map(recording))) : [])));
}

/** One contact's every attempt and call in the campaign, in a modal; the server's refusal is shown inside it. */
export function openHistory(entryId: number, name: string): HTMLDialogElement {
  const body = h('div', { class: 'dialog-body', id: 'cust-history-body' }, h('p', { class: 'muted' }, '…'));
  const close = h('button', { type: 'button', class: 'secondary', id: 'cust-history-close' }, t('cust.close'));
  const dialog = h('dialog', { class: 'modal wide', id: 'cust-history' },
    h('div', { class: 'dialog-form' }, h('header', {}, h('h2', {}, t('cust.history')), h('p', { class: 'subject' }, name)), body, h('footer', {}, close)));
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  api<CustomerHistory>('GET', `/api/reports/customers/${entryId}/history`)
    .then((hist) => {
      if (hist.attempts.length === 0) { replaceChildren(body, h('p', { class: 'empty' }, t('cust.noAttempts'))); return; }
      replaceChildren(body, ...hist.attempts.map((a, i) => attemptView(a, i + 1, hist.calls.filter((c) => c.attemptId === a.id))));
    })
    .catch((err: unknown) => {
      const box = h('p', { class: 'error', role: 'alert' });
      replaceChildren(body, box);
      showError(box, err);
    });
  return dialog;
}
