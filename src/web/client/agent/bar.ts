import { api } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { t } from '../i18n.js';
import type { AgentApp, AgentArea, Change } from './app.js';
import { agentLabels } from './labels.js';
import type { AgentView } from './types.js';
import { formatCountdown, formatDuration } from '../page-format.js';
import type { Ticker } from '../ticker.js';

/** The active pause codes the admins defined: the only reasons the server accepts for not ready. */
interface PauseCodeChoice { code: string; label: string }

/**
 * The agent's controls: campaign and state (with time in state), ready / not ready with a reason, leave;
 * then the call strip: what the call is doing, the preview or wrap-up countdown (from the server's
 * deadline), the call timer, and the call actions the engine allows right now (skip is with the dispositions).
 */
export class AgentBar implements AgentArea {
  readonly root: HTMLElement;
  private readonly campaign = h('strong', { id: 'bar-campaign' });
  private readonly mode = h('span', { class: 'tag', id: 'bar-mode' });
  private readonly stateText = h('span', { id: 'agent-state' });
  private readonly reasonText = h('span', { class: 'reason', id: 'agent-reason' });
  private readonly stateClock = h('span', { class: 'clock', id: 'state-clock' });
  private readonly badge = h('div', { class: 'state-badge' }, this.stateText, this.reasonText, this.stateClock);
  private readonly reasonSelect = h('select', { id: 'not-ready-reason', 'aria-label': 'reason' });
  private pauseCodes: PauseCodeChoice[] = [];
  private readonly status = h('div', { class: 'call-status', id: 'call-status', role: 'status' });
  /** "Leaving (pausing) after this call": the customers already dialed for the agent come first. */
  private readonly pendingExit = h('div', { class: 'pending-exit', id: 'pending-exit', role: 'status', hidden: true });
  private readonly countdownLabel = h('span');
  private readonly countdownValue = h('b', { id: 'countdown-value' });
  private readonly countdown = h('div', { class: 'countdown', id: 'countdown', hidden: true }, this.countdownLabel, ' ', this.countdownValue);
  private readonly timerValue = h('b', { id: 'call-timer-value' });
  private readonly timerLabel = h('span');
  private readonly timer = h('div', { class: 'call-timer', id: 'call-timer', hidden: true }, this.timerLabel, ' ', this.timerValue);
  private readonly buttons: Record<string, HTMLButtonElement>;
  private view: AgentView | null = null;

  constructor(private readonly app: AgentApp, ticker: Ticker) {
    const b = (id: string, cls: string, onclick: () => void) => h('button', { type: 'button', id, class: cls, onclick: () => onclick() });
    this.buttons = {
      ready: b('btn-ready', 'ok', () => { app.alerts.askNotificationPermission(); void app.act('ready'); }),
      notReady: b('btn-not-ready', 'secondary', () => this.notReady()),
      // While a leave waits for customers in flight, pressing it again leaves at once.
      leave: b('btn-leave', 'link', () => { void app.act('leave', this.view?.pendingExit?.kind === 'leave' ? { force: true } : undefined); }),
      getCustomer: b('btn-get-customer', '', () => { void app.act('next-customer'); }),
      callNow: b('btn-call-now', 'ok', () => this.callNow()),
      hangup: b('btn-hangup', 'danger', () => { void app.act('hangup'); }),
      nextCustomer: b('btn-next-customer', '', () => { void app.act('next-customer'); }),
    };
    api<PauseCodeChoice[]>('GET', '/api/pause-codes')
      .then((codes) => { this.pauseCodes = codes; this.translate(); if (this.view) this.render(this.view); })
      .catch((err: unknown) => app.alerts.error(err));
    const bt = this.buttons;
    this.root = h('section', { class: 'agent-bar', id: 'agent-bar', hidden: true },
      h('div', { class: 'bar-row' },
        h('div', { class: 'bar-campaign' }, this.campaign, ' ', this.mode), this.badge, h('span', { class: 'grow' }),
        bt.ready!, h('div', { class: 'not-ready-group' }, this.reasonSelect, bt.notReady!), bt.leave!),
      this.pendingExit,
      h('div', { class: 'call-strip' },
        this.status, this.countdown, this.timer, h('span', { class: 'grow' }),
        bt.getCustomer!, bt.callNow!, bt.hangup!, bt.nextCustomer!));
    this.translate();
    document.addEventListener('languagechange', () => { this.translate(); if (this.view) this.render(this.view); });
    ticker.subscribe((now) => this.tick(now));
  }

  private translate(): void {
    const labels: Record<string, string> = {
      ready: t('agent.ready'), notReady: t('agent.notReady'), leave: t('agent.leave'), getCustomer: t('agent.getCustomer'),
      hangup: t('agent.hangup'), nextCustomer: t('agent.nextCustomer'),
    };
    for (const [k, text] of Object.entries(labels)) this.buttons[k]!.textContent = text;
    const chosen = this.reasonSelect.value;
    replaceChildren(this.reasonSelect, ...this.pauseCodes.map((c) => h('option', { value: c.code }, this.reasonLabel(c.code))));
    if (chosen && this.pauseCodes.some((c) => c.code === chosen)) this.reasonSelect.value = chosen;
    this.reasonSelect.setAttribute('aria-label', t('agent.reason'));
    this.timerLabel.textContent = t('agent.callTimer');
  }

  /** The page's own words for the built-in reasons (break, lunch…, in both languages), else the admin's label. */
  private reasonLabel(code: string): string {
    const own = agentLabels.reason(code);
    return own !== code ? own : this.pauseCodes.find((c) => c.code === code)?.label ?? code;
  }

  private notReady(): void {
    const reason = this.reasonSelect.value;
    if (!reason) {
      this.reasonSelect.focus();
      return;
    }
    // While a pause waits for customers in flight, pressing it again pauses at once.
    void this.app.act('not-ready', this.view?.pendingExit?.kind === 'not_ready' ? { reason, force: true } : { reason });
  }

  private callNow(): void {
    const v = this.app.view;
    void this.app.act('call-now', v.allowed.chooseNumber ? { phoneIndex: this.app.phoneIndex } : undefined);
  }

  update(app: AgentApp, changes: ReadonlySet<Change>): void {
    if (changes.has('view') || changes.has('campaign')) this.render(app.view);
  }

  private render(v: AgentView): void {
    this.view = v;
    this.root.hidden = v.campaign === null;
    if (!v.campaign) return;
    this.campaign.textContent = v.campaign.name;
    this.mode.textContent = agentLabels.mode(v.campaign.mode);
    this.badge.className = `state-badge state-${v.state.kind}`;
    this.stateText.textContent = agentLabels.state(v.state.kind);
    this.reasonText.textContent = v.state.reason ? this.reasonLabel(v.state.reason) : '';
    const a = v.allowed;
    const bt = this.buttons;
    const show = (name: string, visible: boolean) => { bt[name]!.hidden = !visible; };
    show('ready', a.ready);
    bt.notReady!.parentElement!.hidden = !a.notReady;
    show('leave', a.leave);
    const pending = v.pendingExit;
    bt.ready!.textContent = pending ? t('agent.stay') : t('agent.ready');
    bt.leave!.textContent = pending?.kind === 'leave' ? t('agent.leaveNow') : t('agent.leave');
    bt.notReady!.textContent = pending?.kind === 'not_ready' ? t('agent.pauseNow') : t('agent.notReady');
    this.pendingExit.hidden = pending === null;
    this.pendingExit.textContent = pending ? t(`agent.pendingExit.${pending.kind}`) : '';
    show('getCustomer', a.nextCustomer && v.state.kind === 'ready');
    show('nextCustomer', a.nextCustomer && v.state.kind === 'wrap_up');
    show('callNow', a.callNow);
    bt.callNow!.textContent = a.chooseNumber ? t('agent.call') : t('agent.callNow');
    show('hangup', a.hangup);
    this.status.textContent = statusText(v);
    this.countdown.hidden = v.countdown === null;
    this.countdown.className = `countdown countdown-${v.countdown?.kind ?? 'none'}`;
    if (v.countdown) this.countdownLabel.textContent = t(`agent.countdown.${v.countdown.kind}`);
    this.timer.hidden = !v.call?.connectedAt;
    this.tick(Date.now());
  }

  private tick(now: number): void {
    const v = this.view;
    if (!v?.campaign) return;
    this.stateClock.textContent = formatDuration(now - Date.parse(v.state.since));
    if (v.countdown) this.countdownValue.textContent = formatCountdown(Date.parse(v.countdown.deadline) - now);
    if (v.call?.connectedAt) this.timerValue.textContent = formatDuration(now - Date.parse(v.call.connectedAt));
  }
}

function statusText(v: AgentView): string {
  if (v.call) {
    const outcome = v.call.phase === 'ended' && v.call.outcome ? ` — ${agentLabels.outcome(v.call.outcome)}` : '';
    return agentLabels.phase(v.call.phase) + outcome;
  }
  if (v.line === 'ringing') return t('agent.line.ringing');
  if (v.state.kind === 'paused') return t('agent.pausedCampaign');
  if (v.atMaxQuota) return t('agent.atMaxQuota');
  if (v.state.kind === 'ready') {
    if (v.noCustomer) return t('agent.noCustomer');
    return v.allowed.nextCustomer ? t('agent.hint.getCustomer') : t('agent.waitingCustomer');
  }
  if (v.state.kind === 'not_ready') return t('agent.hint.notReady');
  return '';
}
