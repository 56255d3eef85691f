import type { CallOutcome } from '../domain/call-outcome';
import type { ContactStatus } from '../domain/contact-status';
import type { Lead } from '../domain/dialer/lead';
import { CALLABLE_STATUSES } from '../domain/dialer/lead-eligibility';
import type { LeadId, LeadSnapshot } from '../domain/dialer/lead-snapshot';
import type { Disposition } from '../domain/disposition';
import type { UserId } from '../domain/roles';
import { ContactRepository } from './contact-repository';
import type { Db } from './database';

interface Row {
  id: number; campaign_id: number; contact_id: number; phone: string; status: ContactStatus; attempts: number;
  next_call_at: string | null; callback_at: string | null; do_not_call_until: string | null; last_abandoned_at: string | null;
  last_outcome: CallOutcome | null; last_disposition: Disposition | null; agent_id: number | null; added_at: string;
  contact_name: string; contact_tz: string | null;
}

export interface LeadQuery { campaignId: number; now: Date; limit: number; start: number }

export interface NewLead {
  campaignId: number;
  contactId: number | null;
  name: string;
  phones: string[];
  status?: ContactStatus;
  callbackAt?: Date | null;
  timezone?: string | null;
  ownerAgentId?: UserId | null;
}

const CALLABLE_LIST: readonly ContactStatus[] = CALLABLE_STATUSES;
const CALLABLE = `(${CALLABLE_LIST.map((s) => `'${s}'`).join(', ')})`;
const SELECT = `SELECT e.*, c.name AS contact_name, c.timezone AS contact_tz FROM campaign_contacts e JOIN contacts c ON c.id = e.contact_id`;
const DUE = '(e.next_call_at IS NULL OR e.next_call_at <= @now)';
const date = (s: string | null): Date | null => (s ? new Date(s) : null);
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/**
 * The dialer's view of the campaign lists (campaign_contacts, issue 4): each entry as a Lead for the rules,
 * the prefilter that finds due entries, and the conditional UPDATEs that claim and settle them. Instants
 * are ISO-8601 UTC text, so comparing them as text compares the times.
 */
export class LeadRepository {
  private readonly s;
  private readonly contacts: ContactRepository;

  constructor(private readonly db: Db) {
    this.contacts = new ContactRepository(db);
    this.s = {
      get: db.prepare<[number], Row>(`${SELECT} WHERE e.id = ?`),
      callbacks: db.prepare<[{ c: number; now: string; limit: number }], Row>(`${SELECT} WHERE e.campaign_id = @c
        AND e.status = 'callback_scheduled' AND e.callback_at <= @now AND ${DUE} ORDER BY e.callback_at, e.id LIMIT @limit`),
      // One status at a time, so each read walks campaign_contacts_callable in id order and stops at the limit.
      from: db.prepare<[{ c: number; s: ContactStatus; now: string; pivot: number; limit: number }], Row>(`${SELECT} WHERE e.campaign_id = @c
        AND e.status = @s AND ${DUE} AND e.id >= @pivot ORDER BY e.id LIMIT @limit`),
      before: db.prepare<[{ c: number; s: ContactStatus; now: string; pivot: number; limit: number }], Row>(`${SELECT} WHERE e.campaign_id = @c
        AND e.status = @s AND ${DUE} AND e.id < @pivot ORDER BY e.id LIMIT @limit`),
      span: db.prepare<[number, number], { lo: number | null; hi: number | null }>(`SELECT
        (SELECT id FROM campaign_contacts WHERE campaign_id = ? ORDER BY id LIMIT 1) AS lo,
        (SELECT id FROM campaign_contacts WHERE campaign_id = ? ORDER BY id DESC LIMIT 1) AS hi`),
      // json_each binds a list in SQLite (PostgreSQL: = ANY($1)).
      phones: db.prepare<[string], { contact_id: number; e164: string }>(
        'SELECT contact_id, e164 FROM contact_phones WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY contact_id, position'),
      dueCount: db.prepare<[{ c: number; now: string }], { n: number }>(`SELECT COUNT(*) AS n FROM campaign_contacts e
        WHERE e.campaign_id = @c AND e.status IN ${CALLABLE} AND ${DUE}`),
      nextDue: db.prepare<[number, string], { at: string | null }>(`SELECT MIN(next_call_at) AS at FROM campaign_contacts
        WHERE campaign_id = ? AND status IN ${CALLABLE} AND next_call_at > ?`),
      claim: db.prepare(`UPDATE campaign_contacts SET status = 'in_progress', updated_at = ?
        WHERE id = ? AND status = ? AND attempts = ? AND status IN ${CALLABLE}`),
      save: db.prepare(`UPDATE campaign_contacts SET status = @status, attempts = @attempts, next_call_at = @nextCallAt,
        callback_at = @callbackAt, do_not_call_until = @doNotCallUntil, last_abandoned_at = @lastAbandonedAt, last_outcome = @lastOutcome,
        last_disposition = @lastDisposition, agent_id = @agentId, updated_at = @now WHERE id = @id AND status = @expected`),
      inProgress: db.prepare<[], Row>(`${SELECT} WHERE e.status = 'in_progress' ORDER BY e.id`),
      counts: db.prepare<[number], { status: ContactStatus; n: number }>('SELECT status, COUNT(*) AS n FROM campaign_contacts WHERE campaign_id = ? GROUP BY status'),
      holder: db.prepare<[string], { contact_id: number }>('SELECT contact_id FROM contact_phones WHERE e164 = ? ORDER BY contact_id LIMIT 1'),
      upsert: db.prepare(`INSERT INTO campaign_contacts (campaign_id, contact_id, phone, status, callback_at, agent_id, added_at, updated_at)
        VALUES (@campaignId, @contactId, @phone, @status, @callbackAt, @agentId, @now, @now)
        ON CONFLICT (campaign_id, contact_id) DO UPDATE SET status = excluded.status, callback_at = excluded.callback_at, next_call_at = NULL,
          updated_at = excluded.updated_at WHERE campaign_contacts.status <> 'in_progress'`),
      byContact: db.prepare<[number, number], { id: number }>('SELECT id FROM campaign_contacts WHERE campaign_id = ? AND contact_id = ?'),
    };
  }

  private toLeads(rows: Row[]): Lead[] {
    if (rows.length === 0) return [];
    const phones = new Map<number, string[]>();
    for (const p of this.s.phones.all(JSON.stringify([...new Set(rows.map((r) => r.contact_id))]))) {
      const list = phones.get(p.contact_id) ?? [];
      list.push(p.e164);
      phones.set(p.contact_id, list);
    }
    return rows.map((r) => ({
      id: r.id, campaignId: r.campaign_id, contactId: r.contact_id, name: r.contact_name,
      phones: [r.phone, ...(phones.get(r.contact_id) ?? []).filter((p) => p !== r.phone)], addedAt: new Date(r.added_at),
      status: r.status, attempts: r.attempts, nextCallAt: date(r.next_call_at), callbackAt: date(r.callback_at),
      doNotCallUntil: date(r.do_not_call_until), lastAbandonedAt: date(r.last_abandoned_at), lastOutcome: r.last_outcome,
      lastDisposition: r.last_disposition, onDnc: false, onBlacklist: false, timezone: r.contact_tz, ownerAgentId: r.agent_id,
    }));
  }

  get(id: LeadId): Lead | undefined {
    const r = this.s.get.get(id);
    return r ? this.toLeads([r])[0] : undefined;
  }

  /** Due callbacks first, then due entries from a point picked by `start` (in [0, 1)) around the list. */
  candidates(q: LeadQuery): Lead[] {
    const now = q.now.toISOString();
    const callbacks = this.s.callbacks.all({ c: q.campaignId, now, limit: q.limit });
    const span = this.s.span.get(q.campaignId, q.campaignId);
    const lo = span?.lo ?? 0;
    const hi = span?.hi ?? 0;
    const pivot = lo + Math.floor(Math.min(Math.max(q.start, 0), 0.999999) * (hi - lo + 1));
    const read = (stmt: typeof this.s.from, limit: number) => CALLABLE_LIST
      .flatMap((s) => stmt.all({ c: q.campaignId, s, now, pivot, limit }))
      .sort((a, b) => a.id - b.id).slice(0, limit);
    const after = read(this.s.from, q.limit);
    const wrapped = after.length < q.limit ? read(this.s.before, q.limit - after.length) : [];
    const seen = new Set<number>();
    const rows = [...callbacks, ...after, ...wrapped].filter((r) => !seen.has(r.id) && seen.add(r.id)).slice(0, q.limit);
    return this.toLeads(rows);
  }

  /** How many entries the prefilter finds due now (what `candidates` reads from). */
  dueCount(campaignId: number, now: Date): number {
    return this.s.dueCount.get({ c: campaignId, now: now.toISOString() })?.n ?? 0;
  }

  nextDueAt(campaignId: number, now: Date): Date | null {
    return date(this.s.nextDue.get(campaignId, now.toISOString())?.at ?? null);
  }

  /** The one conditional UPDATE of a claim: from the status and attempts the caller read, to in_progress. */
  claim(lead: Lead, now: Date): boolean {
    return this.s.claim.run(now.toISOString(), lead.id, lead.status, lead.attempts).changes === 1;
  }

  save(id: LeadId, expected: ContactStatus, next: LeadSnapshot, now: Date): boolean {
    return this.s.save.run({
      id, expected, status: next.status, attempts: next.attempts, nextCallAt: iso(next.nextCallAt), callbackAt: iso(next.callbackAt),
      doNotCallUntil: iso(next.doNotCallUntil), lastAbandonedAt: iso(next.lastAbandonedAt), lastOutcome: next.lastOutcome,
      lastDisposition: next.lastDisposition, agentId: next.ownerAgentId, now: now.toISOString(),
    }).changes === 1;
  }

  inProgress(): Lead[] {
    return this.toLeads(this.s.inProgress.all());
  }

  statusCounts(campaignId: number): Partial<Record<ContactStatus, number>> {
    return Object.fromEntries(this.s.counts.all(campaignId).map((r) => [r.status, r.n]));
  }

  /**
   * An entry the dialer adds itself (an inbound callback request): the contact holding the number, or a new
   * one named after the caller; an entry already in the list is re-queued unless a call to it is live.
   */
  add(input: NewLead, now: Date): Lead {
    const at = now.toISOString();
    const phone = input.phones[0] ?? '';
    const id = this.db.transaction(() => {
      const contactId = input.contactId ?? this.s.holder.get(phone)?.contact_id ?? this.contacts.insert({
        name: input.name, phones: input.phones.map((e164) => ({ e164, type: 'other' as const })), email: null, address: null, birthday: null,
        customFields: {}, tags: [], stage: null, source: 'inbound callback', timezone: input.timezone ?? null,
      }, { ownerId: null, createdBy: null, now: at });
      this.s.upsert.run({
        campaignId: input.campaignId, contactId, phone, status: input.status ?? 'not_started', callbackAt: iso(input.callbackAt ?? null),
        agentId: input.ownerAgentId ?? null, now: at,
      });
      return this.s.byContact.get(input.campaignId, contactId)!.id;
    }).immediate();
    return this.get(id)!;
  }
}
