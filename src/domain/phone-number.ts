import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type PhoneType = 'mobile' | 'fixed_line' | 'fixed_line_or_mobile' | 'voip' | 'toll_free' | 'premium_rate' | 'other';

export interface NormalizedPhone {
  /** +<country code><national number>, no separators. */
  e164: string;
  /** ISO 3166 country of the number, when the numbering plan tells it. */
  country: string | null;
  type: PhoneType;
}

export type PhoneParseResult = { ok: true; phone: NormalizedPhone } | { ok: false; reason: string };

// Digits, a leading +, and the separators people type: spaces (also no-break), dots, dashes, slashes, brackets.
// A leading apostrophe is Excel's "store as text" marker.
const ALLOWED = /^'?[+\d\s\u00a0().\-/]+$/;
const SEPARATORS = /[\s\u00a0().\-/']/g;

const TYPES: Record<string, PhoneType> = {
  MOBILE: 'mobile', FIXED_LINE: 'fixed_line', FIXED_LINE_OR_MOBILE: 'fixed_line_or_mobile',
  VOIP: 'voip', TOLL_FREE: 'toll_free', PREMIUM_RATE: 'premium_rate',
};

/**
 * Reads a phone number as people write it (0912 345 678, 84912345678, +84 912.345.678, 0084…) and
 * returns it in E.164. Numbers without a country code are read in `defaultRegion`.
 */
export function normalizePhone(raw: string | number, defaultRegion: string): PhoneParseResult {
  const text = typeof raw === 'number' ? String(raw) : raw.trim();
  if (text === '') return { ok: false, reason: 'phone is empty' };
  if (!ALLOWED.test(text) || !/\d/.test(text)) return { ok: false, reason: `"${text}" is not a phone number` };
  // Separators gone first: the library then has less to strip. With full metadata a number is valid
  // exactly when it has a type, so asking for the type once does both checks.
  const parsed = parsePhoneNumberFromString(text.replace(SEPARATORS, ''), defaultRegion as CountryCode);
  const type = parsed?.getType();
  if (!parsed || !type) return { ok: false, reason: `"${text}" is not a valid phone number` };
  return { ok: true, phone: { e164: parsed.number, country: parsed.country ?? null, type: TYPES[type] ?? 'other' } };
}

export const isMobileType = (type: PhoneType): boolean => type === 'mobile' || type === 'fixed_line_or_mobile';
