import type { Logger } from 'winston';
import type { Clock } from '../../domain/clock';
import { chooseInboundAgent, type InboundChoice } from '../../domain/inbound/choose-inbound-agent';
import { INBOUND_FLOW } from '../../domain/flows/inbound-flow';
import type { CallRecord } from '../../domain/call-record';
import type { UserId } from '../../domain/roles';
import type { Notifier } from '../dialer-ports';
import type { CallNotice } from '../dialer-telephony';

/** What the desk reads of the agents and contacts (users.lead_receiving, contact_phones). */
export interface InboundDirectory {
  receivingAgents(): { id: number; extension: string | null }[];
  contactByPhone(e164: string): { id: number; name: string } | undefined;
}

/** What the agent's pop-up shows of an inbound call (pushed as `call.view`, direction inbound). */
export interface InboundCallView {
  direction: 'inbound';
  state: 'ringing_agent' | 'connected' | 'ended';
  contactId: number | null;
  contactName: string | null;
  /** The caller's number ('' when withheld). */
  number: string;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
}

export interface InboundDeskDeps {
  directory: InboundDirectory;
  notifier: Notifier;
  clock: Clock;
  log: Logger;
  normalizePhone(raw: string): string;
  /** Whether the agent is taken elsewhere (a click-to-call, or a campaign they are joined to and not ready and idle in). */
  busyElsewhere(agentId: UserId): boolean;
  /** The agent is offered an inbound call (true) or free of it (false): their campaign counts them busy meanwhile. */
  holdInCampaign(agentId: UserId, held: boolean): void;
}

interface Offer { flowId: string; agentId: UserId; view: InboundCallView }

/**
 * Inbound calls as the engine sees them: who may take one (chooseInboundAgent over the agents who are ON), who is
 * on one now (offered or talking, so nobody else hands them a call), since when each agent has been idle, and the
 * agent's screen-pop.
 */
export class InboundDesk {
  private readonly idleSince = new Map<UserId, Date>();
  private readonly byAgent = new Map<UserId, Offer>();
  private readonly byFlow = new Map<string, Offer>();

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
      case 'inboundOffered': return this.offered(n, notice.agentId);
      case 'inboundAnswered': {
        const o = this.byFlow.get(n.flowId);
        if (!o) return;
        o.view = { ...o.view, state: 'connected', answeredAt: n.at.toISOString() };
        return this.push(o);
      }
      case 'inboundNotTaken': return this.release(n.flowId, n.at, false);
      case 'agentReleased': return this.release(n.flowId, n.at, true);
      default: return;
    }
  }

  /** A finished inbound call lets go of its agent whatever notice was missed. */
  recorded(record: CallRecord, flowId: string | undefined): void {
    if (record.flow !== INBOUND_FLOW || !flowId) return;
    this.release(flowId, record.endAt, record.bridgeAt !== null);
  }

  private offered(n: CallNotice, agentId: UserId): void {
    const number = n.meta.phoneNumber ?? '';
    const contact = n.meta.contactId === undefined ? undefined : this.contactOf(number);
    const o: Offer = {
      flowId: n.flowId, agentId,
      view: {
        direction: 'inbound', state: 'ringing_agent', contactId: n.meta.contactId ?? null, contactName: contact?.name ?? null, number,
        startedAt: n.at.toISOString(), answeredAt: null, endedAt: null,
      },
    };
    this.byAgent.set(agentId, o);
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
    if (talked && o.view.state === 'connected') {
      o.view = { ...o.view, state: 'ended', endedAt: at.toISOString() };
      this.push(o);
    } else {
      this.d.notifier.toUser(o.agentId, { type: 'call.view', key: 'call.view', call: null });
    }
  }

  private push(o: Offer): void {
    this.d.notifier.toUser(o.agentId, { type: 'call.view', key: 'call.view', call: o.view });
  }
}
