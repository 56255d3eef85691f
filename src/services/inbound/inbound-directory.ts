import { normalizeContact } from '../../domain/contact-draft';
import type { InboundDirectory } from '../../dialer/inbound/inbound-desk';
import type { ContactRepository } from '../../store/contact-repository';
import { InboundLookupRepository } from '../../store/inbound/inbound-lookup-repository';
import type { Db } from '../../store/database';

/**
 * The engine's inbound directory over the database: the agents who are ON, the contact known by a number, and for a
 * callback request from a number nobody knows, a new contact with that number (source "callback request", in the
 * lead pool), so the agent who calls back opens a contact rather than a bare number.
 */
export function inboundDirectoryOf(db: Db, contacts: ContactRepository, region: string, now: () => Date): InboundDirectory {
  const lookup = new InboundLookupRepository(db);
  return {
    receivingAgents: () => lookup.receivingAgents(),
    contactByPhone: (e164) => lookup.contactByPhone(e164),
    contactForCallback: (e164) => {
      const known = lookup.contactByPhone(e164);
      if (known) return known;
      const draft = normalizeContact({ name: '', phones: [e164], source: 'callback request' }, region);
      if (!draft.ok) return undefined;
      const id = contacts.insert(draft.draft, { ownerId: null, createdBy: null, now: now().toISOString() });
      return { id, name: '' };
    },
  };
}
