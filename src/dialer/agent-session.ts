import type { Logger } from 'winston';
import type { CallOutcome } from '../domain/call-outcome';
import type { Clock } from '../domain/clock';
import { applyAgentEvent } from '../domain/dialer/apply-agent-event';
import type { AgentEvent, AgentRejection, AgentState } from '../domain/dialer/agent-session-state';
import { initialExit, type ExitState } from '../domain/dialer/agent-exit-flow';
import { initialHandover, type HandoverState } from '../domain/dialer/customer-handover-flow';
import type { DialAttempt } from '../domain/dialer/dial-attempt';
import type { Lead } from '../domain/dialer/lead';
import { initialWrapUp, type WrapUpState } from '../domain/dialer/wrap-up-flow';
import type { AgentLine } from '../domain/flows/flow-types';
import type { UserId } from '../domain/roles';
import type { AgentSessionStore, Timers } from './dialer-ports';
import type { CallHandle } from './dialer-telephony';

/** A call the engine placed and follows until its flow ends. */
export interface ActiveCall {
  attemptId: number;
  /** Who follows the call: the agent-first path or the pool dialer (customer first). */
  driver: 'agent_first' | 'pool';
  lead: Lead;
  handle: CallHandle;
  agentId: UserId | null;
  phase: 'agent_ringing' | 'dialing' | 'customer_ringing' | 'waiting' | 'connected';
  dialedAt: Date;
  answeredAt: Date | null;
  connectedAt: Date | null;
}

/** The customer an agent holds: handed over, maybe called, maybe waiting for a disposition. */
export interface Work {
  lead: Lead;
  attempt: DialAttempt;
  call: ActiveCall | null;
  /** The call ended answered and the contact waits for the agent's disposition. */
  awaitingDisposition: boolean;
  outcome: CallOutcome | null;
}

/** The agent's own phone line (predictive and IVR transfers): rung once, parked in its bridge between calls. */
export interface LineState {
  handle: CallHandle;
  line: AgentLine | null;
  offered: boolean;
}

export interface SessionDeps {
  store: AgentSessionStore;
  clock: Clock;
  timers: Timers;
  log: Logger;
  changed(s: AgentSession): void;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * One agent inside one campaign: the domain state machine's current state, persisted with every visible
 * change, the hand-over and wrap-up deciders' states, the customer in hand, and the session's timers.
 */
export class AgentSession {
  state: AgentState;
  since: Date;
  handover: HandoverState = initialHandover;
  wrapUp: WrapUpState = initialWrapUp;
  /** A leave or pause the agent asked for that waits for customers already dialed for them (customer-first modes). */
  exit: ExitState = initialExit;
  work: Work | null = null;
  line: LineState | null = null;
  /** Predictive: the agent asked to be ready; it happens once the line is up. */
  wantsReady = false;
  /** The last time the agent was found with nothing to call (list exhausted for now). */
  noCustomerSince: Date | null = null;
  readonly deadlines: { preview: Date | null; wrapUp: Date | null } = { preview: null, wrapUp: null };
  private readonly timers = new Map<string, unknown>();

  constructor(
    readonly agentId: UserId,
    readonly campaignId: number,
    readonly joinedAt: Date,
    initial: { state: AgentState; since: Date },
    private readonly d: SessionDeps,
  ) {
    this.state = initial.state;
    this.since = initial.since;
  }

  /** Applies one event through the state machine; a refused event changes nothing and comes back. */
  apply(event: AgentEvent): { ok: true } | { ok: false; rejection: AgentRejection } {
    const now = this.d.clock.now();
    const t = applyAgentEvent(this.agentId, this.state, event, now);
    if (!t.ok) {
      this.d.log.debug('agent event refused', { agentId: this.agentId, event: event.type, state: this.state.kind });
      return t;
    }
    this.state = t.state;
    if (t.record) this.since = now;
    this.d.store.record(this.campaignId, t.record, { agentId: this.agentId, joinedAt: this.joinedAt, state: this.state, since: this.since });
    if (t.record) this.d.log.info('agent state', { agentId: this.agentId, campaignId: this.campaignId, state: t.record.to, reason: t.record.reason });
    this.d.changed(this);
    return { ok: true };
  }

  get kind(): AgentState['kind'] { return this.state.kind; }

  /** Arms a named timer (replacing one of the same name); long waits are re-armed in steps. */
  startTimer(name: string, ms: number, fn: () => void): void {
    this.cancelTimer(name);
    const due = this.d.clock.now().getTime() + ms;
    const arm = (): void => {
      const left = due - this.d.clock.now().getTime();
      this.timers.set(name, this.d.timers.setTimeout(() => {
        this.timers.delete(name);
        if (due - this.d.clock.now().getTime() > 0) arm();
        else fn();
      }, Math.min(Math.max(left, 0), MAX_TIMER_MS)));
    };
    arm();
  }

  cancelTimer(name: string): void {
    if (!this.timers.has(name)) return;
    this.d.timers.clearTimeout(this.timers.get(name));
    this.timers.delete(name);
  }

  clearTimers(): void {
    for (const name of [...this.timers.keys()]) this.cancelTimer(name);
  }
}
