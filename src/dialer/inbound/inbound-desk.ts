import type { Logger } from 'winston';
import type { Clock } from '../../domain/clock';
import { chooseInboundAgent, type InboundChoice } from '../../domain/inbound/choose-inbound-agent';
import { INBOUND_FLOW } from '../../domain/flows/inbound-flow';
import type { CallRecord } from '../../domain/call-record';
import type { UserId } from '../../domain/roles';
import type { Notifier } from '../dialer-ports';
import type { CallNotice, DialerTelephony } from '../dialer-telephony';
import type { ClickToCallView } from '../click-to-call/click-to-call-desk';
import { DialerError } from '../../errors';
import type { LegId } from '../../domain/telephony-ids';

/** What the desk reads of the agents and contacts (users.lead_receiving, contact_phones). */
export interface InboundDirectory {
  receivingAgents(): { id: number; extension: string | null }[];
  contactByPhone(e164: string): { id: number; name: string } | undefined;
  /** A callback request's contact: the one known by the number, else a new one with it (undefined: unreadable number). */
  contactForCallback?(e164: string): { id: number; name: string } | undefined;
}

/**
 * What the agent's pop-up shows of an inbound call (pushed as `call.view`): the click-to-call view, so the same
 * pop-up (End, note, Save and close) serves it, with direction inbound; `number` is the caller's ('' when withheld).
 */
export type InboundCallView = ClickToCallView & { direction: 'inbound' };

export interface InboundDeskDeps {
  directory: InboundDirectory;
  notifier: Notifier;
  telephony: Pick<DialerTelephony, 'hangup'>;
  clock: Clock;
  log: Logger;
  normalizePhone(raw: string): string;
  /** Whether the agent is taken elsewhere (a click-to-call, or a campaign they are joined to and not ready and idle in). */
  busyElsewhere(agentId: UserId): boolean;
  /** The agent is offered an inbound call (true) or free of it (false): their campaign counts them busy meanwhile. */
  holdInCampaign(agentId: UserId, held: boolean): void;
}

/** The supervisors' figures of the inbound queue (since the dialer started). */
export interface InboundQueueFigures {
  /** Callers waiting for an agent now (greeting over, not yet bridged). */
  waiting: number;
  /** Seconds the longest-waiting caller has waited (0 when none). */
  longestWaitSeconds: number;
  answered: number;
  /** Callers who hung up while waiting (missed calls). */
  abandoned: number;
  /** Callers who heard the closing message (no agent in time, or none ON). */
  unanswered: number;
  /** Agents who are ON, and whether each is on an inbound call now (rung or talking). */
  agents: { agentId: number; onInbound: boolean }[];
}

interface Offer { flowId: string; agentId: UserId; view: InboundCallView; agentLeg?: LegId }

/**
 * Inbound calls as the engine sees them: who may take one (chooseInboundAgent over the agents who are ON), who is
 * on one now (offered or talking, so nobody else hands them a call), since when each agent has been idle, and the
 * agent's screen-pop.
 */
export class InboundDesk {
  private readonly idleSince = new Map<UserId, Date>();
  private readonly byAgent = new Map<UserId, Offer>();
  private readonly byFlow = new Map<string, Offer>();
  /** The inbound call on each agent's screen: live, or ended and not yet saved and closed. */
  private readonly open = new Map<UserId, Offer>();
  /** Callers in the queue, by flow, since when. */
  private readonly waitingSince = new Map<string, Date>();
  private readonly counts = { answered: 0, abandoned: 0, unanswered: 0 };

  constructor(private readonly d: InboundDeskDeps) {}

  isOurs(n: CallNotice): boolean { return n.flow === INBOUND_FLOW; }

  /** On an inbound call now (rung or talking). */
  isBusy(agentId: UserId): boolean { return this.byAgent.has(agentId); }

  /** The contact known by the caller's number. */
  contactOf(number: string): { id: number; name: string } | undefined {
    return number ? this.d.directory.contactByPhone(this.d.normalizePhone(number)) : undefined;
  }

  pick(tried: readonly number[]): InboundChoice {
    const candidates = this.d.directory.receivingAgents().map((a) => ({
      agentId: a.id, extension: a.extension, idleSince: this.idleSince.get(a.id) ?? null,
      free: !this.byAgent.has(a.id) && !this.d.busyElsewhere(a.id),
    }));
    return chooseInboundAgent(candidates, tried);
  }

  onNotice(n: CallNotice): void {
    const notice = n.notice;
    switch (notice.kind) {
      case 'inboundQueued': this.waitingSince.set(n.flowId, n.at); return;
      case 'inboundOffered': return this.offered(n, notice.agentId);
      case 'inboundAnswered': {
        if (this.waitingSince.delete(n.flowId)) this.counts.answered += 1;
        const o = this.byFlow.get(n.flowId);
        if (!o) return;
        o.view = { ...o.view, state: 'talking', answeredAt: n.at.toISOString() };
        o.agentLeg = n.legs.agent;
        return this.push(o);
      }
      case 'inboundNotTaken': return this.release(n.flowId, n.at, false);
      case 'agentReleased': return this.release(n.flowId, n.at, true);
      default: return;
    }
  }

  /** A finished inbound call lets go of its agent whatever notice was missed; a talked one can now be closed. */
  recorded(record: CallRecord, flowId: string | undefined, id: number): void {
    if (record.flow !== INBOUND_FLOW || !flowId) return;
    this.waitingSince.delete(flowId);
    if (record.endReason === 'queue_hangup') this.counts.abandoned += 1;
    else if (record.endReason === 'no_agent' || (record.endReason === 'callback_requested' && record.bridgeAt === null)) this.counts.unanswered += 1;
    const talked = [...this.open.values()].find((o) => o.flowId === flowId);
    this.release(flowId, record.endAt, record.bridgeAt !== null);
    if (talked && this.open.get(talked.agentId) === talked) {
      talked.view = { ...talked.view, callRecordId: id, end: talked.view.end ?? 'completed' };
      this.push(talked);
    }
  }

  figures(now: Date): InboundQueueFigures {
    const oldest = Math.min(...[...this.waitingSince.values()].map((d) => d.getTime()));
    return {
      waiting: this.waitingSince.size,
      longestWaitSeconds: this.waitingSince.size === 0 ? 0 : Math.max(0, Math.floor((now.getTime() - oldest) / 1000)),
      ...this.counts,
      agents: this.d.directory.receivingAgents().map((a) => ({ agentId: a.id, onInbound: this.byAgent.has(a.id) })),
    };
  }

  /** The inbound call on the agent's screen (null when none). */
  current(agentId: UserId): InboundCallView | null {
    return this.open.get(agentId)?.view ?? null;
  }

  /** End: hangs up the agent's side of a talked call. */
  hangup(agentId: UserId): InboundCallView {
    const o = this.mine(agentId);
    if (o.view.state !== 'ended' && o.agentLeg) void this.d.telephony.hangup(o.agentLeg);
    return o.view;
  }

  /** Save and close, first half: what the note goes with; 409 while the call goes on. */
  close(agentId: UserId): { contactId: number | null; callRecordId: number } {
    const o = this.mine(agentId);
    if (o.view.state !== 'ended' || o.view.callRecordId === null) throw new DialerError('E_CONFLICT', 'the call is still going on: end it first');
    return { contactId: o.view.contactId, callRecordId: o.view.callRecordId };
  }

  /** After the note is stored: the pop-up closes. */
  closed(agentId: UserId): void {
    if (!this.open.delete(agentId)) return;
    this.d.notifier.toUser(agentId, { type: 'call.view', key: 'call.view', call: null });
  }

  private mine(agentId: UserId): Offer {
    const o = this.open.get(agentId);
    if (!o) throw new DialerError('E_NOT_FOUND', 'no call open');
    return o;
  }

  private offered(n: CallNotice, agentId: UserId): void {
    const number = n.meta.phoneNumber ?? '';
    const contact = n.meta.contactId === undefined ? undefined : this.contactOf(number);
    const o: Offer = {
      flowId: n.flowId, agentId,
      view: {
        direction: 'inbound', state: 'ringing_agent', contactId: n.meta.contactId ?? null, contactName: contact?.name ?? null, number,
        startedAt: n.at.toISOString(), answeredAt: null, endedAt: null, end: null, callRecordId: null,
      },
    };
    this.byAgent.set(agentId, o);
    // A new call replaces an ended one the agent left open.
    this.open.set(agentId, o);
    this.byFlow.set(n.flowId, o);
    this.d.holdInCampaign(agentId, true);
    this.d.log.info('inbound call offered', { agentId, flowId: n.flowId, contactId: n.meta.contactId });
    this.push(o);
  }

  private release(flowId: string, at: Date, talked: boolean): void {
    const o = this.byFlow.get(flowId);
    if (!o) return;
    this.byFlow.delete(flowId);
    if (this.byAgent.get(o.agentId) === o) this.byAgent.delete(o.agentId);
    if (talked) this.idleSince.set(o.agentId, at);
    this.d.holdInCampaign(o.agentId, false);
    // A call the agent never answered leaves nothing on their screen; a talked one stays until they close it.
    if (talked && o.view.state === 'talking') {
      o.view = { ...o.view, state: 'ended', endedAt: at.toISOString(), end: 'completed' };
      this.push(o);
    } else if (o.view.state !== 'ended' && this.open.get(o.agentId) === o) {
      this.open.delete(o.agentId);
      this.d.notifier.toUser(o.agentId, { type: 'call.view', key: 'call.view', call: null });
    }
  }

  private push(o: Offer): void {
    this.d.notifier.toUser(o.agentId, { type: 'call.view', key: 'call.view', call: o.view });
  }
}
