import { api, ApiError } from '../api.js';
import type { ClickToCall } from '../api-types.js';
import { h, replaceChildren } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';
import { LiveSocket, type LiveMessage } from '../live-socket.js';
import { formatDuration } from '../page-format.js';
import { Ticker } from '../ticker.js';

const REFUSALS = ['off', 'no_extension', 'campaign_call', 'wrap_up', 'campaign_ready', 'line_open', 'call_open'];

/** The server's refusal in the page's language when it is one the pop-up knows (the reason code is in the message), else its message. */
function refusalText(err: unknown): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  if (err.code === 'E_CONTACT_DNC') return t('calls.refused.dnc');
  const reason = /^cannot call now \((\w+)\)/.exec(err.message)?.[1];
  if (reason && REFUSALS.includes(reason)) return t(`calls.refused.${reason}` as MessageKey);
  if (err.message.startsWith('outside calling hours')) return `${t('calls.refused.hours')} (${err.message})`;
  return err.message;
}

/** What a Call button or the "Call a number" box asks for. */
export interface CallRequest {
  contactId?: number;
  phone: string;
}

/**
 * The click-to-call pop-up: the contact (or the number typed in), the state (ringing, talking, ended), a running
 * timer (from the answer while talking, else from the start), End, a note and Save and close. It follows the
 * call on the WebSocket (`call.view`) and reads GET /api/calls/current after a (re)connect; everything the
 * server sends is inserted as text.
 */
export class CallPopup {
  readonly root = h('section', { class: 'call-popup', id: 'call-popup', role: 'dialog', 'aria-labelledby': 'call-popup-title', hidden: true });
  private call: ClickToCall | null = null;
  private readonly title = h('h2', { id: 'call-popup-title' });
  private readonly number = h('p', { class: 'call-number' });
  private readonly state = h('p', { class: 'c2c-state', id: 'c2c-state', role: 'status' });
  private readonly timer = h('span', { class: 'c2c-timer', id: 'c2c-timer' }, '0:00');
  private readonly endButton = h('button', { type: 'button', class: 'danger', id: 'call-end' }, t('calls.end'));
  private readonly note = h('textarea', { id: 'call-note', name: 'note', rows: 4, maxlength: 5000, placeholder: t('calls.notePlaceholder') });
  private readonly save = h('button', { type: 'button', id: 'call-save' }, t('calls.saveClose'));
  private readonly error = h('p', { class: 'error', role: 'alert', id: 'call-error' });
  private socket: LiveSocket | null = null;

  constructor(private readonly ticker = new Ticker(), private readonly onClosed: (contactId: number | null) => void = () => undefined) {
    this.endButton.addEventListener('click', () => { void this.run(async () => this.show(await api<ClickToCall>('POST', '/api/calls/current/hangup'))); });
    this.save.addEventListener('click', () => { void this.saveAndClose(); });
    document.addEventListener('languagechange', () => this.render());
    this.ticker.subscribe((now) => this.tick(now));
  }

  /** Follows the agent's calls: call once the page is up (an open call comes back after a reload). */
  async start(): Promise<void> {
    this.socket ??= new LiveSocket((m) => this.onMessage(m), () => undefined, () => { void this.refresh(); });
    this.socket.open();
    await this.refresh();
  }

  async refresh(): Promise<void> {
    const { call } = await api<{ call: ClickToCall | null }>('GET', '/api/calls/current');
    this.show(call);
  }

  /** Places a call; a refusal (OFF, on a campaign call, DNC, …) is shown in the pop-up with the server's reason. */
  async place(req: CallRequest, label: string | null): Promise<void> {
    this.open(label ?? req.phone, req.phone);
    await this.run(async () => this.show(await api<ClickToCall>('POST', '/api/calls', req)));
  }

  private onMessage(m: LiveMessage): void {
    if (m.type === 'call.view') this.show((m.call ?? null) as ClickToCall | null);
  }

  private open(title: string, number: string): void {
    this.call = null;
    this.note.value = '';
    this.error.textContent = '';
    this.title.textContent = title;
    this.number.textContent = number;
    this.render();
    this.root.hidden = false;
  }

  private show(call: ClickToCall | null): void {
    if (!call) {
      if (this.call !== null) this.close();
      return;
    }
    this.call = call;
    if (this.root.hidden) { this.note.value = ''; this.error.textContent = ''; }
    this.title.textContent = call.contactName ?? t('calls.typedNumber');
    this.number.textContent = call.number;
    this.render();
    this.root.hidden = false;
  }

  private close(): void {
    const contactId = this.call?.contactId ?? null;
    this.root.hidden = true;
    this.call = null;
    this.onClosed(contactId);
  }

  private render(): void {
    const c = this.call;
    const ended = c?.state === 'ended';
    const stateText = c ? t(`calls.state.${c.state}` as MessageKey) : t('calls.state.ringing_agent');
    // An inbound call (a caller the agent took from the queue) says so before its state.
    const inbound = c?.direction === 'inbound' ? h('strong', { class: 'c2c-inbound' }, t('calls.inbound'), ' — ') : null;
    replaceChildren(this.state, inbound, stateText, ended && c.end ? h('span', { class: 'muted' }, ' — ', t(`calls.end.${c.end}` as MessageKey)) : null);
    this.root.dataset.state = c?.state ?? 'placing';
    this.endButton.textContent = t('calls.end');
    this.endButton.disabled = !c || ended;
    this.save.textContent = t('calls.saveClose');
    this.save.disabled = !c;
    this.note.placeholder = t('calls.notePlaceholder');
  }

  private tick(now: number): void {
    const c = this.call;
    if (!c) { this.timer.textContent = '0:00'; return; }
    const from = Date.parse(c.answeredAt ?? c.startedAt);
    const to = c.endedAt ? Date.parse(c.endedAt) : now;
    this.timer.textContent = formatDuration(c.state === 'talking' || c.answeredAt ? to - from : 0);
  }

  private async saveAndClose(): Promise<void> {
    if (!this.call) { this.close(); return; }
    if (this.call.state !== 'ended') { this.error.textContent = t('calls.endFirst'); return; }
    await this.run(async () => {
      await api('POST', '/api/calls/current/close', { note: this.note.value });
      this.close();
    });
  }

  private async run(fn: () => Promise<void>): Promise<void> {
    this.error.textContent = '';
    try {
      await fn();
    } catch (err) {
      this.error.textContent = refusalText(err);
      if (!this.call) this.state.textContent = '';
      // A refused call leaves nothing open: the pop-up can be closed with Save and close.
      this.save.disabled = false;
    }
  }

  /** The pop-up's markup, built once. */
  mount(): HTMLElement {
    replaceChildren(this.root,
      h('header', {}, this.title, this.number),
      h('div', { class: 'call-line' }, this.state, h('span', { class: 'grow' }), h('span', { class: 'muted', 'data-i18n': 'calls.timer' }, t('calls.timer')), ' ', this.timer),
      h('label', { for: 'call-note', 'data-i18n': 'calls.note' }, t('calls.note')),
      this.note,
      this.error,
      h('div', { class: 'actions' }, this.endButton, this.save));
    return this.root;
  }
}
