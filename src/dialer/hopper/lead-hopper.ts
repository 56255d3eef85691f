import type { Campaign } from '../../domain/campaign';
import { isEligible, type IneligibleReason } from '../../domain/dialer/lead-eligibility';
import type { Lead } from '../../domain/dialer/lead';
import type { LeadId } from '../../domain/dialer/lead-snapshot';
import type { RandomSource } from '../../domain/dialer/seeded-random';
import { eligibilityPolicy } from '../campaign-policies';
import type { LeadStore, Timers } from '../dialer-ports';

export interface HopperSettings {
  /** Leads one fill reads (and at most holds). */
  size: number;
  /** Held leads older than this are read again before the next pick (due callbacks appear within it). */
  refreshMs: number;
}

export interface HopperStats {
  /** Eligible leads held now. */
  size: number;
  refills: number;
  /** Fills made on the call path because the hopper was empty or stale (the rest ran from a timer). */
  coldFills: number;
  lastRefillAt: string | null;
  lastRefillMs: number | null;
}

export interface HopperDeps {
  leads: Pick<LeadStore, 'candidates'>;
  /** The lead with its DNC/blacklist flags read now. */
  withLists(lead: Lead): Lead;
  /** A lead found ineligible for good (on a list, out of attempts) leaves the callable statuses. */
  retire(lead: Lead, reason: IneligibleReason, now: Date): void;
  random: RandomSource;
  timers: Timers;
  now(): Date;
  /** Wall-clock ms, for the refill duration shown to supervisors. */
  elapsedMs(): number;
}

/**
 * A campaign's hopper, as VICIdial calls it: a small buffer of leads that were due, on no list and within
 * calling hours when read. Fills happen from a timer when it runs low or ages, so the call path only picks
 * from memory; the caller re-checks the one lead it picks (lists and hours as they stand at dial time)
 * and the claim's conditional UPDATE catches anything that changed the lead meanwhile.
 */
export class LeadHopper {
  private held: Lead[] = [];
  private filledAt: number | null = null;
  private timer: unknown;
  private latest: Campaign | null = null;
  private stats: Omit<HopperStats, 'size'> = { refills: 0, coldFills: 0, lastRefillAt: null, lastRefillMs: null };

  constructor(private readonly d: HopperDeps, private readonly s: HopperSettings) {}

  get leads(): readonly Lead[] { return this.held; }

  /** Fills on the call path if the hopper is empty or too old to pick from; true when it read. */
  ensureFresh(c: Campaign, now: Date): boolean {
    this.latest = c;
    if (this.held.length > 0 && this.filledAt !== null && now.getTime() - this.filledAt <= this.s.refreshMs) return false;
    this.stats.coldFills++;
    this.fill(c, now);
    return true;
  }

  /** Reads now, whatever the hopper holds (the caller found nothing it could use in it). */
  fillNow(c: Campaign, now: Date): void {
    this.latest = c;
    this.stats.coldFills++;
    this.fill(c, now);
  }

  remove(id: LeadId): void {
    const i = this.held.findIndex((l) => l.id === id);
    if (i >= 0) this.held.splice(i, 1);
  }

  /** After a pick: a refill from a timer when half the hopper is gone or half its age is used up. */
  topUp(now: Date): void {
    if (this.timer !== undefined || !this.latest) return;
    const aging = this.filledAt !== null && now.getTime() - this.filledAt > this.s.refreshMs / 2;
    if (this.held.length >= this.s.size / 2 && !aging) return;
    this.timer = this.d.timers.setTimeout(() => {
      this.timer = undefined;
      if (this.latest) this.fill(this.latest, this.d.now());
    }, 0);
  }

  snapshot(): HopperStats {
    return { size: this.held.length, ...this.stats };
  }

  stop(): void {
    this.d.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.latest = null;
  }

  private fill(c: Campaign, now: Date): void {
    const started = this.d.elapsedMs();
    const policy = eligibilityPolicy(c);
    const held: Lead[] = [];
    for (const raw of this.d.leads.candidates({ campaignId: c.id, now, limit: this.s.size, start: this.d.random() })) {
      const lead = this.d.withLists(raw);
      const e = isEligible(lead, policy, now);
      if (e.eligible) held.push(lead);
      else this.d.retire(lead, e.reason, now);
    }
    this.held = held;
    this.filledAt = now.getTime();
    this.stats.refills++;
    this.stats.lastRefillAt = now.toISOString();
    this.stats.lastRefillMs = this.d.elapsedMs() - started;
  }
}
