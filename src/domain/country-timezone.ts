/**
 * The time zone of countries that have exactly one (civil time is the same everywhere in them).
 * Countries spanning several zones (US, CA, RU, BR, AU, MX, ID, KZ, …) are absent on purpose:
 * a contact there gets a time zone only when it is set explicitly, never a guess.
 */
const SINGLE_ZONE: Record<string, string> = {
  VN: 'Asia/Ho_Chi_Minh', TH: 'Asia/Bangkok', LA: 'Asia/Vientiane', KH: 'Asia/Phnom_Penh', MM: 'Asia/Yangon',
  MY: 'Asia/Kuala_Lumpur', SG: 'Asia/Singapore', PH: 'Asia/Manila', BN: 'Asia/Brunei', TL: 'Asia/Dili',
  CN: 'Asia/Shanghai', HK: 'Asia/Hong_Kong', MO: 'Asia/Macau', TW: 'Asia/Taipei', JP: 'Asia/Tokyo',
  KR: 'Asia/Seoul', KP: 'Asia/Pyongyang', IN: 'Asia/Kolkata', PK: 'Asia/Karachi', BD: 'Asia/Dhaka',
  LK: 'Asia/Colombo', NP: 'Asia/Kathmandu', BT: 'Asia/Thimphu', MV: 'Indian/Maldives', AF: 'Asia/Kabul',
  AE: 'Asia/Dubai', SA: 'Asia/Riyadh', QA: 'Asia/Qatar', KW: 'Asia/Kuwait', BH: 'Asia/Bahrain', OM: 'Asia/Muscat',
  YE: 'Asia/Aden', IR: 'Asia/Tehran', IQ: 'Asia/Baghdad', IL: 'Asia/Jerusalem', JO: 'Asia/Amman', LB: 'Asia/Beirut',
  SY: 'Asia/Damascus', TR: 'Europe/Istanbul', GE: 'Asia/Tbilisi', AM: 'Asia/Yerevan', AZ: 'Asia/Baku',
  UZ: 'Asia/Tashkent', TM: 'Asia/Ashgabat', TJ: 'Asia/Dushanbe', KG: 'Asia/Bishkek',
  GB: 'Europe/London', IE: 'Europe/Dublin', FR: 'Europe/Paris', DE: 'Europe/Berlin', IT: 'Europe/Rome',
  NL: 'Europe/Amsterdam', BE: 'Europe/Brussels', LU: 'Europe/Luxembourg', CH: 'Europe/Zurich', AT: 'Europe/Vienna',
  PL: 'Europe/Warsaw', CZ: 'Europe/Prague', SK: 'Europe/Bratislava', HU: 'Europe/Budapest', RO: 'Europe/Bucharest',
  BG: 'Europe/Sofia', GR: 'Europe/Athens', SE: 'Europe/Stockholm', NO: 'Europe/Oslo', DK: 'Europe/Copenhagen',
  FI: 'Europe/Helsinki', EE: 'Europe/Tallinn', LV: 'Europe/Riga', LT: 'Europe/Vilnius', BY: 'Europe/Minsk',
  UA: 'Europe/Kyiv', MD: 'Europe/Chisinau', RS: 'Europe/Belgrade', HR: 'Europe/Zagreb', SI: 'Europe/Ljubljana',
  BA: 'Europe/Sarajevo', ME: 'Europe/Podgorica', MK: 'Europe/Skopje', AL: 'Europe/Tirane', CY: 'Asia/Nicosia',
  MT: 'Europe/Malta', IS: 'Atlantic/Reykjavik',
  EG: 'Africa/Cairo', ZA: 'Africa/Johannesburg', NG: 'Africa/Lagos', KE: 'Africa/Nairobi', ET: 'Africa/Addis_Ababa',
  MA: 'Africa/Casablanca', DZ: 'Africa/Algiers', TN: 'Africa/Tunis', GH: 'Africa/Accra', TZ: 'Africa/Dar_es_Salaam',
  UG: 'Africa/Kampala', SN: 'Africa/Dakar', CI: 'Africa/Abidjan', CM: 'Africa/Douala', AO: 'Africa/Luanda',
  NZ: 'Pacific/Auckland', CO: 'America/Bogota', PE: 'America/Lima', VE: 'America/Caracas', BO: 'America/La_Paz',
  PY: 'America/Asuncion', UY: 'America/Montevideo', AR: 'America/Argentina/Buenos_Aires', CU: 'America/Havana',
  DO: 'America/Santo_Domingo', JM: 'America/Jamaica', PA: 'America/Panama', CR: 'America/Costa_Rica',
  GT: 'America/Guatemala', HN: 'America/Tegucigalpa', SV: 'America/El_Salvador', NI: 'America/Managua',
};

export function timezoneForCountry(country: string | null | undefined): string | null {
  return (country && SINGLE_ZONE[country.toUpperCase()]) || null;
}

/** Whether the runtime knows this IANA zone name (aliases such as Asia/Saigon included). */
export function isKnownTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
