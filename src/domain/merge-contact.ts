import { CONTACT_LIMITS, type ContactDraft } from './contact-draft';

/**
 * An existing contact updated from an import row: values the row has replace stored ones, values it
 * lacks keep them; phones and tags are added to (never removed), custom fields merged by name.
 */
export function mergeForUpdate(existing: ContactDraft, incoming: ContactDraft, incomingSetsTimezone: boolean): ContactDraft {
  const phones = [...existing.phones];
  for (const p of incoming.phones) if (!phones.some((q) => q.e164 === p.e164) && phones.length < CONTACT_LIMITS.phones) phones.push(p);
  return {
    name: incoming.name || existing.name,
    phones,
    email: incoming.email ?? existing.email,
    address: incoming.address ?? existing.address,
    birthday: incoming.birthday ?? existing.birthday,
    customFields: { ...existing.customFields, ...incoming.customFields },
    tags: [...new Set([...existing.tags, ...incoming.tags])].slice(0, CONTACT_LIMITS.tags),
    stage: incoming.stage ?? existing.stage,
    source: incoming.source ?? existing.source,
    timezone: incomingSetsTimezone ? incoming.timezone : existing.timezone,
  };
}

/** Whether two drafts would store the same contact (tag and custom-field order aside). */
export function sameContact(a: ContactDraft, b: ContactDraft): boolean {
  const key = (d: ContactDraft) => JSON.stringify([
    d.name, d.phones.map((p) => p.e164), d.email, d.address, d.birthday, d.stage, d.source, d.timezone,
    [...d.tags].sort(), Object.entries(d.customFields).sort(([x], [y]) => x.localeCompare(y)),
  ]);
  return key(a) === key(b);
}
