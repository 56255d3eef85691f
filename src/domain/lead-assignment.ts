import type { Actor, UserId } from './roles';

export interface LeadAssignmentInput {
  creator: Actor;
  /** Whether the new contact has at least one mobile number (only those become leads). */
  hasMobile: boolean;
  /** Agents whose lead receiving is ON, any order. */
  receivingAgentIds: readonly UserId[];
  /** The round-robin position: the agent who got the previous lead. */
  lastAssignedId: UserId | null;
}

export interface LeadAssignment {
  ownerId: UserId | null;
  /** The round-robin position after this contact. */
  lastAssignedId: UserId | null;
  reason: 'no_mobile' | 'creator' | 'round_robin' | 'no_agent_on';
}

/**
 * Who owns a new contact. An agent keeps the leads they create; anyone else's go round robin over
 * the agents who are ON, in id order, starting after the last one served (so agents joining or
 * leaving the rotation never reset it). Without a mobile number the contact stays in the pool.
 */
export function assignLead(input: LeadAssignmentInput): LeadAssignment {
  const keep = input.lastAssignedId;
  if (!input.hasMobile) return { ownerId: null, lastAssignedId: keep, reason: 'no_mobile' };
  if (input.creator.role === 'agent') return { ownerId: input.creator.id, lastAssignedId: keep, reason: 'creator' };
  const ids = ascending(input.receivingAgentIds) ? input.receivingAgentIds : [...new Set(input.receivingAgentIds)].sort((a, b) => a - b);
  if (ids.length === 0) return { ownerId: null, lastAssignedId: keep, reason: 'no_agent_on' };
  const next = ids.find((id) => keep === null || id > keep) ?? ids[0]!;
  return { ownerId: next, lastAssignedId: next, reason: 'round_robin' };
}

/** Strictly ascending (so also free of repeats): the usual input, which then needs no sorting copy. */
function ascending(ids: readonly number[]): boolean {
  for (let i = 1; i < ids.length; i++) if (ids[i]! <= ids[i - 1]!) return false;
  return true;
}
