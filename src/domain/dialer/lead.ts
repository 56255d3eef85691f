import type { LeadId, LeadSnapshot } from './lead-snapshot';

/**
 * One contact inside one campaign's list, as the engine works it: the rule fields of LeadSnapshot plus
 * who it is and the numbers to call. The rules take and return LeadSnapshot; `withSnapshot` lays a
 * result back over the lead.
 */
export interface Lead extends LeadSnapshot {
  id: LeadId;
  campaignId: number;
  contactId: number | null;
  name: string;
  /** E.164 numbers, the main one first. */
  phones: string[];
  addedAt: Date;
}

export function withSnapshot(lead: Lead, snapshot: LeadSnapshot): Lead {
  return { ...lead, ...snapshot };
}
