import type { CallOutcome } from '../domain/call-outcome';
import type { Campaign } from '../domain/campaign';
import type { ContactStatus } from '../domain/contact-status';
import type { AgentStateKind } from '../domain/dialer/agent-session-state';
import { dialingModeRules } from '../domain/dialer/dialing-mode-rules';
import type { DialingMode } from '../domain/dialing-mode';
import type { AgentSession } from './agent-session';

/**
 * Everything the agent page shows about the agent's session, in one piece: pushed as `agent.view` after every
 * change and answered by GET /api/agent/state, so a page that lost its socket catches up with one request.
 * Times are ISO-8601; countdowns are deadlines, so the page counts down on its own clock.
 */
export interface AgentView {
  campaign: { id: number; name: string; mode: DialingMode; scriptId: number | null; wrapUpSeconds: number; previewSeconds: number | null } | null;
  state: { kind: AgentStateKind; reason: string | null; since: string };
  /** Predictive and IVR transfers: the agent's own line (none, ringing the phone, up). */
  line: 'none' | 'ringing' | 'up';
  customer: {
    leadId: number;
    attemptId: number;
    name: string;
    phones: string[];
    status: ContactStatus;
    attempts: number;
    callback: boolean;
    callbackAt: string | null;
  } | null;
  call: { phase: 'agent_ringing' | 'dialing' | 'customer_ringing' | 'waiting' | 'connected' | 'ended'; outcome: CallOutcome | null; connectedAt: string | null } | null;
  countdown: { kind: 'preview' | 'wrap_up'; deadline: string } | null;
  awaitingDisposition: boolean;
  atMaxQuota: boolean;
  /** Nothing to call right now (every contact done or not yet due). */
  noCustomer: boolean;
  /**
   * A leave or pause the agent asked for that waits for the customers already dialed for them ("leaving after
   * this call"); null when none is pending. Ready cancels it, a forced leave or not-ready does it at once.
   */
  pendingExit: { kind: 'leave' | 'not_ready'; reason: string | null } | null;
  allowed: { ready: boolean; notReady: boolean; nextCustomer: boolean; callNow: boolean; skip: boolean; chooseNumber: boolean; hangup: boolean; dispose: boolean; leave: boolean };
}

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export function offlineView(): AgentView {
  return {
    campaign: null, state: { kind: 'offline', reason: null, since: new Date(0).toISOString() }, line: 'none', customer: null, call: null,
    countdown: null, awaitingDisposition: false, atMaxQuota: false, noCustomer: false, pendingExit: null,
    allowed: { ready: false, notReady: false, nextCustomer: false, callNow: false, skip: false, chooseNumber: false, hangup: false, dispose: false, leave: false },
  };
}

export function agentView(s: AgentSession, c: Campaign, atMaxQuota: boolean): AgentView {
  const rules = dialingModeRules(c.dialingMode);
  const st = s.state;
  const w = s.work;
  const inCall = st.kind === 'ringing' || st.kind === 'talking';
  const waiting = s.handover.kind === 'waiting_for_agent' || s.handover.kind === 'previewing';
  const countdown = s.deadlines.preview && st.kind === 'previewing'
    ? { kind: 'preview' as const, deadline: s.deadlines.preview.toISOString() }
    : s.deadlines.wrapUp && st.kind === 'wrap_up' ? { kind: 'wrap_up' as const, deadline: s.deadlines.wrapUp.toISOString() } : null;
  const callPhase = w?.call ? w.call.phase : w?.outcome ? 'ended' : null;
  return {
    campaign: { id: c.id, name: c.name, mode: c.dialingMode, scriptId: c.scriptId, wrapUpSeconds: c.wrapUpSeconds, previewSeconds: c.previewSeconds },
    state: { kind: st.kind, reason: st.kind === 'not_ready' ? st.reason : null, since: s.since.toISOString() },
    line: !s.line ? 'none' : s.line.line ? 'up' : 'ringing',
    customer: w ? {
      leadId: w.lead.id, attemptId: w.attempt.id, name: w.lead.name, phones: [...w.lead.phones], status: w.lead.status, attempts: w.lead.attempts,
      callback: w.lead.callbackAt !== null, callbackAt: iso(w.lead.callbackAt),
    } : null,
    call: callPhase ? { phase: callPhase, outcome: w?.outcome ?? null, connectedAt: iso(w?.call?.connectedAt) } : null,
    countdown,
    awaitingDisposition: w?.awaitingDisposition ?? false,
    atMaxQuota,
    noCustomer: s.noCustomerSince !== null,
    pendingExit: pendingExit(s),
    allowed: {
      ready: st.kind === 'not_ready' || st.kind === 'paused' || s.exit.kind === 'pending',
      notReady: st.kind === 'ready' || st.kind === 'wrap_up' || st.kind === 'paused',
      nextCustomer: st.kind === 'wrap_up' || (st.kind === 'ready' && rules.flow === 'agent_first' && !atMaxQuota),
      callNow: waiting && (s.handover.kind === 'waiting_for_agent' || rules.callNowAllowed),
      skip: s.handover.kind === 'waiting_for_agent' && rules.agentMaySkip,
      chooseNumber: s.handover.kind === 'waiting_for_agent' && rules.agentChoosesNumber,
      hangup: inCall && w?.call !== null,
      dispose: w?.awaitingDisposition ?? false,
      // Customer-first modes: a leave in wrap-up waits for its end ("leaving after this call").
      leave: !inCall && (st.kind !== 'wrap_up' || rules.flow !== 'agent_first'),
    },
  };
}

/** The pending leave or pause, as the agent page and the supervisors show it. */
export function pendingExit(s: AgentSession): AgentView['pendingExit'] {
  if (s.exit.kind !== 'pending') return null;
  const e = s.exit.exit;
  return e.kind === 'leave' ? { kind: 'leave', reason: null } : { kind: 'not_ready', reason: e.reason };
}
