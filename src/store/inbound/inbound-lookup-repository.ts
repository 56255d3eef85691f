import type { Db } from '../database';

/** What inbound calls read: the agents who are ON (lead receiving) and the contact known by a number. */
export class InboundLookupRepository {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      on: db.prepare<[], { id: number; extension: string | null }>(
        "SELECT id, extension FROM users WHERE role = 'agent' AND active = 1 AND lead_receiving = 1 ORDER BY id"),
      // The oldest contact with this number: the one most likely to be the caller's own record.
      contact: db.prepare<[string], { id: number; name: string; owner_id: number | null }>(
        'SELECT c.id, c.name, c.owner_id FROM contact_phones p JOIN contacts c ON c.id = p.contact_id WHERE p.e164 = ? ORDER BY c.id LIMIT 1'),
    };
  }

  receivingAgents(): { id: number; extension: string | null }[] {
    return this.s.on.all();
  }

  contactByPhone(e164: string): { id: number; name: string; ownerId: number | null } | undefined {
    const r = this.s.contact.get(e164);
    return r ? { id: r.id, name: r.name, ownerId: r.owner_id } : undefined;
  }
}
