import { h } from '../dom.js';
import { t } from '../i18n.js';
import type { AgentApp, AgentArea, Change } from './app.js';
import { agentLabels } from './labels.js';
import type { Disposition } from './types.js';

const CALL_DISPOSITIONS: readonly Disposition[] = ['closed_deal', 'interested', 'not_interested', 'callback', 'do_not_call_again'];
const HOUR = 3600_000;

/** `datetime-local` wants local wall-clock text (YYYY-MM-DDTHH:MM). */
function localInputValue(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * The disposition buttons of the call just ended: closed deal, interested, not interested, callback (with a
 * date-time picker), do not call again; and skip in manual mode (the customer in hand, before any call).
 */
export class AgentDispositions implements AgentArea {
  readonly root: HTMLElement;
  private readonly buttons = new Map<Disposition, HTMLButtonElement>();
  private readonly picker = h('input', { type: 'datetime-local', id: 'callback-at' });
  private readonly pickerLabel = h('span');
  private readonly setCallback = h('button', { type: 'button', id: 'btn-set-callback', class: 'ok' });
  private readonly pickerBox = h('div', { class: 'callback-picker', id: 'callback-picker', hidden: true },
    h('label', {}, this.pickerLabel, this.picker), this.setCallback);
  private readonly title = h('span', { class: 'dispo-title' });

  constructor(private readonly app: AgentApp) {
    for (const d of [...CALL_DISPOSITIONS, 'skip' as const]) {
      this.buttons.set(d, h('button', { type: 'button', id: `dispo-${d}`, class: `dispo dispo-${d}`, onclick: () => this.choose(d) }));
    }
    this.setCallback.addEventListener('click', () => this.confirmCallback());
    this.root = h('section', { class: 'dispositions', id: 'dispositions', hidden: true },
      this.title, ...this.buttons.values(), this.pickerBox);
    this.translate();
    document.addEventListener('languagechange', () => this.translate());
  }

  private translate(): void {
    this.title.textContent = t('agent.dispositions');
    for (const [d, b] of this.buttons) b.textContent = agentLabels.disposition(d);
    this.pickerLabel.textContent = t('agent.callbackAt');
    this.setCallback.textContent = t('agent.setCallback');
  }

  private choose(d: Disposition): void {
    if (d === 'skip') {
      void this.app.act('skip');
      return;
    }
    if (d === 'callback') {
      this.pickerBox.hidden = !this.pickerBox.hidden;
      if (!this.pickerBox.hidden) {
        const now = new Date();
        this.picker.min = localInputValue(now);
        if (!this.picker.value) this.picker.value = localInputValue(new Date(Math.ceil((now.getTime() + HOUR) / (15 * 60_000)) * 15 * 60_000));
        this.picker.focus();
      }
      return;
    }
    void this.app.dispose(d);
  }

  private confirmCallback(): void {
    const at = new Date(this.picker.value);
    if (!this.picker.value || Number.isNaN(at.getTime())) {
      this.picker.focus();
      return;
    }
    void this.app.dispose('callback', at.toISOString()).then((ok) => {
      if (!ok) return;
      this.pickerBox.hidden = true;
      this.picker.value = '';
    });
  }

  update(app: AgentApp, changes: ReadonlySet<Change>): void {
    if (!changes.has('view')) return;
    const v = app.view;
    const manual = v.campaign?.mode === 'manual';
    this.root.hidden = !v.customer || (!v.allowed.dispose && !(manual && v.allowed.skip));
    for (const d of CALL_DISPOSITIONS) this.buttons.get(d)!.disabled = !v.allowed.dispose;
    const skip = this.buttons.get('skip')!;
    skip.hidden = !manual;
    skip.disabled = !v.allowed.skip;
    if (!v.allowed.dispose) this.pickerBox.hidden = true;
  }
}
