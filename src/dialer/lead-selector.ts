import type { Logger } from 'winston';
import type { Campaign } from '../domain/campaign';
import type { DialAttempt } from '../domain/dialer/dial-attempt';
import { isEligible, isEligibleForRecall, type IneligibleReason } from '../domain/dialer/lead-eligibility';
import { withSnapshot, type Lead } from '../domain/dialer/lead';
import { pickNext, type SelectionCandidate } from '../domain/dialer/order-candidates';
import type { RandomSource } from '../domain/dialer/seeded-random';
import type { UserId } from '../domain/roles';
import { eligibilityPolicy } from './campaign-policies';
import type { AttemptStore, BlockList, LeadStore, Timers } from './dialer-ports';
import { LeadHopper, type HopperSettings, type HopperStats } from './hopper/lead-hopper';

export interface Claimed {
  lead: Lead;
  attempt: DialAttempt;
}

export interface LeadSelectorDeps {
  leads: LeadStore;
  attempts: AttemptStore;
  blocks: BlockList;
  random: RandomSource;
  log: Logger;
  /** How many prefiltered rows one look reads (without a hopper). */
  batch?: number;
  /** Per-campaign hoppers; absent or size 0: every claim reads the list itself. */
  hopper?: HopperSettings & { timers: Timers; now(): Date };
}

/**
 * Picks and claims the next contact: the store's prefilter (status, due time), then isEligible with the
 * DNC list and blacklist read now, then pickNext (due callbacks first, sticky contacts to their owner, the
 * rest at random). The claim is the store's one conditional UPDATE; a lost race just tries the next one.
 * With a hopper, the prefilter and the checks of a whole batch run ahead of the call path (LeadHopper);
 * the claim re-checks only the lead it picks.
 */
export class LeadSelector {
  private readonly batch: number;
  private readonly hoppers = new Map<number, LeadHopper>();

  constructor(private readonly d: LeadSelectorDeps) {
    this.batch = d.batch ?? 200;
  }

  /** The campaign's hopper figures for the supervisor; null without a hopper (or before its first claim). */
  hopperStats(campaignId: number): HopperStats | null {
    return this.hoppers.get(campaignId)?.snapshot() ?? null;
  }

  /** The campaign left the engine: its hopper goes. */
  forget(campaignId: number): void {
    this.hoppers.get(campaignId)?.stop();
    this.hoppers.delete(campaignId);
  }

  stop(): void {
    for (const h of this.hoppers.values()) h.stop();
    this.hoppers.clear();
  }

  private hopperOf(campaignId: number): LeadHopper | null {
    const settings = this.d.hopper;
    if (!settings || settings.size <= 0) return null;
    let h = this.hoppers.get(campaignId);
    if (!h) {
      h = new LeadHopper({
        leads: this.d.leads, withLists: (l) => this.withLists(l), retire: (l, reason, now) => this.retire(l, reason, now),
        random: this.d.random, timers: settings.timers, now: settings.now, elapsedMs: () => performance.now(),
      }, settings);
      this.hoppers.set(campaignId, h);
    }
    return h;
  }

  /** The lead with its list flags as they stand now (what eligibility reads at dial time). */
  withLists(lead: Lead): Lead {
    const main = lead.phones[0];
    const hit = main ? this.d.blocks.check(main) : null;
    return { ...lead, onDnc: hit === 'dnc', onBlacklist: hit === 'blacklist' };
  }

  claimNext(c: Campaign, agentId: UserId | null, now: Date): Claimed | null {
    const hopper = this.hopperOf(c.id);
    return hopper ? this.claimFromHopper(hopper, c, agentId, now) : this.claimDirect(c, agentId, now);
  }

  private claimFromHopper(h: LeadHopper, c: Campaign, agentId: UserId | null, now: Date): Claimed | null {
    const policy = eligibilityPolicy(c);
    let read = h.ensureFresh(c, now);
    for (;;) {
      const pick = pickNext<SelectionCandidate & { lead: Lead }>(
        h.leads.map((l) => ({ leadId: l.id, status: l.status, callbackAt: l.callbackAt, addedAt: l.addedAt, ownerAgentId: l.ownerAgentId, lead: l })),
        { agentId, sticky: c.stickyAgent, mode: c.dialingMode, random: this.d.random },
      );
      if (!pick) {
        // Nothing held for this agent (all taken, or reserved for others): one read of the list before giving up.
        if (read) return null;
        h.fillNow(c, now);
        read = true;
        continue;
      }
      h.remove(pick.lead.id);
      // Dial time: the lists and the hours as they stand now (a number put on DNC a second ago is not dialled).
      const lead = this.withLists(pick.lead);
      const e = isEligible(lead, policy, now);
      if (!e.eligible) {
        this.retire(lead, e.reason, now);
        continue;
      }
      const claimed = this.claim(c, lead, agentId, now);
      if (claimed) {
        h.topUp(now);
        return claimed;
      }
    }
  }

  private claimDirect(c: Campaign, agentId: UserId | null, now: Date): Claimed | null {
    const policy = eligibilityPolicy(c);
    const candidates = this.d.leads.candidates({ campaignId: c.id, now, limit: this.batch, start: this.d.random() });
    let pool: Lead[] = [];
    for (const raw of candidates) {
      const lead = this.withLists(raw);
      const e = isEligible(lead, policy, now);
      if (e.eligible) pool.push(lead);
      else this.retire(lead, e.reason, now);
    }
    while (pool.length > 0) {
      const pick = pickNext<SelectionCandidate & { lead: Lead }>(
        pool.map((l) => ({ leadId: l.id, status: l.status, callbackAt: l.callbackAt, addedAt: l.addedAt, ownerAgentId: l.ownerAgentId, lead: l })),
        { agentId, sticky: c.stickyAgent, mode: c.dialingMode, random: this.d.random },
      );
      if (!pick) return null;
      const claimed = this.claim(c, pick.lead, agentId, now);
      if (claimed) return claimed;
      pool = pool.filter((l) => l.id !== pick.lead.id);
    }
    return null;
  }

  /**
   * Claims one chosen contact for the agent who had it (an earlier customer in manual access): the recall rule,
   * with the lists read now, then the same conditional UPDATE as claimNext.
   */
  claimChosen(c: Campaign, leadId: number, agentId: UserId, now: Date): Claimed | { refused: IneligibleReason | 'changed_meanwhile' } {
    const raw = this.d.leads.get(leadId);
    if (!raw || raw.campaignId !== c.id) return { refused: 'status_not_callable' };
    const lead = this.withLists(raw);
    const e = isEligibleForRecall(lead, eligibilityPolicy(c), now);
    if (!e.eligible) {
      this.retire(lead, e.reason, now);
      return { refused: e.reason };
    }
    return this.claim(c, lead, agentId, now) ?? { refused: 'changed_meanwhile' };
  }

  /** The one conditional UPDATE from the lead's status to in_progress, and its attempt when this caller won. */
  private claim(c: Campaign, lead: Lead, agentId: UserId | null, now: Date): Claimed | null {
    if (!this.d.leads.claim(lead, now)) return null;
    const attempt = this.d.attempts.create({ campaignId: c.id, leadId: lead.id, contactId: lead.contactId, agentId, mode: c.dialingMode, at: now });
    return { lead: { ...lead, status: 'in_progress' }, attempt };
  }

  /** A contact found on a list, or past its attempts, leaves the callable statuses so the prefilter stops returning it. */
  private retire(lead: Lead, reason: string, now: Date): void {
    const status = reason === 'on_dnc' ? 'dnc' : reason === 'on_blacklist' ? 'blocked' : reason === 'attempts_exhausted' ? 'retries_exhausted' : null;
    if (!status || lead.status === status) return;
    if (this.d.leads.save(lead.id, lead.status, withSnapshot(lead, { ...lead, status, nextCallAt: null }), now)) {
      this.d.log.info('contact retired at selection', { leadId: lead.id, status });
    }
  }
}
