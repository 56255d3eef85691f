import type { Timers } from '../../../src/dialer/dialer-ports';

interface Pending { id: number; due: number; fn: () => void }

/**
 * The engine's (and telephony's) timers on the simulator's virtual clock: they fire only when the driver
 * moves time to them. `freeze` drops them all and ignores new ones: a process that was killed.
 */
export class SimTimers implements Timers {
  private pending: Pending[] = [];
  private nextId = 1;
  private frozen = false;

  constructor(private readonly now: () => number) {}

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    if (!this.frozen) this.pending.push({ id, due: this.now() + Math.max(0, Number.isFinite(ms) ? ms : 0), fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((p) => p.id !== handle);
  }

  nextDue(): number {
    let best = Infinity;
    for (const p of this.pending) if (p.due < best) best = p.due;
    return best;
  }

  /** Runs every timer due by `now`, earliest first, including ones they arm for now. */
  fireDue(now: number): number {
    let n = 0;
    for (let guard = 0; guard < 10_000; guard++) {
      let next: Pending | undefined;
      for (const p of this.pending) if (p.due <= now && (!next || p.due < next.due || (p.due === next.due && p.id < next.id))) next = p;
      if (!next) break;
      this.pending = this.pending.filter((p) => p !== next);
      next.fn();
      n++;
    }
    return n;
  }

  get size(): number { return this.pending.length; }

  freeze(): void {
    this.frozen = true;
    this.pending = [];
  }
}
