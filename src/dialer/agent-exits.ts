import * as exitFlow from '../domain/dialer/agent-exit-flow';
import type { AgentExit, ExitInput, ExitPosition, ExitRejection, ExitState } from '../domain/dialer/agent-exit-flow';
import { DialerError } from '../errors';
import type { AgentSession } from './agent-session';
import type { CampaignRunner } from './campaign-runner';

/**
 * Graceful leave and not-ready (src/domain/dialer/agent-exit-flow.ts decides). In customer-first modes an agent
 * who asks to leave or pause stops counting as supply at once, so the pacer dials nothing more for them, but
 * keeps their line for the customers already in flight; the exit is carried out when none of those is left.
 */
export class AgentExits {
  constructor(private readonly r: CampaignRunner) {}

  /** The agent asks to leave or pause; a refusal is thrown for the API, as before. */
  request(s: AgentSession, exit: AgentExit, force: boolean): void {
    const r = this.r;
    const ivrOnly = r.campaign.dialingMode === 'ivr' && !r.campaign.ivr?.agentTransfer;
    const inFlight = r.pool && !ivrOnly
      ? [...r.calls.values()].filter((c) => c.driver === 'pool' && c.connectedAt === null).map((c) => c.attemptId)
      : [];
    const before = s.exit.kind;
    this.feed(s, { type: 'requested', exit, force, customerFirst: r.pool !== null, position: this.position(s), inFlight });
    const after: ExitState = s.exit;
    if (after.kind === 'pending' && this.r.sessions.get(s.agentId) === s) {
      if (before === 'none') r.log.info('agent exit pending', { agentId: s.agentId, exit: exit.kind, waitingFor: after.waitingFor.length });
      r.changed(s);
    }
  }

  /** The agent pressed ready again while an exit was pending: they stay, and count as supply again. */
  cancel(s: AgentSession): boolean {
    if (s.exit.kind !== 'pending') return false;
    this.feed(s, { type: 'cancel' });
    this.r.changed(s);
    return true;
  }

  /** A customer call reached an agent or ended. */
  settled(attemptId: number): void {
    for (const s of this.pending()) this.feed(s, { type: 'callSettled', attemptId, position: this.position(s) });
  }

  /** Looks at pending exits again (the agent's position changed, or the pacer's periodic look). */
  review(only?: AgentSession): void {
    for (const s of only ? [only] : this.pending()) {
      if (s.exit.kind === 'pending' && this.r.sessions.get(s.agentId) === s) this.feed(s, { type: 'review', position: this.position(s) });
    }
  }

  private pending(): AgentSession[] {
    return [...this.r.sessions.values()].filter((s) => s.exit.kind === 'pending');
  }

  /**
   * Ready with a free line: a customer can come now. A line offered but no longer free was just handed to a
   * customer whose connect is on its way: the exit must not close that line now.
   */
  private position(s: AgentSession): ExitPosition {
    switch (s.kind) {
      case 'ringing':
      case 'talking':
        return 'on_call';
      case 'wrap_up':
        return 'wrap_up';
      case 'ready': {
        if (!this.r.pool) return 'idle';
        const line = s.line?.line;
        if (!line || !s.line?.offered) return 'away';
        return this.r.d.telephony.isLineFree(line.lineId) ? 'idle' : 'connecting';
      }
      default:
        return 'away';
    }
  }

  private feed(s: AgentSession, input: ExitInput): void {
    const effects = exitFlow.decide(s.exit, input);
    s.exit = exitFlow.evolve(s.exit, input);
    for (const e of effects) {
      switch (e.kind) {
        case 'rejected':
          throw refusal(s, input, e.reason);
        case 'endWrapUp':
          this.r.work.wrapUp(s, { type: 'nextCustomer' });
          break;
        case 'exitNow':
          if (input.type !== 'requested') this.r.log.info('agent exit done', { agentId: s.agentId, exit: e.exit.kind });
          if (e.exit.kind === 'leave') this.r.leaveNow(s);
          else this.r.notReadyNow(s, e.exit.reason);
          break;
      }
    }
  }
}

function refusal(s: AgentSession, input: ExitInput, reason: ExitRejection): DialerError {
  const leaving = input.type === 'requested' && input.exit.kind === 'leave';
  if (reason === 'reason_required') return new DialerError('E_TRANSITION_DENIED', 'a not-ready reason is required');
  const message = leaving ? `cannot leave while ${s.kind}` : `setNotReady is not allowed while ${s.kind}`;
  return new DialerError('E_TRANSITION_DENIED', message);
}
