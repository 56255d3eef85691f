import type { Logger } from 'winston';
import type { CallRecord } from '../../domain/call-record';
import {
  clickToCallRefusal, endOf, phaseAfter, REFUSAL_MESSAGES, type ClickToCallEnd, type ClickToCallPhase,
} from '../../domain/calls/click-to-call-state';
import type { Clock } from '../../domain/clock';
import type { AgentStateKind } from '../../domain/dialer/agent-session-state';
import { CLICK_TO_CALL_FLOW, clickToCallFlow } from '../../domain/flows/click-to-call-flow';
import type { CallerId } from '../../domain/flows/flow-types';
import type { UserId } from '../../domain/roles';
import { DialerError } from '../../errors';
import type { AgentDirectory, BlockList, Notifier } from '../dialer-ports';
import type { CallHandle, CallNotice, DialerTelephony } from '../dialer-telephony';

/** What the agent's pop-up shows of their click-to-call (GET /api/calls/current, pushed as `call.view`). */
export interface ClickToCallView {
  state: ClickToCallPhase;
  contactId: number | null;
  contactName: string | null;
  /** The number called, E.164 when it could be read. */
  number: string;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  end: ClickToCallEnd | null;
  /** Set once the call record is stored: the call may then be closed with its note. */
  callRecordId: number | null;
  /** inbound: a caller the agent took (src/dialer/inbound/); absent: the agent's click-to-call. */
  direction?: 'inbound';
}

interface OpenCall {
  agentId: UserId;
  contactId: number | null;
  contactName: string | null;
  number: string;
  handle: CallHandle;
  phase: ClickToCallPhase;
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  end: ClickToCallEnd | null;
  agentUnreachable?: 'busy' | 'no_answer' | 'failed';
  callRecordId: number | null;
}

export interface ClickToCallRequest {
  agentId: UserId;
  /** users.lead_receiving (the agent's ON/OFF switch). */
  receiving: boolean;
  contactId: number | null;
  contactName: string | null;
  /** E.164 when it could be read: checked against DNC and the blacklist. */
  number: string;
  /** What goes into the dial string (the national form when the trunk wants it). */
  dial: string;
}

export interface ClickToCallDeskDeps {
  telephony: DialerTelephony;
  blocks: BlockList;
  agents: AgentDirectory;
  notifier: Notifier;
  clock: Clock;
  log: Logger;
  settings: { ringTimeoutSeconds: number; agentRingTimeoutSeconds: number; callerId?: CallerId };
  /** The agent's campaign state (null: not joined), whether their phone is held as a campaign line, whether a pause ends in ready. */
  campaignOf(agentId: UserId): { state: AgentStateKind; hasLine: boolean; resumesReady: boolean } | null;
}

/**
 * The agents' click-to-calls: at most one open per agent, from the POST until the agent saves and closes it.
 * Each is a click-to-call flow run by the one flow runner; its notices come here by flow name, its call
 * record is stored by the engine like every other, and the state is pushed to the agent as `call.view`.
 */
export class ClickToCallDesk {
  private readonly open = new Map<UserId, OpenCall>();
  private readonly byFlow = new Map<string, OpenCall>();

  constructor(private readonly d: ClickToCallDeskDeps) {}

  /** A live (not yet ended) click-to-call: the agent must not be handed a campaign customer. */
  isLive(agentId: UserId): boolean {
    const c = this.open.get(agentId);
    return !!c && c.phase !== 'ended';
  }

  start(r: ClickToCallRequest): ClickToCallView {
    const agent = this.d.agents.get(r.agentId);
    const campaign = this.d.campaignOf(r.agentId);
    const refusal = clickToCallRefusal({
      receiving: r.receiving, extension: agent?.extension ?? null, campaignState: campaign?.state ?? null,
      hasLine: campaign?.hasLine ?? false, resumesReady: campaign?.resumesReady ?? false, openCall: this.open.has(r.agentId),
    });
    if (refusal) throw new DialerError('E_CONFLICT', `cannot call now (${refusal}): ${REFUSAL_MESSAGES[refusal]}`);
    const list = this.d.blocks.check(r.number);
    if (list) throw new DialerError('E_CONTACT_DNC', `the number is on the ${list === 'dnc' ? 'do-not-call list' : 'blacklist'}: not dialled`, 'phone');
    if (this.d.telephony.status !== 'ready') throw new DialerError('E_TELEPHONY_UNAVAILABLE', `telephony is ${this.d.telephony.status}: try again shortly`);
    const s = this.d.settings;
    const flow = clickToCallFlow({
      number: r.dial, callerId: s.callerId, extension: agent!.extension!, agentRingTimeoutSeconds: s.agentRingTimeoutSeconds, ringTimeoutSeconds: s.ringTimeoutSeconds,
    });
    const handle = this.d.telephony.start(flow, {
      ref: `c2c-${r.agentId}`, agentId: r.agentId, contactId: r.contactId ?? undefined, phoneNumber: r.number,
    });
    const call: OpenCall = {
      agentId: r.agentId, contactId: r.contactId, contactName: r.contactName, number: r.number, handle, phase: 'ringing_agent',
      startedAt: this.d.clock.now(), answeredAt: null, endedAt: null, end: null, callRecordId: null,
    };
    this.open.set(r.agentId, call);
    this.byFlow.set(handle.id, call);
    this.d.log.info('click-to-call started', { agentId: r.agentId, contactId: r.contactId, flowId: handle.id, number: `…${r.number.slice(-4)}` });
    void handle.finished.then((record) => this.finished(call, record), (err: unknown) => this.d.log.error('click-to-call failed', { err }));
    this.push(call);
    return viewOf(call);
  }

  current(agentId: UserId): ClickToCallView | null {
    const c = this.open.get(agentId);
    return c ? viewOf(c) : null;
  }

  hangup(agentId: UserId): ClickToCallView {
    const c = this.mine(agentId);
    if (c.phase !== 'ended') c.handle.input({ kind: 'cancel', by: 'agent' });
    return viewOf(c);
  }

  /** Takes the ended call off the agent (the caller stores the note first); 409 while it still goes on. */
  close(agentId: UserId): { contactId: number | null; callRecordId: number } {
    const c = this.mine(agentId);
    if (c.phase !== 'ended' || c.callRecordId === null) throw new DialerError('E_CONFLICT', 'the call is still going on: end it first');
    return { contactId: c.contactId, callRecordId: c.callRecordId };
  }

  /** After the note is stored: the pop-up closes. */
  closed(agentId: UserId): void {
    const c = this.open.get(agentId);
    if (!c) return;
    this.open.delete(agentId);
    this.byFlow.delete(c.handle.id);
    this.d.notifier.toUser(agentId, { type: 'call.view', key: 'call.view', call: null });
  }

  isOurs(n: CallNotice): boolean { return n.flow === CLICK_TO_CALL_FLOW; }

  onNotice(n: CallNotice): void {
    const c = this.byFlow.get(n.flowId);
    if (!c) return;
    if (n.notice.kind === 'agentUnreachable') c.agentUnreachable = n.notice.reason;
    if (n.notice.kind === 'customerAnswered') c.answeredAt = n.at;
    const next = phaseAfter(c.phase, n.notice);
    if (next === c.phase) return;
    c.phase = next;
    this.push(c);
  }

  /** The engine stored a click-to-call's record under this id (an agent has one click-to-call at a time). */
  recorded(record: CallRecord, id: number): void {
    if (record.flow !== CLICK_TO_CALL_FLOW || record.agentId === null) return;
    const c = this.open.get(record.agentId);
    if (c && c.callRecordId === null) c.callRecordId = id;
  }

  private finished(c: OpenCall, record: CallRecord): void {
    c.phase = 'ended';
    c.endedAt = record.endAt;
    c.end = endOf(record.outcome, record.endReason, c.agentUnreachable);
    this.d.log.info('click-to-call ended', { agentId: c.agentId, outcome: record.outcome, endReason: record.endReason });
    this.push(c);
  }

  private mine(agentId: UserId): OpenCall {
    const c = this.open.get(agentId);
    if (!c) throw new DialerError('E_NOT_FOUND', 'no call open');
    return c;
  }

  private push(c: OpenCall): void {
    this.d.notifier.toUser(c.agentId, { type: 'call.view', key: 'call.view', call: viewOf(c) });
  }
}

function viewOf(c: OpenCall): ClickToCallView {
  return {
    state: c.phase, contactId: c.contactId, contactName: c.contactName, number: c.number, startedAt: c.startedAt.toISOString(),
    answeredAt: c.answeredAt?.toISOString() ?? null, endedAt: c.endedAt?.toISOString() ?? null, end: c.end, callRecordId: c.callRecordId,
  };
}
