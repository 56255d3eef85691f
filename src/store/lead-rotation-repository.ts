import type { UserId } from '../domain/roles';
import type { Db } from './database';

/** The persisted round-robin position and who takes part in the rotation. */
export class LeadRotationRepository {
  private readonly lastStmt;
  private readonly setStmt;
  private readonly receivingStmt;

  constructor(db: Db) {
    this.lastStmt = db.prepare<[], { last_agent_id: number | null }>('SELECT last_agent_id FROM lead_rotation WHERE id = 1');
    this.setStmt = db.prepare('UPDATE lead_rotation SET last_agent_id = ? WHERE id = 1');
    this.receivingStmt = db.prepare<[], { id: number }>(
      "SELECT id FROM users WHERE role = 'agent' AND active = 1 AND lead_receiving = 1 ORDER BY id");
  }

  lastAssigned(): UserId | null {
    return this.lastStmt.get()?.last_agent_id ?? null;
  }

  setLastAssigned(agentId: UserId | null): void {
    this.setStmt.run(agentId);
  }

  /** Active agents whose lead receiving is ON. */
  receivingAgentIds(): UserId[] {
    return this.receivingStmt.all().map((r) => r.id);
  }
}
