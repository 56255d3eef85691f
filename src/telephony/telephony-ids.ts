import { randomBytes } from 'node:crypto';
import { bridgeId, legId, playbackId, type BridgeId, type LegId, type PlaybackId } from '../domain/telephony-ids';

/**
 * Our ids: `<prefix>.<kind>.<ref>.<random>`. The prefix is stable across restarts (the base app
 * name), so a new process recognises channels and bridges a crashed one left behind. Only
 * [A-Za-z0-9_-] inside a part: ids travel in URL paths and dialplan variables.
 */
const clean = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40) || '_';
const rand = () => randomBytes(4).toString('hex');

export class TelephonyIds {
  readonly prefix: string;
  constructor(prefix: string) {
    this.prefix = clean(prefix);
  }

  leg(role: string, ref: string): LegId { return legId(`${this.prefix}.${clean(role)}.${clean(ref)}.${rand()}`); }
  bridge(ref: string): BridgeId { return bridgeId(`${this.prefix}.bridge.${clean(ref)}.${rand()}`); }
  playback(ref: string): PlaybackId { return playbackId(`${this.prefix}.pb.${clean(ref)}.${rand()}`); }
  recording(ref: string): string { return `${this.prefix}-${clean(ref)}-${rand()}`; }

  /** Role and ref of one of our ids; undefined for foreign ids and Local ";2" halves. */
  parse(id: string): { kind: string; ref: string } | undefined {
    if (id.includes(';')) return undefined;
    const parts = id.split('.');
    if (parts.length !== 4 || parts[0] !== this.prefix) return undefined;
    return { kind: parts[1]!, ref: parts[2]! };
  }
}
