import type { ContactStatus } from '../domain/contact-status';
import { CALLABLE_STATUSES } from '../domain/dialer/lead-eligibility';
import type { Lead } from '../domain/dialer/lead';
import type { LeadId, LeadSnapshot } from '../domain/dialer/lead-snapshot';
import type { LeadQuery, LeadStore, NewLead } from './dialer-ports';

const CALLABLE: readonly string[] = CALLABLE_STATUSES;
const WAITING: readonly string[] = ['not_started', 'failed_will_retry', 'callback_scheduled', 'do_not_call_again'];

/**
 * A LeadStore in memory, with the same conditional semantics as the SQL one (a claim succeeds only from the
 * status the caller read). Used by engine tests, and as the list until campaign lists live in the database.
 */
export class MemoryLeadStore implements LeadStore {
  private readonly rows = new Map<LeadId, Lead>();
  private nextId = 1;

  add(input: NewLead, now: Date): Lead {
    const lead: Lead = {
      id: this.nextId++, campaignId: input.campaignId, contactId: input.contactId, name: input.name, phones: [...input.phones],
      addedAt: now, status: input.status ?? 'not_started', attempts: 0, nextCallAt: null, callbackAt: input.callbackAt ?? null,
      doNotCallUntil: null, lastAbandonedAt: null, lastOutcome: null, lastDisposition: null, onDnc: false, onBlacklist: false,
      timezone: input.timezone ?? null, ownerAgentId: input.ownerAgentId ?? null,
    };
    this.rows.set(lead.id, lead);
    return { ...lead };
  }

  get(id: LeadId): Lead | undefined {
    const l = this.rows.get(id);
    return l && { ...l, phones: [...l.phones] };
  }

  candidates(q: LeadQuery): Lead[] {
    const t = q.now.getTime();
    const due = [...this.rows.values()].filter((l) => l.campaignId === q.campaignId && CALLABLE.includes(l.status)
      && (l.nextCallAt === null || l.nextCallAt.getTime() <= t));
    const isCallback = (l: Lead) => l.status === 'callback_scheduled' && l.callbackAt !== null && l.callbackAt.getTime() <= t;
    const callbacks = due.filter(isCallback).sort((a, b) => a.callbackAt!.getTime() - b.callbackAt!.getTime() || a.id - b.id);
    const rest = due.filter((l) => !isCallback(l)).sort((a, b) => a.id - b.id);
    const from = Math.floor(Math.min(Math.max(q.start, 0), 0.999999) * rest.length);
    const rotated = [...rest.slice(from), ...rest.slice(0, from)];
    return [...callbacks, ...rotated].slice(0, q.limit).map((l) => ({ ...l, phones: [...l.phones] }));
  }

  nextDueAt(campaignId: number, now: Date): Date | null {
    let best: number | null = null;
    for (const l of this.rows.values()) {
      if (l.campaignId !== campaignId || !WAITING.includes(l.status) || !l.nextCallAt) continue;
      const at = l.nextCallAt.getTime();
      if (at > now.getTime() && (best === null || at < best)) best = at;
    }
    return best === null ? null : new Date(best);
  }

  claim(lead: Lead, _now: Date): boolean {
    const row = this.rows.get(lead.id);
    if (!row || row.status !== lead.status || row.attempts !== lead.attempts || !CALLABLE.includes(row.status)) return false;
    row.status = 'in_progress';
    return true;
  }

  save(id: LeadId, expected: ContactStatus, next: LeadSnapshot, _now: Date): boolean {
    const row = this.rows.get(id);
    if (!row || row.status !== expected) return false;
    Object.assign(row, next);
    return true;
  }

  inProgress(): Lead[] {
    return [...this.rows.values()].filter((l) => l.status === 'in_progress').map((l) => ({ ...l }));
  }

  statusCounts(campaignId: number): Partial<Record<ContactStatus, number>> {
    const counts: Partial<Record<ContactStatus, number>> = {};
    for (const l of this.rows.values()) if (l.campaignId === campaignId) counts[l.status] = (counts[l.status] ?? 0) + 1;
    return counts;
  }

  /** Every lead of a campaign (tests read the outcome of a whole run). */
  all(campaignId: number): Lead[] {
    return [...this.rows.values()].filter((l) => l.campaignId === campaignId).map((l) => ({ ...l }));
  }
}
