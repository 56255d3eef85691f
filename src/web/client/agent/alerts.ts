import { ApiError } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { t } from '../i18n.js';
import type { AgentAlerts, AgentApp, AgentArea, Change } from './app.js';
import type { CallbackReminder } from './types.js';
import { formatInstant, tf } from '../page-format.js';

const TOAST_MS = 6000;
const EVENTS = { customer_blocked: 'agent.event.customer_blocked', agent_unreachable: 'agent.event.agent_unreachable' } as const;

const notificationsSupported = (): boolean => typeof Notification !== 'undefined';

/**
 * Everything that pops up: error and event toasts, callback reminders (an in-page alert that stays until
 * dismissed, and a browser notification when allowed), and the callback ticket shown when a callback call connects.
 */
export class AgentAlertsArea implements AgentAlerts, AgentArea {
  readonly toasts = h('div', { class: 'toasts', id: 'toasts', 'aria-live': 'polite' });
  readonly reminders = h('div', { class: 'reminders', id: 'reminders', 'aria-live': 'assertive' });
  private readonly remindedOf = new Set<number>();
  readonly ticket = h('div', { class: 'ticket', id: 'callback-ticket', role: 'dialog', hidden: true });
  readonly enableButton = h('button', { type: 'button', class: 'link', id: 'enable-notifications', hidden: true });
  private readonly ticketsShown = new Set<number>();

  constructor() {
    this.enableButton.addEventListener('click', () => this.askNotificationPermission());
    this.translate();
    document.addEventListener('languagechange', () => this.translate());
  }

  private translate(): void {
    this.enableButton.textContent = t('agent.notifications.enable');
    this.enableButton.hidden = !notificationsSupported() || Notification.permission !== 'default';
  }

  error(err: unknown): void {
    const detail = err instanceof ApiError ? err.message : '';
    this.toast(detail ? `${t('common.error')}: ${detail}` : t('common.error'), 'error');
  }

  event(name: string): void {
    if (name in EVENTS) this.toast(t(EVENTS[name as keyof typeof EVENTS]), 'info');
  }

  private toast(text: string, kind: 'error' | 'info'): void {
    const el = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
    this.toasts.append(el);
    window.setTimeout(() => el.remove(), TOAST_MS);
  }

  /** Only from a click: browsers ignore (or penalise) permission prompts that no gesture asked for. */
  askNotificationPermission(): void {
    if (!notificationsSupported() || Notification.permission !== 'default') return;
    void Notification.requestPermission().then(() => this.translate());
  }

  /** Each callback once per page: a reminder already shown, or dismissed, is not shown again on a catch-up. */
  reminder(m: CallbackReminder): void {
    if (this.remindedOf.has(m.attemptId)) return;
    this.remindedOf.add(m.attemptId);
    const phone = m.phones[0] ?? '';
    const body = tf('agent.reminder.body', { name: m.name || phone, phone });
    const card = h('div', { class: 'reminder', role: 'alert', 'data-attempt': m.attemptId },
      h('strong', {}, t('agent.reminder.title')),
      h('span', { class: 'reminder-body' }, body),
      m.callbackAt && h('small', {}, formatInstant(m.callbackAt)),
      h('button', { type: 'button', class: 'secondary', onclick: () => card.remove() }, t('agent.reminder.dismiss')));
    this.reminders.append(card);
    if (notificationsSupported() && Notification.permission === 'granted') {
      try {
        new Notification(t('agent.reminder.title'), { body, tag: `callback-${m.attemptId}` });
      } catch {
        /* some platforms only allow notifications from a service worker; the in-page alert stays */
      }
    }
  }

  update(app: AgentApp, changes: ReadonlySet<Change>): void {
    if (!changes.has('view')) return;
    const v = app.view;
    const c = v.customer;
    if (!c || !c.callback || v.call?.phase !== 'connected' || this.ticketsShown.has(c.attemptId)) return;
    this.ticketsShown.add(c.attemptId);
    replaceChildren(this.ticket,
      h('div', { class: 'ticket-head' }, h('strong', {}, t('agent.ticket.title')),
        h('button', { type: 'button', class: 'link', id: 'ticket-close', onclick: () => { this.ticket.hidden = true; } }, t('agent.ticket.close'))),
      h('p', { class: 'ticket-name', id: 'ticket-name' }, c.name || c.phones[0] || '—'),
      h('p', { class: 'phone' }, c.phones.join(', ')),
      c.callbackAt && h('p', {}, h('span', { class: 'k' }, t('agent.ticket.requested')), ' ', formatInstant(c.callbackAt)),
      h('p', {}, h('span', { class: 'k' }, t('agent.field.attempts')), ' ', String(c.attempts)));
    this.ticket.hidden = false;
  }
}
