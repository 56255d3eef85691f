import type { Logger } from 'winston';
import type { CallOutcome } from '../domain/call-outcome';
import type { Campaign } from '../domain/campaign';
import type { Clock } from '../domain/clock';
import type { ContactStatus } from '../domain/contact-status';
import { applyCallResult, type CallResult, type CallResultRejection } from '../domain/dialer/apply-call-result';
import type { AttemptEndNote } from '../domain/dialer/dial-attempt';
import { releaseClaim } from '../domain/dialer/lead-transitions';
import type { LeadId, LeadSnapshot } from '../domain/dialer/lead-snapshot';
import type { Disposition } from '../domain/disposition';
import { callResultPolicy } from './campaign-policies';
import type { AttemptStore, LeadStore } from './dialer-ports';

export type ResultChange = { ok: true; status: ContactStatus } | { ok: false; reason: CallResultRejection | 'lead_changed'; field?: string };

export interface CallResultsDeps {
  leads: LeadStore;
  attempts: AttemptStore;
  clock: Clock;
  log: Logger;
}

/**
 * Where every attempt's end is written: the rules decide (applyCallResult, releaseClaim), the store takes
 * the new contact fields only if the contact is still in progress, and the attempt keeps what it led to.
 */
export class CallResults {
  constructor(private readonly d: CallResultsDeps) {}

  /** A claimed contact goes back to waiting, as if never claimed: no attempt counted. */
  release(c: Campaign, attemptId: number, leadId: LeadId, note: AttemptEndNote): void {
    const now = this.d.clock.now();
    this.d.attempts.end(attemptId, null, note, now);
    const lead = this.d.leads.get(leadId);
    if (!lead) return;
    const r = releaseClaim(lead, c.maxAttempts);
    if (r.ok && this.d.leads.save(leadId, 'in_progress', r.lead, now)) this.d.attempts.setResult(attemptId, r.lead.status);
  }

  /** A contact found in progress with no live attempt (the claim outlived its process): back to waiting. */
  releaseLead(c: Campaign, leadId: LeadId): void {
    const lead = this.d.leads.get(leadId);
    if (!lead) return;
    const r = releaseClaim(lead, c.maxAttempts);
    if (r.ok) this.d.leads.save(leadId, 'in_progress', r.lead, this.d.clock.now());
  }

  /** The telephony outcome of a call nobody needs to dispose of (not answered, or an IVR call). */
  outcome(c: Campaign, attemptId: number, leadId: LeadId, outcome: CallOutcome): ResultChange {
    return this.apply(c, attemptId, leadId, { outcome }, null);
  }

  /**
   * An answered call whose agent gave no disposition before moving on (wrap-up over and the next customer
   * handed over, session closed, restart): the contact was reached, so it counts as the rules count an
   * answered call without one (an IVR call): success, with no disposition stored.
   */
  reachedWithoutDisposition(c: Campaign, attemptId: number, leadId: LeadId): ResultChange {
    return this.apply({ ...c, dialingMode: 'ivr' }, attemptId, leadId, { outcome: 'answered' }, null);
  }

  dispose(c: Campaign, attemptId: number, leadId: LeadId, outcome: CallOutcome | 'not_dialed', disposition: Disposition, callbackAt?: Date): ResultChange {
    return this.apply(c, attemptId, leadId, { outcome, disposition, callbackAt }, disposition);
  }

  /** The contact's number is on the DNC list or the blacklist at dial time: it leaves the callable statuses. */
  blocked(attemptId: number, leadId: LeadId, list: 'dnc' | 'blacklist'): void {
    const now = this.d.clock.now();
    this.d.attempts.end(attemptId, null, 'blocked', now);
    const lead = this.d.leads.get(leadId);
    const status: ContactStatus = list === 'dnc' ? 'dnc' : 'blocked';
    if (lead && this.d.leads.save(leadId, 'in_progress', { ...lead, status, nextCallAt: null, onDnc: list === 'dnc', onBlacklist: list === 'blacklist' }, now)) {
      this.d.attempts.setResult(attemptId, status);
    }
  }

  /** Sticky campaigns route a contact's later calls to the agent who spoke with them first. */
  private stickyOwner(c: Campaign, attemptId: number, owner: number | null): number | null {
    if (!c.stickyAgent || owner !== null) return owner;
    const a = this.d.attempts.get(attemptId);
    return a?.connectedAt && a.agentId !== null ? a.agentId : null;
  }

  private apply(c: Campaign, attemptId: number, leadId: LeadId, result: CallResult, disposition: Disposition | null): ResultChange {
    const now = this.d.clock.now();
    const lead = this.d.leads.get(leadId);
    if (!lead) return { ok: false, reason: 'lead_changed' };
    const r = applyCallResult(lead, result, callResultPolicy(c), now);
    if (!r.ok) return { ok: false, reason: r.reason, field: r.field };
    const next: LeadSnapshot = { ...r.lead, ownerAgentId: this.stickyOwner(c, attemptId, r.lead.ownerAgentId) };
    if (!this.d.leads.save(leadId, 'in_progress', next, now)) return { ok: false, reason: 'lead_changed' };
    if (disposition) this.d.attempts.dispose(attemptId, disposition, result.callbackAt ?? null, next.status, now);
    else this.d.attempts.setResult(attemptId, next.status);
    this.d.log.info('contact result', { campaignId: c.id, attemptId, leadId, outcome: result.outcome, disposition, status: next.status });
    return { ok: true, status: next.status };
  }
}
