import type { Contact, ContactId } from '../domain/contact';
import type { ContactDraft, ContactPhone, CustomValue } from '../domain/contact-draft';
import { foldText } from '../domain/fold-text';
import type { PhoneType } from '../domain/phone-number';
import type { UserId } from '../domain/roles';
import type { Db } from './database';

export interface NewContactMeta {
  ownerId: UserId | null;
  createdBy: UserId | null;
  now: string;
  importId?: number;
  importRow?: number;
  /** foldText(draft.name), when the caller has it already (imports fold in their reader thread). */
  nameFolded?: string;
}

/** A contact that already has a given number, and where it came from. */
export interface PhoneHolder {
  contactId: ContactId;
  importId: number | null;
  importRow: number | null;
}

interface ContactRow {
  id: number; name: string; email: string | null; address: string | null; birthday: string | null;
  custom_fields: string | null; stage: string | null; source: string | null; timezone: string | null;
  owner_id: number | null; created_by: number | null; do_not_contact: number; do_not_contact_reason: string | null;
  created_at: string; updated_at: string;
}

const COLUMNS = `id, name, email, address, birthday, custom_fields, stage, source, timezone, owner_id, created_by,
  do_not_contact, do_not_contact_reason, created_at, updated_at`;

/**
 * Contacts with their phones, tags and name-search entries. Single-statement methods stand alone;
 * `insert` and `replace` write several tables and expect the caller's transaction (see ContactWriter).
 */
export class ContactRepository {
  private readonly s;

  constructor(private readonly db: Db) {
    // json_each is SQLite's way to bind a list (PostgreSQL: = ANY($1)).
    this.s = {
      insert: db.prepare(`INSERT INTO contacts (name, name_folded, email, address, birthday, custom_fields, stage, source, timezone,
        owner_id, created_by, import_id, import_row, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      update: db.prepare(`UPDATE contacts SET name = ?, name_folded = ?, email = ?, address = ?, birthday = ?, custom_fields = ?,
        stage = ?, source = ?, timezone = ?, updated_at = ? WHERE id = ?`),
      insertPhone: db.prepare('INSERT INTO contact_phones (contact_id, position, e164, type) VALUES (?, ?, ?, ?)'),
      deletePhones: db.prepare('DELETE FROM contact_phones WHERE contact_id = ?'),
      insertTag: db.prepare('INSERT INTO contact_tags (contact_id, tag) VALUES (?, ?)'),
      deleteTags: db.prepare('DELETE FROM contact_tags WHERE contact_id = ?'),
      insertFts: db.prepare('INSERT INTO contacts_fts (rowid, name_folded) VALUES (?, ?)'),
      deleteFts: db.prepare('DELETE FROM contacts_fts WHERE rowid = ?'),
      // Never under a live call: the dialer holds the campaign entry (and the call record names the contact).
      deleteContact: db.prepare(`DELETE FROM contacts WHERE id = ? AND NOT EXISTS
        (SELECT 1 FROM campaign_contacts WHERE contact_id = contacts.id AND status = 'in_progress')`),
      get: db.prepare<[number], ContactRow>(`SELECT ${COLUMNS} FROM contacts WHERE id = ?`),
      many: db.prepare<[string], ContactRow>(`SELECT ${COLUMNS} FROM contacts WHERE id IN (SELECT value FROM json_each(?))`),
      phonesOf: db.prepare<[string], { contact_id: number; e164: string; type: PhoneType }>(
        'SELECT contact_id, e164, type FROM contact_phones WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY contact_id, position'),
      tagsOf: db.prepare<[string], { contact_id: number; tag: string }>(
        'SELECT contact_id, tag FROM contact_tags WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY contact_id, tag'),
      holders: db.prepare<[string], { contact_id: number; import_id: number | null; import_row: number | null }>(
        `SELECT p.contact_id, c.import_id, c.import_row FROM contact_phones p JOIN contacts c ON c.id = p.contact_id
         WHERE p.e164 = ? ORDER BY p.contact_id LIMIT 5`),
      holderId: db.prepare<[string], number>('SELECT contact_id FROM contact_phones WHERE e164 = ? ORDER BY contact_id LIMIT 1').pluck(),
      origin: db.prepare<[number], { import_id: number | null; import_row: number | null }>('SELECT import_id, import_row FROM contacts WHERE id = ?'),
      setOwner: db.prepare('UPDATE contacts SET owner_id = ?, updated_at = ? WHERE id = ?'),
      setDnc: db.prepare('UPDATE contacts SET do_not_contact = ?, do_not_contact_reason = ?, updated_at = ? WHERE id = ?'),
    };
  }

  /** Writes a new contact (row, phones, tags, search entry). Run it inside a transaction. */
  insert(draft: ContactDraft, meta: NewContactMeta): ContactId {
    const folded = meta.nameFolded ?? foldText(draft.name);
    const id = Number(this.s.insert.run(draft.name, folded, draft.email, draft.address, draft.birthday, customJson(draft.customFields),
      draft.stage, draft.source, draft.timezone, meta.ownerId, meta.createdBy, meta.importId ?? null, meta.importRow ?? null,
      meta.now, meta.now).lastInsertRowid);
    this.writePhones(id, draft.phones);
    for (const tag of draft.tags) this.s.insertTag.run(id, tag);
    this.s.insertFts.run(id, folded);
    return id;
  }

  /** Replaces every field, phone and tag of a contact. Run it inside a transaction. */
  replace(id: ContactId, draft: ContactDraft, now: string): void {
    const folded = foldText(draft.name);
    this.s.update.run(draft.name, folded, draft.email, draft.address, draft.birthday, customJson(draft.customFields),
      draft.stage, draft.source, draft.timezone, now, id);
    this.s.deletePhones.run(id);
    this.writePhones(id, draft.phones);
    this.s.deleteTags.run(id);
    for (const tag of draft.tags) this.s.insertTag.run(id, tag);
    this.s.deleteFts.run(id);
    this.s.insertFts.run(id, folded);
  }

  private writePhones(id: ContactId, phones: readonly ContactPhone[]): void {
    phones.forEach((p, i) => this.s.insertPhone.run(id, i, p.e164, p.type));
  }

  /** False when there is no such contact or it is on a live call in a campaign. */
  delete(id: ContactId): boolean {
    return this.db.transaction(() => {
      if (this.s.deleteContact.run(id).changes !== 1) return false;
      this.s.deleteFts.run(id);
      return true;
    }).immediate();
  }

  get(id: ContactId): Contact | undefined {
    return this.getMany([id])[0];
  }

  /** The contacts with these ids, in the order of the ids (missing ones left out). */
  getMany(ids: readonly ContactId[]): Contact[] {
    if (ids.length === 0) return [];
    const json = JSON.stringify(ids);
    const phones = new Map<number, ContactPhone[]>();
    for (const p of this.s.phonesOf.all(json)) {
      const list = phones.get(p.contact_id) ?? [];
      list.push({ e164: p.e164, type: p.type });
      phones.set(p.contact_id, list);
    }
    const tags = new Map<number, string[]>();
    for (const t of this.s.tagsOf.all(json)) tags.set(t.contact_id, [...(tags.get(t.contact_id) ?? []), t.tag]);
    const rows = new Map(this.s.many.all(json).map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = rows.get(id);
      return r ? [toContact(r, phones.get(id) ?? [], tags.get(id) ?? [])] : [];
    });
  }

  /** Contacts that have this number (any position). */
  holdersOf(e164: string): PhoneHolder[] {
    return this.s.holders.all(e164).map((r) => ({ contactId: r.contact_id, importId: r.import_id, importRow: r.import_row }));
  }

  /** The first contact that has this number, if any (one index probe: the import's duplicate check). */
  firstHolderOf(e164: string): PhoneHolder | undefined {
    const contactId = this.s.holderId.get(e164);
    if (contactId === undefined) return undefined;
    const o = this.s.origin.get(contactId)!;
    return { contactId, importId: o.import_id, importRow: o.import_row };
  }

  setOwner(id: ContactId, ownerId: UserId | null, now: string): boolean {
    return this.s.setOwner.run(ownerId, now, id).changes === 1;
  }

  setDoNotContact(id: ContactId, on: boolean, reason: string | null, now: string): boolean {
    return this.s.setDnc.run(on ? 1 : 0, on ? reason : null, now, id).changes === 1;
  }
}

function customJson(custom: Record<string, CustomValue>): string | null {
  return Object.keys(custom).length ? JSON.stringify(custom) : null;
}

function toContact(r: ContactRow, phones: ContactPhone[], tags: string[]): Contact {
  return {
    id: r.id, name: r.name, phones, email: r.email, address: r.address, birthday: r.birthday,
    customFields: r.custom_fields ? JSON.parse(r.custom_fields) as Record<string, CustomValue> : {},
    tags, stage: r.stage, source: r.source, timezone: r.timezone, ownerId: r.owner_id, createdBy: r.created_by,
    doNotContact: r.do_not_contact === 1, doNotContactReason: r.do_not_contact_reason, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}
