/**
 * How long prompts last, in ms, measured from the Debian English core sounds that the reference
 * Asterisk plays. A sound that is not here fails the way a missing file does (PlaybackStarted, then
 * PlaybackFinished "failed"), unless the simulator was given `unknownSoundMs`.
 */
const coreSounds: Readonly<Record<string, number>> = {
  'hello': 786, 'beep': 426, 'goodbye': 932, 'vm-press': 723, 'vm-goodbye': 865, 'vm-from': 738,
  'vm-theperson': 2040, 'vm-isunavail': 1245, 'vm-intro': 5654, 'demo-congrats': 30_277, 'demo-thanks': 5518,
  'tt-monkeys': 16_180, 'pls-hold-while-try': 2425, 'queue-thankyou': 1592, 'auth-thankyou': 960,
  'agent-pass': 3285, 'conf-onlyperson': 3160, 'please-try-again': 1245, 'sorry': 1234, 'pm-invalid-option': 3217,
  'please-try-call-later': 2166,
  'silence/1': 1000, 'silence/2': 2000, 'silence/3': 3000, 'silence/5': 5000, 'silence/10': 10_000,
};

const digitSounds: Readonly<Record<string, number>> = {
  0: 875, 1: 911, 2: 747, 3: 838, 4: 802, 5: 820, 6: 881, 7: 820, 8: 692, 9: 859, 10: 656, 11: 966, 12: 802,
  13: 929, 14: 1057, 15: 1148, 16: 1184, 17: 1203, 18: 1096, 19: 1239, 20: 929, 30: 902, 40: 948, 50: 1225,
  60: 1020, 70: 1039, 80: 838, 90: 1039, hundred: 849, thousand: 893, million: 840, minus: 888, star: 810, pound: 748,
};

/** `ms: null` plays until stopped (tones). */
export type MediaLength = { readonly ok: true; readonly ms: number | null } | { readonly ok: false };

export class SoundLibrary {
  private readonly extra = new Map<string, number>();

  constructor(private readonly unknownSoundMs: number | null, private readonly recordingMs: (name: string) => number | undefined) {}

  set(name: string, ms: number): void { this.extra.set(name, ms); }

  has(name: string): boolean { return this.extra.has(name) || name in coreSounds; }

  names(): string[] { return [...new Set([...Object.keys(coreSounds), ...this.extra.keys()])]; }

  /** The length of one media URI (sound:, digits:, number:, characters:, tone:, recording:). */
  length(uri: string): MediaLength {
    const colon = uri.indexOf(':');
    if (colon < 0) return { ok: false };
    const scheme = uri.slice(0, colon);
    const value = uri.slice(colon + 1);
    switch (scheme) {
      case 'sound': return this.sound(value);
      case 'digits': return ok([...value].reduce((sum, d) => sum + (digitSounds[d === '*' ? 'star' : d === '#' ? 'pound' : d] ?? 0), 0));
      case 'number': return /^-?\d+$/.test(value) ? ok(numberLength(Number(value))) : { ok: false };
      case 'characters': return ok(value.length * 700);
      case 'tone': return { ok: true, ms: null };
      case 'recording': {
        const ms = this.recordingMs(value);
        return ms === undefined ? { ok: false } : ok(ms);
      }
      default: return { ok: false };
    }
  }

  private sound(name: string): MediaLength {
    const known = this.extra.get(name) ?? coreSounds[name];
    if (known !== undefined) return ok(known);
    return this.unknownSoundMs === null ? { ok: false } : ok(this.unknownSoundMs);
  }
}

function ok(ms: number): MediaLength {
  return { ok: true, ms };
}

/** What `number:N` says: "forty two" is digits/40 + digits/2. */
function numberLength(n: number): number {
  const d = (key: string | number) => digitSounds[key] ?? 0;
  if (n < 0) return d('minus') + numberLength(-n);
  if (n <= 20) return d(n);
  if (n < 100) return d(Math.floor(n / 10) * 10) + (n % 10 ? d(n % 10) : 0);
  if (n < 1000) return d(Math.floor(n / 100)) + d('hundred') + (n % 100 ? numberLength(n % 100) : 0);
  if (n < 1_000_000) return numberLength(Math.floor(n / 1000)) + d('thousand') + (n % 1000 ? numberLength(n % 1000) : 0);
  return numberLength(Math.floor(n / 1_000_000)) + d('million') + (n % 1_000_000 ? numberLength(n % 1_000_000) : 0);
}
