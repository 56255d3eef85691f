import { timezoneForCountry, isKnownTimezone } from './country-timezone';
import { normalizePhone, type PhoneType } from './phone-number';
import { parseBirthday } from './parse-birthday';

export type CustomValue = string | number | boolean | null;

/** A contact as a person or a spreadsheet row gives it: loose text, phones in any form. */
export interface ContactInput {
  name?: string | null;
  phones?: (string | number)[];
  email?: string | null;
  address?: string | null;
  birthday?: string | number | null;
  customFields?: Record<string, CustomValue> | null;
  tags?: string[];
  stage?: string | null;
  source?: string | null;
  timezone?: string | null;
}

export interface ContactPhone {
  e164: string;
  type: PhoneType;
}

/** A contact checked and normalised: what the store writes. */
export interface ContactDraft {
  name: string;
  phones: ContactPhone[];
  email: string | null;
  address: string | null;
  birthday: string | null;
  customFields: Record<string, CustomValue>;
  tags: string[];
  stage: string | null;
  source: string | null;
  timezone: string | null;
}

/** `field` is the input's path: name, phones.1, email, customFields.company, … */
export interface FieldError {
  field: string;
  message: string;
}

export type DraftResult = { ok: true; draft: ContactDraft } | { ok: false; error: FieldError };

export const CONTACT_LIMITS = { name: 200, phones: 3, email: 254, address: 500, tags: 20, tag: 50, label: 100, customKeys: 50, customValue: 2000 };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const fail = (field: string, message: string): DraftResult => ({ ok: false, error: { field, message } });

/** Trimmed, in composed form (NFC): legacy code pages and some keyboards give Vietnamese letters decomposed. */
function text(v: string | null | undefined): string | null {
  const t = v?.trim();
  if (!t) return null;
  return /[^\x00-\x7f]/.test(t) ? t.normalize('NFC') : t;
}

/** Lower-case, trimmed, de-duplicated tags: searching by tag is then exact and case-blind. */
export function normalizeTags(tags: readonly string[]): string[] {
  if (tags.length === 0) return [];
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0))];
}

function checkPhones(raw: readonly (string | number)[], region: string): { ok: true; phones: ContactPhone[]; country: string | null } | { ok: false; error: FieldError } {
  if (raw.length === 0) return { ok: false, error: { field: 'phones', message: 'at least one phone number is required' } };
  if (raw.length > CONTACT_LIMITS.phones) return { ok: false, error: { field: 'phones', message: `at most ${CONTACT_LIMITS.phones} phone numbers` } };
  const phones: ContactPhone[] = [];
  let country: string | null = null;
  for (const [i, value] of raw.entries()) {
    const parsed = normalizePhone(value, region);
    if (!parsed.ok) return { ok: false, error: { field: `phones.${i}`, message: parsed.reason } };
    if (i === 0) country = parsed.phone.country;
    if (!phones.some((p) => p.e164 === parsed.phone.e164)) phones.push({ e164: parsed.phone.e164, type: parsed.phone.type });
  }
  return { ok: true, phones, country };
}

function checkCustom(custom: Record<string, CustomValue>): FieldError | undefined {
  const keys = Object.keys(custom);
  if (keys.length > CONTACT_LIMITS.customKeys) return { field: 'customFields', message: `at most ${CONTACT_LIMITS.customKeys} custom fields` };
  for (const key of keys) {
    const v = custom[key];
    if (key.trim() === '' || key.length > CONTACT_LIMITS.label) return { field: 'customFields', message: `custom field name "${key}" must have 1 to ${CONTACT_LIMITS.label} characters` };
    if (typeof v === 'string' && v.length > CONTACT_LIMITS.customValue) return { field: `customFields.${key}`, message: `at most ${CONTACT_LIMITS.customValue} characters` };
  }
  return undefined;
}

/** Checks and normalises a contact. Phones go to E.164 read in `region`; the time zone follows the first phone's country unless given. */
export function normalizeContact(input: ContactInput, region: string): DraftResult {
  const name = text(input.name) ?? '';
  if (name.length > CONTACT_LIMITS.name) return fail('name', `at most ${CONTACT_LIMITS.name} characters`);
  const phones = checkPhones(input.phones ?? [], region);
  if (!phones.ok) return { ok: false, error: phones.error };
  const email = text(input.email);
  if (email !== null && (email.length > CONTACT_LIMITS.email || !EMAIL.test(email))) return fail('email', `"${email}" is not an email address`);
  const address = text(input.address);
  if (address !== null && address.length > CONTACT_LIMITS.address) return fail('address', `at most ${CONTACT_LIMITS.address} characters`);
  let birthday: string | null = null;
  if (input.birthday !== null && input.birthday !== undefined && input.birthday !== '') {
    const parsed = parseBirthday(input.birthday);
    if (!parsed) return fail('birthday', `"${String(input.birthday)}" is not a date (use YYYY-MM-DD or DD/MM/YYYY)`);
    birthday = parsed;
  }
  const tags = normalizeTags(input.tags ?? []);
  if (tags.length > CONTACT_LIMITS.tags) return fail('tags', `at most ${CONTACT_LIMITS.tags} tags`);
  const longTag = tags.findIndex((t) => t.length > CONTACT_LIMITS.tag);
  if (longTag >= 0) return fail(`tags.${longTag}`, `a tag has at most ${CONTACT_LIMITS.tag} characters`);
  const stage = text(input.stage);
  const source = text(input.source);
  if (stage && stage.length > CONTACT_LIMITS.label) return fail('stage', `at most ${CONTACT_LIMITS.label} characters`);
  if (source && source.length > CONTACT_LIMITS.label) return fail('source', `at most ${CONTACT_LIMITS.label} characters`);
  const customFields = input.customFields ?? {};
  const customError = checkCustom(customFields);
  if (customError) return { ok: false, error: customError };
  let timezone = text(input.timezone);
  if (timezone !== null && !isKnownTimezone(timezone)) return fail('timezone', `"${timezone}" is not a known time zone`);
  timezone ??= timezoneForCountry(phones.country);
  return { ok: true, draft: { name, phones: phones.phones, email, address, birthday, customFields, tags, stage, source, timezone } };
}
