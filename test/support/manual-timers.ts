import type { Timers } from '../../src/domain/clock';
import type { ManualClock } from './test-app';

interface Pending { id: number; due: number; fn: () => void }

/** Timers that fire only when the test moves the clock forward with `advance`, in due order. */
export class ManualTimers implements Timers {
  private pending: Pending[] = [];
  private nextId = 1;

  constructor(private readonly clock: ManualClock) {}

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.push({ id, due: this.clock.now().getTime() + Math.max(0, ms), fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((p) => p.id !== handle);
  }

  /** How many timers are armed (a scheduler should keep exactly one). */
  get armed(): number {
    return this.pending.length;
  }

  /** Moves the clock forward by `ms`, firing each timer at its due time. */
  advance(ms: number): void {
    const end = this.clock.now().getTime() + ms;
    for (;;) {
      const next = [...this.pending].sort((a, b) => a.due - b.due || a.id - b.id)[0];
      if (!next || next.due > end) break;
      this.pending = this.pending.filter((p) => p !== next);
      this.clock.set(new Date(Math.max(next.due, this.clock.now().getTime())));
      next.fn();
    }
    this.clock.set(new Date(end));
  }
}
