import type { SeededRandom } from './seeded-random';

/**
 * Ids the way Asterisk makes them: unique ids `<startup epoch seconds>.<counter>`, Local channel
 * names `Local/…-0000001a;1` with a hex counter, and UUIDs for bridges and playbacks. Counters
 * start again after a restart, with the new epoch as prefix.
 */
export class IdAllocator {
  private unique = 0;
  private sequence = 0;

  constructor(private epochSeconds: number, private readonly rng: SeededRandom) {}

  reset(epochSeconds: number): void {
    this.epochSeconds = epochSeconds;
    this.unique = 0;
    this.sequence = 0;
  }

  uniqueId(): string {
    return `${this.epochSeconds}.${this.unique++}`;
  }

  /** The 8-hex-digit counter in channel names (Local, PJSIP, Announcer, Recorder). */
  nameSuffix(): string {
    return (this.sequence++).toString(16).padStart(8, '0');
  }

  /** A version 4 UUID from the seeded random source, so a seeded run is repeatable. */
  uuid(): string {
    const hex = (n: number) => Array.from({ length: n }, () => Math.floor(this.rng.next() * 16).toString(16)).join('');
    const variant = (8 + Math.floor(this.rng.next() * 4)).toString(16);
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
  }
}
