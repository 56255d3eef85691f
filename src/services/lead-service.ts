import type { Logger } from 'winston';
import type { Clock } from '../domain/clock';
import { canManageContactLists, canSetLeadReceiving } from '../domain/contact-permissions';
import type { Actor, UserId } from '../domain/roles';
import { DialerError, forbidden, notFound } from '../errors';
import type { Db } from '../store/database';
import type { UserRepository } from '../store/user-repository';

export interface LeadAgent {
  id: UserId;
  username: string;
  displayName: string;
  active: boolean;
  leadReceiving: boolean;
  leads: number;
}

/** Agents in the lead rotation: who is ON, how many leads each holds, and the ON/OFF switch. */
export class LeadService {
  private readonly leadCounts;

  constructor(db: Db, private readonly users: UserRepository, private readonly clock: Clock, private readonly log: Logger) {
    this.leadCounts = db.prepare<[], { owner_id: number; n: number }>(
      "SELECT owner_id, count(*) AS n FROM contacts WHERE owner_id IN (SELECT id FROM users WHERE role = 'agent') GROUP BY owner_id");
  }

  agents(actor: Actor): LeadAgent[] {
    if (!canManageContactLists(actor)) throw forbidden('only owners and admins see the lead rotation');
    const counts = new Map(this.leadCounts.all().map((r) => [r.owner_id, r.n]));
    return this.users.list().filter((u) => u.role === 'agent').map((u) => ({
      id: u.id, username: u.username, displayName: u.displayName, active: u.active, leadReceiving: u.leadReceiving, leads: counts.get(u.id) ?? 0,
    }));
  }

  setReceiving(actor: Actor, agentId: UserId, on: boolean): LeadAgent {
    if (!canSetLeadReceiving(actor, agentId)) throw forbidden('agents switch only their own lead receiving');
    const agent = this.users.get(agentId);
    if (!agent) throw notFound('user', agentId);
    if (agent.role !== 'agent') throw new DialerError('E_VALIDATION', `user ${agentId} is not an agent`, 'id');
    this.users.update(agentId, { leadReceiving: on }, this.clock.now());
    this.log.info(on ? 'agent lead receiving on' : 'agent lead receiving off', { agentId });
    const leads = this.leadCounts.all().find((r) => r.owner_id === agentId)?.n ?? 0;
    return { id: agent.id, username: agent.username, displayName: agent.displayName, active: agent.active, leadReceiving: on, leads };
  }
}
