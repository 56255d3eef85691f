import { Metadata, PhoneNumber, type MetadataJson } from 'libphonenumber-js/core';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import maxMetadata from 'libphonenumber-js/metadata.max.json';

// The same object libphonenumber-js/max uses (one copy in memory); TypeScript reads the JSON's literal type.
const metadata = maxMetadata as unknown as MetadataJson;

/** The parts of the library's numbering plan read here (present at runtime, missing from its typings). */
interface PlanPrefixes {
  callingCode(): string;
  IDDPrefix(): string | undefined;
  nationalPrefix(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
}

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
  const digits = text.replace(SEPARATORS, '');
  return directE164(digits, defaultRegion) ?? parseWithLibrary(digits, text, defaultRegion);
}

/** The full libphonenumber parse (every rule of every numbering plan): the reference, and the path for unusual forms. */
export function parseWithLibrary(digits: string, shown: string, defaultRegion: string): PhoneParseResult {
  // With full metadata a number is valid exactly when it has a type, so asking for the type does both checks.
  const parsed = parsePhoneNumberFromString(digits, defaultRegion as CountryCode);
  const type = parsed?.getType();
  if (!parsed || !type) return { ok: false, reason: `"${shown}" is not a valid phone number` };
  return { ok: true, phone: { e164: parsed.number, country: parsed.country ?? null, type: TYPES[type] ?? 'other' } };
}

interface RegionPrefixes { callingCode: string; idd: string | undefined; nationalPrefix: string | undefined }

function prefixesOf(region: string): RegionPrefixes | undefined {
  const m = new Metadata(metadata) as Metadata & { hasCountry(c: string): boolean };
  if (!m.hasCountry(region)) return undefined;
  m.selectNumberingPlan(region as CountryCode);
  const plan = m.numberingPlan as unknown as PlanPrefixes;
  const plain = (s: string | undefined) => (s && /^\d+$/.test(s) ? s : undefined);
  // Only plain prefixes: a plan with rules (carrier codes, transforms) is left to the library.
  const np = plain(plan.nationalPrefix());
  const simpleNp = np !== undefined && plan.nationalPrefixForParsing() === np && !plan.nationalPrefixTransformRule();
  return { callingCode: plan.callingCode(), idd: plain(plan.IDDPrefix()), nationalPrefix: simpleNp ? np : undefined };
}

/**
 * The common forms read without the library's general parser: +<code><number>, <IDD><code><number> and
 * <national prefix><number>. The candidate is still checked by the library's number plan (a valid one has
 * a type); anything else, or anything it rejects, goes through the full parse. The results are the same
 * (a test compares both on many numbers); this path only skips work, about 3 µs a number on imports.
 */
function directE164(digits: string, region: string): PhoneParseResult | undefined {
  let candidate: string | undefined;
  if (digits.startsWith('+')) candidate = digits;
  else {
    const p = prefixesOf(region);
    if (!p) return undefined;
    if (p.idd && digits.startsWith(p.idd)) candidate = `+${digits.slice(p.idd.length)}`;
    else if (p.nationalPrefix && digits.startsWith(p.nationalPrefix)) candidate = `+${p.callingCode}${digits.slice(p.nationalPrefix.length)}`;
  }
  if (!candidate || !/^\+\d{4,16}$/.test(candidate)) return undefined;
  let number: PhoneNumber;
  try {
    number = new PhoneNumber(candidate as `+${string}`, metadata);
  } catch {
    return undefined; // the library refuses it as E.164 (no known calling code, too short …): its full parse decides
  }
  // A calling code shared by several countries (+1, +7, +44 …) needs the library to tell which one.
  const countries = metadata.country_calling_codes[number.countryCallingCode];
  if (!countries || countries.length !== 1) return undefined;
  const type = number.getType();
  if (!type) return undefined;
  return { ok: true, phone: { e164: number.number, country: countries[0]!, type: TYPES[type] ?? 'other' } };
}

export const isMobileType = (type: PhoneType): boolean => type === 'mobile' || type === 'fixed_line_or_mobile';

/**
 * The national dial string of an E.164 number of `region` (+84912345678 in VN → 0912345678), for trunks that
 * want numbers as dialled inside the country; a number of another country (or one that does not parse) is
 * returned as it was.
 */
export function nationalDialString(e164: string, region: string): string {
  const parsed = parsePhoneNumberFromString(e164, region as CountryCode);
  if (!parsed || parsed.country !== region) return e164;
  return parsed.formatNational().replace(/[^0-9*#]/g, '');
}
